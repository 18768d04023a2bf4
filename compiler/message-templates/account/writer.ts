import { Document, isCollection, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { examplesOf, formatOf, isObject, VARIABLE, variablesOf, type Json, type JsonObject } from './definition.js';

/**
 * `waml templates pull`: a template as the account lists it (or any creation body) written as
 * a `.wa.yaml` source in waml's template syntax, which builds back to the same components.
 * Pure: a template in, text (or the reason it cannot be written) out.
 *
 * Named variables keep their names. A positional template says `parameter_format: positional`
 * and its variables (`{{1}}`) get names by where they stand,
 * since waml's params are named: `one`, `two`… in the body, `header_one` in the header,
 * `link_one` in the first URL button, `card_two_body_one` in the second card's body. Names are
 * words, not digits: Meta's named parameters are "lowercase characters and underscores".
 */

export type WriteResult = { ok: true; file: string; text: string } | { ok: false; reason: string };

export interface PulledTemplate {
  name: string;
  language: string;
  category: string;
  parameter_format?: string;
  message_send_ttl_seconds?: Json | undefined;
  components: readonly JsonObject[];
  id?: string;
}

class Refusal extends Error {}

/** A message name: the template's name when it is one, else `t_<name>` with `name:` (`2023_april_promo`). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 1 → `one`, 21 → `twenty_one`, 100 → `one_hundred`. */
export function numberWord(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `_${ONES[n % 10]}` : '');
  const rest = n % 100;
  return `${ONES[Math.floor(n / 100)] ?? numberWord(Math.floor(n / 100))}_hundred${rest ? `_${numberWord(rest)}` : ''}`;
}

const str = (v: Json | undefined, what: string): string => {
  if (typeof v !== 'string') throw new Refusal(`${what} is missing`);
  return v;
};

/** The state of one write: the params it declares, in order, and the ids it has used. */
class Writer {
  readonly params = new Map<string, JsonObject & { example: Json }>();
  private readonly ids = new Set<string>();
  constructor(private readonly named: boolean) {}

  /**
   * A Meta text as waml text: each variable becomes a `{{ param }}` placeholder (declared
   * with its example); literal `{{` and `}}` are written as `{{ "{{" }}` and `{{ "}}" }}`.
   */
  text(text: string, examples: (string | null)[], scope: string | ((i: number) => string), what: string): string {
    const vars = variablesOf(text);
    const names = vars.map((v, i) => {
      const name = this.named && /^[a-z_][a-z0-9_]*$/.test(v) ? v : typeof scope === 'function' ? scope(i) : `${scope}${numberWord(i + 1)}`;
      const example = examples[i];
      if (example === null || example === undefined) throw new Refusal(`${what} has no example for \`{{${v}}}\``);
      const known = this.params.get(name);
      if (known && known.example !== example) throw new Refusal(`\`${name}\` has two different examples (${JSON.stringify(known.example)} and ${JSON.stringify(example)})`);
      this.params.set(name, { type: 'string', example });
      return name;
    });
    let out = '';
    let last = 0;
    const literal = (s: string) => s.replace(/\{\{|\}\}/g, (m) => `{{ "${m}" }}`);
    for (const m of text.matchAll(VARIABLE)) {
      out += literal(text.slice(last, m.index)) + `{{ ${names[vars.indexOf(m[1]!)]} }}`;
      last = m.index! + m[0].length;
    }
    return out + literal(text.slice(last));
  }

  /** A param used only when sending (the one-time code, an offer's end), declared with an example. */
  sendParam(name: string, declaration: JsonObject & { example: Json }): string {
    if (!this.params.has(name)) this.params.set(name, declaration);
    return `{{ ${name} }}`;
  }

  /** A quick reply's id (its payload at send time): the title in lowercase words, unique. */
  id(title: string): string {
    const base = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64) || 'reply';
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
    this.ids.add(id);
    return id;
  }
}

function mediaUrl(c: JsonObject, what: string): string {
  const ex = isObject(c['example']) ? c['example'] : {};
  const list = ex['header_handle'];
  const url = Array.isArray(list) ? list[0] : undefined;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new Refusal(`${what} lists no URL for its media sample`);
  return url;
}

function buttons(w: Writer, list: Json | undefined, scope: string, authentication: boolean): JsonObject[] {
  const out: JsonObject[] = [];
  let urls = 0;
  for (const b of Array.isArray(list) ? list : []) {
    if (!isObject(b)) throw new Refusal('a button is not an object');
    const type = String(b['type'] ?? '').toUpperCase();
    switch (type) {
      case 'QUICK_REPLY': {
        const title = str(b['text'], 'a quick reply’s text');
        out.push({ quick_reply: { id: w.id(title), title } });
        break;
      }
      case 'URL': {
        urls++;
        const url = str(b['url'], 'a URL button’s url');
        if (authentication && /[?&]otp_type=/.test(url)) {
          const kind = /[?&]otp_type=([A-Za-z_]+)/.exec(url)![1]!.toLowerCase();
          const otp: JsonObject = { kind };
          if (typeof b['text'] === 'string') otp['text'] = b['text'];
          out.push({ otp });
          break;
        }
        const at = url.search(/\{\{/);
        const example = Array.isArray(b['example']) ? b['example'][0] : b['example'];
        const full = typeof example === 'string' && at !== -1 && !example.startsWith(url.slice(0, at)) ? url.slice(0, at) + example : example;
        // The variable's example is the suffix the full example URL adds to the fixed part.
        const suffix = typeof full === 'string' && at !== -1 ? full.slice(at) : null;
        out.push({ url: { text: str(b['text'], 'a URL button’s text'), url: w.text(url, [suffix], () => `${scope}link_${numberWord(urls)}`, 'a URL button') } });
        break;
      }
      case 'PHONE_NUMBER':
        out.push({ phone: { text: str(b['text'], 'a phone button’s text'), phone: str(b['phone_number'], 'a phone button’s number') } });
        break;
      case 'COPY_CODE': {
        const example = Array.isArray(b['example']) ? b['example'][0] : b['example'];
        out.push({ copy_code: { example: str(example, 'a copy-code button’s example') } });
        break;
      }
      case 'FLOW': {
        const flow: JsonObject = { text: str(b['text'], 'a Flow button’s text') };
        if (b['flow_id'] !== undefined) flow['flow'] = { id: String(b['flow_id']) };
        else if (b['flow_name'] !== undefined) flow['flow'] = { name: String(b['flow_name']) };
        else if (typeof b['flow_json'] === 'string') flow['flow'] = { json: b['flow_json'] };
        else throw new Refusal('a Flow button names no Flow');
        if (b['flow_action'] !== undefined) flow['action'] = String(b['flow_action']).toLowerCase();
        if (b['navigate_screen'] !== undefined) flow['screen'] = String(b['navigate_screen']);
        if (b['icon'] !== undefined) flow['icon'] = String(b['icon']);
        out.push({ flow });
        break;
      }
      case 'OTP': {
        const otp: JsonObject = { kind: String(b['otp_type'] ?? '').toLowerCase() };
        if (typeof b['text'] === 'string') otp['text'] = b['text'];
        if (typeof b['autofill_text'] === 'string') otp['autofill_text'] = b['autofill_text'];
        // Apps: the top-level package_name and signature_hash of Graph API v20.0 and earlier, then supported_apps.
        const apps = [b, ...(Array.isArray(b['supported_apps']) ? b['supported_apps'] : [])]
          .filter(isObject)
          .filter((a) => typeof a['package_name'] === 'string' && typeof a['signature_hash'] === 'string')
          .map((a) => ({ package_name: a['package_name'] as string, signature_hash: a['signature_hash'] as string }));
        if (apps.length === 1) Object.assign(otp, apps[0]);
        else if (apps.length > 1) otp['supported_apps'] = apps;
        if (typeof b['zero_tap_terms_accepted'] === 'boolean') otp['zero_tap_terms_accepted'] = b['zero_tap_terms_accepted'];
        out.push({ otp });
        break;
      }
      case 'VOICE_CALL':
        out.push({ voice_call: { text: str(b['text'], 'a call button’s text') } });
        break;
      default:
        throw new Refusal(`a \`${type || '?'}\` button has no waml syntax`);
    }
  }
  return out;
}

function card(w: Writer, c: Json, index: number): JsonObject {
  if (!isObject(c) || !Array.isArray(c['components'])) throw new Refusal(`card ${index + 1} has no components`);
  const out: JsonObject = {};
  const scope = `card_${numberWord(index + 1)}_`;
  for (const x of c['components']) {
    if (!isObject(x)) continue;
    const type = String(x['type'] ?? '').toUpperCase();
    if (type === 'HEADER') {
      const format = String(x['format'] ?? '').toLowerCase();
      if (format !== 'image' && format !== 'video') throw new Refusal(`card ${index + 1} has a \`${format}\` header; cards take an image or a video`);
      out[format] = mediaUrl(x, `card ${index + 1}`);
    } else if (type === 'BODY') {
      const text = str(x['text'], `card ${index + 1}’s body text`);
      const ex = isObject(x['example']) ? x['example'] : {};
      out['body'] = w.text(text, examplesOf(text, ex['body_text'], ex['body_text_named_params']), `${scope}body_`, `card ${index + 1}’s body`);
    } else if (type === 'BUTTONS') out['buttons'] = buttons(w, x['buttons'], scope, false);
    else throw new Refusal(`card ${index + 1} has a \`${type}\` component, which waml does not write`);
  }
  return out;
}

function message(w: Writer, t: PulledTemplate): JsonObject {
  const category = String(t.category).toLowerCase();
  const authentication = category === 'authentication';
  const m: JsonObject = { type: 'template' };
  if (!IDENTIFIER.test(t.name)) m['name'] = t.name;
  m['category'] = category;
  m['language'] = t.language;
  if (!authentication && formatOf(t) === 'POSITIONAL' && t.components.some((c) => JSON.stringify(c).includes('{{'))) m['parameter_format'] = 'positional';
  const ttl = t.message_send_ttl_seconds;
  if (typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0) m['ttl_seconds'] = ttl;
  for (const c of t.components) {
    const type = String(c['type'] ?? '').toUpperCase();
    const ex = isObject(c['example']) ? c['example'] : {};
    switch (type) {
      case 'HEADER': {
        const format = String(c['format'] ?? 'TEXT').toUpperCase();
        if (format === 'TEXT') {
          const text = str(c['text'], 'the header text');
          m['header'] = w.text(text, examplesOf(text, ex['header_text'], ex['header_text_named_params']), 'header_', 'the header');
        } else if (format === 'LOCATION') m['header'] = { location: true };
        else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') m['header'] = { [format.toLowerCase()]: mediaUrl(c, 'the header') };
        else throw new Refusal(`a \`${format}\` header has no waml syntax`);
        break;
      }
      case 'BODY':
        if (authentication) {
          const security = c['add_security_recommendation'] ?? (typeof c['text'] === 'string' && c['text'].includes('For your security, do not share this code.'));
          m['security_recommendation'] = security === true;
        } else {
          const text = str(c['text'], 'the body text');
          m['body'] = w.text(text, examplesOf(text, ex['body_text'], ex['body_text_named_params']), '', 'the body');
        }
        break;
      case 'FOOTER':
        if (authentication) {
          const minutes = c['code_expiration_minutes'] ?? (typeof c['text'] === 'string' ? Number(/expires in (\d+) minutes/.exec(c['text'])?.[1]) : undefined);
          if (typeof minutes === 'number' && Number.isInteger(minutes)) m['code_expires_in'] = minutes;
        } else m['footer'] = str(c['text'], 'the footer text');
        break;
      case 'BUTTONS': {
        const list = buttons(w, c['buttons'], '', authentication);
        const otp = list.find((b) => 'otp' in b);
        if (authentication && otp) {
          if (list.length > 1) throw new Refusal('an authentication template with more than its one OTP button has no waml syntax');
          // The code is sent in the body and the button; Meta allows at most 15 characters (template categorization page).
          m['otp'] = { ...(otp['otp'] as JsonObject), code: w.sendParam('code', { type: 'string', maxLength: 15, example: '123456' }) };
        } else m['buttons'] = list;
        break;
      }
      case 'CAROUSEL':
        m['cards'] = (Array.isArray(c['cards']) ? c['cards'] : []).map((x, i) => card(w, x, i));
        break;
      case 'LIMITED_TIME_OFFER': {
        const lto = isObject(c['limited_time_offer']) ? c['limited_time_offer'] : {};
        const offer: JsonObject = { text: str(lto['text'], 'the offer text') };
        if (lto['has_expiration'] !== undefined) offer['expires'] = lto['has_expiration'] === true;
        // An expiring offer is sent with its end time (UNIX milliseconds, limited-time offer page).
        if (lto['has_expiration'] === true) offer['expires_at'] = w.sendParam('offer_ends', { type: 'integer', minimum: 0, maximum: 9999999999999, example: 1209600000 });
        m['offer'] = offer;
        break;
      }
      default:
        throw new Refusal(`a \`${type || '?'}\` component has no waml syntax`);
    }
  }
  return m;
}

/**
 * Flow style for small mappings of scalars (a param's declaration, a button, `{ location: true }`),
 * block style for the rest; a message itself stays in block style.
 */
function flowSmall(node: unknown, path: readonly string[]): void {
  if (isMap(node)) {
    const map = node as YAMLMap;
    const scalars = map.items.every((p) => !isCollection(p.value) || isScalarMap(p.value)) && !(map.items.length === 1 && isMap(map.items[0]!.value));
    const isMessage = path.length === 2 && path[0] === 'messages';
    if (path.length >= 2 && !isMessage && scalars && JSON.stringify(map.toJSON()).length <= 100) {
      map.flow = true;
      for (const p of map.items) if (isMap(p.value)) (p.value as YAMLMap).flow = true;
      return;
    }
    for (const p of map.items) flowSmall(p.value, [...path, String(isScalar(p.key) ? p.key.value : p.key)]);
  } else if (isSeq(node)) {
    for (const item of node.items) flowSmall(item, [...path, '[]']);
  }
}

function isScalarMap(v: unknown): boolean {
  return isMap(v) && (v as YAMLMap).items.every((p) => !isCollection(p.value));
}

/** The `.wa.yaml` source of one template (one name in one language): `<name>.<language>.wa.yaml`. */
export function writeTemplate(t: PulledTemplate): WriteResult {
  if (!/^[a-z0-9_]{1,512}$/.test(t.name)) return { ok: false, reason: `\`${t.name}\` is not a template name waml can write` };
  try {
    const w = new Writer(formatOf(t) === 'NAMED');
    const m = message(w, t);
    const params: JsonObject = {};
    for (const [name, p] of w.params) params[name] = p;
    const root: JsonObject = { waml: 1 };
    if (w.params.size > 0) root['params'] = params;
    root['messages'] = { [IDENTIFIER.test(t.name) ? t.name : `t_${t.name}`]: m };
    const doc = new Document(root);
    flowSmall(doc.contents, []);
    const head = `# Pulled by waml from the account${t.id ? ` (template ${t.id})` : ''}.\n`;
    return { ok: true, file: `${t.name}.${t.language}.wa.yaml`, text: head + doc.toString({ lineWidth: 0 }) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}
