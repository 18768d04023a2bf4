/**
 * Lists as written. A list's `items` hold what could be read as items; an item written as
 * something else (`cards: [5]`, reported by the structure check) is left out of them but is
 * still part of the list: counts count it, and items are numbered and pointed at by their
 * place among everything written.
 */
import type { Span } from '../source.js';
import { countBounds } from '../templates/bounds.js';
import type { Bounds } from '../templates/types.js';
import type { Repeat, Seq } from './types.js';

/** The list, with where its items stand among those written when some were left out. */
export function withWritten<T>(list: Seq<T>, written: readonly { span: Span }[], at: number[]): Seq<T> {
  if (at.length === written.length) return list;
  return { ...list, written: { spans: written.map((n) => n.span), at } };
}

/** How many items were written and could not be read as items. */
export function unread(list: Seq<unknown>): number {
  return list.written ? list.written.spans.length - list.items.length : 0;
}

/** The number of items as written: those that repeat (`each`, `when`) as a range, the others once each. */
export function writtenBounds(list: Seq<{ repeat?: Repeat }>): Bounds {
  const b = countBounds(list.items);
  const n = unread(list);
  return { min: b.min + n, max: b.max + n };
}

/** How many items are written, each once. */
export function writtenCount(list: Seq<unknown>): number {
  return list.written ? list.written.spans.length : list.items.length;
}

/** Where the i-th of `items` stands among the items written (0-based): what "card 2" numbers. */
export function place(list: Seq<unknown>, i: number): number {
  return list.written ? list.written.at[i]! : i;
}

/** The spans of the items as written. */
export function writtenSpans(list: Seq<{ span: Span }>): Span[] {
  return list.written ? list.written.spans : list.items.map((x) => x.span);
}
