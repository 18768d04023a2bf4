import type { Scalar } from 'yaml';
import type { Span } from '../source.js';

/**
 * A YAML document as a tree of located values: every node keeps its span in the source.
 * Aliases are resolved (an anchored node is shared, never copied), keys are strings, and
 * every later stage reads this tree rather than the yaml library's own nodes.
 */
export type LNode = LScalar | LMap | LSeq;

export interface LScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /**
   * The scalar's text before type resolution: `1.50` for the plain scalar `1.50`, the
   * unescaped content for quoted and block scalars. Text fields use it, so `id: 1.50`
   * stays the text "1.50".
   */
  source: string;
  span: Span;
  /** The yaml node, for the exact position mapping inside quoted and block scalars. */
  node: Scalar;
}

export interface LEntry {
  key: string;
  keySpan: Span;
  value: LNode;
}

export interface LMap {
  kind: 'map';
  entries: LEntry[];
  span: Span;
  /** The plain value, built in the same walk (see toPlain). */
  plain?: Record<string, unknown>;
}

export interface LSeq {
  kind: 'seq';
  items: LNode[];
  span: Span;
  plain?: unknown[];
}

/** The entry for `key`, the first one if a key is (wrongly) repeated. */
export function entry(map: LMap, key: string): LEntry | undefined {
  for (const e of map.entries) if (e.key === key) return e;
  return undefined;
}

export function get(map: LMap, key: string): LNode | undefined {
  return entry(map, key)?.value;
}

/**
 * The plain JavaScript value of a tree, for the schema validator. Mappings become objects
 * without a prototype, so keys such as `__proto__` are ordinary data.
 */
export function toPlain(node: LNode, seen = new Map<LNode, unknown>()): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.plain) return node.plain;
  const done = seen.get(node);
  if (done !== undefined) return done;
  if (node.kind === 'seq') {
    const arr: unknown[] = [];
    seen.set(node, arr);
    for (const item of node.items) arr.push(toPlain(item, seen));
    return arr;
  }
  const obj: Record<string, unknown> = Object.create(null);
  seen.set(node, obj);
  for (const e of node.entries) if (!(e.key in obj)) obj[e.key] = toPlain(e.value, seen);
  return obj;
}
