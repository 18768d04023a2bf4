import type { Address, CallButton, Card, FlowData, FlowSpec, Header, Media, Message, OrderStatusSpec, ProductItem, ProductSection, Repeat, ReplyButton, Row, Section, Seq, Text, TextMap, UrlButton } from './types.js';

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
  return new Walk(f).message(m);
}

class Walk {
  constructor(private readonly f: Mapper) {}

  private text(t: Text | undefined): Text | undefined {
    return t ? this.f.text(t) : undefined;
  }

  private items<T extends Item>(list: Seq<T> | undefined, item: (x: T) => T): Seq<T> | undefined {
    if (!list) return undefined;
    return { ...list, items: this.f.items ? this.f.items(list.items, item) : list.items.map(item) };
  }

  private media(x: Media | undefined): Media | undefined {
    return x && put<Media>({ span: x.span }, { link: this.text(x.link), id: this.text(x.id), filename: this.text(x.filename) });
  }

  private url(b: UrlButton | undefined): UrlButton | undefined {
    return b && put({ ...b }, { text: this.text(b.text), url: this.text(b.url) });
  }

  private readonly button = (b: ReplyButton): ReplyButton => put({ ...b }, { id: this.text(b.id), title: this.text(b.title) });
  private readonly row = (r: Row): Row => put({ ...r }, { id: this.text(r.id), title: this.text(r.title), description: this.text(r.description) });
  private readonly section = (s: Section): Section => put({ ...s }, { title: this.text(s.title), rows: this.items(s.rows, this.row) });
  private readonly card = (c: Card): Card =>
    put({ ...c }, { image: this.media(c.image), video: this.media(c.video), body: this.text(c.body), button: this.url(c.button), buttons: this.items(c.buttons, this.button) });

  private readonly productItem = (p: ProductItem): ProductItem => put({ ...p }, { id: this.text(p.id) });
  private readonly productSection = (s: ProductSection): ProductSection => put({ ...s }, { title: this.text(s.title), products: this.items(s.products, this.productItem) });

  private orderStatus(o: OrderStatusSpec | undefined): OrderStatusSpec | undefined {
    return o && put({ ...o }, { referenceId: this.text(o.referenceId), status: this.text(o.status), description: this.text(o.description) });
  }

  private call(c: CallButton | undefined): CallButton | undefined {
    return c && put({ ...c }, { text: this.text(c.text), payload: this.text(c.payload) });
  }

  private textMap(map: TextMap | undefined): TextMap | undefined {
    return map && { ...map, entries: map.entries.map((e) => ({ ...e, value: this.f.text(e.value) })) };
  }

  private header(h: Header | undefined): Header | undefined {
    if (!h) return undefined;
    return h.kind === 'text' ? { ...h, text: this.f.text(h.text) } : { ...h, media: this.media(h.media)! };
  }

  private address(a: Address | undefined): Address | undefined {
    return (
      a &&
      put({ ...a }, {
        country: this.text(a.country),
        values: this.textMap(a.values),
        savedAddresses: a.savedAddresses && { ...a.savedAddresses, items: a.savedAddresses.items.map((s) => put({ ...s }, { id: this.text(s.id), value: this.textMap(s.value) })) },
        validationErrors: this.textMap(a.validationErrors),
      })
    );
  }

  private data(d: FlowData): FlowData {
    switch (d.kind) {
      case 'text':
        return { ...d, text: this.f.text(d.text) };
      case 'value':
        return d;
      case 'seq':
        return { ...d, items: d.items.map((x) => this.data(x)) };
      case 'map':
        return { ...d, entries: d.entries.map((e) => ({ ...e, value: this.data(e.value) })) };
    }
  }

  private flow(x: FlowSpec | undefined): FlowSpec | undefined {
    return (
      x &&
      put({ ...x }, {
        id: this.text(x.id),
        name: this.text(x.name),
        cta: this.text(x.cta),
        token: this.text(x.token),
        mode: this.text(x.mode),
        action: this.text(x.action),
        screen: this.text(x.screen),
        data: x.data && (this.data(x.data) as FlowSpec['data']),
        version: this.text(x.version),
      })
    );
  }

  message(m: Message): Message {
    return put({ ...m }, {
      header: this.header(m.header),
      body: this.text(m.body),
      footer: this.text(m.footer),
      buttons: this.items(m.buttons, this.button),
      listButton: this.text(m.listButton),
      sections: this.items(m.sections, this.section),
      urlButton: this.url(m.urlButton),
      cards: this.items(m.cards, this.card),
      address: this.address(m.address),
      flow: this.flow(m.flow),
      catalog: this.text(m.catalog),
      product: this.text(m.product),
      productSections: this.items(m.productSections, this.productSection),
      thumbnail: this.text(m.thumbnail),
      payment: m.payment && (this.data(m.payment) as Message['payment']),
      orderStatus: this.orderStatus(m.orderStatus),
      call: this.call(m.call),
    });
  }
}

/** Sets the defined values and deletes the keys whose value is undefined: absent parts stay absent. */
function put<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): T {
  for (const k in values) {
    const v = values[k];
    if (v !== undefined) target[k] = v as T[typeof k];
    else if (k in target) delete target[k];
  }
  return target;
}
