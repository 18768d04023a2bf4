import type { Repeat, Text } from '../model/types.js';
import { length } from '../text.js';
import type { Param } from './params.js';
import type { Bounds } from './types.js';

const UNBOUNDED: Bounds = { min: 0, max: Number.POSITIVE_INFINITY };

/**
 * The smallest and largest length a text can have, for any param values its declarations
 * allow: literal parts count exactly, each placeholder by its type's bounds (a placeholder
 * that failed its check counts as anything).
 */
export function textBounds(t: Text): Bounds {
  let min = 0;
  let max = 0;
  for (const p of t.parts) {
    if (p.kind === 'literal') {
      const n = length(p.value);
      min += n;
      max += n;
    } else {
      const b = p.type?.bounds ?? UNBOUNDED;
      min += b.min;
      max += b.max;
    }
  }
  return { min, max };
}

/** How many items a list's items stand for: 1 each, `each` by the array's bounds, `when` from 0. */
export function countBounds(items: readonly { repeat?: Repeat }[]): Bounds {
  let min = 0;
  let max = 0;
  for (const item of items) {
    const c = item.repeat ? (item.repeat.count ?? UNBOUNDED) : { min: 1, max: 1 };
    min += c.min;
    max += c.max;
  }
  return { min, max };
}

/** True when a placeholder of the text failed to parse or check: an error has said why, and no bound is known. */
export function unresolved(t: Text): boolean {
  return t.templated && t.parts.some((p) => p.kind === 'expr' && !p.type);
}

/** True when a text's value is fixed (no placeholders). */
export function isFixed(t: Text): boolean {
  return !t.templated;
}

/**
 * The bound that would make a text fit: for the one placeholder whose string param decides
 * its upper bound, the `maxLength` that keeps the whole text within `limit` (given the other
 * parts at their longest). Undefined when no single declaration can do it.
 */
export function safeDeclaration(t: Text, limit: number): { label: string; maxLength: number; param: Param } | undefined {
  const open = t.parts.filter((p) => p.kind === 'expr' && p.type && p.type.bounds.max > limit);
  const candidates = t.parts.filter((p) => p.kind === 'expr' && p.type?.source);
  const target = (open.length === 1 ? open[0] : candidates.length === 1 ? candidates[0] : undefined) as (Text['parts'][number] & { kind: 'expr' }) | undefined;
  if (!target?.type?.source) return undefined;
  // The longest the other parts can be (not total minus this part: both may be infinite).
  let others = 0;
  for (const p of t.parts) {
    if (p === target) continue;
    others += p.kind === 'literal' ? length(p.value) : (p.type?.bounds.max ?? Number.POSITIVE_INFINITY);
  }
  if (!Number.isFinite(others)) return undefined;
  const room = Math.floor((limit - others) / target.type.source.factor);
  if (room < 1) return undefined;
  return { label: target.type.source.label, maxLength: room, param: target.type.source.param };
}
