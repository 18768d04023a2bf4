import { type AttachedCheck, type Diagnostic, Reporter, sortDiagnostics, diagnostic, type RuntimeCheck } from './diagnostics/diagnostic.js';
import { GROUP_TYPE_PROBLEM, recipientKeys, sendOptionsProblem, type Recipient, type SendOptions } from '../runtime/recipient.js';
import { emitBody, printJson, type RequestBody } from './emit/json.js';
import { checkIdentifiers } from './emit/names.js';
import { emitDeclarations, emitTypeScript, type ModuleMessage } from './emit/ts.js';
import { checkNumber } from './load/numbers.js';
import { evaluate } from './plan/evaluate.js';
import { planMessage, type BodyPlan } from './plan/plan.js';
import type { TemplateParser } from './templates/grammar.js';
import { LIMITS } from './limits.js';
import { load } from './load/load.js';
import { buildFile } from './model/build.js';
import type { Message, MessageType, WamlFile } from './model/types.js';
import type { Params } from './templates/params.js';
import type { LMap, LNode } from './load/tree.js';
import { toPlain } from './load/tree.js';
import { RULES } from './rules/index.js';
import { checkTemplates, type TemplateInfo } from './templates/check.js';
import { checkData } from './templates/data.js';
import { instantiate } from './templates/instantiate.js';
import type { Value } from '../runtime/template.js';
import type { Span } from './source.js';
import { checkStructure } from './schema/structure.js';
import { checkOutputNames, foldName } from './output-names.js';
import { compileTemplate, TemplateClaims, templateModule, type CompiledTemplate } from './message-templates/compile.js';

/** One `.wa.yaml` source: a path (used in diagnostics and to name outputs) and its text. */
export interface Source {
  path: string;
  text: string;
}

export interface CompileOptions {
  /**
   * The recipient: a phone number, a business-scoped user id, `{ phone, user }`, or
   * `{ group }` (see Recipient in the runtime); when absent, bodies leave `to` out.
   */
  to?: Recipient;
  /** Send-time extras of every body: `replyTo` (context.message_id) and `callbackData` (biz_opaque_callback_data). */
  send?: SendOptions;
  /**
   * A data file: a JSON object of param values, shared by every source. Messages with params
   * are rendered with it; without it they are listed in `unbuilt`.
   */
  data?: Source;
  /**
   * What to produce: `json` request bodies (the default), `ts` sender modules
   * (`<stem>.wa.ts`), `dts` their declarations alone (`<stem>.wa.d.ts`, for compiled modules).
   */
  emit?: readonly ('json' | 'ts' | 'dts')[];
  /** The largest source (or data) file read, in bytes of UTF-8; larger ones are WA903. Default 1 MiB. */
  maxFileSize?: number;
}

/** The default size limit of a source or data file: far beyond any real message file. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The UTF-8 size of a text, computed only when it could be over `limit`. */
function overSize(text: string, limit: number): number | undefined {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return undefined;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : undefined;
}

function tooLarge(path: string, size: number, limit: number): Diagnostic {
  return diagnostic(path, 'WA903', { start: 0, end: 0 }, `${path} is at least ${size} bytes; the limit is ${limit}, so it was not read`, {
    help: 'split it into several files, or raise the limit with --max-file-size',
  });
}

export interface CompiledMessage {
  file: string;
  name: string;
  type: MessageType;
  body: RequestBody;
  /** What a sender must check before sending, for values the compiler could not bound. */
  checks: RuntimeCheck[];
}

/** A message whose templates need param values that were not given. */
export interface Unbuilt {
  file: string;
  name: string;
  nameSpan: Span;
  checks: RuntimeCheck[];
}

/** A file to write, relative to the output folder. */
export interface Output {
  path: string;
  text: string;
  /** The source file and message it comes from. */
  file: string;
  message: string;
  /** Where the message's name stands (JSON outputs), for collision diagnostics across runs. */
  span?: Span;
  /**
   * What the file is: a `request` body (`/messages`), a sender `module`, a message template's
   * `template-creation` body (`/message_templates`) or its `template-send` body.
   */
  kind: 'request' | 'module' | 'template-creation' | 'template-send';
}

export interface CompileResult {
  /** Every problem in every source, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The messages of the sources without errors. */
  messages: CompiledMessage[];
  /** The JSON files to write: `<file stem>.<message name>.json`. */
  outputs: Output[];
  /** Messages of sources without errors that need data to be built (no `data` given). */
  unbuilt: Unbuilt[];
  /** The message templates (`type: template`) of the sources without errors. */
  templates: CompiledTemplate[];
}

/**
 * Whether `to` is a recipient compile() and the senders take: a phone number (digits with an
 * optional leading `+`, 7 to 15 digits), a business-scoped user id, `{ phone, user }` or
 * `{ group }`. Total: any value gives true or false, never an exception.
 */
export function isValidRecipient(to: unknown): boolean {
  return typeof recipientKeys(to as Recipient) !== 'string';
}

/**
 * The recipient a command line names: `group:<id>` for a group, else a phone number or a
 * business-scoped user id (told apart by their forms); a string saying what is wrong otherwise.
 */
export function recipientArg(text: string): { ok: true; to: Recipient } | { ok: false; problem: string } {
  const to: Recipient = text.startsWith('group:') ? { group: text.slice('group:'.length) } : text;
  const keys = recipientKeys(to);
  if (typeof keys !== 'string') return { ok: true, to };
  return { ok: false, problem: typeof to === 'string' ? `is neither a phone number (digits with an optional leading +, ${LIMITS.recipient.min} to ${LIMITS.recipient.max} digits) nor a business-scoped user id (${LIMITS.recipientUser.wording}); a group is \`group:<id>\`` : `${keys} (${LIMITS.recipientGroup.source})` };
}

/**
 * What is wrong with a recipient or send options given to compile() (the RangeError's message),
 * or undefined: a recipient that is none, send options that are not an object, have a key
 * that is not a send option, or a value out of bounds.
 */
export function sendProblem(to: unknown, send: unknown): string | undefined {
  if (to !== undefined) {
    const keys = recipientKeys(to as Recipient);
    if (typeof keys === 'string') return `to: ${JSON.stringify(to)} ${keys}`;
  }
  const problem = send === undefined ? undefined : sendOptionsProblem(send);
  if (!problem) return undefined;
  if (problem.field === 'options') return `send ${problem.problem}`;
  return `send.${problem.field}: ${JSON.stringify((send as Record<string, unknown>)[problem.field])} ${problem.problem}`;
}

/** `help` for `menus/help.wa.yaml`. */
export function fileStem(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  for (const ending of ['.wa.yaml', '.wa.yml', '.yaml', '.yml']) {
    if (base.endsWith(ending) && base.length > ending.length) return base.slice(0, -ending.length);
  }
  return base;
}

/**
 * Compiles `.wa.yaml` sources: every problem of every source as a diagnostic, and for each
 * source without errors its messages' request bodies and the JSON files to write. Pure: it
 * reads and writes no files. A source with errors contributes diagnostics only; the others
 * still build.
 *
 * `parse` is the template parser (grammar/): passed in, so that a shell may load it only
 * when some source holds a placeholder. compile() (compile.ts) passes the grammar's own.
 *
 * @throws RangeError when `options.to` is not a valid recipient, or `options.send` is not an
 * object of known send options with valid values (see sendProblem).
 */
export function compileWith(parse: TemplateParser, sources: readonly Source[] | Source, options: CompileOptions = {}): CompileResult {
  const list = Array.isArray(sources) ? (sources as readonly Source[]) : [sources as Source];
  const problem = sendProblem(options.to, options.send);
  if (problem !== undefined) throw new RangeError(problem);
  const diagnostics: Diagnostic[] = [];
  const perFile: { path: string; messages: { compiled: CompiledMessage; nameSpan: Span }[]; modules: Output[]; templates: CompiledTemplate[] }[] = [];
  const emit = new Set(options.emit ?? ['json']);
  const unbuilt: Unbuilt[] = [];
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const dataSize = options.data ? overSize(options.data.text, limit) : undefined;
  const data = options.data && dataSize === undefined ? loadData(options.data) : undefined;
  if (options.data && dataSize !== undefined) diagnostics.push(tooLarge(options.data.path, dataSize, limit));
  const dataDiagnostics = new Map<string, Diagnostic>();

  const context: SourceContext = { parse, emit, limit, data, dataDiagnostics, ...(options.to !== undefined ? { to: options.to } : {}), ...(options.send !== undefined ? { send: options.send } : {}) };
  for (const source of list) {
    const one = compileSource(source, context);
    diagnostics.push(...one.diagnostics);
    if (one.errorCount === 0) {
      perFile.push({ path: source.path, messages: one.messages, modules: one.modules, templates: one.templates ?? [] });
      unbuilt.push(...one.waiting);
    }
  }
  if (data) diagnostics.push(...data.diagnostics, ...dataDiagnostics.values());

  // Output names are flat (`<stem>.<name>.json`): two files may claim the same one.
  const claims = new OutputClaims();
  const templateClaims = new TemplateClaims();
  const templates: CompiledTemplate[] = [];
  const messages: CompiledMessage[] = [];
  const outputs: Output[] = [];
  for (const f of [...perFile].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const json = emit.has('json') ? jsonOutputs(f.path, f.messages, f.templates) : [];
    const collisions = [...claims.claim(f.path, [...f.modules, ...json]), ...templateClaims.claim(f.templates)];
    if (collisions.length > 0) {
      diagnostics.push(...collisions);
      continue;
    }
    messages.push(...f.messages.map((x) => x.compiled));
    templates.push(...f.templates);
    outputs.push(...f.modules, ...json);
  }
  return { diagnostics: sortDiagnostics(diagnostics), messages, outputs, unbuilt, templates };
}

/** What compiling one source needs beyond its text. */
interface SourceContext {
  parse: TemplateParser;
  emit: Set<string>;
  limit: number;
  to?: Recipient;
  send?: SendOptions;
  data?: ReturnType<typeof loadData>;
  dataDiagnostics?: Map<string, Diagnostic>;
}

/**
 * One source compiled on its own: its tree and model (for tools that read them too, such as
 * the language server), its diagnostics, and what it builds. Collisions between files are
 * compile()'s (see OutputClaims).
 */
export interface CompiledSource {
  path: string;
  /** Absent when the file is over the size limit or not a YAML mapping. */
  root?: LMap;
  /** The model, its templates checked: a typed copy (placeholders carry their types). */
  file?: WamlFile;
  tooLarge: boolean;
  diagnostics: Diagnostic[];
  errorCount: number;
  messages: { compiled: CompiledMessage; nameSpan: Span }[];
  modules: Output[];
  waiting: Unbuilt[];
  /** Its message templates: creation bodies, and send bodies when they could be built. */
  templates?: CompiledTemplate[];
}

/** Compiles one source without data: what an editor shows of one file. compileOne() (compile.ts) passes the grammar. */
export function compileOneWith(parse: TemplateParser, source: Source, options: Pick<CompileOptions, 'maxFileSize' | 'emit'> = {}): CompiledSource {
  return compileSource(source, { parse, emit: new Set(options.emit ?? ['json']), limit: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
}

/**
 * The JSON outputs of a source's built messages, `<stem>.<message>.json`, and of its message
 * templates: `<stem>.<message>.<language>.template.json` (the creation body) and, when built,
 * `<stem>.<message>.json` (the send body).
 */
export function jsonOutputs(path: string, messages: CompiledSource['messages'], templates: readonly CompiledTemplate[] = []): Output[] {
  const out: Output[] = messages.map(({ compiled: m, nameSpan }) => ({ path: `${fileStem(path)}.${m.name}.json`, text: printJson(m.body), file: path, message: m.name, span: nameSpan, kind: 'request' as const }));
  for (const t of templates) {
    out.push({ path: `${fileStem(path)}.${t.message}.${t.language}.template.json`, text: printJson(t.creation), file: path, message: t.message, span: t.nameSpan, kind: 'template-creation' });
    if (t.send) out.push({ path: `${fileStem(path)}.${t.message}.json`, text: printJson(t.send), file: path, message: t.message, span: t.nameSpan, kind: 'template-send' });
  }
  return out;
}

function compileSource(source: Source, context: SourceContext): CompiledSource {
  const { emit, limit, data } = context;
  const options: { to?: Recipient; send?: SendOptions } = {};
  if (context.to !== undefined) options.to = context.to;
  if (context.send !== undefined) options.send = context.send;
  const dataDiagnostics = context.dataDiagnostics ?? new Map<string, Diagnostic>();
  const out: CompiledSource = { path: source.path, tooLarge: false, diagnostics: [], errorCount: 0, messages: [], modules: [], waiting: [] };
  const size = overSize(source.text, limit);
  if (size !== undefined) {
    out.tooLarge = true;
    out.diagnostics.push(tooLarge(source.path, size, limit));
    out.errorCount = 1;
    return out;
  }
  const reporter = new Reporter(source.path);
  const { root } = load(source.text, reporter);
  const { messages, waiting, modules } = out;
  const templates: CompiledTemplate[] = (out.templates = []);
  out.root = root;
  if (root) {
    checkStructure(root, reporter);
    const parsed = buildFile(source.path, root, source.text, reporter, context.parse);
    checkIdentifiers(parsed, reporter);
    checkOutputNames(fileStem(source.path), parsed.messages, reporter);
    // The template check gives a typed copy of the model; the rules read it, nothing changes it.
    const infos = new Map<string, TemplateInfo>();
    const file: WamlFile = {
      ...parsed,
      messages: parsed.messages.map((m) => {
        const info = checkTemplates(m, reporter);
        infos.set(m.name, info);
        return info.message;
      }),
    };
    out.file = file;
    reportUnused(file, infos, reporter);
    const attached = new Map<string, AttachedCheck[]>();
    for (const m of file.messages) {
      const before = reporter.checks.length;
      for (const rule of RULES) rule.check(m, reporter);
      attached.set(m.name, reporter.checks.slice(before));
    }
    const checks = new Map([...attached].map(([name, list]) => [name, list.map((a) => a.check)]));
    // A group takes no interactive message (Groups messaging page): its bodies are not built.
    if (options.to !== undefined && typeof options.to === 'object' && 'group' in options.to) {
      for (const m of file.messages) {
        if (m.type === 'template') continue;
        reporter.report('WA825', m.nameSpan, `\`${m.name}\` is an interactive message, built for the group \`${options.to.group}\`: the recipient ${GROUP_TYPE_PROBLEM('interactive')}`, {
          help: `build it for a person (a phone number or a user id), or send the group a text or media template (${LIMITS.recipientGroup.source})`,
        });
      }
    }
    // Only a file without errors has bodies: one plan per message, its checks attached.
    const plans = new Map<string, BodyPlan>();
    // Message templates have bodies and senders of their own (compiler/message-templates).
    const interactive = { ...file, messages: file.messages.filter((m) => m.type !== 'template') };
    const tpl = file.messages.filter((m) => m.type === 'template');
    if (reporter.errorCount === 0) for (const m of interactive.messages) plans.set(m.name, planMessage(m, attached.get(m.name)!));
    // A message's params are those it reads: a sender takes and checks exactly these.
    const used = new Map(file.messages.map((m) => [m.name, readParams(m, infos.get(m.name)!)]));
    const module = (): ModuleMessage[] => interactive.messages.map((m) => ({ message: m, plan: plans.get(m.name)!, params: used.get(m.name) ?? m.scope }));
    if (reporter.errorCount === 0 && emit.has('ts')) {
      const text = templateModule(interactive.messages.length > 0 ? emitTypeScript(interactive, module(), source.text) : undefined, file, tpl, source.text, used, 'ts');
      modules.push({ path: `${fileStem(source.path)}.wa.ts`, text, file: source.path, message: '', kind: 'module' });
    }
    if (reporter.errorCount === 0 && emit.has('dts')) {
      const text = templateModule(interactive.messages.length > 0 ? emitDeclarations(interactive, module(), source.text) : undefined, file, tpl, source.text, used, 'dts');
      modules.push({ path: `${fileStem(source.path)}.wa.d.ts`, text, file: source.path, message: '', kind: 'module' });
    }
    if (reporter.errorCount === 0) {
      for (const m of file.messages) {
        const info = infos.get(m.name)!;
        if (m.type === 'template') {
          const t = compileTemplate(m, source, info, data, used.get(m.name)!, reporter, dataDiagnostics, options.to, options.send);
          templates.push(t.compiled);
          if (t.waiting) waiting.push({ file: source.path, name: m.name, nameSpan: m.nameSpan, checks: checks.get(m.name)! });
          continue;
        }
        const mine = checks.get(m.name)!;
        const plan = plans.get(m.name)!;
        if (!info.needsData && !info.templated) {
          messages.push({ compiled: { file: source.path, name: m.name, type: m.type!, body: emitBody(plan, options.to, options.send), checks: mine }, nameSpan: m.nameSpan });
          continue;
        }
        let values: { [key: string]: Value };
        const renderedReporter = new Reporter(source.path);
        if (info.needsData) {
          if (!data) {
            waiting.push({ file: source.path, name: m.name, nameSpan: m.nameSpan, checks: mine });
            continue;
          }
          if (!data.root) continue; // The data file itself is broken; its diagnostics say why.
          const dataReporter = new Reporter(data.path);
          if (!checkData(data.root, used.get(m.name)!, source.path, dataReporter)) {
            for (const d of dataReporter.diagnostics) dataDiagnostics.set(`${d.span.start}:${d.span.end}:${d.message}`, d);
            continue;
          }
          values = toPlain(data.root) as { [key: string]: Value };
          renderedReporter.suffix = ` (rendered with ${data.path})`;
        } else {
          // Placeholders of literals alone are rendered now (they need no data), and the
          // rendered message goes through the rules again, as one rendered with data does.
          values = Object.create(null) as { [key: string]: Value };
        }
        // The rendered message goes through the same rules; what they find is in its source.
        const rendered = instantiate(m, values);
        for (const rule of RULES) rule.check(rendered, renderedReporter);
        // The body is the plan evaluated with the values, its checks run as a sender runs them.
        const built = evaluate(plan, values, options);
        // Every check in the plan is also a rule: the rendered message broke it too.
        if ('failure' in built && renderedReporter.errorCount === 0) throw new Error(`the rules missed what a sender refuses in ${m.name}: ${built.failure.check.kind} ${built.failure.problem}`);
        // Without data, the warnings are those of the message as written, already reported.
        reporter.diagnostics.push(...renderedReporter.diagnostics.filter((d) => info.needsData || d.severity === 'error'));
        if (renderedReporter.errorCount === 0 && 'body' in built) {
          messages.push({ compiled: { file: source.path, name: m.name, type: m.type!, body: built.body, checks: mine }, nameSpan: m.nameSpan });
        }
      }
    }
  }
  out.diagnostics = reporter.diagnostics;
  out.errorCount = reporter.errorCount;
  return out;
}

/** The params of its scope that a message reads. */
function readParams(m: Message, info: TemplateInfo): Params {
  const out = Object.create(null) as Params;
  for (const [name, p] of Object.entries(m.scope)) if (info.used.has(name)) out[name] = p;
  return out;
}

/** What a claim keeps of an output: its path and where it comes from, not its text. */
interface Claim {
  path: string;
  file: string;
  message: string;
  span: Span | undefined;
}

/**
 * Output paths claimed file by file, in path order: a file any of whose outputs another file
 * already writes gets a WA901 for each and writes nothing. compile() uses it within a run;
 * the CLI across its batches.
 */
export class OutputClaims {
  /** Who writes each path: the path, source, message and name's place, never the output's text. */
  private readonly claimed = new Map<string, Claim>();
  /** The same claims by their case-folded paths: on macOS and Windows `A.json` is `a.json`. */
  private readonly folded = new Map<string, Claim>();

  /** The collisions of a file's outputs; when there are none, the outputs are claimed. */
  claim(file: string, outputs: readonly Output[]): Diagnostic[] {
    const collisions: Diagnostic[] = [];
    for (const o of outputs) {
      const first = this.claimed.get(o.path);
      const none = { start: 0, end: 0 };
      if (!first) {
        const twin = this.folded.get(foldName(o.path));
        if (twin && twin.file !== file) {
          collisions.push(
            diagnostic(file, 'WA905', o.span ?? none, `${o.path} differs only in case from ${twin.path}, which ${twin.message ? `\`${twin.message}\` of ` : ''}${twin.file} writes: one file on macOS and Windows`, {
              related: [{ file: twin.file, span: twin.span ?? none, message: 'also written from here' }],
              help: o.message ? 'rename the message or the file' : 'rename one of the files',
            }),
          );
        }
        continue;
      }
      if (first.file === file) continue;
      collisions.push(
        o.message
          ? diagnostic(file, 'WA901', o.span ?? none, `message \`${o.message}\` would be written to ${o.path}, which \`${first.message}\` of ${first.file} already writes`, {
              related: [{ file: first.file, span: first.span ?? none, message: 'also written by this message' }],
              help: 'rename the message or the file',
            })
          : diagnostic(file, 'WA901', none, `this file's module would be written to ${o.path}, which ${first.file} already writes`, {
              related: [{ file: first.file, span: none, message: 'also written from this file' }],
              help: 'rename one of the files',
            }),
      );
    }
    if (collisions.length === 0) {
      for (const o of outputs) {
        const claim: Claim = { path: o.path, file: o.file, message: o.message, span: o.span };
        this.claimed.set(o.path, claim);
        this.folded.set(foldName(o.path), claim);
      }
    }
    return collisions;
  }
}

/** Reads the data file: a JSON (or YAML) object of param values. */
function loadData(source: Source): { path: string; root: LMap | undefined; diagnostics: Diagnostic[] } {
  const reporter = new Reporter(source.path);
  const { root } = load(source.text, reporter);
  let exact = true;
  const numbers = (n: LNode, seen: Set<LNode>): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'scalar') exact = checkNumber(n, reporter) && exact;
    else if (n.kind === 'seq') for (const x of n.items) numbers(x, seen);
    else for (const e of n.entries) numbers(e.value, seen);
  };
  if (root) numbers(root, new Set());
  if (!exact) return { path: source.path, root: undefined, diagnostics: reporter.diagnostics };
  const diagnostics = reporter.diagnostics.map((d) =>
    d.code === 'WA107' ? diagnostic(source.path, 'WA522', d.span, 'the data file must hold one JSON object of param values', { help: 'write `{ "name": "Asha", "products": [ … ] }`' }) : d,
  );
  return { path: source.path, root, diagnostics };
}

/** A param nobody reads is likely a mistake (a typo in a placeholder, or a leftover). */
function reportUnused(file: WamlFile, infos: Map<string, TemplateInfo>, r: Reporter): void {
  const usedAnywhere = new Set<string>();
  for (const info of infos.values()) for (const name of info.used) usedAnywhere.add(name);
  for (const [name, p] of Object.entries(file.params)) {
    if (!usedAnywhere.has(name)) r.report('WA510', p.nameSpan, `the param \`${name}\` is never used`, { help: 'use it in a placeholder, or remove it' });
  }
  for (const m of file.messages) {
    const used = infos.get(m.name)?.used ?? new Set<string>();
    for (const [name, p] of Object.entries(m.params)) {
      if (!used.has(name) && !(name in file.params)) r.report('WA510', p.nameSpan, `the param \`${name}\` of message \`${m.name}\` is never used`, { help: 'use it in a placeholder, or remove it' });
    }
  }
}
