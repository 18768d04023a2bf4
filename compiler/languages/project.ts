import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Message, Text } from '../model/types.js';

/** Whether a value of the model is a text (what the builder makes of a scalar). */
export function isText(x: object): x is Text {
  return 'parts' in x && 'templated' in x && 'scalar' in x;
}

/** Parts of the model that are not copied: params are shared, parsed Flow data is kept as written. */
const KEPT = new Set(['params', 'scope', 'languages', 'data', 'scalar', 'keys']);

/** The codes of a message's languages, the default first; empty for a message in one language. */
export function languagesOf(m: Pick<Message, 'languages'>): string[] {
  return m.languages?.codes.map((c) => c.code) ?? [];
}

/**
 * The message as it is in one of its languages: a copy in which every text written per
 * language is that language's text (its own span, so each diagnostic stands on that
 * language's scalar); a plain text stays, shared by every language. A template's
 * `language` becomes the code, at its place in `languages:`. The message given is not
 * changed; every later stage (template check, rules, plan, emitters) reads the copy as it
 * reads a message in one language.
 */
export function projectMessage(m: Message, language: string): Message {
  const walk = (x: unknown, key: string): unknown => {
    if (KEPT.has(key) || x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map((v) => walk(v, ''));
    const proto = Object.getPrototypeOf(x) as unknown;
    if (proto !== Object.prototype && proto !== null) return x;
    if (isText(x)) return textIn(x, language);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = walk(v, k);
    return out;
  };
  const copy = walk(m, '') as Message;
  copy.language = language;
  const code = m.languages?.codes.find((c) => c.code === language);
  if (copy.template && code) {
    copy.template.language = { value: code.code, span: code.span, parts: [{ kind: 'literal', value: code.code, start: 0, end: code.code.length }], templated: false, scalar: code.scalar, fileText: m.template?.category?.fileText ?? m.template?.body?.fileText ?? '' };
  }
  return copy;
}

/** A text in one language: that language's text when written per language, else the text itself. */
export function textIn(t: Text, language: string): Text {
  if (!t.translations) return t;
  const own = t.translations.byLanguage.get(language);
  if (own) return own;
  const { translations: _, ...rest } = t;
  return { ...rest, absent: true };
}

/**
 * The values a reply or a target is known by: the same in every language, so that replies
 * are typed once (reply ids, row ids, saved-address ids, Flow ids and names, catalog and
 * product retailer ids, order reference ids and statuses, call payloads).
 */
function identities(m: Message): { text: Text | undefined; what: string }[] {
  const out: { text: Text | undefined; what: string }[] = [];
  for (const b of m.buttons?.items ?? []) out.push({ text: b.id, what: 'a button id' });
  for (const s of m.sections?.items ?? []) for (const row of s.rows?.items ?? []) out.push({ text: row.id, what: 'a row id' });
  for (const c of m.cards?.items ?? []) for (const b of c.buttons?.items ?? []) out.push({ text: b.id, what: 'a quick-reply id' });
  for (const a of m.address?.savedAddresses?.items ?? []) out.push({ text: a.id, what: 'a saved address id' });
  out.push({ text: m.flow?.id, what: 'the Flow id' }, { text: m.flow?.name, what: 'the Flow name' });
  // Commerce, orders and calls: what a reply, an order webhook or a call webhook names.
  out.push({ text: m.catalog, what: 'the catalog id' }, { text: m.product, what: 'the product retailer id' }, { text: m.thumbnail, what: 'the thumbnail product retailer id' });
  for (const s of m.productSections?.items ?? []) for (const p of s.products?.items ?? []) out.push({ text: p.id, what: 'a product retailer id' });
  out.push({ text: m.orderStatus?.referenceId, what: 'the order reference id' }, { text: m.orderStatus?.status, what: 'the order status' }, { text: m.call?.payload, what: 'the call payload' });
  const t = m.template;
  for (const b of t?.buttons?.items ?? []) out.push({ text: b.id, what: 'a quick-reply id' });
  for (const c of t?.cards?.items ?? []) for (const b of c.buttons?.items ?? []) out.push({ text: b.id, what: 'a quick-reply id' });
  return out;
}

/** Ids written per language are WA133: a reply must mean the same in every language. */
export function checkSameInEveryLanguage(m: Message, r: Reporter): void {
  // Only a message with `languages:` has texts written per language (else they are WA132).
  if (!m.languages) return;
  for (const { text, what } of identities(m)) {
    if (text?.translations) {
      r.report('WA133', text.translations.span, `${what} is the same in every language, so that replies are typed once; write it once`, {
        help: 'write one id; translate the title beside it',
      });
    }
  }
}
