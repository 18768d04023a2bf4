import { SourceText, type Range, type Span } from '../source.js';
import { CODES, type Code } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Rendering diagnostics: the only place where offsets become lines and columns. Pure: it
 * returns text and knows nothing of terminals beyond the `color` flag it is given.
 */
export const FORMATS = ['pretty', 'json', 'gcc', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour in `pretty`. */
  color?: boolean;
  /** How many files were checked, for the summary. */
  files?: number;
  /** waml's version, for SARIF's tool description. */
  version?: string;
}

/** Looks up the text of the files named by diagnostics; files it lacks show at 1:1 without a frame. */
export class SourceMap {
  private readonly texts = new Map<string, SourceText>();
  add(path: string, text: string): this {
    this.texts.set(path, new SourceText(path, text));
    return this;
  }
  get(path: string): SourceText | undefined {
    return this.texts.get(path);
  }
  range(path: string, span: Span): Range {
    return this.get(path)?.range(span) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  }
}

export interface JsonDiagnostic {
  file: string;
  code: string;
  severity: string;
  message: string;
  help?: string;
  range: Range;
  related?: { file: string; range: Range; message: string }[];
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: { files: number; errors: number; warnings: number };
}

export function toJson(d: Diagnostic, sources: SourceMap): JsonDiagnostic {
  // Keys in the documented order: file, code, severity, message, help, range, related.
  const head = { file: d.file, code: d.code, severity: d.severity, message: d.message };
  const out: JsonDiagnostic = d.help !== undefined ? { ...head, help: d.help, range: sources.range(d.file, d.span) } : { ...head, range: sources.range(d.file, d.span) };
  if (d.related) out.related = d.related.map((r) => ({ file: r.file, range: sources.range(r.file, r.span), message: r.message }));
  return out;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): JsonReport['summary'] {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { files, errors, warnings };
}

export function render(diagnostics: readonly Diagnostic[], sources: SourceMap, format: Format, options: RenderOptions = {}): string {
  const files = options.files ?? new Set(diagnostics.map((d) => d.file)).size;
  switch (format) {
    case 'json': {
      const report: JsonReport = { diagnostics: diagnostics.map((d) => toJson(d, sources)), summary: summarize(diagnostics, files) };
      return `${JSON.stringify(report, null, 2)}\n`;
    }
    case 'gcc':
      return diagnostics.map((d) => gcc(d, sources)).join('');
    case 'github':
      return diagnostics.map((d) => github(d, sources)).join('');
    case 'pretty':
      return pretty(diagnostics, sources, options.color ?? false, files);
    case 'sarif':
      return `${JSON.stringify(sarif(diagnostics, sources, options.version ?? '0.0.0'), null, 2)}\n`;
  }
}

/** A SARIF log for a run that checked nothing (a path that does not exist): no results, and the reason. */
export function sarifFailure(reason: string, version: string): string {
  return `${JSON.stringify(sarif([], new SourceMap(), version, reason), null, 2)}\n`;
}

/**
 * SARIF 2.1.0, for code-scanning uploads: one run, waml's codes as rules, each diagnostic a
 * result with its region. Columns count code points, as waml's do (`columnKind`).
 */
function sarif(diagnostics: readonly Diagnostic[], sources: SourceMap, version: string, failure?: string): unknown {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const region = (file: string, span: Span) => {
    const r = sources.range(file, span);
    return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
  };
  const codes = Object.keys(CODES) as Code[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'waml',
            version,
            rules: codes.map((code) => ({ id: code, name: CODES[code].name, shortDescription: { text: CODES[code].summary }, defaultConfiguration: { level: level(CODES[code].severity) } })),
          },
        },
        columnKind: 'unicodeCodePoints',
        // A run that could not check anything (no such file) says why, so that an upload is never empty.
        ...(failure !== undefined ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: failure } }] }] } : {}),
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: level(d.severity),
          message: { text: d.help ? `${d.message}. ${d.help}` : d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: d.file }, region: region(d.file, d.span) } }],
          ...(d.related ? { relatedLocations: d.related.map((r, i) => ({ id: i, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: r.file }, region: region(r.file, r.span) } })) } : {}),
        })),
      },
    ],
  };
}

const UTF8 = new TextEncoder();

/**
 * `line:column` with the column in bytes of UTF-8, as gcc prints it and as Vim's default
 * errorformat and Emacs's compilation mode count: after an emoji or `₹`, code points would land
 * on the wrong character.
 */
function byteLocation(sources: SourceMap, file: string, offset: number): string {
  const source = sources.get(file);
  if (!source) return '1:1';
  const clamped = Math.max(0, Math.min(offset, source.text.length));
  const line = source.lineIndex(clamped);
  return `${line + 1}:${UTF8.encode(source.text.slice(source.lineStarts[line]!, clamped)).length + 1}`;
}

function gcc(d: Diagnostic, sources: SourceMap): string {
  let out = `${d.file}:${byteLocation(sources, d.file, d.span.start)}: ${d.severity === 'info' ? 'note' : d.severity}: ${d.message} [${d.code}]\n`;
  for (const rel of d.related ?? []) out += `${rel.file}:${byteLocation(sources, rel.file, rel.span.start)}: note: ${rel.message}\n`;
  return out;
}

/** GitHub Actions workflow commands: data escapes %, CR, LF; properties also : and ,. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function github(d: Diagnostic, sources: SourceMap): string {
  const r = sources.range(d.file, d.span);
  const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(d.file)}`,
    `line=${r.start.line}`,
    `col=${r.start.column}`,
    `endLine=${r.end.line}`,
    `endColumn=${r.end.column}`,
    `title=${escapeProperty(`${d.code} ${d.severity}`)}`,
  ].join(',');
  const text = d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
  return `::${command} ${props}::${escapeData(text)}\n`;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', cyan: '\x1b[36m', dim: '\x1b[2m' };

function pretty(diagnostics: readonly Diagnostic[], sources: SourceMap, color: boolean, files: number): string {
  const paint = (codes: string, s: string): string => (color ? `${codes}${s}${ANSI.reset}` : s);
  const blocks: string[] = [];
  for (const d of diagnostics) {
    const tone = d.severity === 'error' ? ANSI.red : d.severity === 'warning' ? ANSI.yellow : ANSI.cyan;
    const r = sources.range(d.file, d.span);
    const lines: string[] = [];
    lines.push(`${paint(ANSI.bold + tone, `${d.severity}[${d.code}]`)}${paint(ANSI.bold, `: ${d.message}`)}`);
    const frame = codeFrame(sources.get(d.file), d.span, r, (s) => paint(ANSI.bold + tone, s), (s) => paint(ANSI.blue, s));
    const gutter = ' '.repeat(frame.gutter);
    lines.push(`${gutter}${paint(ANSI.blue, '-->')} ${d.file}:${r.start.line}:${r.start.column}`);
    lines.push(...frame.lines);
    for (const rel of d.related ?? []) {
      const rr = sources.range(rel.file, rel.span);
      lines.push(`${gutter}${paint(ANSI.blue, '=')} ${paint(ANSI.bold, 'note')}: ${rel.message}: ${rel.file}:${rr.start.line}:${rr.start.column}`);
    }
    if (d.help) lines.push(`${gutter}${paint(ANSI.blue, '=')} ${paint(ANSI.bold, 'help')}: ${d.help}`);
    blocks.push(lines.join('\n'));
  }
  const { errors, warnings } = summarize(diagnostics, files);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary =
    errors + warnings === 0
      ? `no problems in ${plural(files, 'file')}`
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
  blocks.push(paint(ANSI.bold + (errors > 0 ? ANSI.red : warnings > 0 ? ANSI.yellow : ''), summary));
  return `${blocks.join('\n\n')}\n`;
}

/** How much of a long line a code frame shows, in UTF-16 units: the span's start and some context. */
const FRAME_WIDTH = 200;
const FRAME_BEFORE = 60;

/** Characters a terminal must not be sent raw (controls, noncharacters, lone surrogates): shown as U+FFFD. */
const UNPRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function printable(s: string): string {
  return s.replace(/\t/g, ' ').replace(UNPRINTABLE, '\ufffd');
}

/** Moves an offset off the second half of a surrogate pair. */
function onCharacter(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const b = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff ? i - 1 : i;
}

/**
 * The source line of a span with the span underlined (its first line, for multi-line spans).
 * A long line is shown as a window around the span's start, with `…` where it is cut, so that
 * many diagnostics on one long line print in linear time. Control characters are never sent
 * to the terminal: they show as U+FFFD.
 */
function codeFrame(
  source: SourceText | undefined,
  span: Span,
  range: Range,
  mark: (s: string) => string,
  dim: (s: string) => string,
): { gutter: number; lines: string[] } {
  const number = String(range.start.line);
  const gutter = number.length + 1;
  if (!source) return { gutter, lines: [] };
  const lineIndex = range.start.line - 1;
  const lineStart = source.lineStarts[lineIndex]!;
  let lineEnd = lineIndex + 1 < source.lineStarts.length ? source.lineStarts[lineIndex + 1]! : source.text.length;
  if (lineEnd > lineStart && source.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
  if (lineEnd > lineStart && source.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const at = Math.min(Math.max(span.start, lineStart), lineEnd);
  let from = lineStart;
  let to = lineEnd;
  if (lineEnd - lineStart > FRAME_WIDTH) {
    from = onCharacter(source.text, Math.max(lineStart, at - FRAME_BEFORE));
    to = onCharacter(source.text, Math.min(lineEnd, from + FRAME_WIDTH));
  }
  const cutLeft = from > lineStart ? '…' : '';
  const cutRight = to < lineEnd ? '…' : '';
  const text = cutLeft + printable(source.text.slice(from, to)) + cutRight;
  const before = cutLeft + printable(source.text.slice(from, at));
  const marked = printable(source.text.slice(at, Math.min(Math.max(span.end, at), to)));
  const pad = ' '.repeat(displayWidth(before));
  const carets = '^'.repeat(Math.max(1, displayWidth(marked)));
  const more = range.end.line > range.start.line ? ` (to line ${range.end.line})` : '';
  return {
    gutter,
    lines: [
      `${' '.repeat(gutter)}${dim('|')}`,
      `${dim(number.padStart(gutter - 1))} ${dim('|')} ${text}`,
      `${' '.repeat(gutter)}${dim('|')} ${pad}${mark(carets)}${more}`,
    ],
  };
}

const WIDE = /\p{Extended_Pictographic}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const ZERO = /\p{M}|\u200d|[\ufe00-\ufe0f]/u;

/** Terminal cells: wide characters take two, combining marks none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}
