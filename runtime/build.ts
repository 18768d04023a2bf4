/**
 * What a generated `build()` calls: param validation, the filters, and the checks the
 * compiler recorded for values it could not bound. Everything here throws the runtime's own
 * errors, with the `.wa.yaml` location of the field.
 */
import { WamlLimitError, WamlParamError, type SourceLocation } from './errors.js';
import { checkParams, cleanParams, formatPath, type ParamSpecs } from './params.js';
import { applyFilter, codePoints, toText, type Value } from './template.js';
import { envelope, PHONE, reorder, type Recipient, type SendOptions } from './recipient.js';
import type { Interactive, RequestBody } from './types.js';

export { toText as text };

/** Where a checked field is: the message, the API field and the source location. */
export interface Site {
  message: string;
  field: string;
  source: SourceLocation;
}

/** Validates params against their declarations; returns a clean copy to read from. */
export function params(message: string, specs: ParamSpecs, values: unknown): { [key: string]: Value } {
  const [first] = checkParams(specs, values);
  if (first) throw new WamlParamError(message, formatPath(first.path), first.problem);
  return cleanParams(specs, values);
}

export const upper = (v: Value): Value => applyFilter('upper', v, []);
export const lower = (v: Value): Value => applyFilter('lower', v, []);
export const trim = (v: Value): Value => applyFilter('trim', v, []);
export const truncate = (v: Value, n: number, suffix?: string): Value => applyFilter('truncate', v, suffix === undefined ? [n] : [n, suffix]);
export const fallback = (v: Value, x: string | number | boolean): Value => applyFilter('default', v, [x]);
export const number = (v: Value, decimals: number): Value => applyFilter('number', v, [decimals]);

/** A step into a value that may be missing (an index past the end, an optional field). */
export function at(v: Value, step: string | number): Value {
  if (v === null || v === undefined || typeof v !== 'object') return undefined;
  if (typeof step === 'number') return Array.isArray(v) ? (v as readonly Value[])[step] : undefined;
  return Object.prototype.hasOwnProperty.call(v, step) ? (v as { readonly [k: string]: Value })[step] : undefined;
}

/** Every element of an array param (a missing optional array has none). */
export function each(v: Value): readonly Value[] {
  return Array.isArray(v) ? (v as readonly Value[]) : [];
}

export function maxLength(site: Site, value: string, limit: number): string {
  const n = codePoints(value);
  if (n > limit) throw new WamlLimitError(site.message, site.field, `is ${n} characters; the limit is ${limit}`, limit, n, site.source);
  return value;
}

export function notBlank(site: Site, value: string): string {
  if (value.trim() === '') throw new WamlLimitError(site.message, site.field, 'is empty', 1, 0, site.source);
  return value;
}

export function trimmed(site: Site, value: string): string {
  if (value.trim() !== value) throw new WamlLimitError(site.message, site.field, `\`${value}\` begins or ends with white space`, undefined, value, site.source);
  return value;
}

export function url(site: Site, value: string): string {
  let ok = false;
  try {
    const u = new URL(value);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.host !== '' && !/\s/.test(value);
  } catch {
    ok = false;
  }
  if (!ok) throw new WamlLimitError(site.message, site.field, `\`${value}\` is not an absolute http or https URL`, undefined, value, site.source);
  return value;
}

export function lineBreaks(site: Site, value: string, limit: number): string {
  const n = value.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (n > limit) throw new WamlLimitError(site.message, site.field, `has ${n} line breaks; the limit is ${limit}`, limit, n, site.source);
  return value;
}

export function count<T>(site: Site, items: T[], min: number | undefined, max: number | undefined): T[] {
  if (max !== undefined && items.length > max) throw new WamlLimitError(site.message, site.field, `has ${items.length} items; the limit is ${max}`, max, items.length, site.source);
  if (min !== undefined && items.length < min) throw new WamlLimitError(site.message, site.field, `has ${items.length} items; at least ${min} are required`, min, items.length, site.source);
  return items;
}

export function unique<T>(site: Site, items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new WamlLimitError(site.message, site.field, `\`${k}\` is used twice; each must be unique`, undefined, k, site.source);
    seen.add(k);
  }
  return items;
}

/**
 * The values at a path into a built list: names step into objects, `*` into every element.
 * Steps into what is not there give nothing.
 */
export function select(value: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [value];
  for (const step of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step === '*') {
        if (Array.isArray(v)) next.push(...(v as unknown[]));
      } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, step)) next.push((v as { [k: string]: unknown })[step]);
    }
    current = next;
  }
  return current;
}

/** The lists at `path` in a list's items all have the same number of items (carousel quick replies). */
export function sameCount<T>(site: Site, items: T[], path: readonly string[]): T[] {
  let first: number | undefined;
  for (const list of select(items, path)) {
    if (!Array.isArray(list)) continue;
    if (first === undefined) first = list.length;
    else if (list.length !== first) throw new WamlLimitError(site.message, site.field, `has ${list.length} items in one place and ${first} in another; every one must have the same number`, first, list.length, site.source);
  }
  return items;
}

/** The lists at `path` hold at most `limit` items together (list rows across all sections). */
export function totalItems<T>(site: Site, items: T[], path: readonly string[], limit: number): T[] {
  let n = 0;
  for (const list of select(items, path)) if (Array.isArray(list)) n += list.length;
  if (n > limit) throw new WamlLimitError(site.message, site.field, `has ${n} items in total; the limit is ${limit}`, limit, n, site.source);
  return items;
}

/** The texts at `path` are all different (ids and titles). */
export function uniqueAt<T>(site: Site, items: T[], path: readonly string[]): T[] {
  unique(site, select(items, path).filter((x): x is string => typeof x === 'string'), (s) => s);
  return items;
}

/**
 * Whether a reply id is one a templated id can give: `pieces` are its literal parts, the
 * first a prefix, the last a suffix, and any text (a placeholder's value) between each two.
 * Greedy and leftmost, which is exact for such patterns: linear in the id, no backtracking.
 */
export function matchesGlob(id: string, pieces: readonly string[]): boolean {
  const first = pieces[0] ?? '';
  const last = pieces.length > 1 ? pieces[pieces.length - 1]! : '';
  if (pieces.length <= 1) return id === first;
  if (id.length < first.length + last.length || !id.startsWith(first) || !id.endsWith(last)) return false;
  const end = id.length - last.length;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const k = id.indexOf(pieces[i]!, at);
    if (k === -1 || k + pieces[i]!.length > end) return false;
    at = k + pieces[i]!.length;
  }
  return true;
}

/** A recipient number: digits with an optional leading `+`, 7 to 15 digits. */
export function isRecipient(to: string): boolean {
  return PHONE.test(to);
}

/**
 * The request body around an interactive object: the recipient's keys (left out when `to` is
 * undefined), the send options, and the keys in `order` where an imported body had another
 * order (see reorder in recipient.ts).
 */
export function body<I extends Interactive>(message: string, to: Recipient | undefined, interactive: I, options?: SendOptions, order?: { readonly [path: string]: readonly string[] }): RequestBody<I> {
  return reorder(envelope(message, to, options, 'interactive', interactive), order) as unknown as RequestBody<I>;
}

/** Numbers carousel cards from 0, in order, after any `each` has expanded them. */
export function indexCards<C extends object>(cards: C[]): (C & { card_index: number })[] {
  return cards.map((card, i) => ({ card_index: i, ...card }));
}

// The three list checks below are what modules generated before the body plan call; current
// modules call sameCount, totalItems and uniqueAt, which take a path instead.

/** Row ids are unique across all the sections of a list. */
export function uniqueRows<S extends { rows: { id: string }[] }>(site: Site, sections: S[]): S[] {
  unique(site, sections.flatMap((s) => s.rows), (r) => r.id);
  return sections;
}

/** At most `limit` rows in total across all the sections of a list. */
export function totalRows<S extends { rows: unknown[] }>(site: Site, sections: S[], limit: number): S[] {
  const n = sections.reduce((sum, s) => sum + s.rows.length, 0);
  if (n > limit) throw new WamlLimitError(site.message, site.field, `has ${n} rows in total; the limit is ${limit} across all sections`, limit, n, site.source);
  return sections;
}

/** Quick-reply ids are unique across all the cards of a carousel. */
export function uniqueQuickReplies<C extends { action: object }>(site: Site, cards: C[]): C[] {
  const ids = cards.flatMap((c) => ('buttons' in c.action ? (c.action as { buttons: { quick_reply: { id: string } }[] }).buttons.map((b) => b.quick_reply.id) : []));
  unique(site, ids, (id) => id);
  return cards;
}
