import type { Diagnostic, Reporter } from '../diagnostics/diagnostic.js';
import type { Message } from '../model/types.js';
import { isText } from './project.js';

/**
 * Messages are checked once per language: what a later language of a message reports that an
 * earlier one already reported, at the same place in the same words (a text shared by every
 * language, a list count), is said once. What one language reports twice stays twice.
 */
export class LanguageDiagnostics {
  private readonly seen = new Map<string, Set<string>>();

  /** Runs `fn`, the work of one message in one language (none: a message in one language). */
  run<T>(reporter: Reporter, message: string, language: string | undefined, fn: () => T): T {
    const before = reporter.diagnostics.length;
    const out = fn();
    if (language === undefined) return out;
    const seen = this.seen.get(message) ?? new Set<string>();
    const added = reporter.diagnostics.splice(before);
    const mine: string[] = [];
    for (const d of added) {
      const key = `${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
      if (seen.has(key)) continue;
      mine.push(key);
      reporter.diagnostics.push(d);
    }
    for (const key of mine) seen.add(key);
    this.seen.set(message, seen);
    return out;
  }
}

/**
 * A diagnostic that stands on a language's own text says which language, so that "button
 * title is 24 characters" on `de:` reads "… (de)". Order is kept.
 */
export function finishDiagnostics(list: readonly Diagnostic[], messages: readonly Message[]): Diagnostic[] {
  const own = ownTexts(messages);
  if (own.size === 0) return [...list];
  const starts = [...own.keys()].sort((a, b) => a - b);
  return list.map((d) => {
    const language = languageAt(own, starts, d);
    return language === undefined || d.message.includes(`(${language})`) ? d : { ...d, message: `${d.message} (${language})` };
  });
}

/** Where each language's own text stands: its scalar's start, end and language. */
function ownTexts(messages: readonly Message[]): Map<number, { end: number; language: string }> {
  const out = new Map<number, { end: number; language: string }>();
  const walk = (x: unknown, key: string): void => {
    if (key === 'params' || key === 'scope' || key === 'languages' || key === 'data' || key === 'scalar' || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const v of x) walk(v, '');
      return;
    }
    if (isText(x)) {
      for (const e of x.translations?.entries ?? []) out.set(e.text.span.start, { end: e.text.span.end, language: e.language });
      return;
    }
    for (const [k, v] of Object.entries(x)) walk(v, k);
  };
  for (const m of messages) if (m.languages) walk(m, '');
  return out;
}

/** The language whose own text holds the diagnostic's span, if any. */
function languageAt(own: Map<number, { end: number; language: string }>, starts: readonly number[], d: Diagnostic): string | undefined {
  // The text starting last at or before the diagnostic (texts do not nest): binary search.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= d.span.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return undefined;
  const x = own.get(starts[lo - 1]!)!;
  return d.span.end <= x.end ? x.language : undefined;
}
