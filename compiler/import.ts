import { Document } from 'yaml';
import { importCreationBody, isCreationBody, TemplateImportRefusal } from './message-templates/import.js';
import { ActionRefusal, importCommerceAction } from './import-actions.js';

/**
 * `waml import`: a request body (or a bare `interactive` object) as a `.wa.yaml` file that
 * builds back to the same body. Pure: JSON value in, text or a reason out.
 */
export type ImportResult = { ok: true; text: string; to?: string } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refusal extends Error {}
function need<T>(v: unknown, what: string, check: (v: unknown) => v is T): T {
  if (!check(v)) throw new Refusal(`${what} is missing or of the wrong type`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);


function media(m: unknown, what: string): unknown {
  const o = need(m, what, isObj);
  const out: Obj = {};
  if (isString(o['id'])) out['id'] = o['id'];
  else out['link'] = need(o['link'], `${what}.link`, isString);
  if (isString(o['filename'])) out['filename'] = o['filename'];
  // A link alone is written as the URL itself.
  return Object.keys(out).length === 1 && 'link' in out ? out['link'] : out;
}

function header(h: unknown): unknown {
  const o = need(h, 'header', isObj);
  const type = need(o['type'], 'header.type', isString);
  if (type === 'text') return need(o['text'], 'header.text', isString);
  if (type === 'image' || type === 'video' || type === 'document') return { [type]: media(o[type], `header.${type}`) };
  throw new Refusal(`header type \`${type}\` is not one waml writes`);
}

function replyButtons(list: unknown, kind: 'reply' | 'quick_reply'): Obj[] {
  return need(list, 'buttons', isArray).map((b, i) => {
    const r = need(need(b, `buttons[${i}]`, isObj)[kind], `buttons[${i}].${kind}`, isObj);
    return { id: need(r['id'], `buttons[${i}].${kind}.id`, isString), title: need(r['title'], `buttons[${i}].${kind}.title`, isString) };
  });
}

function message(i: Obj): Obj {
  const type = need(i['type'], 'interactive.type', isString);
  const m: Obj = { type };
  if (i['header'] !== undefined) m['header'] = header(i['header']);
  if (i['body'] !== undefined) m['body'] = need(need(i['body'], 'body', isObj)['text'], 'body.text', isString);
  if (i['footer'] !== undefined) m['footer'] = need(need(i['footer'], 'footer', isObj)['text'], 'footer.text', isString);
  const action = need(i['action'], 'action', isObj);
  switch (type) {
    case 'button':
      m['buttons'] = replyButtons(action['buttons'], 'reply');
      break;
    case 'list':
      m['button'] = need(action['button'], 'action.button', isString);
      m['sections'] = need(action['sections'], 'action.sections', isArray).map((s, si) => {
        const so = need(s, `sections[${si}]`, isObj);
        const out: Obj = {};
        if (isString(so['title'])) out['title'] = so['title'];
        out['rows'] = need(so['rows'], `sections[${si}].rows`, isArray).map((r, ri) => {
          const ro = need(r, `rows[${ri}]`, isObj);
          const row: Obj = { id: need(ro['id'], 'row.id', isString), title: need(ro['title'], 'row.title', isString) };
          if (isString(ro['description'])) row['description'] = ro['description'];
          return row;
        });
        return out;
      });
      break;
    case 'cta_url': {
      const p = need(action['parameters'], 'action.parameters', isObj);
      m['button'] = { text: need(p['display_text'], 'display_text', isString), url: need(p['url'], 'url', isString) };
      break;
    }
    case 'carousel':
      m['cards'] = need(action['cards'], 'action.cards', isArray).map((c, ci) => {
        const co = need(c, `cards[${ci}]`, isObj);
        const h = header(co['header']);
        const card: Obj = isObj(h) ? { ...h } : {};
        if (co['body'] !== undefined) card['body'] = need(need(co['body'], 'card body', isObj)['text'], 'card body.text', isString);
        const a = need(co['action'], `cards[${ci}].action`, isObj);
        if (a['buttons'] !== undefined) card['buttons'] = replyButtons(a['buttons'], 'quick_reply');
        else {
          const p = need(a['parameters'], `cards[${ci}].action.parameters`, isObj);
          card['button'] = { text: need(p['display_text'], 'display_text', isString), url: need(p['url'], 'url', isString) };
        }
        return card;
      });
      break;
    case 'location_request_message':
      break;
    case 'address_message': {
      const p = need(action['parameters'], 'action.parameters', isObj);
      m['address'] = p;
      break;
    }
    case 'flow': {
      const p = need(action['parameters'], 'action.parameters', isObj);
      const f: Obj = {};
      if (isString(p['flow_message_version']) && p['flow_message_version'] !== '3') f['version'] = p['flow_message_version'];
      if (isString(p['flow_id'])) f['id'] = p['flow_id'];
      if (isString(p['flow_name'])) f['name'] = p['flow_name'];
      f['cta'] = need(p['flow_cta'], 'flow_cta', isString);
      if (isString(p['flow_token'])) f['token'] = p['flow_token'];
      if (isString(p['flow_action'])) f['action'] = p['flow_action'];
      if (isObj(p['flow_action_payload'])) {
        const payload = p['flow_action_payload'];
        if (isString(payload['screen'])) f['screen'] = payload['screen'];
        if (payload['data'] !== undefined) f['data'] = payload['data'];
      }
      if (isString(p['mode'])) f['mode'] = p['mode'];
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
        if (error instanceof ActionRefusal) throw new Refusal(error.message);
        throw error;
      }
      break;
    default:
      throw new Refusal(`interactive type \`${type}\` is not one waml writes`);
  }
  return m;
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

/** The `.wa.yaml` text of a body, its message called `name`. */
export function importBody(body: unknown, name: string): ImportResult {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { ok: false, reason: `\`${name}\` is not a valid message name` };
  try {
    const root = need(body, 'the body', isObj);
    if (isCreationBody(root)) {
      // A message template's creation body: its own name names the message.
      const t = importCreationBody(root);
      const doc = new Document(Object.keys(t.params).length > 0 ? { params: t.params, messages: { [t.name]: t.message } } : { messages: { [t.name]: t.message } });
      return { ok: true, text: `# Imported by waml from a message template's creation body.\n${doc.toString({ lineWidth: 0 })}` };
    }
    const interactive = isObj(root['interactive']) ? root['interactive'] : root;
    const doc = new Document({ messages: { [name]: escapeTexts(message(interactive)) } });
    const text = `# Imported by waml from a request body.\n${doc.toString({ lineWidth: 0 })}`;
    return isString(root['to']) ? { ok: true, text, to: root['to'] } : { ok: true, text };
  } catch (error) {
    if (error instanceof Refusal || error instanceof TemplateImportRefusal) return { ok: false, reason: error.message };
    throw error;
  }
}
