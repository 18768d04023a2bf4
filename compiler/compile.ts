import { type Diagnostic, Reporter, sortDiagnostics, diagnostic } from './diagnostics/diagnostic.js';
import { emitBody, printJson, type RequestBody } from './emit/json.js';
import { LIMITS } from './limits.js';
import { load } from './load/load.js';
import { buildFile } from './model/build.js';
import type { MessageType } from './model/types.js';
import { RULES } from './rules/index.js';
import type { Span } from './source.js';
import { checkStructure } from './schema/structure.js';

/** One `.wa.yaml` source: a path (used in diagnostics and to name outputs) and its text. */
export interface Source {
  path: string;
  text: string;
}

export interface CompileOptions {
  /** The recipient's phone number; when absent, bodies leave `to` out. */
  to?: string;
}

export interface CompiledMessage {
  file: string;
  name: string;
  type: MessageType;
  body: RequestBody;
}

/** A file to write, relative to the output folder. */
export interface Output {
  path: string;
  text: string;
  /** The source file and message it comes from. */
  file: string;
  message: string;
}

export interface CompileResult {
  /** Every problem in every source, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The messages of the sources without errors. */
  messages: CompiledMessage[];
  /** The JSON files to write: `<file stem>.<message name>.json`. */
  outputs: Output[];
}

/** A recipient number: digits with an optional leading `+`, 7 to 15 digits (E.164). */
export function isValidRecipient(to: string): boolean {
  const digits = to.startsWith('+') ? to.slice(1) : to;
  return /^[0-9]+$/.test(digits) && digits.length >= LIMITS.recipient.min && digits.length <= LIMITS.recipient.max;
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
 * @throws RangeError when `options.to` is given and is not a valid recipient number.
 */
export function compile(sources: readonly Source[] | Source, options: CompileOptions = {}): CompileResult {
  const list = Array.isArray(sources) ? (sources as readonly Source[]) : [sources as Source];
  if (options.to !== undefined && !isValidRecipient(options.to)) {
    throw new RangeError(`to: "${options.to}" is not a phone number: digits with an optional leading +, 7 to 15 digits`);
  }
  const diagnostics: Diagnostic[] = [];
  const perFile: { path: string; messages: { compiled: CompiledMessage; nameSpan: Span }[] }[] = [];

  for (const source of list) {
    const reporter = new Reporter(source.path);
    const { root } = load(source.text, reporter);
    const messages: { compiled: CompiledMessage; nameSpan: Span }[] = [];
    if (root) {
      checkStructure(root, reporter);
      const file = buildFile(source.path, root);
      for (const m of file.messages) for (const rule of RULES) rule.check(m, reporter);
      if (reporter.errorCount === 0) {
        for (const m of file.messages) {
          messages.push({ compiled: { file: source.path, name: m.name, type: m.type!, body: emitBody(m, options.to) }, nameSpan: m.nameSpan });
        }
      }
    }
    diagnostics.push(...reporter.diagnostics);
    if (reporter.errorCount === 0) perFile.push({ path: source.path, messages });
  }

  // Output names are flat (`<stem>.<name>.json`): two files may claim the same one.
  const claimed = new Map<string, { file: string; name: string; nameSpan: Span }>();
  const messages: CompiledMessage[] = [];
  const outputs: Output[] = [];
  for (const f of [...perFile].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const collisions: Diagnostic[] = [];
    for (const { compiled: m, nameSpan } of f.messages) {
      const path = `${fileStem(f.path)}.${m.name}.json`;
      const first = claimed.get(path);
      if (first && first.file !== f.path) {
        collisions.push(
          diagnostic(f.path, 'WA901', nameSpan, `message \`${m.name}\` would be written to ${path}, which \`${first.name}\` of ${first.file} already writes`, {
            related: [{ file: first.file, span: first.nameSpan, message: 'also written by this message' }],
            help: 'rename the message or the file',
          }),
        );
      }
    }
    if (collisions.length > 0) {
      diagnostics.push(...collisions);
      continue;
    }
    for (const { compiled: m, nameSpan } of f.messages) {
      const path = `${fileStem(f.path)}.${m.name}.json`;
      claimed.set(path, { file: f.path, name: m.name, nameSpan });
      messages.push(m);
      outputs.push({ path, text: printJson(m.body), file: f.path, message: m.name });
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics), messages, outputs };
}
