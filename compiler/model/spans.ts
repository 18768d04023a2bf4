import { mapScalar, mapSpan, type ScalarMap } from '../load/scalar-map.js';
import type { Span } from '../source.js';
import type { Text } from './types.js';

const maps = new WeakMap<Text, ScalarMap | null>();

/**
 * The source span of characters `[from, to)` of a text's value: exact through the scalar's
 * map; the whole scalar where no exact map exists (see scalar-map.ts). Built on demand, only
 * for texts that a diagnostic points into.
 */
export function textSpan(text: Text, from: number, to: number): Span {
  let map = maps.get(text);
  if (map === undefined) {
    map = text.scalar.node ? (mapScalar(text.fileText, text.scalar.node, text.scalar.span) ?? null) : null;
    maps.set(text, map);
  }
  return map ? mapSpan(map, from, to) : text.span;
}
