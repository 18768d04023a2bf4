/**
 * Quick fixes: a diagnostic's own fixes (declare a `maxLength`, rename a duplicate id), and
 * the one edit its help names where that edit is certain: a "did you mean" whose wrong name
 * stands exactly once in the diagnostic's range, and `http:` to `https:` for an insecure URL.
 */
import type { Diagnostic, Fix } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';

/** The fixes of a diagnostic, given the text of its file. */
export function fixesOf(d: Diagnostic, text: string): Fix[] {
  const out: Fix[] = [...(d.fixes ?? [])];
  const written = text.slice(d.span.start, d.span.end);
  const guess = /did you mean `([^`]+)`\?/.exec(d.message)?.[1];
  if (guess) {
    // The wrong name is one of the message's quoted words that stands once, as a word, in the range.
    const found: Span[] = [];
    for (const w of new Set([...d.message.matchAll(/`([^`]+)`/g)].map((x) => x[1]!).filter((x) => x !== guess))) {
      const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const hits = [...written.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'))];
      if (hits.length === 1) found.push({ start: d.span.start + hits[0]!.index, end: d.span.start + hits[0]!.index + w.length });
    }
    if (found.length === 1) out.push({ title: `Change to ${guess}`, edits: [{ span: found[0]!, text: guess }] });
  }
  if (d.code === 'WA406') {
    const hits = [...written.matchAll(/http:\/\//g)];
    if (hits.length === 1) {
      const at = d.span.start + hits[0]!.index + 4;
      out.push({ title: 'Use https', edits: [{ span: { start: at, end: at }, text: 's' }] });
    }
  }
  return out;
}
