import type { Span } from '../source.js';
import { CODES, type Code, type Severity } from './codes.js';

/** A secondary location that explains a diagnostic, such as the first of two duplicates. */
export interface Related {
  file: string;
  span: Span;
  message: string;
}

/**
 * One problem in one file: plain data. Positions are offsets into the file's text; they
 * become lines and columns only when rendered (see render.ts).
 */
/** A certain repair of a diagnostic: replace each span with its text (editors offer it). */
export interface Fix {
  title: string;
  edits: { span: Span; text: string }[];
}

export interface Diagnostic {
  file: string;
  code: Code;
  severity: Severity;
  message: string;
  span: Span;
  help?: string;
  related?: Related[];
  fixes?: Fix[];
}

export interface DiagnosticExtras {
  help?: string;
  related?: Related[];
  /** Overrides the code's usual severity (used where one check has an error and a warning form). */
  severity?: Severity;
  fixes?: Fix[];
}

/** Builds a diagnostic with the code's usual severity. */
export function diagnostic(file: string, code: Code, span: Span, message: string, extras: DiagnosticExtras = {}): Diagnostic {
  const d: Diagnostic = { file, code, severity: extras.severity ?? CODES[code].severity, message, span };
  if (extras.help !== undefined) d.help = extras.help;
  if (extras.related !== undefined && extras.related.length > 0) d.related = extras.related;
  if (extras.fixes !== undefined && extras.fixes.length > 0) d.fixes = extras.fixes;
  return d;
}

/** Sorts by file, then position, then code, so that output is deterministic. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * A check that only the values can settle, recorded for the sender to perform before it
 * sends: the compiler proved the text or list may break the limit, not that it does.
 */
export interface RuntimeCheck {
  kind: 'maxLength' | 'notBlank' | 'trimmed' | 'url' | 'maxLineBreaks' | 'maxItems' | 'minItems' | 'unique';
  /** What is checked, in the words of diagnostics: "button title". */
  label: string;
  /** The limit, for lengths and counts. */
  limit?: number;
  /** The API field (from the limits table). */
  field: string;
  /** The text or list in the source. */
  span: Span;
}

/** A collector passed down the pipeline: stages report, nothing throws. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly checks: RuntimeCheck[] = [];
  /** Added to every message, such as " (with the data of data.json)". */
  suffix = '';
  constructor(readonly file: string) {}

  check(c: RuntimeCheck): void {
    this.checks.push(c);
  }

  report(code: Code, span: Span, message: string, extras?: DiagnosticExtras): void {
    this.diagnostics.push(diagnostic(this.file, code, span, message + this.suffix, extras));
  }

  related(span: Span, message: string): Related {
    return { file: this.file, span, message };
  }

  get errorCount(): number {
    let n = 0;
    for (const d of this.diagnostics) if (d.severity === 'error') n++;
    return n;
  }
}
