/**
 * `waml import` of a message template's creation body (as `POST /message_templates` takes
 * it, or as Meta returns it): the `.wa.yaml` message and params that build back the same
 * components. Variables become params with their examples: a named `{{order_id}}` the param
 * `order_id`; a positional `{{1}}` of the body `body_1` (header `header_1`, card n's body
 * `card<n>_body_1`, a URL button's `<where>_url`). Pure: JSON in, data out, or a reason.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const lower = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : '');

export class TemplateImportRefusal extends Error {}

/** Whether a body is a message template's creation body. */
export function isCreationBody(body: Obj): boolean {
  return Array.isArray(body['components']) && typeof body['category'] === 'string';
}

export function importCreationBody(body: Obj): { name: string; params: Obj; message: Obj } {
  const refuse = (why: string): never => {
    throw new TemplateImportRefusal(why);
  };
  const name = str(body['name']) ?? refuse('the template has no `name`');
  const format = lower(body['parameter_format']) === 'named' ? 'named' : 'positional';
  const params: Obj = {};
  const message: Obj = { type: 'template' };
  const messageName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `template_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  if (messageName !== name) message['name'] = name;
  message['category'] = lower(body['category']);
  message['language'] = str(body['language']) ?? refuse('the template has no `language`');
  if (format === 'positional' && /\{\{\d+\}\}/.test(JSON.stringify(body['components']))) message['parameter_format'] = 'positional';
  if (typeof body['message_send_ttl_seconds'] === 'number') message['ttl_seconds'] = body['message_send_ttl_seconds'];

  /** A component text with its variables as placeholders, declaring a param for each. */
  const text = (t: string, example: Obj | undefined, where: 'header' | 'body', prefix: string): string => {
    const named = arr(example?.[`${where}_text_named_params`]).filter(isObj);
    const flat = where === 'body' ? arr(arr(example?.['body_text'])[0] ?? example?.['body_text']) : arr(example?.['header_text']);
    return t.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, v: string) => {
      const param = /^\d+$/.test(v) ? `${prefix}${v}` : v;
      const sample = /^\d+$/.test(v) ? str(flat[Number(v) - 1]) : str(named.find((p) => p['param_name'] === v)?.['example']);
      params[param] = { type: 'string', ...(sample !== undefined ? { example: sample } : {}) };
      return `{{ ${param} }}`;
    });
  };
  const ids = new Set<string>();
  const buttons = (list: unknown[], where: string): Obj[] =>
    list.filter(isObj).map((b, i) => {
      const type = lower(b['type']);
      const label = str(b['text']) ?? '';
      switch (type) {
        case 'quick_reply': {
          let id = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'reply';
          for (let n = 2; ids.has(id); n++) id = `${id.replace(/_\d+$/, '')}_${n}`;
          ids.add(id);
          return { quick_reply: { id, title: label } };
        }
        case 'url': {
          const url = str(b['url']) ?? refuse(`${where} button ${i + 1} has no url`);
          if (!url.includes('{{')) return { url: { text: label, url } };
          const param = `${where}_url${i + 1}`;
          const prefix = url.slice(0, url.indexOf('{{'));
          const full = str(arr(b['example'])[0]) ?? '';
          params[param] = { type: 'string', example: full.startsWith(prefix) ? full.slice(prefix.length) : full };
          return { url: { text: label, url: url.replace(/\{\{\s*1\s*\}\}/, `{{ ${param} }}`) } };
        }
        case 'phone_number':
          return { phone: { text: label, phone: str(b['phone_number']) ?? '' } };
        case 'copy_code':
          return { copy_code: { example: str(b['example']) ?? '' } };
        case 'voice_call':
          return { voice_call: { text: label } };
        case 'flow': {
          const flow: Obj = {};
          if (b['flow_id'] !== undefined) flow['id'] = String(b['flow_id']);
          else if (str(b['flow_name'])) flow['name'] = b['flow_name'];
          else if (str(b['flow_json'])) flow['json'] = b['flow_json'];
          const out: Obj = { text: label, flow };
          if (str(b['flow_action'])) out['action'] = b['flow_action'];
          if (str(b['navigate_screen'])) out['screen'] = b['navigate_screen'];
          if (str(b['icon'])) out['icon'] = b['icon'];
          return { flow: out };
        }
        default:
          return refuse(`a \`${type}\` button is not one waml writes`);
      }
    });
  const media = (format: string, example: Obj | undefined, where: string): Obj => {
    const handle = str(arr(example?.['header_handle'])[0]) ?? '';
    if (/^https?:\/\//.test(handle)) return { [format]: handle };
    const param = `${where}_media_id`;
    params[param] = { type: 'string', minLength: 1, example: '1' };
    return { [format]: { id: `{{ ${param} }}` }, handle };
  };

  for (const c of arr(body['components']).filter(isObj)) {
    const type = lower(c['type']);
    const example = isObj(c['example']) ? c['example'] : undefined;
    switch (type) {
      case 'header': {
        const f = lower(c['format']);
        if (f === 'text') message['header'] = text(str(c['text']) ?? '', example, 'header', 'header_');
        else if (f === 'location') message['header'] = { location: true };
        else if (f === 'image' || f === 'video' || f === 'document') message['header'] = media(f, example, 'header');
        else refuse(`a \`${f}\` header is not one waml writes`);
        break;
      }
      case 'body':
        if (message['category'] === 'authentication') {
          if (typeof c['add_security_recommendation'] === 'boolean') message['security_recommendation'] = c['add_security_recommendation'];
        } else message['body'] = text(str(c['text']) ?? '', example, 'body', 'body_');
        break;
      case 'footer':
        if (typeof c['code_expiration_minutes'] === 'number') message['code_expires_in'] = c['code_expiration_minutes'];
        else message['footer'] = str(c['text']) ?? '';
        break;
      case 'limited_time_offer': {
        const o = isObj(c['limited_time_offer']) ? c['limited_time_offer'] : {};
        const offer: Obj = { text: str(o['text']) ?? '' };
        if (typeof o['has_expiration'] === 'boolean') {
          offer['expires'] = o['has_expiration'];
          if (o['has_expiration']) {
            offer['expires_at'] = '{{ offer_expires_at }}';
            params['offer_expires_at'] = { type: 'integer', minimum: 0, maximum: 9999999999999, example: 0 };
          }
        }
        message['offer'] = offer;
        break;
      }
      case 'buttons': {
        const list = arr(c['buttons']).filter(isObj);
        const otp = list.find((b) => lower(b['type']) === 'otp');
        if (otp) {
          const o: Obj = { kind: lower(otp['otp_type']) };
          if (str(otp['text'])) o['text'] = otp['text'];
          if (str(otp['autofill_text'])) o['autofill_text'] = otp['autofill_text'];
          if (typeof otp['zero_tap_terms_accepted'] === 'boolean') o['zero_tap_terms_accepted'] = otp['zero_tap_terms_accepted'];
          const apps = arr(otp['supported_apps']).filter(isObj);
          if (str(otp['package_name'])) apps.unshift({ package_name: otp['package_name'], signature_hash: otp['signature_hash'] });
          if (apps.length > 0) o['supported_apps'] = apps.map((a) => ({ package_name: a['package_name'], signature_hash: a['signature_hash'] }));
          o['code'] = '{{ code }}';
          params['code'] = { type: 'string', pattern: '^[0-9]{4,8}$', example: '123456' };
          message['otp'] = o;
        } else message['buttons'] = buttons(list, 'button');
        break;
      }
      case 'carousel':
        message['cards'] = arr(c['cards']).filter(isObj).map((card, n) => {
          const out: Obj = {};
          for (const part of arr(card['components']).filter(isObj)) {
            const t = lower(part['type']);
            const ex = isObj(part['example']) ? part['example'] : undefined;
            if (t === 'header') Object.assign(out, media(lower(part['format']), ex, `card${n + 1}`));
            else if (t === 'body') out['body'] = text(str(part['text']) ?? '', ex, 'body', `card${n + 1}_body_`);
            else if (t === 'buttons') out['buttons'] = buttons(arr(part['buttons']), `card${n + 1}`);
          }
          return out;
        });
        break;
      default:
        refuse(`a \`${type}\` component is not one waml writes`);
    }
  }
  return { name: messageName, params, message };
}
