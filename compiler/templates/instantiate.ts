import { evaluatePipe, lookup, render, type Value } from '../../runtime/template.js';
import type { LMap, LNode } from '../load/tree.js';
import type { Card, FlowSpec, Media, Message, Repeat, ReplyButton, Row, Section, Seq, Text, TextMap } from '../model/types.js';
import { toRuntimePipe, toRuntimeTemplate } from './runtime.js';

type Scope = { readonly [key: string]: Value };

/**
 * A templated message with its params' values: every placeholder rendered, every `each`
 * expanded and every `when` decided. The result has only fixed texts, at the spans of the
 * templates they came from, so the same rules check it and the same emitter prints it.
 * Call only on a message whose templates checked clean and whose data fits its declarations.
 */
export function instantiate(m: Message, values: Scope): Message {
  return new Instantiator().message(m, values);
}

class Instantiator {
  message(m: Message, scope: Scope): Message {
    const out: Message = { ...m };
    if (m.header) out.header = m.header.kind === 'text' ? { ...m.header, text: this.text(m.header.text, scope) } : { ...m.header, media: this.media(m.header.media, scope) };
    this.setText(out, 'body', m.body, scope);
    this.setText(out, 'footer', m.footer, scope);
    this.setText(out, 'listButton', m.listButton, scope);
    if (m.buttons) out.buttons = this.seq(m.buttons, scope, (b, s) => this.button(b, s));
    if (m.sections) out.sections = this.seq(m.sections, scope, (sec, s) => this.section(sec, s));
    if (m.urlButton) out.urlButton = { ...m.urlButton, ...this.pair(m.urlButton, scope) };
    if (m.cards) out.cards = this.seq(m.cards, scope, (c, s) => this.card(c, s));
    if (m.address) {
      const a = { ...m.address };
      if (a.values) a.values = this.textMap(a.values, scope);
      if (a.validationErrors) a.validationErrors = this.textMap(a.validationErrors, scope);
      if (a.savedAddresses) {
        a.savedAddresses = {
          ...a.savedAddresses,
          items: a.savedAddresses.items.map((s) => {
            const saved = { ...s };
            if (s.id) saved.id = this.text(s.id, scope);
            if (s.value) saved.value = this.textMap(s.value, scope);
            return saved;
          }),
        };
      }
      out.address = a;
    }
    if (m.flow) out.flow = this.flow(m.flow, scope);
    return out;
  }

  private setText<K extends 'body' | 'footer' | 'listButton'>(out: Message, key: K, t: Text | undefined, scope: Scope): void {
    if (t) out[key] = this.text(t, scope);
  }

  text(t: Text, scope: Scope): Text {
    if (!t.templated) return t;
    const value = render(toRuntimeTemplate(t), scope);
    return { ...t, value, templated: false, parts: [{ kind: 'literal', value, start: 0, end: value.length }] };
  }

  private opt(t: Text | undefined, scope: Scope): Text | undefined {
    return t ? this.text(t, scope) : undefined;
  }

  private media(m: Media, scope: Scope): Media {
    const out: Media = { span: m.span };
    for (const key of ['link', 'id', 'filename'] as const) {
      const t = this.opt(m[key], scope);
      if (t) out[key] = t;
    }
    return out;
  }

  private pair(b: { text?: Text; url?: Text }, scope: Scope): { text?: Text; url?: Text } {
    const out: { text?: Text; url?: Text } = {};
    if (b.text) out.text = this.text(b.text, scope);
    if (b.url) out.url = this.text(b.url, scope);
    return out;
  }

  private button(b: ReplyButton, scope: Scope): ReplyButton {
    const out: ReplyButton = { span: b.span };
    if (b.id) out.id = this.text(b.id, scope);
    if (b.title) out.title = this.text(b.title, scope);
    return out;
  }

  private section(s: Section, scope: Scope): Section {
    const out: Section = { span: s.span };
    if (s.title) out.title = this.text(s.title, scope);
    if (s.rows) out.rows = this.seq(s.rows, scope, (r, sc) => this.row(r, sc));
    return out;
  }

  private row(r: Row, scope: Scope): Row {
    const out: Row = { span: r.span };
    if (r.id) out.id = this.text(r.id, scope);
    if (r.title) out.title = this.text(r.title, scope);
    if (r.description) out.description = this.text(r.description, scope);
    return out;
  }

  private card(c: Card, scope: Scope): Card {
    const out: Card = { span: c.span, keys: c.keys };
    if (c.image) out.image = this.media(c.image, scope);
    if (c.video) out.video = this.media(c.video, scope);
    if (c.body) out.body = this.text(c.body, scope);
    if (c.button) out.button = { ...c.button, ...this.pair(c.button, scope) };
    if (c.buttons) out.buttons = this.seq(c.buttons, scope, (b, s) => this.button(b, s));
    return out;
  }

  private textMap(map: TextMap, scope: Scope): TextMap {
    return { ...map, entries: map.entries.map((e) => ({ ...e, value: this.text(e.value, scope) })) };
  }

  /** Expands `each` and decides `when`; fixed items stay as they are. */
  private seq<T extends { repeat?: Repeat }>(list: Seq<T>, scope: Scope, item: (x: T, scope: Scope) => T): Seq<T> {
    const items: T[] = [];
    for (const x of list.items) {
      const rep = x.repeat;
      const scopes: Scope[] = [];
      if (rep?.each) {
        const arr = lookup(scope, rep.each.path);
        for (const element of Array.isArray(arr) ? (arr as readonly Value[]) : []) scopes.push({ ...scope, [rep.as?.name ?? 'item']: element });
      } else scopes.push(scope);
      for (const s of scopes) {
        if (rep?.when && !this.holds(rep.when, s)) continue;
        items.push(item(x, s));
      }
    }
    return { ...list, items };
  }

  private holds(when: Text, scope: Scope): boolean {
    const expr = when.parts.find((p) => p.kind === 'expr');
    return expr?.kind === 'expr' && expr.pipe ? evaluatePipe(toRuntimePipe(expr.pipe), scope) === true : false;
  }

  private flow(f: FlowSpec, scope: Scope): FlowSpec {
    const out: FlowSpec = { ...f };
    for (const key of ['id', 'name', 'cta', 'token', 'screen'] as const) {
      const t = this.opt(f[key], scope);
      if (t) out[key] = t;
    }
    if (f.data && f.dataTexts?.some((t) => t.templated)) {
      const rendered = new Map(f.dataTexts.map((t) => [t.scalar, this.text(t, scope).value]));
      const copy = (n: LNode): LNode => {
        if (n.kind === 'scalar') return rendered.has(n) ? { ...n, value: rendered.get(n)! } : n;
        if (n.kind === 'seq') return { ...n, items: n.items.map(copy) };
        return { ...n, entries: n.entries.map((e) => ({ ...e, value: copy(e.value) })) };
      };
      out.data = copy(f.data) as LMap;
    }
    return out;
  }
}
