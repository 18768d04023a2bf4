import * as assert from 'uvu/assert';
import { compile, type CompileOptions } from '../compiler/index.js';
import type { Code } from '../compiler/diagnostics/codes.js';
import { SourceMap, toJson, type JsonDiagnostic } from '../compiler/diagnostics/render.js';
import type { Span } from '../compiler/source.js';

/** The file name the harness compiles under. */
export const FILE = 'test.wa.yaml';

const OPEN = '«';
const CLOSE = '»';

/** Removes common leading indentation and the first and last empty lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

/**
 * Takes `«` and `»` out of a text and returns the text with the spans they marked, in order
 * of their opening mark.
 */
export function unmark(marked: string): { text: string; spans: Span[] } {
  let text = '';
  const open: number[] = [];
  const spans: Span[] = [];
  for (const ch of marked) {
    if (ch === OPEN) open.push(text.length);
    else if (ch === CLOSE) {
      const start = open.pop();
      if (start === undefined) throw new Error('unbalanced » in test input');
      spans.push({ start, end: text.length });
    } else text += ch;
  }
  if (open.length > 0) throw new Error('unbalanced « in test input');
  return { text, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

export interface Expected {
  code: Code;
  severity?: 'error' | 'warning' | 'info';
  /** A piece of the message, when the case is about its words. */
  message?: string | RegExp;
  /** The related locations, as marked spans' indexes... kept simple: the first related range's `line:column`. */
  related?: string;
}

/** Compiles one marked file and returns its text, spans and diagnostics (JSON form, with line and column). */
export function diagnose(marked: string, options: CompileOptions = {}): { text: string; spans: Span[]; diagnostics: JsonDiagnostic[] } {
  const { text, spans } = unmark(dedent(marked));
  const result = compile([{ path: FILE, text }], options);
  const sources = new SourceMap().add(FILE, text);
  return { text, spans, diagnostics: result.diagnostics.map((d) => toJson(d, sources)) };
}

/**
 * Asserts that the file's diagnostics are exactly `expected`, in order, each at the range
 * marked by the matching `«…»` (the n-th marked range for the n-th diagnostic, in source
 * order). A file with no expectations must compile without any diagnostic.
 */
export function expectDiagnostics(marked: string, expected: readonly Expected[], options: CompileOptions = {}): void {
  const { text, spans, diagnostics } = diagnose(marked, options);
  const sources = new SourceMap().add(FILE, text);
  assert.equal(spans.length, expected.length, 'the case marks one range per expected diagnostic');
  const want = expected.map((e, i) => ({ code: e.code, range: sources.range(FILE, spans[i]!) }));
  const got = diagnostics.map((d) => ({ code: d.code, range: d.range }));
  assert.equal(got, want, `diagnostics of:\n${text}\n${JSON.stringify(diagnostics, null, 1)}`);
  expected.forEach((e, i) => {
    const d = diagnostics[i]!;
    if (e.severity) assert.is(d.severity, e.severity, `severity of ${e.code}`);
    if (e.message instanceof RegExp) assert.match(d.message, e.message);
    else if (e.message !== undefined) assert.ok(d.message.includes(e.message), `"${d.message}" includes "${e.message}"`);
    if (e.related) {
      const r = d.related?.[0]?.range.start;
      assert.is(r ? `${r.line}:${r.column}` : undefined, e.related, `related location of ${e.code}`);
    }
  });
}

export interface Case {
  name: string;
  yaml: string;
  expect?: Expected[];
}

/** Registers a table of cases on a uvu suite. */
export function table(test: (name: string, fn: () => void) => void, cases: readonly Case[]): void {
  for (const c of cases) test(c.name, () => expectDiagnostics(c.yaml, c.expect ?? []));
}

/** `n` characters of text, Latin by default. */
export function chars(n: number, unit = 'a'): string {
  return unit.repeat(n);
}

/**
 * Asserts a file's diagnostics as `CODE@line:column-line:column` strings, for cases where
 * the range is better written out than marked (positions past the end, line endings).
 */
export function expectAt(text: string, expected: readonly string[], options: CompileOptions = {}): JsonDiagnostic[] {
  const result = compile([{ path: FILE, text }], options);
  const sources = new SourceMap().add(FILE, text);
  const diagnostics = result.diagnostics.map((d) => toJson(d, sources));
  const got = diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`);
  assert.equal(got, expected, JSON.stringify(diagnostics, null, 1));
  return diagnostics;
}

/** A list message whose `sections:` block is given (items indented by eight spaces). */
export function listWithSections(sections: string): string {
  return `
  messages:
    m:
      type: list
      body: Hi
      button: Open
      sections:
${sections}
`;
}

/**
 * A test file's one-time setup (a browser, a server). uvu drops an error thrown in a `before`
 * hook and prints only `(0 / N)`, so the setup runs there, keeps its error, and every test that
 * asks for the value fails with the reason. `teardown` runs after the file's tests.
 */
export function setup<T>(suite: { before(fn: () => unknown): void; after(fn: () => unknown): void }, make: () => Promise<T>, teardown?: (value: T) => Promise<unknown>): () => T {
  let value: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  suite.before(async () => {
    try {
      value = { ok: true, value: await make() };
    } catch (error) {
      value = { ok: false, error };
    }
  });
  suite.after(async () => {
    if (value?.ok && teardown) await teardown(value.value);
  });
  return () => {
    if (!value) throw new Error('setup has not run');
    if (!value.ok) throw new Error(`this file's setup failed: ${value.error instanceof Error ? value.error.message : String(value.error)}`);
    return value.value;
  };
}
