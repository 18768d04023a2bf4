import type { Address, Card, FlowData, FlowSpec, Header, Media, Message, Repeat, ReplyButton, Row, Section, Seq, Text, TextMap, UrlButton } from './types.js';

/** An item of a list that may repeat: a button, a section, a row, a card. */
export type Item = { repeat?: Repeat };

/**
 * What a walk of a message does at its texts and its lists. The one walk of the model
 * (mapMessage) calls it; the template check, the instantiation with values and every reader
 * that needs all texts use it instead of a walk of their own.
 */
export interface Mapper {
  /** A text's replacement (the same text to keep it). */
  text(t: Text): Text;
  /**
   * A list's items: `item` maps one item's parts (in whatever scope the mapper has set up
   * for it). The default maps each item once.
   */
  items?<T extends Item>(items: readonly T[], item: (x: T) => T): T[];
}

/**
 * A copy of the message with every text passed through `f.text`, in source order, and every
 * list through `f.items`. The input is not changed; parts without texts are shared.
 */
export function mapMessage(m: Message, f: Mapper): Message {
  const text = (t: Text | undefined): Text | undefined => (t ? f.text(t) : undefined);
  const items = <T extends Item>(list: Seq<T> | undefined, item: (x: T) => T): Seq<T> | undefined =>
    list ? { ...list, items: f.items ? f.items(list.items, item) : list.items.map(item) } : undefined;
  const media = (x: Media | undefined): Media | undefined => x && put<Media>({ span: x.span }, { link: text(x.link), id: text(x.id), filename: text(x.filename) });
  const url = (b: UrlButton | undefined): UrlButton | undefined => b && put({ ...b }, { text: text(b.text), url: text(b.url) });
  const button = (b: ReplyButton): ReplyButton => put({ ...b }, { id: text(b.id), title: text(b.title) });
  const row = (r: Row): Row => put({ ...r }, { id: text(r.id), title: text(r.title), description: text(r.description) });
  const section = (s: Section): Section => put({ ...s }, { title: text(s.title), rows: items(s.rows, row) });
  const card = (c: Card): Card => put({ ...c }, { image: media(c.image), video: media(c.video), body: text(c.body), button: url(c.button), buttons: items(c.buttons, button) });
  const textMap = (map: TextMap | undefined): TextMap | undefined => map && { ...map, entries: map.entries.map((e) => ({ ...e, value: f.text(e.value) })) };
  const header = (h: Header | undefined): Header | undefined => (h ? (h.kind === 'text' ? { ...h, text: f.text(h.text) } : { ...h, media: media(h.media)! }) : undefined);
  const address = (a: Address | undefined): Address | undefined =>
    a &&
    put({ ...a }, {
      country: text(a.country),
      values: textMap(a.values),
      savedAddresses: a.savedAddresses && { ...a.savedAddresses, items: a.savedAddresses.items.map((s) => put({ ...s }, { id: text(s.id), value: textMap(s.value) })) },
      validationErrors: textMap(a.validationErrors),
    });
  const data = (d: FlowData): FlowData => {
    switch (d.kind) {
      case 'text':
        return { ...d, text: f.text(d.text) };
      case 'value':
        return d;
      case 'seq':
        return { ...d, items: d.items.map(data) };
      case 'map':
        return { ...d, entries: d.entries.map((e) => ({ ...e, value: data(e.value) })) };
    }
  };
  const flow = (x: FlowSpec | undefined): FlowSpec | undefined =>
    x &&
    put({ ...x }, {
      id: text(x.id),
      name: text(x.name),
      cta: text(x.cta),
      token: text(x.token),
      mode: text(x.mode),
      action: text(x.action),
      screen: text(x.screen),
      data: x.data && (data(x.data) as FlowSpec['data']),
      version: text(x.version),
    });
  return put({ ...m }, {
    header: header(m.header),
    body: text(m.body),
    footer: text(m.footer),
    buttons: items(m.buttons, button),
    listButton: text(m.listButton),
    sections: items(m.sections, section),
    urlButton: url(m.urlButton),
    cards: items(m.cards, card),
    address: address(m.address),
    flow: flow(m.flow),
  });
}

/** Sets the defined values and deletes the keys whose value is undefined: absent parts stay absent. */
function put<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): T {
  for (const k of Object.keys(values) as (keyof T)[]) {
    const v = values[k];
    if (v === undefined) delete target[k];
    else target[k] = v as T[keyof T];
  }
  return target;
}

/** Every text of a message, in source order (with `when` texts of repeating items). */
export function texts(m: Message): Text[] {
  const out: Text[] = [];
  mapMessage(m, {
    text: (t) => (out.push(t), t),
    items: (list, item) =>
      list.map((x) => {
        if (x.repeat?.when) out.push(x.repeat.when);
        return item(x);
      }),
  });
  return out;
}
