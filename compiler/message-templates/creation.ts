import type { Json } from '../emit/json.js';
import type { Media, Message, Text } from '../model/types.js';
import type { Value } from '../../runtime/template.js';
import { categoryOf, formatOf, templateName, type ParameterFormat, type TemplateButton, type TemplateCard, type TemplateSpec } from './model.js';
import { exampleOf, examples, submitted } from './variables.js';

/** A JSON object whose keys keep the order they were written in. */
type JsonObject = { [key: string]: Json };

/**
 * The creation body of a `type: template` message, for `POST /{WABA-ID}/message_templates`:
 * `{ name, language, category, parameter_format?, message_send_ttl_seconds?, components }`,
 * values in lower case as Meta's templates page writes them, `example` blocks filled from
 * the params' `example:`. `parameter_format` is written when the template has variables
 * (Meta's default, positional, differs from waml's, named). Pure; call only for a message
 * whose file has no errors.
 */
export function creationBody(m: Message): JsonObject {
  const t = m.template!;
  const format = formatOf(t);
  const values = examples(m);
  const components: Json[] = [];
  const category = categoryOf(t)!;
  let hasVariables = false;
  const textComponent = (type: string, text: Text, exampleKey: 'header' | 'body', extra: JsonObject = {}): JsonObject => {
    const s = submitted(text, format);
    const c: JsonObject = { type, ...extra, text: s.text };
    if (s.variables.length > 0) {
      hasVariables = true;
      c['example'] = exampleBlock(exampleKey, format, s.variables.map((v) => ({ name: v.name, example: exampleOf(v.pipe, values) })));
    }
    return c;
  };

  if (category === 'authentication') {
    const body: JsonObject = { type: 'body' };
    if (t.securityRecommendation) body['add_security_recommendation'] = t.securityRecommendation.value;
    components.push(body);
    if (t.codeExpiresIn) components.push({ type: 'footer', code_expiration_minutes: t.codeExpiresIn.value });
    if (t.otp) components.push({ type: 'buttons', buttons: [otpButton(t)] });
  } else {
    const h = t.header;
    if (h?.kind === 'text') components.push(textComponent('header', h.text, 'header', { format: 'text' }));
    else if (h?.kind === 'location') components.push({ type: 'header', format: 'location' });
    else if (h) components.push(mediaHeader(h.kind, h.media, h.handle, values));
    if (t.offer) {
      const offer: JsonObject = { text: t.offer.text!.value };
      if (t.offer.expires) offer['has_expiration'] = t.offer.expires.value;
      components.push({ type: 'limited_time_offer', limited_time_offer: offer });
    }
    if (t.body) components.push(textComponent('body', t.body, 'body'));
    if (t.footer) components.push({ type: 'footer', text: t.footer.value });
    if (t.buttons && t.buttons.items.length > 0) components.push({ type: 'buttons', buttons: t.buttons.items.map((b) => button(b, values)) });
    if (t.cards) {
      components.push({
        type: 'carousel',
        cards: t.cards.items.map((c) => ({ components: card(c, format, values, () => (hasVariables = true)) })),
      });
    }
  }
  const out: JsonObject = { name: templateName(m), language: t.language!.value, category };
  if (hasVariables) out['parameter_format'] = format;
  if (t.ttlSeconds) out['message_send_ttl_seconds'] = t.ttlSeconds.value;
  out['components'] = components;
  return out;
}

function exampleBlock(where: 'header' | 'body', format: ParameterFormat, vars: { name: string; example: string }[]): JsonObject {
  if (format === 'named') return { [`${where}_text_named_params`]: vars.map((v) => ({ param_name: v.name, example: v.example })) };
  const list = vars.map((v) => v.example);
  // Meta's examples nest body examples in one more array; header examples are flat.
  return { [`${where}_text`]: where === 'body' ? [list] : list };
}

/** The sample submitted for a media header: its handle, else its URL (a param's example). */
export function mediaSample(media: Media | undefined, handle: Text | undefined, values: { readonly [key: string]: Value }): string | undefined {
  if (handle) return handle.value;
  const link = media?.link;
  if (!link) return undefined;
  if (!link.templated) return link.value;
  let out = '';
  for (const p of link.parts) out += p.kind === 'literal' ? p.value : p.pipe ? exampleOf(p.pipe, values) : '';
  return out;
}

function mediaHeader(kind: string, media: Media | undefined, handle: Text | undefined, values: { readonly [key: string]: Value }): JsonObject {
  return { type: 'header', format: kind, example: { header_handle: [mediaSample(media, handle, values) ?? ''] } };
}

function button(b: TemplateButton, values: { readonly [key: string]: Value }): JsonObject {
  switch (b.kind) {
    case 'quick_reply':
      return { type: 'quick_reply', text: b.title!.value };
    case 'url': {
      const s = submitted(b.url!, 'positional');
      const out: JsonObject = { type: 'url', text: b.text!.value, url: s.text };
      // The full URL with the example in place, as the components and LTO pages write it.
      if (s.variables.length > 0) out['example'] = [s.text.replace('{{1}}', exampleOf(s.variables[0]!.pipe, values))];
      return out;
    }
    case 'phone':
      return { type: 'phone_number', text: b.text!.value, phone_number: b.phone!.value };
    case 'copy_code':
      return { type: 'copy_code', example: b.example!.value };
    case 'flow': {
      const out: JsonObject = { type: 'flow', text: b.text!.value };
      const f = b.flow!;
      if (f.id) out['flow_id'] = f.id.value;
      else if (f.name) out['flow_name'] = f.name.value;
      else if (f.json) out['flow_json'] = f.json.value;
      if (b.action) out['flow_action'] = b.action.value;
      if (b.screen) out['navigate_screen'] = b.screen.value;
      if (b.icon) out['icon'] = b.icon.value;
      return out;
    }
    case 'voice_call':
      return { type: 'voice_call', text: b.text!.value };
  }
}

function otpButton(t: TemplateSpec): JsonObject {
  const o = t.otp!;
  const out: JsonObject = { type: 'otp', otp_type: o.kind!.value };
  if (o.text) out['text'] = o.text.value;
  if (o.autofillText) out['autofill_text'] = o.autofillText.value;
  if (o.termsAccepted) out['zero_tap_terms_accepted'] = o.termsAccepted.value;
  // Graph API v21.0 dropped the top-level package_name and signature_hash: apps go in supported_apps.
  const apps: Json[] = [];
  if (o.packageName && o.signatureHash) apps.push({ package_name: o.packageName.value, signature_hash: o.signatureHash.value });
  for (const a of o.apps?.items ?? []) if (a.packageName && a.signatureHash) apps.push({ package_name: a.packageName.value, signature_hash: a.signatureHash.value });
  if (apps.length > 0) out['supported_apps'] = apps;
  return out;
}

function card(c: TemplateCard, format: ParameterFormat, values: { readonly [key: string]: Value }, sawVariable: () => void): Json[] {
  const out: Json[] = [];
  if (c.header) out.push(mediaHeader(c.header.kind, c.header.media, c.header.handle, values));
  if (c.body) {
    const s = submitted(c.body, format);
    const body: JsonObject = { type: 'body', text: s.text };
    if (s.variables.length > 0) {
      sawVariable();
      body['example'] = exampleBlock('body', format, s.variables.map((v) => ({ name: v.name, example: exampleOf(v.pipe, values) })));
    }
    out.push(body);
  }
  if (c.buttons && c.buttons.items.length > 0) out.push({ type: 'buttons', buttons: c.buttons.items.map((b) => button(b, values)) });
  return out;
}
