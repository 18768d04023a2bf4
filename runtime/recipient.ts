/**
 * Who a message goes to, and what a send carries besides the message: the envelope of a
 * request body. Used by the compiler's JSON output and by every generated `build()`, so both
 * write the same keys in the same order.
 */
import { WamlParamError } from './errors.js';

/**
 * A recipient: a phone number (`"15551234567"`, an optional leading `+`), a business-scoped
 * user id (`"US.13491208655302741918"`, sent as `recipient`), both, or a group (sent with
 * `recipient_type: "group"`). A string is a phone number or a business-scoped user id, told
 * apart by their forms; a group is always written `{ group }`.
 */
export type Recipient = string | { phone: string; user?: string } | { user: string; phone?: string } | { group: string };

/**
 * What a send carries besides the message and its recipient. Every field is optional, so
 * later options join this one object.
 */
export interface SendOptions {
  /** The id of the message this one replies to (`context.message_id`): the phone shows it quoted. */
  replyTo?: string;
  /** Sent as `biz_opaque_callback_data`: an opaque text that comes back in the message's status webhooks; at most 512 characters. */
  callbackData?: string;
}

/**
 * The send options there are: the one list that validation reads, so a new option (such as a
 * language) is one more key here and in SendOptions (the type makes them agree). A key not
 * listed is refused, never dropped.
 */
export const SEND_OPTION_KEYS: { readonly [K in keyof Required<SendOptions>]: true } = { replyTo: true, callbackData: true };

/** A phone number: digits with an optional leading `+`, 7 to 15 digits (E.164). */
export const PHONE = /^\+?[0-9]{7,15}$/;
/** A business-scoped user id: a two-letter country code, a period, an optional `ENT.` (a parent id), then letters and digits. */
export const USER_ID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;
/** A group id, as the Groups API returns it: letters, digits and `-_.@=+/`, no white space. */
export const GROUP_ID = /^[A-Za-z0-9\-_.@=+/]{1,256}$/;
/**
 * The message types a group takes: Meta's Groups messaging page lists text, media and text
 * or media templates only, so an interactive message to a group is refused.
 */
export const GROUP_TYPES: readonly string[] = ['text', 'image', 'video', 'audio', 'document', 'template'];
/** What is wrong with sending a message of `type` to a group. */
export const GROUP_TYPE_PROBLEM = (type: string): string => `is a group, and a group does not take ${type === 'interactive' ? 'an interactive' : `a ${type}`} message: Meta's Groups messaging page lists text, media and text or media template messages only`;
/** The longest `biz_opaque_callback_data` the Messages reference allows. */
export const MAX_CALLBACK_DATA = 512;

/** The request body's recipient keys, in the order of the Messages reference. */
export interface Envelope {
  recipient_type: 'individual' | 'group';
  to?: string;
  recipient?: string;
}

/** The envelope keys of a recipient, or what is wrong with it. */
export function recipientKeys(to: Recipient): Envelope | string {
  if (typeof to === 'string') {
    if (PHONE.test(to)) return { recipient_type: 'individual', to };
    if (USER_ID.test(to)) return { recipient_type: 'individual', recipient: to };
    return 'is neither a phone number (digits with an optional leading +, 7 to 15 digits) nor a business-scoped user id (such as US.13491208655302741918)';
  }
  if (typeof to !== 'object' || to === null || Array.isArray(to)) return 'is not a recipient: a phone number, a business-scoped user id, or { group }';
  const o = to as { phone?: unknown; user?: unknown; group?: unknown };
  const extra = Object.keys(o).find((k) => k !== 'phone' && k !== 'user' && k !== 'group');
  if (extra !== undefined) return `has the key \`${extra}\`; a recipient object has \`phone\`, \`user\` or \`group\` only`;
  if (o.group !== undefined) {
    if (o.phone !== undefined || o.user !== undefined) return 'names a group and a person; give one';
    if (typeof o.group !== 'string' || !GROUP_ID.test(o.group)) return 'has a group id that is not one: letters, digits and -_.@=+/, no white space';
    return { recipient_type: 'group', to: o.group };
  }
  if (o.phone === undefined && o.user === undefined) return 'names no phone number, user id or group';
  if (o.phone !== undefined && (typeof o.phone !== 'string' || !PHONE.test(o.phone))) return 'has a phone number that is not one: digits with an optional leading +, 7 to 15 digits';
  if (o.user !== undefined && (typeof o.user !== 'string' || !USER_ID.test(o.user))) return 'has a user id that is not a business-scoped user id (such as US.13491208655302741918)';
  const out: Envelope = { recipient_type: 'individual' };
  if (o.phone !== undefined) out.to = o.phone as string;
  if (o.user !== undefined) out.recipient = o.user as string;
  return out;
}

/** What is wrong with send options (an object of SEND_OPTION_KEYS), or undefined. */
export function sendOptionsProblem(given: unknown): { field: string; problem: string } | undefined {
  const known = Object.keys(SEND_OPTION_KEYS);
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { field: 'options', problem: `is ${JSON.stringify(given) ?? String(given)}, not an object of send options (${known.join(', ')})` };
  const unknown = Object.keys(given).find((k) => !Object.prototype.hasOwnProperty.call(SEND_OPTION_KEYS, k));
  if (unknown !== undefined) return { field: unknown, problem: `is not a send option; the send options are ${known.join(', ')}` };
  const options = given as SendOptions;
  if (options.replyTo !== undefined && (typeof options.replyTo !== 'string' || options.replyTo.trim() === '')) return { field: 'replyTo', problem: 'is not a message id: a non-empty text' };
  if (options.callbackData !== undefined) {
    if (typeof options.callbackData !== 'string' || options.callbackData === '') return { field: 'callbackData', problem: 'is not a non-empty text' };
    const length = [...options.callbackData].length;
    if (length > MAX_CALLBACK_DATA) return { field: 'callbackData', problem: `is ${length} characters; the limit is ${MAX_CALLBACK_DATA}` };
  }
  return undefined;
}

/**
 * A request body: `messaging_product`, the recipient's keys (none when `to` is undefined:
 * `recipient_type: "individual"` alone), `context`, `biz_opaque_callback_data`, `type` and
 * the message object under its type's key. Throws WamlParamError for a bad recipient or option,
 * and for a group as the recipient of a type a group does not take (an interactive message).
 */
export function envelope<K extends string, M>(message: string, to: Recipient | undefined, options: SendOptions | undefined, type: K, content: M): { [key: string]: unknown } {
  const out: { [key: string]: unknown } = { messaging_product: 'whatsapp' };
  if (to === undefined) out['recipient_type'] = 'individual';
  else {
    const keys = recipientKeys(to);
    if (typeof keys === 'string') throw new WamlParamError(message, 'to', keys);
    if (keys.recipient_type === 'group' && !GROUP_TYPES.includes(type)) throw new WamlParamError(message, 'to', GROUP_TYPE_PROBLEM(type));
    Object.assign(out, keys);
  }
  const o = options ?? {};
  const problem = sendOptionsProblem(o);
  if (problem) throw new WamlParamError(message, problem.field, problem.problem);
  if (o.replyTo !== undefined) out['context'] = { message_id: o.replyTo };
  if (o.callbackData !== undefined) out['biz_opaque_callback_data'] = o.callbackData;
  out['type'] = type;
  out[type] = content;
  return out;
}

/**
 * The keys of a body's objects put in a given order: `order` maps the path of an object
 * (`$` for the body, `interactive.action.buttons[]` for every button, `…buttons[1]` for one)
 * to its keys in order. Keys it does not list keep their place after the listed ones. Used to
 * build an imported body back with the key order it had.
 */
export function reorder<T>(value: T, order: { readonly [path: string]: readonly string[] } | undefined): T {
  if (!order || Object.keys(order).length === 0) return value;
  return walk(value, '$', order) as T;
}

function walk(value: unknown, path: string, order: { readonly [path: string]: readonly string[] }): unknown {
  if (Array.isArray(value)) return value.map((x, i) => walk(x, `${path}[${i}]`, order));
  if (typeof value !== 'object' || value === null) return value;
  const generic = path.replace(/\[\d+\]/g, '[]');
  const has = (p: string): boolean => Object.prototype.hasOwnProperty.call(order, p);
  const own = has(path) ? order[path] : has(generic) ? order[generic] : undefined;
  const src = value as { [key: string]: unknown };
  const keys = Object.keys(src);
  const listed = own ? new Set(own) : undefined;
  const sorted = own ? [...own.filter((k) => Object.prototype.hasOwnProperty.call(src, k)), ...keys.filter((k) => !listed!.has(k))] : keys;
  const out: { [key: string]: unknown } = {};
  for (const k of sorted) {
    const v = walk(src[k], path === '$' ? k : `${path}.${k}`, order);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}
