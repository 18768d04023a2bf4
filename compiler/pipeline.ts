import { type AttachedCheck, type Diagnostic, Reporter, sortDiagnostics, diagnostic, type RuntimeCheck } from './diagnostics/diagnostic.js';
import { GROUP_TYPE_PROBLEM, recipientKeys, sendOptionsProblem, type Recipient, type SendOptions } from '../runtime/recipient.js';
import { emitBody, printJson, type RequestBody } from './emit/json.js';
import { checkIdentifiers } from './emit/names.js';
import { emitDeclarations, emitTypeScript, type ModuleMessage } from './emit/ts.js';
import { checkNumber } from './load/numbers.js';
import { evaluate } from './plan/evaluate.js';
import { planMessage, withLanguages, type BodyPlan } from './plan/plan.js';
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
import { SourceText, type Span } from './source.js';
import { checkStructure } from './schema/structure.js';
import { checkOutputNames, foldName } from './output-names.js';
import { compileTemplate, TemplateClaims, templateModule, type CompiledTemplate } from './message-templates/compile.js';
import { checkSameInEveryLanguage, languagesOf, projectMessage } from './languages/project.js';
import { messageEntry, messageTexts, type LanguageIndex, type LanguageUnit } from './languages/texts.js';
import { finishDiagnostics, LanguageDiagnostics } from './languages/diagnostics.js';
import { entry } from './load/tree.js';

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
  /**
   * The languages to check and build, for messages with `languages:` (the others are built
   * as always); all of each message's languages when absent.
   */
  languages?: readonly string[];
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
  /** The language of this body, for a message with `languages:` (one body per language). */
  language?: string;
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
  /** The texts of every message with `languages:`, per language (read through languageTexts()). */
  languages?: LanguageIndex;
  /** Every language some message of the sources declares, sorted (whatever `languages` option chose). */
  languageCodes?: string[];
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
  /** The sources with messages in several languages, whose texts are indexed when read. */
  const translated: CompiledSource[] = [];
  const languageCodes = new Set<string>();
  const emit = new Set(options.emit ?? ['json']);
  const unbuilt: Unbuilt[] = [];
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const dataSize = options.data ? overSize(options.data.text, limit) : undefined;
  const data = options.data && dataSize === undefined ? loadData(options.data) : undefined;
  if (options.data && dataSize !== undefined) diagnostics.push(tooLarge(options.data.path, dataSize, limit));
  const dataDiagnostics = new Map<string, Diagnostic>();

  const context: SourceContext = { parse, emit, limit, data, dataDiagnostics, ...(options.to !== undefined ? { to: options.to } : {}), ...(options.send !== undefined ? { send: options.send } : {}), ...(options.languages ? { languages: new Set(options.languages) } : {}) };
  for (const source of list) {
    const one = compileSource(source, context);
    diagnostics.push(...one.diagnostics);
    for (const code of one.languageCodes ?? []) languageCodes.add(code);
    if ('languages' in one) translated.push(one);
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
  const result: CompileResult = { diagnostics: sortDiagnostics(diagnostics), messages, outputs, unbuilt, templates };
  if (translated.length > 0) {
    lazy(result, 'languages', () => {
      const languages: LanguageIndex = { messages: [], texts: [] };
      for (const one of translated) {
        languages.messages.push(...one.languages!.messages);
        languages.texts.push(...one.languages!.texts);
      }
      return languages;
    });
  }
  if (languageCodes.size > 0) result.languageCodes = [...languageCodes].sort();
  return result;
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
  /** The languages to build (`--language`); all when absent. */
  languages?: ReadonlySet<string>;
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
  /** Its messages with `languages:` and their texts per language (see languageTexts). */
  languages?: LanguageIndex;
  /** The languages its messages declare. */
  languageCodes?: string[];
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
  const lang = (language: string | undefined) => (language === undefined ? '' : `.${language}`);
  const out: Output[] = messages.map(({ compiled: m, nameSpan }) => ({ path: `${fileStem(path)}.${m.name}${lang(m.language)}.json`, text: printJson(m.body), file: path, message: m.name, span: nameSpan, kind: 'request' as const }));
  for (const t of templates) {
    out.push({ path: `${fileStem(path)}.${t.message}.${t.language}.template.json`, text: printJson(t.creation), file: path, message: t.message, span: t.nameSpan, kind: 'template-creation' });
    if (t.send) out.push({ path: `${fileStem(path)}.${t.message}${lang(t.languages ? t.language : undefined)}.json`, text: printJson(t.send), file: path, message: t.message, span: t.nameSpan, kind: 'template-send' });
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
    for (const m of parsed.messages) checkSameInEveryLanguage(m, reporter);
    // Each message in each of its languages is one unit: a copy in that language, which the
    // template check types and the rules check as a message in one language. A message
    // without `languages:` is one unit, itself.
    const units: Unit[] = [];
    const said = new LanguageDiagnostics();
    const declared = new Set<string>();
    /** Messages none of whose languages `--language` chose: not checked in this run. */
    const left = new Set<string>();
    for (const m of parsed.messages) {
      const all = languagesOf(m);
      for (const code of all) declared.add(code);
      if (all.length === 0) {
        const info = checkTemplates(m, reporter);
        units.push({ key: m.name, source: m, info, message: info.message });
        continue;
      }
      if (context.languages && !all.some((l) => context.languages!.has(l))) left.add(m.name);
      for (const language of all) {
        if (context.languages && !context.languages.has(language)) continue;
        const info = said.run(reporter, m.name, language, () => checkTemplates(projectMessage(m, language), reporter));
        units.push({ key: `${m.name}\u0000${language}`, source: m, language, info, message: info.message });
      }
    }
    // The units of each message, by its name (names are unique in a file).
    const unitsOf = new Map<string, Unit[]>();
    for (const u of units) {
      const list = unitsOf.get(u.source.name) ?? [];
      list.push(u);
      unitsOf.set(u.source.name, list);
    }
    if (declared.size > 0) out.languageCodes = [...declared];
    // The model others read (the language server): each message in its default language.
    const first = new Map<string, Unit>();
    for (const [name, list] of unitsOf) first.set(name, list[0]!);
    const file: WamlFile = { ...parsed, messages: parsed.messages.filter((m) => first.has(m.name)).map((m) => first.get(m.name)!.message) };
    out.file = file;
    // A message's params are those it reads in any of its languages.
    const usedNames = new Map<string, Set<string>>();
    for (const u of units) {
      const names = usedNames.get(u.source.name) ?? new Set<string>();
      for (const name of u.info.used) names.add(name);
      usedNames.set(u.source.name, names);
    }
    reportUnused(parsed, usedNames, reporter, left);
    const attached = new Map<string, AttachedCheck[]>();
    for (const u of units) {
      const before = reporter.checks.length;
      said.run(reporter, u.source.name, u.language, () => {
        for (const rule of RULES) rule.check(u.message, reporter);
      });
      attached.set(u.key, reporter.checks.slice(before));
    }
    const checks = new Map([...attached].map(([key, list]) => [key, list.map((a) => a.check)]));
    // The texts of each message per language, with the limits the rules measured them by.
    // Found only when read (translations and the language server read it; a build does not),
    // from the limits as the rules left them here.
    const translated = parsed.messages.some((m) => (unitsOf.get(m.name) ?? []).some((u) => u.source === m && u.language !== undefined));
    if (translated) {
      const limits = new Map(reporter.limits);
      lazy(out, 'languages', () => {
        const index: LanguageIndex = { messages: [], texts: [] };
        const messagesNode = entry(root, 'messages')?.value;
        for (const m of parsed.messages) {
          const mine = (unitsOf.get(m.name) ?? []).filter((u): u is Unit & { language: string } => u.source === m && u.language !== undefined);
          if (mine.length === 0) continue;
          index.messages.push(messageEntry(m));
          const node = messagesNode?.kind === 'map' ? entry(messagesNode, m.name)?.value : undefined;
          index.texts.push(...messageTexts(m, node, mine.map((u): LanguageUnit => ({ language: u.language, message: u.message })), limits));
        }
        return index;
      });
    }
    // A group takes no interactive message (Groups messaging page): its bodies are not built.
    if (options.to !== undefined && typeof options.to === 'object' && 'group' in options.to) {
      for (const m of file.messages) {
        if (m.type === 'template') continue;
        reporter.report('WA825', m.nameSpan, `\`${m.name}\` is an interactive message, built for the group \`${options.to.group}\`: the recipient ${GROUP_TYPE_PROBLEM('interactive')}`, {
          help: `build it for a person (a phone number or a user id), or send the group a text or media template (${LIMITS.recipientGroup.source})`,
        });
      }
    }
    // Only a file without errors has bodies: one plan per message and language, its checks attached.
    const plans = new Map<string, BodyPlan>();
    const interactiveUnits = units.filter((u) => u.source.type !== 'template');
    if (reporter.errorCount === 0) for (const u of interactiveUnits) plans.set(u.key, planMessage(u.message, attached.get(u.key)!));
    // Message templates have bodies and senders of their own (compiler/message-templates).
    const interactive = { ...file, messages: file.messages.filter((m) => m.type !== 'template') };
    const tpl = file.messages.filter((m) => m.type === 'template');
    // A message's params are those it reads: a sender takes and checks exactly these.
    const used = new Map(units.map((u) => [u.key, readParams(u.message, usedNames.get(u.source.name)!)]));
    const usedByName = new Map(units.map((u) => [u.source.name, used.get(u.key)!]));
    const templateLanguages = new Map<string, Message[]>();
    for (const u of units) {
      if (u.source.type !== 'template' || u.language === undefined) continue;
      const list = templateLanguages.get(u.source.name) ?? [];
      list.push(u.message);
      templateLanguages.set(u.source.name, list);
    }
    // A sender's plan: the message's, carrying the plan of each of its languages.
    const module = (): ModuleMessage[] =>
      interactive.messages.map((m) => {
        const mine = unitsOf.get(m.name) ?? [];
        const plan = withLanguages(mine.map((u) => ({ language: u.language, plan: plans.get(u.key)! })));
        return { message: m, plan, params: usedByName.get(m.name) ?? m.scope };
      });
    if (reporter.errorCount === 0 && emit.has('ts')) {
      const text = templateModule(interactive.messages.length > 0 ? emitTypeScript(interactive, module(), source.text) : undefined, file, tpl, source.text, usedByName, 'ts', templateLanguages);
      modules.push({ path: `${fileStem(source.path)}.wa.ts`, text, file: source.path, message: '', kind: 'module' });
    }
    if (reporter.errorCount === 0 && emit.has('dts')) {
      const text = templateModule(interactive.messages.length > 0 ? emitDeclarations(interactive, module(), source.text) : undefined, file, tpl, source.text, usedByName, 'dts', templateLanguages);
      modules.push({ path: `${fileStem(source.path)}.wa.d.ts`, text, file: source.path, message: '', kind: 'module' });
    }
    if (reporter.errorCount === 0) {
      const waitingFor = new Set<string>();
      // The file's line starts, found once for all its templates (not once per template).
      let lines: SourceText | undefined;
      for (const u of units) {
        const m = u.message;
        const info = u.info;
        const language = u.language === undefined ? {} : { language: u.language };
        if (m.type === 'template') {
          const t = said.run(reporter, m.name, u.language, () => compileTemplate(m, (lines ??= new SourceText(source.path, source.text)), info, data, used.get(u.key)!, reporter, dataDiagnostics, options.to, options.send));
          if (u.language !== undefined) t.compiled.languages = languagesOf(u.source);
          templates.push(t.compiled);
          if (t.waiting && !waitingFor.has(m.name)) {
            waitingFor.add(m.name);
            waiting.push({ file: source.path, name: m.name, nameSpan: m.nameSpan, checks: checks.get(u.key)! });
          }
          continue;
        }
        const mine = checks.get(u.key)!;
        const plan = plans.get(u.key)!;
        if (!info.needsData && !info.templated) {
          messages.push({ compiled: { file: source.path, name: m.name, ...language, type: m.type!, body: emitBody(plan, options.to, options.send), checks: mine }, nameSpan: m.nameSpan });
          continue;
        }
        let values: { [key: string]: Value };
        const renderedReporter = new Reporter(source.path);
        if (info.needsData) {
          if (!data) {
            if (!waitingFor.has(m.name)) {
              waitingFor.add(m.name);
              waiting.push({ file: source.path, name: m.name, nameSpan: m.nameSpan, checks: mine });
            }
            continue;
          }
          if (!data.root) continue; // The data file itself is broken; its diagnostics say why.
          const dataReporter = new Reporter(data.path);
          if (!checkData(data.root, used.get(u.key)!, source.path, dataReporter)) {
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
        said.run(reporter, m.name, u.language, () => reporter.diagnostics.push(...renderedReporter.diagnostics.filter((d) => info.needsData || d.severity === 'error')));
        if (renderedReporter.errorCount === 0 && 'body' in built) {
          messages.push({ compiled: { file: source.path, name: m.name, ...language, type: m.type!, body: built.body, checks: mine }, nameSpan: m.nameSpan });
        }
      }
    }
    // Each language's diagnostics stand on its text: a shared text's are said once, and one
    // on a language's own text names the language.
    out.diagnostics = finishDiagnostics(reporter.diagnostics, parsed.messages);
    out.errorCount = out.diagnostics.filter((d) => d.severity === 'error').length;
    return out;
  }
  out.diagnostics = reporter.diagnostics;
  out.errorCount = reporter.errorCount;
  return out;
}

/**
 * Defines `key` on `target` as a value computed on its first read and kept: a property like
 * any other (enumerable, and copied by a spread or a structured clone), whose work is done
 * only for a caller that reads it. `compute` must be pure.
 */
function lazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value as T[K];
    },
  });
}

/** One message in one of its languages (or a message in one language), as checked. */
interface Unit {
  /** The message's name, and its language when it has several. */
  key: string;
  source: Message;
  language?: string;
  info: TemplateInfo;
  /** The typed copy the rules read. */
  message: Message;
}

/** The params of its scope that a message reads. */
function readParams(m: Message, used: ReadonlySet<string>): Params {
  const out = Object.create(null) as Params;
  for (const [name, p] of Object.entries(m.scope)) if (used.has(name)) out[name] = p;
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
function reportUnused(file: WamlFile, infos: ReadonlyMap<string, ReadonlySet<string>>, r: Reporter, left: ReadonlySet<string> = new Set()): void {
  const usedAnywhere = new Set<string>();
  // A message left out of the run (`--language`) may read any of them: nothing is said.
  if (left.size > 0) return;
  for (const used of infos.values()) for (const name of used) usedAnywhere.add(name);
  for (const [name, p] of Object.entries(file.params)) {
    if (!usedAnywhere.has(name)) r.report('WA510', p.nameSpan, `the param \`${name}\` is never used`, { help: 'use it in a placeholder, or remove it' });
  }
  for (const m of file.messages) {
    const used = infos.get(m.name) ?? new Set<string>();
    for (const [name, p] of Object.entries(m.params)) {
      if (!used.has(name) && !(name in file.params)) r.report('WA510', p.nameSpan, `the param \`${name}\` of message \`${m.name}\` is never used`, { help: 'use it in a placeholder, or remove it' });
    }
  }
}
