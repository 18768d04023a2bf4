import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { inexactNumber } from './load/numbers.js';
import { MAX_DEPTH } from './load/load.js';
import { recipientKeys, sendOptionsProblem, type Recipient, type SendOptions } from '../runtime/recipient.js';
import { compile } from './compile.js';
import type { Code } from './diagnostics/codes.js';
import { LIMITS } from './limits.js';
import { importCreationBody, isCreationBody, TemplateImportRefusal } from './message-templates/import.js';
import { ActionRefusal, importCommerceAction } from './import-actions.js';

/**
 * `waml import`: a request body (or a bare `interactive` object) as a `.wa.yaml` file that
 * builds back to the same body, key order included. Nothing is dropped or rewritten: a field
 * the language cannot write is refused, by its path in the body, with a code. Send-time fields
 * (the recipient, `context`, `biz_opaque_callback_data`) are not part of a message: they come
 * back as `send`, to build or send with. Pure: JSON value in, text or a refusal out.
 */
export type ImportResult =
  | {
      ok: true;
      text: string;
      /** The body's `to`, as it was (also in `send.to`). */
      to?: string;
      /** The body's send-time fields: its recipient and the sender options that rebuild them. */
      send: ImportedSend;
      /** What waml wrote in place of what the body had, one line each (the API's default, a recipient that is none). */
      notes: string[];
    }
  | { ok: false; reason: string; code: Code; field: string };

export interface ImportedSend {
  to?: Recipient;
  options: SendOptions;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

class Refusal extends Error {
  constructor(
    readonly code: Code,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A field's path: `key` under `at` ('' is the top). */
const under = (at: string, key: string): string => (at === '' ? key : `${at}.${key}`);

/** WA821: a field missing or of the wrong type. */
function need<T>(v: unknown, field: string, check: (v: unknown) => v is T, shape = 'of the wrong type'): T {
  if (v === undefined) throw new Refusal('WA821', field, `\`${field}\` is missing`);
  if (v === null) throw new Refusal('WA821', field, `\`${field}\` is null; waml writes a value there or leaves the key out`);
  if (!check(v)) throw new Refusal('WA821', field, `\`${field}\` is ${shape}`);
  return v;
}

/** WA820: a key the language cannot write, named by its path. */
function only(o: Obj, at: string, keys: readonly string[], why?: (key: string) => string): void {
  for (const key of Object.keys(o)) {
    if (!keys.includes(key)) {
      const field = under(at, key);
      throw new Refusal('WA820', field, why?.(key) ?? `\`${field}\` is not a field waml can write, so the message would change; remove it to import the rest`);
    }
  }
}

/** WA820: a fixed value other than the one waml writes. */
function fixed(o: Obj, at: string, key: string, value: string): void {
  const v = need(o[key], `${at}.${key}`, isString, 'not a text');
  if (v !== value) throw new Refusal('WA820', `${at}.${key}`, `\`${at}.${key}\` is \`${v}\`; waml writes \`${value}\` there`);
}

function media(m: unknown, at: string, kind: string): unknown {
  const o = need(m, at, isObj, 'not a mapping');
  only(o, at, kind === 'document' ? ['id', 'link', 'filename'] : ['id', 'link'], (key) =>
    key === 'caption' ? `\`${at}.caption\`: a header's media has no caption in an interactive message (Meta's pages; whatsapp-api-js refuses it), and waml cannot write one` : `\`${at}.${key}\` is not a field waml can write, so the message would change; remove it to import the rest`,
  );
  if (o['id'] !== undefined && o['link'] !== undefined) throw new Refusal('WA820', `${at}.link`, `\`${at}\` has both \`id\` and \`link\`; waml writes one`);
  const out: Obj = {};
  if (o['id'] !== undefined) out['id'] = need(o['id'], `${at}.id`, isString, 'not a text');
  else out['link'] = need(o['link'], `${at}.link`, isString, 'not a text');
  if (o['filename'] !== undefined) out['filename'] = need(o['filename'], `${at}.filename`, isString, 'not a text');
  // A link alone is written as the URL itself.
  return Object.keys(out).length === 1 && 'link' in out ? out['link'] : out;
}

function header(h: unknown, at: string): unknown {
  const o = need(h, at, isObj, 'not a mapping');
  const type = need(o['type'], `${at}.type`, isString, 'not a text');
  if (type === 'text') {
    only(o, at, ['type', 'text'], (key) => (key === 'sub_text' ? `\`${at}.sub_text\` (in Meta's OpenAPI HeaderObject, on no page) is not a field waml can write` : `\`${at}.${key}\` is not a field waml can write, so the message would change; remove it to import the rest`));
    return need(o['text'], `${at}.text`, isString, 'not a text');
  }
  if (type === 'image' || type === 'video' || type === 'document') {
    only(o, at, ['type', type]);
    return { [type]: media(o[type], `${at}.${type}`, type) };
  }
  throw new Refusal('WA820', `${at}.type`, `header type \`${type}\` is not one waml writes`);
}

function text(o: unknown, at: string): string {
  const t = need(o, at, isObj, 'not a mapping');
  only(t, at, ['text']);
  return need(t['text'], `${at}.text`, isString, 'not a text');
}

function replyButtons(list: unknown, at: string, kind: 'reply' | 'quick_reply'): Obj[] {
  return need(list, at, isArray, 'not a list').map((b, i) => {
    const here = `${at}[${i}]`;
    const bo = need(b, here, isObj, 'not a mapping');
    const type = need(bo['type'], `${here}.type`, isString, 'not a text');
    if (type !== kind) {
      throw new Refusal('WA820', `${here}.type`, `\`${here}.type\` is \`${type}\`; ${kind === 'reply' ? 'a reply button' : "a carousel card's quick reply"} is \`${kind}\`, and waml writes that`);
    }
    only(bo, here, ['type', kind]);
    const r = need(bo[kind], `${here}.${kind}`, isObj, 'not a mapping');
    only(r, `${here}.${kind}`, ['id', 'title']);
    return { id: need(r['id'], `${here}.${kind}.id`, isString, 'not a text'), title: need(r['title'], `${here}.${kind}.title`, isString, 'not a text') };
  });
}

function urlButton(action: Obj, at: string): Obj {
  only(action, at, ['name', 'parameters']);
  fixed(action, at, 'name', 'cta_url');
  const p = need(action['parameters'], `${at}.parameters`, isObj, 'not a mapping');
  only(p, `${at}.parameters`, ['display_text', 'url']);
  return { text: need(p['display_text'], `${at}.parameters.display_text`, isString, 'not a text'), url: need(p['url'], `${at}.parameters.url`, isString, 'not a text') };
}

const FLOW_PARAMETERS = ['flow_message_version', 'flow_token', 'flow_id', 'flow_name', 'flow_cta', 'flow_action', 'flow_action_payload', 'mode'];
const ADDRESS_PARAMETERS = ['country', 'values', 'saved_addresses', 'validation_errors'];

function message(i: Obj, at: string): Obj {
  const type = need(i['type'], under(at, 'type'), isString, 'not a text');
  const m: Obj = { type };
  if (!['button', 'list', 'cta_url', 'carousel', 'location_request_message', 'address_message', 'flow', 'product', 'product_list', 'catalog_message', 'order_details', 'order_status', 'voice_call', 'call_permission_request'].includes(type)) {
    throw new Refusal('WA822', under(at, 'type'), `interactive type \`${type}\` is not one waml writes`);
  }
  only(i, at, ['type', 'header', 'body', 'footer', 'action']);
  if (i['header'] !== undefined) m['header'] = header(i['header'], under(at, 'header'));
  if (i['body'] !== undefined) m['body'] = text(i['body'], under(at, 'body'));
  if (i['footer'] !== undefined) m['footer'] = text(i['footer'], under(at, 'footer'));
  const a = under(at, 'action');
  const action = need(i['action'], a, isObj, 'not a mapping');
  switch (type) {
    case 'button':
      only(action, a, ['buttons']);
      m['buttons'] = replyButtons(action['buttons'], `${a}.buttons`, 'reply');
      break;
    case 'list':
      only(action, a, ['button', 'sections']);
      m['button'] = need(action['button'], `${a}.button`, isString, 'not a text');
      m['sections'] = need(action['sections'], `${a}.sections`, isArray, 'not a list').map((s, si) => {
        const here = `${a}.sections[${si}]`;
        const so = need(s, here, isObj, 'not a mapping');
        only(so, here, ['title', 'rows']);
        const out: Obj = {};
        if (so['title'] !== undefined) out['title'] = need(so['title'], `${here}.title`, isString, 'not a text');
        out['rows'] = need(so['rows'], `${here}.rows`, isArray, 'not a list').map((r, ri) => {
          const rh = `${here}.rows[${ri}]`;
          const ro = need(r, rh, isObj, 'not a mapping');
          only(ro, rh, ['id', 'title', 'description']);
          const row: Obj = { id: need(ro['id'], `${rh}.id`, isString, 'not a text'), title: need(ro['title'], `${rh}.title`, isString, 'not a text') };
          if (ro['description'] !== undefined) row['description'] = need(ro['description'], `${rh}.description`, isString, 'not a text');
          return row;
        });
        return out;
      });
      break;
    case 'cta_url':
      m['button'] = urlButton(action, a);
      break;
    case 'carousel':
      only(action, a, ['cards']);
      m['cards'] = need(action['cards'], `${a}.cards`, isArray, 'not a list').map((c, ci) => {
        const here = `${a}.cards[${ci}]`;
        const co = need(c, here, isObj, 'not a mapping');
        only(co, here, ['card_index', 'type', 'header', 'body', 'action']);
        if (co['card_index'] !== ci) throw new Refusal('WA820', `${here}.card_index`, `\`${here}.card_index\` is ${JSON.stringify(co['card_index'])}; waml numbers the cards from 0 in order (${ci} here)`);
        fixed(co, here, 'type', 'cta_url');
        const h = header(co['header'], `${here}.header`);
        if (!isObj(h) || !('image' in h || 'video' in h)) throw new Refusal('WA820', `${here}.header.type`, `\`${here}.header\` is not an image or a video, the only headers a card has`);
        const card: Obj = { ...h };
        if (co['body'] !== undefined) card['body'] = text(co['body'], `${here}.body`);
        const ca = need(co['action'], `${here}.action`, isObj, 'not a mapping');
        if (ca['buttons'] !== undefined) {
          only(ca, `${here}.action`, ['buttons']);
          card['buttons'] = replyButtons(ca['buttons'], `${here}.action.buttons`, 'quick_reply');
        } else card['button'] = urlButton(ca, `${here}.action`);
        return card;
      });
      break;
    case 'location_request_message':
      only(action, a, ['name']);
      fixed(action, a, 'name', 'send_location');
      break;
    case 'address_message': {
      only(action, a, ['name', 'parameters']);
      fixed(action, a, 'name', 'address_message');
      const p = need(action['parameters'], `${a}.parameters`, isObj, 'not a mapping');
      only(p, `${a}.parameters`, ADDRESS_PARAMETERS);
      m['address'] = p;
      break;
    }
    case 'flow': {
      only(action, a, ['name', 'parameters']);
      fixed(action, a, 'name', 'flow');
      const pa = `${a}.parameters`;
      const p = need(action['parameters'], pa, isObj, 'not a mapping');
      only(p, pa, FLOW_PARAMETERS);
      const opt = (key: string): string | undefined => (p[key] === undefined ? undefined : need(p[key], `${pa}.${key}`, isString, 'not a text'));
      const f: Obj = {};
      const version = need(p['flow_message_version'], `${pa}.flow_message_version`, isString, 'not a text');
      if (version !== '3') f['version'] = version;
      if (opt('flow_id') !== undefined) f['id'] = p['flow_id'];
      if (opt('flow_name') !== undefined) f['name'] = p['flow_name'];
      f['cta'] = need(p['flow_cta'], `${pa}.flow_cta`, isString, 'not a text');
      if (opt('flow_token') !== undefined) f['token'] = p['flow_token'];
      if (opt('flow_action') !== undefined) f['action'] = p['flow_action'];
      if (p['flow_action_payload'] !== undefined) {
        const pp = `${pa}.flow_action_payload`;
        const payload = need(p['flow_action_payload'], pp, isObj, 'not a mapping');
        only(payload, pp, ['screen', 'data']);
        if (payload['screen'] !== undefined) f['screen'] = need(payload['screen'], `${pp}.screen`, isString, 'not a text');
        if (payload['data'] !== undefined) f['data'] = need(payload['data'], `${pp}.data`, (v): v is unknown => isObj(v) || isString(v), 'not a mapping or a text');
      }
      if (opt('mode') !== undefined) f['mode'] = p['mode'];
      m['flow'] = f;
      break;
    }
    case 'product':
    case 'product_list':
    case 'catalog_message':
    case 'order_details':
    case 'order_status':
    case 'voice_call':
    case 'call_permission_request':
      try {
        Object.assign(m, importCommerceAction(type, action));
      } catch (error) {
        // The action's fields, named under this body's `action` (the bare interactive object has no `interactive.`).
        if (error instanceof ActionRefusal) throw new Refusal(error.code, error.field.replace(/^interactive\.action/, a), error.message.replaceAll('interactive.action', a));
        throw error;
      }
      break;
    default:
      throw new Refusal('WA822', under(at, 'type'), `interactive type \`${type}\` is not one waml writes`);
  }
  return m;
}

/** The send-time fields of a body, checked: its recipient and sender options; `notes` says what waml wrote in place of what. */
function sendFields(root: Obj, notes: string[]): ImportedSend {
  only(root, '', ['messaging_product', 'recipient_type', 'to', 'recipient', 'context', 'biz_opaque_callback_data', 'type', 'interactive'], (key) => `\`${key}\` is not a field waml can write: a body waml builds has no \`${key}\`; remove it to import the rest`);
  for (const key of ['messaging_product', 'type']) {
    if (root[key] === undefined) throw new Refusal('WA820', key, `the body has no \`${key}\`; waml always writes it, so the body would change`);
  }
  fixed(root, '', 'messaging_product', 'whatsapp');
  fixed(root, '', 'type', 'interactive');
  // The API's default (Messages reference: `recipient_type`, default `individual`).
  if (root['recipient_type'] === undefined) notes.push('the body has no `recipient_type`; waml writes the API\'s default, `"recipient_type": "individual"`');
  const recipientType = root['recipient_type'] === undefined ? 'individual' : need(root['recipient_type'], 'recipient_type', isString, 'not a text');
  const to = root['to'] === undefined ? undefined : need(root['to'], 'to', isString, 'not a text');
  const user = root['recipient'] === undefined ? undefined : need(root['recipient'], 'recipient', isString, 'not a text');
  let recipient: Exclude<Recipient, string> | undefined;
  if (recipientType === 'group') {
    if (user !== undefined) throw new Refusal('WA823', 'recipient', '`recipient` (a user id) in a body sent to a group; a group is named by `to` alone');
    if (to === undefined) throw new Refusal('WA823', 'to', 'a body sent to a group (`recipient_type: group`) has no `to`');
    throw new Refusal('WA825', 'recipient_type', "`recipient_type` is `group`, and a group does not take an interactive message (Meta's Groups messaging page lists text, media and text or media template messages only); import the body sent to a person");
  } else if (recipientType === 'individual') {
    // A recipient is given at send time, not in the file: one that is none (a page's
    // `PHONE_NUMBER` placeholder) is not kept, and the message is imported all the same.
    const phone = to !== undefined && typeof recipientKeys({ phone: to }) !== 'string' ? to : undefined;
    const id = user !== undefined && typeof recipientKeys({ user }) !== 'string' ? user : undefined;
    if (to !== undefined && phone === undefined) notes.push(`\`to\` (${JSON.stringify(to)}) is not a phone number (digits with an optional leading +, ${LIMITS.recipient.min} to ${LIMITS.recipient.max} digits), so it is not kept; give the recipient when you build or send`);
    if (user !== undefined && id === undefined) notes.push(`\`recipient\` (${JSON.stringify(user)}) is not a business-scoped user id (${LIMITS.recipientUser.wording}), so it is not kept; give the recipient when you build or send`);
    if (phone !== undefined && id !== undefined) recipient = { phone, user: id };
    else if (phone !== undefined) recipient = { phone };
    else if (id !== undefined) recipient = { user: id };
  } else throw new Refusal('WA823', 'recipient_type', `\`recipient_type\` is \`${recipientType}\`; the API takes \`individual\` or \`group\``);
  const options: SendOptions = {};
  if (root['context'] !== undefined) {
    const c = need(root['context'], 'context', isObj, 'not a mapping');
    only(c, 'context', ['message_id']);
    options.replyTo = need(c['message_id'], 'context.message_id', isString, 'not a text');
  }
  if (root['biz_opaque_callback_data'] !== undefined) options.callbackData = need(root['biz_opaque_callback_data'], 'biz_opaque_callback_data', isString, 'not a text');
  const problem = sendOptionsProblem(options);
  if (problem) {
    const limit = problem.field === 'replyTo' ? LIMITS.replyTo : LIMITS.callbackData;
    throw new Refusal('WA824', limit.field, `\`${limit.field}\` ${problem.problem} (${limit.source})`);
  }
  const send: ImportedSend = { options };
  // A phone number given as a string, as a sender is called with it.
  if (recipient !== undefined) send.to = 'phone' in recipient && recipient.phone !== undefined && recipient.user === undefined ? recipient.phone : recipient;
  return send;
}

/**
 * Literal braces: every text of a message is a template, so a `{{` the body holds (Meta's own
 * examples have `{{Flow-ID}}`) is written as the placeholder `{{ "{{" }}`, which renders it.
 * A lone `}}` is plain text already.
 */
function literal(text: string): string {
  return text.replaceAll('{{', '{{ "{{" }}');
}

/** Every string of a value, as literal text (keys are not templates and stay as they are). */
function literals(value: unknown): unknown {
  if (typeof value === 'string') return literal(value);
  if (Array.isArray(value)) return value.map(literals);
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = literals(v);
    return out;
  }
  return value;
}

/** Values that must be fixed (placeholders are refused there, WA518): written as they are. */
const FIXED = new Set(['type', 'mode', 'action', 'version', 'country']);

/** Escapes the texts of an imported message, leaving the fixed values as they are. */
function escapeTexts(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return FIXED.has(key) ? value : literal(value);
  if (Array.isArray(value)) return value.map((v) => escapeTexts(v));
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'data' && key === 'flow' ? literals(v) : escapeTexts(v, k);
    return out;
  }
  return value;
}

/** Every object of a value, by its path as reorder() names it, with its keys in order. */
function objectKeys(value: unknown, path = '$', out = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(value)) value.forEach((x, i) => objectKeys(x, `${path}[${i}]`, out));
  else if (isObj(value)) {
    out.set(path, Object.keys(value));
    for (const [k, v] of Object.entries(value)) objectKeys(v, path === '$' ? k : `${path}.${k}`, out);
  }
  return out;
}

/**
 * The `key_order` that makes `built` (the body waml builds) take the key order of `original`:
 * nothing for objects already in order; one entry for all the items of a list (`[]`) where
 * their orders agree, else one per item.
 */
function keyOrderOf(original: unknown, built: unknown): Record<string, string[]> {
  const want = objectKeys(original);
  const have = objectKeys(built);
  const groups = new Map<string, { path: string; keys: string[]; differs: boolean }[]>();
  for (const [path, keys] of want) {
    const got = have.get(path) ?? [];
    const generic = path.replace(/\[\d+\]/g, '[]');
    const list = groups.get(generic) ?? [];
    // Keys waml adds that the body lacked (the default `recipient_type`) keep their documented place.
    const mine = new Set(keys);
    list.push({ path, keys, differs: keys.join('\u0000') !== got.filter((k) => mine.has(k)).join('\u0000') });
    groups.set(generic, list);
  }
  const order: Record<string, string[]> = {};
  for (const [generic, items] of groups) {
    if (!items.some((x) => x.differs)) continue;
    // One order for every item, if each item's keys follow it.
    const merged: string[] = [];
    for (const x of items) for (const k of x.keys) if (!merged.includes(k)) merged.push(k);
    const agrees = items.every((x) => {
      const mine = new Set(x.keys);
      return merged.filter((k) => mine.has(k)).join('\u0000') === x.keys.join('\u0000');
    });
    if (agrees && (items.length > 1 || generic === items[0]!.path)) order[generic] = merged;
    else for (const x of items) if (x.differs) order[x.path] = x.keys;
  }
  return order;
}

function yamlText(name: string, m: Obj): string {
  return `# Imported by waml from a request body.\n${new Document({ messages: { [name]: m } }).toString({ lineWidth: 0 })}`;
}

/**
 * A request body's JSON text as a value, or a refusal naming the field: a key written twice
 * (JSON.parse keeps the last one silently) or a number a double cannot hold exactly
 * (`9007199254740993`, `1E400`: JSON.parse changes it silently) is refused (WA821, WA210).
 * The `yaml` package reads the text a second time, as YAML (JSON is YAML), for what
 * JSON.parse does not keep: each key as written and each number's own text.
 */
export function readJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string; code: Code; field: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the file is not JSON: ${(error as Error).message}`, code: 'WA821', field: '' };
  }
  // A body is a few levels deep; hostile nesting stops here, before the second reading.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return { ok: false, reason: `the JSON nests lists and objects more than ${MAX_DEPTH} levels deep; a request body needs a few`, code: 'WA821', field: '' };
    if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const problem = doc.errors.length > 0 ? undefined : jsonProblem(doc.contents, '');
  return problem ?? { ok: true, value };
}

/** The first key written twice or number changed by a double, depth first, iteratively (no recursion limit). */
function jsonProblem(root: unknown, top: string): { ok: false; reason: string; code: Code; field: string } | undefined {
  const stack: [unknown, string][] = [[root, top]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (isMap(node)) {
      const seen = new Set<string>();
      const next: [unknown, string][] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const field = under(at, key);
        if (seen.has(key)) return { ok: false, reason: `\`${field}\` is written twice; JSON.parse would keep the last silently, so say which one you mean`, code: 'WA821', field };
        seen.add(key);
        next.push([pair.value, field]);
      }
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i] as Node, `${at}[${i}]`]);
    } else if (isScalar(node) && typeof node.value === 'number' && node.source !== undefined) {
      const instead = inexactNumber(node.source, node.value);
      if (instead !== undefined) {
        const field = at === '' ? 'the body' : at;
        const shown = node.source.length > 40 ? `${node.source.slice(0, 37)}...` : node.source;
        const why = !Number.isFinite(node.value) ? 'is not a finite number, which JSON and JavaScript cannot carry' : `cannot be held exactly by a double (JavaScript reads it as ${instead})`;
        return { ok: false, reason: `\`${field}\`: the number \`${shown}\` ${why}, so the message would change; write it as a string if the API takes one`, code: 'WA210', field };
      }
    }
  }
  return undefined;
}

/**
 * WA210 for a number JSON cannot carry, by its path: a value JSON.parse gave for `1E400`
 * (Infinity). readJson names it as written; a value given to importBody has lost that text.
 */
function nonFinite(value: unknown): void {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Refusal('WA210', at, `\`${at}\` is ${v}, a number JSON cannot carry (JSON.parse reads a number such as 1E400 so); the message would change`);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${at}[${i}]`]));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) stack.push([x, under(at, k)]);
  }
}

/** The `.wa.yaml` text of a body, its message called `name`. */
export function importBody(body: unknown, name: string): ImportResult {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { ok: false, reason: `\`${name}\` is not a valid message name`, code: 'WA821', field: '' };
  try {
    const root = need(body, 'the body', isObj, 'not a mapping');
    if (isCreationBody(root)) {
      // A message template's creation body: its own name names the message.
      const t = importCreationBody(root);
      const doc = new Document(Object.keys(t.params).length > 0 ? { params: t.params, messages: { [t.name]: t.message } } : { messages: { [t.name]: t.message } });
      return { ok: true, text: `# Imported by waml from a message template's creation body.\n${doc.toString({ lineWidth: 0 })}`, send: { options: {} }, notes: [] };
    }
    nonFinite(root);
    const whole = root['interactive'] !== undefined || root['messaging_product'] !== undefined;
    const notes: string[] = [];
    const send = whole ? sendFields(root, notes) : { options: {} };
    const interactive = whole ? need(root['interactive'], 'interactive', isObj, 'not a mapping') : root;
    const m = escapeTexts(message(interactive, whole ? 'interactive' : '')) as Obj;
    // Build it once in the documented order; where the body had another, say so in key_order.
    // A `to` that was not kept still has its place in the key order: built once with a stand-in number.
    const droppedTo = whole && send.to === undefined && isString(root['to']);
    const first = compile([{ path: `${name}.wa.yaml`, text: yamlText(name, m) }], { ...(send.to !== undefined ? { to: send.to } : droppedTo ? { to: '15551234567' } : {}), send: send.options });
    const errors = first.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      // A body over a documented limit: refused with the limit's own code.
      const d = errors[0]!;
      throw new Refusal(d.code, '', `the body breaks a limit waml checks: ${d.code} ${d.message}${d.help ? ` (${d.help})` : ''}`);
    }
    const built = first.outputs.find((o) => o.path.endsWith('.json'));
    let text = yamlText(name, m);
    if (built) {
      const body = JSON.parse(built.text) as Obj;
      // A user id that was not kept is not in the order either.
      const kept = whole ? Object.fromEntries(Object.entries(root).filter(([k]) => !(k === 'recipient' && body['recipient'] === undefined))) : { interactive: root };
      let order = keyOrderOf(kept, whole ? body : { interactive: body['interactive'] });
      if (!whole) delete order['$'];
      if (Object.keys(order).length > 0) text = yamlText(name, { ...m, key_order: order });
    }
    const result: ImportResult = { ok: true, text, send, notes };
    if (send.to !== undefined && isString(root['to'])) result.to = root['to'];
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message, code: error.code, field: error.field };
    if (error instanceof TemplateImportRefusal) return { ok: false, reason: error.message, code: 'WA821', field: '' };
    throw error;
  }
}
