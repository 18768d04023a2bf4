/**
 * What the language server reads of the compiler's model, in one place: every text of a
 * message with the limit it is checked against and the `each` items in scope where it stands.
 * The rest of the server reads the model only through these functions, so a change of the
 * model's shape is a change here.
 */
import { LIMITS, type Limit } from '../limits.js';
import type { FlowData, Message, Repeat, Text } from '../model/types.js';
import type { Param, Params } from '../templates/params.js';
import type { Span } from '../source.js';

/** The item of an `each`: `as: p` (or the default `item`), standing for one element of an array. */
export interface Alias {
  name: string;
  /** The `as` value; absent for the default name `item`. */
  nameSpan?: Span;
  /** The span of the repeated item (the alias is visible inside it). */
  itemSpan: Span;
  /** The fields of one element, when the array resolves. */
  fields?: Params;
}

/** A name in a placeholder or an `each` path resolves to a param or an alias. */
export type Binding = { kind: 'param'; name: string; param: Param } | { kind: 'alias'; name: string; alias: Alias };

export interface ScopedText {
  text: Text;
  /** The limit its length is checked against, with the smaller advised one where sources disagree. */
  limit?: Limit;
  advised?: Limit;
  /** The aliases visible in it, innermost last. */
  aliases: Alias[];
}

/** An `each` of a message: its path, and the aliases visible where it is written (outside its own). */
export interface EachSite {
  path: string[];
  span: Span;
  aliases: Alias[];
  /** The alias it opens. */
  alias: Alias;
}

export interface MessageView {
  texts: ScopedText[];
  eaches: EachSite[];
}

/** The fields a binding offers after a `.`: an array's items, an object's fields, an alias's element. */
export function fieldsOf(b: Binding | Param | undefined): Params | undefined {
  if (!b) return undefined;
  if ('kind' in b && b.kind === 'alias' && 'alias' in b) return b.alias.fields;
  const p = 'param' in b ? b.param : (b as Param);
  return p.kind === 'array' ? p.items : p.kind === 'object' ? p.fields : undefined;
}

/** Resolves a name where `aliases` are visible: the innermost alias of that name, else a param. */
export function resolve(m: Message, aliases: readonly Alias[], name: string): Binding | undefined {
  for (let i = aliases.length - 1; i >= 0; i--) if (aliases[i]!.name === name) return { kind: 'alias', name, alias: aliases[i]! };
  const p = Object.prototype.hasOwnProperty.call(m.scope, name) ? m.scope[name] : undefined;
  return p ? { kind: 'param', name, param: p } : undefined;
}

/** Every text of a message, its limit and its scope, and every `each`. */
export function viewMessage(m: Message): MessageView {
  const texts: ScopedText[] = [];
  const eaches: EachSite[] = [];
  let aliases: Alias[] = [];
  const text = (t: Text | undefined, limit?: Limit, advised?: Limit): void => {
    if (t) texts.push({ text: t, aliases, ...(limit ? { limit } : {}), ...(advised ? { advised } : {}) });
  };
  const items = <T extends { repeat?: Repeat; span: Span }>(list: readonly T[] | undefined, visit: (item: T) => void): void => {
    for (const item of list ?? []) {
      const outer = aliases;
      const rep = item.repeat;
      if (rep?.each) {
        const head = resolve(m, aliases, rep.each.path[0]!);
        let fields = fieldsOf(head);
        for (const step of rep.each.path.slice(1)) fields = fieldsOf(fields?.[step]);
        const alias: Alias = { name: rep.as?.name ?? 'item', itemSpan: item.span, ...(rep.as ? { nameSpan: rep.as.span } : {}), ...(fields ? { fields } : {}) };
        eaches.push({ path: rep.each.path, span: rep.each.span, aliases: outer, alias });
        aliases = [...aliases, alias];
      }
      text(rep?.when);
      visit(item);
      aliases = outer;
    }
  };
  const h = m.header;
  if (h?.kind === 'text') text(h.text, LIMITS.headerText);
  else if (h) media(h.media);
  text(m.body, m.type === 'list' ? LIMITS.listBodyText : LIMITS.bodyText, m.type === 'list' ? LIMITS.listBodyTextAdvised : undefined);
  text(m.footer, LIMITS.footerText);
  items(m.buttons?.items, (b) => {
    text(b.id, LIMITS.buttonId);
    text(b.title, LIMITS.buttonTitle);
  });
  text(m.listButton, LIMITS.listButton);
  items(m.sections?.items, (s) => {
    text(s.title, LIMITS.sectionTitle);
    items(s.rows?.items, (row) => {
      text(row.id, LIMITS.rowId);
      text(row.title, LIMITS.rowTitle);
      text(row.description, LIMITS.rowDescription);
    });
  });
  if (m.urlButton) {
    text(m.urlButton.text, LIMITS.ctaDisplayText);
    text(m.urlButton.url);
  }
  items(m.cards?.items, (c) => {
    media(c.image);
    media(c.video);
    text(c.body, LIMITS.cardBody);
    if (c.button) {
      text(c.button.text, LIMITS.ctaDisplayText);
      text(c.button.url);
    }
    items(c.buttons?.items, (b) => {
      text(b.id, LIMITS.cardQuickReplyId);
      text(b.title, LIMITS.cardQuickReplyTitle);
    });
  });
  const a = m.address;
  if (a) {
    text(a.country);
    for (const e of a.values?.entries ?? []) text(e.value, e.key === 'in_pin_code' ? LIMITS.addressPinCode : undefined);
    for (const s of a.savedAddresses?.items ?? []) {
      text(s.id);
      for (const e of s.value?.entries ?? []) text(e.value);
    }
    for (const e of a.validationErrors?.entries ?? []) text(e.value);
  }
  const f = m.flow;
  if (f) {
    for (const t of [f.id, f.name, f.token, f.mode, f.action, f.screen, f.version]) text(t);
    text(f.cta, LIMITS.flowCta, LIMITS.flowCtaAdvised);
    const data = (d: FlowData | undefined): void => {
      if (d?.kind === 'text') text(d.text);
      else if (d?.kind === 'seq') d.items.forEach(data);
      else if (d?.kind === 'map') for (const e of d.entries) data(e.value);
    };
    data(f.data);
  }
  function media(x: { link?: Text; id?: Text; filename?: Text } | undefined): void {
    if (!x) return;
    text(x.link);
    text(x.id);
    text(x.filename);
  }
  texts.sort((x, y) => x.text.span.start - y.text.span.start);
  return { texts, eaches };
}

/** The aliases visible at an offset: those of the repeated items that contain it. */
export function aliasesAt(view: MessageView, offset: number): Alias[] {
  let best: Alias[] = [];
  for (const e of view.eaches) {
    const inside = offset >= e.alias.itemSpan.start && offset <= e.alias.itemSpan.end;
    if (inside && e.aliases.length + 1 > best.length) best = [...e.aliases, e.alias];
  }
  return best;
}
