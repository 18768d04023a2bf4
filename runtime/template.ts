/**
 * The template evaluator: how a `{{ }}` placeholder becomes text. The compiler renders with
 * it (`waml build --data`) and generated senders import it, so both produce the same bytes.
 * No dependencies; runs on Node, Deno, Bun and edge runtimes.
 *
 * The rules, precisely:
 * - A string is inserted as it is: no escaping (the JSON encoder escapes what JSON needs).
 * - An integer is written in decimal without grouping (`-0` is `0`); another number as
 *   JavaScript's shortest round-trip form (`0.1`, `1.5`, `1e+21`); `number(d)` fixes the
 *   decimals.
 * - A boolean is `true` or `false`.
 * - A missing value (an optional param not given, an index past the end) is empty text,
 *   unless `default(x)` gives one.
 * - Lengths are counted in Unicode code points, as the compiler counts them.
 */

export type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

/** A path into the params: `p.sku` is `['p', 'sku']`, `items[0]` is `['items', 0]`. */
export interface PathExpr {
  path: readonly (string | number)[];
}
export interface LiteralExpr {
  literal: string | number | boolean;
}
export interface Filter {
  name: FilterName;
  args: readonly (string | number | boolean)[];
}
export interface Pipe {
  expr: PathExpr | LiteralExpr;
  filters: readonly Filter[];
}
/** A template: literal strings and placeholders, in order. */
export type Template = readonly (string | Pipe)[];

export const FILTER_NAMES = ['upper', 'lower', 'trim', 'truncate', 'default', 'number'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Code points in a string. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first `n` code points of a string. */
function takeCodePoints(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return s.slice(0, i);
}

function isMissing(v: Value): boolean {
  return v === undefined || v === null;
}

/** A value as text, by the rules above. Lists and mappings have no text form (the compiler refuses them). */
export function toText(v: Value): string {
  if (isMissing(v)) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new TypeError('a list or a mapping cannot be written as text');
}

export const DEFAULT_ELLIPSIS = '…';

/** Applies one filter. Filters on a missing value give a missing value, except `default`. */
export function applyFilter(name: FilterName, v: Value, args: readonly (string | number | boolean)[]): Value {
  switch (name) {
    case 'default':
      return isMissing(v) || v === '' ? args[0] : v;
    case 'upper':
      return isMissing(v) ? v : toText(v).toUpperCase();
    case 'lower':
      return isMissing(v) ? v : toText(v).toLowerCase();
    case 'trim':
      return isMissing(v) ? v : toText(v).trim();
    case 'truncate': {
      if (isMissing(v)) return v;
      const s = toText(v);
      const n = Number(args[0]);
      const suffix = args.length > 1 ? String(args[1]) : DEFAULT_ELLIPSIS;
      if (codePoints(s) <= n) return s;
      return takeCodePoints(s, n - codePoints(suffix)) + suffix;
    }
    case 'number':
      if (isMissing(v)) return v;
      return (typeof v === 'number' ? v : Number(v)).toFixed(Number(args[0] ?? 0));
  }
}

/** Looks a path up in the params; a step into nothing is missing. */
export function lookup(params: { readonly [key: string]: Value }, path: readonly (string | number)[]): Value {
  let v: Value = params as Value;
  for (const step of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = typeof step === 'number' ? (Array.isArray(v) ? (v as readonly Value[])[step] : undefined) : Object.prototype.hasOwnProperty.call(v, step) ? (v as { readonly [k: string]: Value })[step] : undefined;
  }
  return v;
}

export function evaluatePipe(pipe: Pipe, params: { readonly [key: string]: Value }): Value {
  let v: Value = 'literal' in pipe.expr ? pipe.expr.literal : lookup(params, pipe.expr.path);
  for (const f of pipe.filters) v = applyFilter(f.name, v, f.args);
  return v;
}

/** Renders a template with the given params. */
export function render(template: Template, params: { readonly [key: string]: Value }): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : toText(evaluatePipe(part, params));
  return out;
}
