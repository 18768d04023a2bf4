import type { LNode } from '../load/tree.js';
import type { Card, FlowSpec, Header, Media, Message, ReplyButton, TextMap } from '../model/types.js';

/** A JSON value, as the request body holds it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The request body for `POST /{phone-number-id}/messages`. */
export interface RequestBody {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to?: string;
  type: 'interactive';
  interactive: { [key: string]: Json };
}

/**
 * The request body of a checked message, keys in the order the API's documentation writes
 * them; absent optional parts are left out. `to` is left out when not given, for the caller
 * to add at send time. Call only for messages of a file without errors.
 */
export function emitBody(m: Message, to?: string): RequestBody {
  const interactive: { [key: string]: Json } = { type: m.type! };
  if (m.header) interactive['header'] = header(m.header);
  if (m.body) interactive['body'] = { text: m.body.value };
  if (m.footer) interactive['footer'] = { text: m.footer.value };
  interactive['action'] = action(m);
  const body: RequestBody = { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive };
  if (to === undefined) return body;
  // Rebuilt so that `to` stands where the documentation puts it.
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'interactive', interactive };
}

/** The bytes of a JSON output file: two-space indentation and a final newline. */
export function printJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function header(h: Header): Json {
  if (h.kind === 'text') return { type: 'text', text: h.text.value };
  return { type: h.kind, [h.kind]: media(h.media) };
}

function media(m: Media): Json {
  const out: { [key: string]: Json } = {};
  if (m.id) out['id'] = m.id.value;
  else if (m.link) out['link'] = m.link.value;
  if (m.filename) out['filename'] = m.filename.value;
  return out;
}

function replies(buttons: readonly ReplyButton[], type: 'reply' | 'quick_reply'): Json {
  return buttons.map((b) => ({ type, [type]: { id: b.id!.value, title: b.title!.value } }));
}

function action(m: Message): Json {
  switch (m.type) {
    case 'button':
      return { buttons: replies(m.buttons!.items, 'reply') };
    case 'list':
      return {
        button: m.listButton!.value,
        sections: m.sections!.items.map((s) => {
          const section: { [key: string]: Json } = {};
          if (s.title) section['title'] = s.title.value;
          section['rows'] = s.rows!.items.map((r) => {
            const row: { [key: string]: Json } = { id: r.id!.value, title: r.title!.value };
            if (r.description) row['description'] = r.description.value;
            return row;
          });
          return section;
        }),
      };
    case 'cta_url':
      return { name: 'cta_url', parameters: { display_text: m.urlButton!.text!.value, url: m.urlButton!.url!.value } };
    case 'carousel':
      return { cards: m.cards!.items.map(card) };
    case 'location_request_message':
      return { name: 'send_location' };
    case 'address_message': {
      const a = m.address!;
      const parameters: { [key: string]: Json } = { country: a.country!.value };
      if (a.values) parameters['values'] = textMap(a.values);
      if (a.savedAddresses) {
        parameters['saved_addresses'] = a.savedAddresses.items.map((s) => ({ id: s.id!.value, value: textMap(s.value!) }));
      }
      if (a.validationErrors) parameters['validation_errors'] = textMap(a.validationErrors);
      return { name: 'address_message', parameters };
    }
    case 'flow':
      return { name: 'flow', parameters: flowParameters(m.flow!) };
    default:
      throw new Error(`emitBody: message ${m.name} has no valid type`);
  }
}

/**
 * Carousel cards, numbered from 0. Every card has `"type": "cta_url"`, for quick-reply
 * cards too: that is how the media carousel page's example writes them.
 */
function card(c: Card, index: number): Json {
  const out: { [key: string]: Json } = { card_index: index, type: 'cta_url' };
  const kind = c.image ? 'image' : 'video';
  out['header'] = { type: kind, [kind]: media((c.image ?? c.video)!) };
  if (c.body) out['body'] = { text: c.body.value };
  out['action'] = c.button
    ? { name: 'cta_url', parameters: { display_text: c.button.text!.value, url: c.button.url!.value } }
    : { buttons: replies(c.buttons!.items, 'quick_reply') };
  return out;
}

function textMap(map: TextMap): Json {
  const out: { [key: string]: Json } = {};
  for (const e of map.entries) out[e.key] = e.value.value;
  return out;
}

function flowParameters(f: FlowSpec): Json {
  const p: { [key: string]: Json } = { flow_message_version: f.version?.value ?? '3' };
  if (f.token) p['flow_token'] = f.token.value;
  if (f.id) p['flow_id'] = f.id.value;
  else if (f.name) p['flow_name'] = f.name.value;
  p['flow_cta'] = f.cta!.value;
  if (f.action) p['flow_action'] = f.action.value;
  if ((f.action?.value ?? 'navigate') === 'navigate' && (f.screen || f.data)) {
    const payload: { [key: string]: Json } = {};
    if (f.screen) payload['screen'] = f.screen.value;
    if (f.data) payload['data'] = json(f.data);
    p['flow_action_payload'] = payload;
  }
  if (f.mode) p['mode'] = f.mode.value;
  return p;
}

/** A located YAML value as JSON; mappings keep their key order. */
function json(node: LNode): Json {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(json);
  const out: { [key: string]: Json } = {};
  for (const e of node.entries) {
    Object.defineProperty(out, e.key, { value: json(e.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
