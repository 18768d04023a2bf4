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
 * A path into a built value, relative to the list a check is attached to: names step into
 * objects, `*` into every element of a list. `['*', 'rows', '*', 'id']` on `sections` is
 * every row id of every section.
 */
export type CheckPath = readonly string[];

interface CheckBase {
  /** What is checked, in the words of diagnostics: "button title". */
  label: string;
  /** The API field (from the limits table). */
  field: string;
  /** The text or list in the source. */
  span: Span;
}

/**
 * A check that only the values can settle, recorded for the sender to perform before it
 * sends: the compiler proved the text or list may break the limit, not that it does. A typed
 * value: both interpreters of the body plan (the evaluator and the TypeScript printer)
 * dispatch on `kind` alone, never on wording.
 */
export type RuntimeCheck = CheckBase &
  (
    | { kind: 'maxLength'; limit: number }
    | { kind: 'notBlank' }
    | { kind: 'trimmed' }
    | { kind: 'url' }
    | { kind: 'maxLineBreaks'; limit: number }
    /** The list has at most `limit` items. */
    | { kind: 'maxItems'; limit: number }
    /** The list has at least `limit` items. */
    | { kind: 'minItems'; limit: number }
    /** The lists at `path` in the list's items all have the same number of items. */
    | { kind: 'sameCount'; path: CheckPath }
    /** The lists at `path` hold at most `limit` items together. */
    | { kind: 'totalItems'; path: CheckPath; limit: number }
    /** The texts at `path` are all different. */
    | { kind: 'unique'; path: CheckPath }
  );

export type TextCheck = Extract<RuntimeCheck, { kind: 'maxLength' | 'notBlank' | 'trimmed' | 'url' | 'maxLineBreaks' }>;
export type ListCheck = Exclude<RuntimeCheck, TextCheck>;

/** A recorded check with the part of the model it belongs to (a text or a list). */
export interface AttachedCheck {
  target: object;
  check: RuntimeCheck;
}

/** A collector passed down the pipeline: stages report, nothing throws. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly checks: AttachedCheck[] = [];
  /** Added to every message, such as " (with the data of data.json)". */
  suffix = '';
  /** The length limit each text was checked against (see measure). */
  readonly limits = new Map<object, number>();
  constructor(readonly file: string) {}

  /** Records that a text is checked against a length limit (for the language texts' notes). */
  measure(target: object, max: number): void {
    this.limits.set(target, max);
  }

  /** Records a check the values must pass, on the text or list it belongs to. */
  check(target: object, check: RuntimeCheck): void {
    this.checks.push({ target, check });
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
