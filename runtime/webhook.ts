import { WebhookError } from './errors.js';

/** A reply button or a carousel quick reply was tapped. */
export interface ButtonReply {
  id: string;
  title: string;
}
/** A list row was picked. */
export interface ListReply {
  id: string;
  title: string;
  description?: string;
}
/** A Flow was completed, or an address sent: `response_json` is parsed. */
export interface NfmReply {
  name: string;
  body?: string;
  responseJson: string;
  /** `response_json` parsed; undefined when it is not valid JSON. */
  response: unknown;
}
export interface SharedLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** An item of a cart the user sent from a product, product list or catalog message. */
export interface OrderItem {
  product_retailer_id: string;
  quantity: number;
  item_price: number;
  currency: string;
}
/** A cart sent as an order (`type: "order"`). */
export interface Order {
  catalog_id: string;
  /** The note the user wrote with the cart, if any. */
  text?: string;
  product_items: OrderItem[];
}
/** The answer to a call permission request. */
export interface CallPermissionReply {
  response: 'accept' | 'reject' | (string & {});
  /** Whether the permission lasts; otherwise it ends at `expiration_timestamp`. */
  is_permanent?: boolean;
  /** Unix seconds. */
  expiration_timestamp?: number;
  /** `user_action` or `automatic`. */
  response_source?: string;
}

/** One inbound message of a webhook, as WhatsApp sends it, with the parts waml reads typed. */
export interface InboundMessage {
  id: string;
  from: string;
  timestamp: string;
  type: string;
  /** The message it answers, for replies. */
  context?: { id?: string; from?: string };
  interactive?: { type: string; button_reply?: ButtonReply; list_reply?: ListReply; nfm_reply?: { name: string; body?: string; response_json: string }; call_permission_reply?: CallPermissionReply };
  /** A cart the user sent (`type: "order"`). */
  order?: Order;
  /** A quick reply on a *template* message (a different shape). */
  button?: { payload: string; text: string };
  location?: SharedLocation;
  text?: { body: string };
  [key: string]: unknown;
}

export interface MessageEvent {
  phoneNumberId: string;
  displayPhoneNumber?: string;
  /** The sender's profile name, when WhatsApp gives it. */
  profileName?: string;
  message: InboundMessage;
}

/**
 * A call event (the `calls` webhook field): a call connecting, ending or changing state.
 * A call the user started from a call button (`voice_call`) carries the button's payload
 * as `cta_payload`.
 */
export interface CallEvent {
  phoneNumberId: string;
  id: string;
  from: string;
  to?: string;
  event: string;
  timestamp?: string;
  direction?: string;
  cta_payload?: string;
  [key: string]: unknown;
}

export interface StatusEvent {
  phoneNumberId: string;
  id: string;
  status: string;
  timestamp: string;
  recipientId: string;
  errors?: { code: number; title?: string; message?: string }[];
  [key: string]: unknown;
}

/**
 * An error WhatsApp reports in `value.errors` (for instance a message it could not deliver
 * to the app, code 131051 "unsupported message type"), with the phone number it concerns.
 */
export interface WebhookErrorEvent {
  phoneNumberId: string;
  code: number;
  title?: string;
  message?: string;
  /** `error_data.details`, when given. */
  details?: string;
  [key: string]: unknown;
}

export interface Webhook {
  messages: MessageEvent[];
  statuses: StatusEvent[];
  /** Errors WhatsApp sent in `value.errors`: not messages, but never dropped. */
  errors: WebhookErrorEvent[];
  /** Call events (`field: "calls"`), in order. */
  calls: CallEvent[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function need<T>(ok: boolean, path: string, problem: string, value: T): T {
  if (!ok) throw new WebhookError(path, problem);
  return value;
}

function str(v: unknown, path: string): string {
  return need(typeof v === 'string', path, 'must be a string', v as string);
}

function list(v: unknown, path: string): unknown[] {
  if (v === undefined) return [];
  return need(Array.isArray(v), path, 'must be a list', v as unknown[]);
}

function message(raw: unknown, path: string): InboundMessage {
  if (!isObject(raw)) throw new WebhookError(path, 'must be an object');
  const m = raw as InboundMessage;
  str(m.id, `${path}.id`);
  str(m.from, `${path}.from`);
  str(m.type, `${path}.type`);
  if (m.timestamp !== undefined) str(m.timestamp, `${path}.timestamp`);
  if (m.context !== undefined && !isObject(m.context)) throw new WebhookError(`${path}.context`, 'must be an object');
  if (m.type === 'interactive') {
    const i = m.interactive;
    if (!isObject(i)) throw new WebhookError(`${path}.interactive`, 'must be an object');
    str(i.type, `${path}.interactive.type`);
    for (const key of ['button_reply', 'list_reply'] as const) {
      const r = i[key];
      if (r === undefined) continue;
      if (!isObject(r)) throw new WebhookError(`${path}.interactive.${key}`, 'must be an object');
      str(r.id, `${path}.interactive.${key}.id`);
      str(r.title, `${path}.interactive.${key}.title`);
    }
    if (i.call_permission_reply !== undefined) {
      if (!isObject(i.call_permission_reply)) throw new WebhookError(`${path}.interactive.call_permission_reply`, 'must be an object');
      str(i.call_permission_reply.response, `${path}.interactive.call_permission_reply.response`);
    }
    if (i.nfm_reply !== undefined) {
      if (!isObject(i.nfm_reply)) throw new WebhookError(`${path}.interactive.nfm_reply`, 'must be an object');
      str(i.nfm_reply.name, `${path}.interactive.nfm_reply.name`);
      str(i.nfm_reply.response_json, `${path}.interactive.nfm_reply.response_json`);
    }
  }
  if (m.type === 'button') {
    if (!isObject(m.button)) throw new WebhookError(`${path}.button`, 'must be an object');
    str(m.button.payload, `${path}.button.payload`);
  }
  if (m.type === 'order') {
    const o = m.order;
    if (!isObject(o)) throw new WebhookError(`${path}.order`, 'must be an object');
    str(o.catalog_id, `${path}.order.catalog_id`);
    list(o.product_items, `${path}.order.product_items`).forEach((item, i) => {
      const at = `${path}.order.product_items[${i}]`;
      if (!isObject(item)) throw new WebhookError(at, 'must be an object');
      str(item['product_retailer_id'], `${at}.product_retailer_id`);
      need(typeof item['quantity'] === 'number', `${at}.quantity`, 'must be a number', 0);
    });
  }
  if (m.type === 'location') {
    const l = m.location;
    if (!isObject(l) || typeof l.latitude !== 'number' || typeof l.longitude !== 'number') throw new WebhookError(`${path}.location`, 'must have a numeric latitude and longitude');
  }
  return m;
}

/**
 * The messages and statuses of a webhook body (the whole envelope WhatsApp posts, already
 * parsed from JSON). A body that is not such an envelope throws a WebhookError that names
 * the faulty path; nothing deeper fails.
 */
export function parseWebhook(body: unknown): Webhook {
  if (!isObject(body)) throw new WebhookError('the body', 'must be a JSON object');
  if (body['object'] !== 'whatsapp_business_account') throw new WebhookError('object', 'must be "whatsapp_business_account"');
  const out: Webhook = { messages: [], statuses: [], errors: [], calls: [] };
  list(body['entry'], 'entry').forEach((entry, e) => {
    if (!isObject(entry)) throw new WebhookError(`entry[${e}]`, 'must be an object');
    list(entry['changes'], `entry[${e}].changes`).forEach((change, c) => {
      const at = `entry[${e}].changes[${c}]`;
      if (!isObject(change)) throw new WebhookError(at, 'must be an object');
      if (change['field'] !== 'messages' && change['field'] !== 'calls') return; // other fields (templates, quality) are neither
      const value = change['value'];
      if (!isObject(value)) throw new WebhookError(`${at}.value`, 'must be an object');
      const metadata = isObject(value['metadata']) ? value['metadata'] : {};
      const phoneNumberId = str(metadata['phone_number_id'], `${at}.value.metadata.phone_number_id`);
      list(value['calls'], `${at}.value.calls`).forEach((raw, i) => {
        const p = `${at}.value.calls[${i}]`;
        if (!isObject(raw)) throw new WebhookError(p, 'must be an object');
        out.calls.push({ ...raw, phoneNumberId, id: str(raw['id'], `${p}.id`), from: str(raw['from'], `${p}.from`), event: str(raw['event'], `${p}.event`) } as CallEvent);
      });
      const display = typeof metadata['display_phone_number'] === 'string' ? (metadata['display_phone_number'] as string) : undefined;
      const contacts = list(value['contacts'], `${at}.value.contacts`).filter(isObject);
      // One map per change, so that many messages with many contacts stay linear.
      const byWaId = new Map<unknown, Record<string, unknown>>();
      for (const c of contacts) if (!byWaId.has(c['wa_id'])) byWaId.set(c['wa_id'], c);
      list(value['messages'], `${at}.value.messages`).forEach((raw, i) => {
        const m = message(raw, `${at}.value.messages[${i}]`);
        // The sender's contact; a lone contact is the sender even when its wa_id is written differently.
        const contact = byWaId.get(m.from) ?? (contacts.length === 1 ? contacts[0] : undefined);
        const profile = contact && isObject(contact['profile']) && typeof contact['profile']['name'] === 'string' ? (contact['profile']['name'] as string) : undefined;
        const event: MessageEvent = { phoneNumberId, message: m };
        if (display !== undefined) event.displayPhoneNumber = display;
        if (profile !== undefined) event.profileName = profile;
        out.messages.push(event);
      });
      list(value['statuses'], `${at}.value.statuses`).forEach((raw, i) => {
        const p = `${at}.value.statuses[${i}]`;
        if (!isObject(raw)) throw new WebhookError(p, 'must be an object');
        out.statuses.push({ ...raw, phoneNumberId, id: str(raw['id'], `${p}.id`), status: str(raw['status'], `${p}.status`), timestamp: str(raw['timestamp'], `${p}.timestamp`), recipientId: str(raw['recipient_id'], `${p}.recipient_id`) } as StatusEvent);
      });
      list(value['errors'], `${at}.value.errors`).forEach((raw, i) => {
        const p = `${at}.value.errors[${i}]`;
        if (!isObject(raw)) throw new WebhookError(p, 'must be an object');
        const code = need(typeof raw['code'] === 'number', `${p}.code`, 'must be a number', raw['code'] as number);
        const event: WebhookErrorEvent = { ...raw, phoneNumberId, code };
        const data = raw['error_data'];
        if (isObject(data) && typeof data['details'] === 'string') event.details = data['details'];
        out.errors.push(event);
      });
    });
  });
  return out;
}

/** `response_json` parsed, or undefined when it is not JSON. */
export function parseResponseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
