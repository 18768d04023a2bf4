/**
 * Message template definitions as the account holds them, and the canonical form in which a
 * local creation body and a template listed by the Graph API are compared. Pure.
 *
 * Sources (Meta): "Template management" (GET /<WABA_ID>/message_templates lists `name`,
 * `parameter_format`, `components`, `language`, `status`, `category`, `id`; POST /<TEMPLATE_ID>
 * edits), "Template components" (header, body, footer, buttons and their `example` blocks),
 * "Templates" overview (named and positional parameters).
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A creation body: what `POST /<WABA_ID>/message_templates` takes. */
export interface CreationBody {
  name: string;
  language: string;
  category: string;
  parameter_format?: string;
  components: JsonObject[];
  [key: string]: Json | undefined;
}

/** A template as `GET /<WABA_ID>/message_templates` lists it. */
export interface RemoteTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  parameter_format?: string;
  components: JsonObject[];
  /** Meta's reason, for a REJECTED template (`rejected_reason` field). */
  rejected_reason?: string;
  [key: string]: Json | undefined;
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const upper = (v: Json | undefined) => (typeof v === 'string' ? v.toUpperCase() : v);

/** `{{1}}` or `{{name}}`, as Meta writes variables (no inner spaces). */
export const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The variables of a text, each once, in order of first appearance. */
export function variablesOf(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(VARIABLE)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen;
}

/** The parameter format of a body or a listed template; Meta's default is POSITIONAL. */
export function formatOf(t: { parameter_format?: Json | undefined }): 'NAMED' | 'POSITIONAL' {
  return typeof t.parameter_format === 'string' && t.parameter_format.toUpperCase() === 'NAMED' ? 'NAMED' : 'POSITIONAL';
}

/**
 * The example value of each variable of `text`, in order of appearance: from the named list
 * (`[{ param_name, example }]`) or from the positional list (`{{n}}` takes item n).
 */
export function examplesOf(text: string, positional: Json | undefined, named: Json | undefined): (string | null)[] {
  const vars = variablesOf(text);
  let flat: Json[] = [];
  if (Array.isArray(positional)) flat = positional.length === 1 && Array.isArray(positional[0]) ? positional[0] : positional;
  else if (typeof positional === 'string') flat = [positional];
  const byName = new Map<string, string>();
  if (Array.isArray(named)) {
    for (const p of named) if (isObject(p) && typeof p['param_name'] === 'string') byName.set(p['param_name'], String(p['example'] ?? ''));
  }
  return vars.map((v) => {
    if (byName.has(v)) return byName.get(v)!;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    const value = Number.isInteger(n) ? flat[n - 1] : undefined;
    return typeof value === 'string' ? value : value === undefined ? null : String(value);
  });
}

/** A text with its variables numbered by appearance: `Hi {{name}}` and `Hi {{1}}` are both `Hi {{#1}}`. */
function numbered(text: string): string {
  const vars = variablesOf(text);
  return text.replace(VARIABLE, (_, v: string) => `{{#${vars.indexOf(v) + 1}}}`);
}

/** Keys sorted, null and undefined left out: the same value always prints the same. */
function sorted(v: Json | undefined): Json | undefined {
  if (Array.isArray(v)) return v.map((x) => sorted(x) ?? null);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v).sort()) {
    const x = sorted(v[k]);
    if (x !== undefined && x !== null) out[k] = x;
  }
  return out;
}

/** A URL button's example as a full URL (Meta's pages show both the full URL and the bare suffix). */
function fullUrlExample(url: string, example: Json | undefined): Json | undefined {
  const first = Array.isArray(example) ? example[0] : example;
  if (typeof first !== 'string') return undefined;
  const at = url.search(/\{\{/);
  if (at === -1) return undefined;
  const prefix = url.slice(0, at);
  return first.startsWith(prefix) ? first : prefix + first;
}

const OTP_URL = /[?&]otp_type=([A-Za-z_]+)/;

function button(b: JsonObject, authentication: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(b)) if (k !== 'example') out[k] = v;
  out['type'] = upper(b['type']) ?? null;
  if (b['otp_type'] !== undefined) out['otp_type'] = upper(b['otp_type']) ?? null;
  // Meta stores an authentication template's OTP button as a URL button whose URL names the
  // OTP type ("upon creation the button type will be set to url": one-tap autofill page).
  if (authentication && out['type'] === 'URL' && typeof b['url'] === 'string' && OTP_URL.test(b['url'])) {
    const kind = OTP_URL.exec(b['url'])![1]!.toUpperCase();
    for (const k of Object.keys(out)) delete out[k];
    out['type'] = 'OTP';
    out['otp_type'] = kind;
    if (typeof b['text'] === 'string') out['text'] = b['text'];
    return out;
  }
  if (typeof b['url'] === 'string') {
    out['url'] = numbered(b['url']);
    const ex = fullUrlExample(b['url'], b['example']);
    if (ex !== undefined) out['example'] = ex;
  } else if (b['example'] !== undefined) out['example'] = b['example'];
  if (typeof b['flow_action'] === 'string') out['flow_action'] = b['flow_action'].toLowerCase();
  // OTP apps: the top-level package_name and signature_hash (Graph API v20.0 and earlier) are supported_apps since v21.0.
  if (out['type'] === 'OTP' && (b['package_name'] !== undefined || b['signature_hash'] !== undefined)) {
    const apps = [{ package_name: b['package_name'] ?? null, signature_hash: b['signature_hash'] ?? null }, ...(Array.isArray(b['supported_apps']) ? b['supported_apps'] : [])];
    delete out['package_name'];
    delete out['signature_hash'];
    out['supported_apps'] = apps;
  }
  return out;
}

const SECURITY = 'For your security, do not share this code.';
const EXPIRY = /expires in (\d+) minutes/;

function component(c: JsonObject, authentication: boolean): JsonObject {
  const type = String(upper(c['type']) ?? '');
  const out: JsonObject = { type };
  if (type === 'HEADER') {
    const format = String(upper(c['format']) ?? 'TEXT');
    out['format'] = format;
    if (format === 'TEXT' && typeof c['text'] === 'string') {
      out['text'] = numbered(c['text']);
      const ex = isObject(c['example']) ? c['example'] : {};
      const values = examplesOf(c['text'], ex['header_text'], ex['header_text_named_params']);
      if (values.length > 0) out['example'] = values;
    } else if (format !== 'TEXT' && format !== 'LOCATION') {
      // A media sample: Meta answers with its own copy (a scontent URL), never the handle or
      // the URL that was submitted, so the sample itself cannot be compared.
      out['example'] = 'media';
    }
    return out;
  }
  if (type === 'BODY') {
    if (authentication) {
      const security = c['add_security_recommendation'] ?? (typeof c['text'] === 'string' ? c['text'].includes(SECURITY) : false);
      out['add_security_recommendation'] = security === true;
      return out;
    }
    if (typeof c['text'] === 'string') {
      out['text'] = numbered(c['text']);
      const ex = isObject(c['example']) ? c['example'] : {};
      const values = examplesOf(c['text'], ex['body_text'], ex['body_text_named_params']);
      if (values.length > 0) out['example'] = values;
    }
    return out;
  }
  if (type === 'FOOTER') {
    if (authentication) {
      const minutes = c['code_expiration_minutes'] ?? (typeof c['text'] === 'string' && EXPIRY.test(c['text']) ? Number(EXPIRY.exec(c['text'])![1]) : null);
      out['code_expiration_minutes'] = minutes ?? null;
      return out;
    }
    if (c['text'] !== undefined) out['text'] = c['text'];
    return out;
  }
  if (type === 'BUTTONS') {
    out['buttons'] = (Array.isArray(c['buttons']) ? c['buttons'] : []).map((b) => (isObject(b) ? button(b, authentication) : b));
    return out;
  }
  if (type === 'CAROUSEL') {
    out['cards'] = (Array.isArray(c['cards']) ? c['cards'] : []).map((card) =>
      isObject(card) ? { components: (Array.isArray(card['components']) ? card['components'] : []).map((x) => (isObject(x) ? component(x, false) : x)) } : card,
    );
    return out;
  }
  for (const [k, v] of Object.entries(c)) if (k !== 'type') out[k] = v;
  return out;
}

/**
 * What is compared: the category, the components (variables numbered by appearance, examples
 * in that order, URL examples as full URLs, media samples left out) and the time-to-live.
 * Names and parameter formats are not part of it: `{{first_name}}` and `{{1}}` in the same
 * place are the same definition (the parameter format is reported apart, see diff.ts).
 */
export function definitionOf(t: { category: string; components: readonly JsonObject[]; message_send_ttl_seconds?: Json | undefined }): Json {
  const category = String(t.category).toUpperCase();
  const authentication = category === 'AUTHENTICATION';
  const def: JsonObject = { category, components: t.components.map((c) => component(c, authentication)) };
  if (t.message_send_ttl_seconds !== undefined) def['message_send_ttl_seconds'] = t.message_send_ttl_seconds;
  return sorted(def) ?? null;
}

/** The paths at which two values differ (`components[1].text`), at most `limit` of them. */
export function differences(a: Json | undefined, b: Json | undefined, path = '', out: string[] = [], limit = 8): string[] {
  if (out.length >= limit) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) differences(a[k], b[k], path ? `${path}.${k}` : k, out, limit);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path || '(all)');
  return out;
}

/** A path made readable with the component's type: `components[1].text` → `BODY.text`. */
export function describePath(path: string, def: Json): string {
  const m = /^components\[(\d+)\](.*)$/.exec(path);
  if (!m || !isObject(def) || !Array.isArray(def['components'])) return path;
  const c = def['components'][Number(m[1])];
  const type = isObject(c) && typeof c['type'] === 'string' ? c['type'] : `components[${m[1]}]`;
  return `${type}${m[2]}`;
}
