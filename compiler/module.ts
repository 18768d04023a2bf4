/**
 * What the bundler plugins share: one `.wa.yaml` file compiled to its TypeScript sender
 * module, with waml's diagnostics located as bundlers report them. Pure: the plugins read
 * the file and hand the result to their bundler.
 */
import { compile, SourceText, type Diagnostic } from './index.js';

export interface LocatedDiagnostic {
  code: string;
  /** The message with its code: `button title is 21 characters; the limit is 20 [WA301]`. */
  text: string;
  /** 1-based. */
  line: number;
  /** 0-based, in code points (as waml counts them). */
  column: number;
  /** Characters underlined on that line. */
  length: number;
  lineText: string;
  /** The help line and the related places, in words. */
  notes: string[];
}

export interface ModuleResult {
  /** The sender module (TypeScript); absent when the file has errors. */
  code?: string;
  errors: LocatedDiagnostic[];
  warnings: LocatedDiagnostic[];
}

function locate(d: Diagnostic, source: SourceText): LocatedDiagnostic {
  const start = source.position(d.span.start);
  const lineText = source.lineText(start.line - 1);
  const end = d.span.end > d.span.start ? source.position(d.span.end) : start;
  return {
    code: d.code,
    text: `${d.message} [${d.code}]`,
    line: start.line,
    column: start.column - 1,
    length: end.line === start.line ? Math.max(0, end.column - start.column) : Math.max(0, lineText.length - start.column + 1),
    lineText,
    notes: [...(d.related ?? []).map((r) => `${r.message} (${r.file})`), ...(d.help ? [d.help] : [])],
  };
}

/** Compiles `text` (the file at `path`, as diagnostics should name it) to its sender module. */
export function compileModule(path: string, text: string): ModuleResult {
  const result = compile([{ path, text }], { emit: ['ts'] });
  const source = new SourceText(path, text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => locate(d, source));
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => locate(d, source));
  const module = result.outputs.find((o) => o.path.endsWith('.wa.ts'));
  return errors.length > 0 || !module ? { errors, warnings } : { code: module.text, errors, warnings };
}

/** The files the plugins compile. */
export const WAML_FILE = /\.wa\.ya?ml$/;
