import type { LengthCheck, Plan, PlanLeaf } from '../../runtime/message-template.js';
import { LIMITS } from '../limits.js';
import type { LNode } from '../load/tree.js';
import { textSpan } from '../model/spans.js';
import type { Media, Message, Text } from '../model/types.js';
import type { SourceText, Span } from '../source.js';
import { toRuntimePipe, toRuntimeTemplate } from '../templates/runtime.js';
import { categoryOf, formatOf, templateName, type ParameterFormat, type TemplateButton } from './model.js';
import { submitted } from './variables.js';

type PlanObject = { [key: string]: Plan };

/** A send plan and where each of its rendered values stands in the source. */
export interface SendPlan {
  /** The `template` object of the send body, with a PlanLeaf at each value from params. */
  template: PlanObject;
  /** Hydrated lengths the values settle (templated texts only). */
  lengths: LengthCheck[];
  spans: Map<PlanLeaf | LengthCheck, Span>;
  /** Whether the send body needs values that the definition cannot give (a location). */
  incomplete?: { span: Span; what: string };
}

/**
 * The send plan of a `type: template` message: the `template` object of
 * `POST /{PHONE_NUMBER_ID}/messages` with `type: "template"`. Named templates put
 * `parameter_name` on every header and body parameter; buttons that take values are
 * `{ type: "button", sub_type, index }` with the button's 0-based position as a string;
 * quick replies send their id as the payload. Components without values are left out.
 */
export function sendPlan(m: Message, source: SourceText): SendPlan {
  const t = m.template!;
  const format = formatOf(t);
  const spans = new Map<PlanLeaf | LengthCheck, Span>();
  const plan: SendPlan = { template: {}, lengths: [], spans };
  const length = (text: Text | undefined, limit: number, field: string): void => {
    if (!text?.templated) return;
    const p = source.position(text.span.start);
    const c: LengthCheck = { $render: toRuntimeTemplate(text), limit, field, source: { file: m.file, line: p.line, column: p.column } };
    spans.set(c, text.span);
    plan.lengths.push(c);
  };
  const leaf = (template: PlanLeaf['$render'], span: Span, field: string, kind: { parameter?: true; number?: true } = {}): PlanLeaf => {
    const p = source.position(span.start);
    const l: PlanLeaf = { $render: template, ...kind, field, source: { file: m.file, line: p.line, column: p.column } };
    spans.set(l, span);
    return l;
  };
  const value = (text: Text, field: string, kind: { number?: true } = {}): Plan => (text.templated ? leaf(toRuntimeTemplate(text), text.span, field, kind) : kind.number ? Number(text.value) : text.value);
  const textParams = (text: Text, fmt: ParameterFormat, field: string): Plan[] =>
    submitted(text, fmt).variables.map((v, i) => {
      const p: PlanObject = { type: 'text' };
      if (fmt === 'named') p['parameter_name'] = v.name;
      p['text'] = leaf([toRuntimePipe(v.pipe)], textSpan(text, v.part.start, v.part.end), `${field}.parameters[${i}].text`, { parameter: true });
      return p;
    });
  const media = (kind: string, mref: Media | undefined, field: string): Plan => {
    const obj: PlanObject = {};
    if (mref?.id) obj['id'] = value(mref.id, `${field}.id`);
    else if (mref?.link) obj['link'] = value(mref.link, `${field}.link`);
    if (mref?.filename) obj['filename'] = value(mref.filename, `${field}.filename`);
    return { type: 'header', parameters: [{ type: kind, [kind]: obj }] };
  };
  const buttons = (list: readonly TemplateButton[], field: string): Plan[] => {
    const out: Plan[] = [];
    list.forEach((b, i) => {
      const index = String(i);
      const at = `${field}[${i}]`;
      switch (b.kind) {
        case 'quick_reply':
          out.push({ type: 'button', sub_type: 'quick_reply', index, parameters: [{ type: 'payload', payload: value(b.id!, `${at}.payload`) }] });
          break;
        case 'url': {
          length(b.url, LIMITS.tplUrl.max, `${at}.url`);
          const v = submitted(b.url!, 'positional').variables[0];
          if (v) out.push({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: leaf([toRuntimePipe(v.pipe)], textSpan(b.url!, v.part.start, v.part.end), `${at}.parameters[0].text`, { parameter: true }) }] });
          break;
        }
        case 'copy_code': {
          const code = b.code ?? b.example!;
          length(b.code, LIMITS.tplCopyCode.max, `${at}.coupon_code`);
          out.push({ type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: value(code, `${at}.coupon_code`) }] });
          break;
        }
        case 'flow': {
          if (!b.token && !b.data) break;
          const action: PlanObject = { flow_token: b.token ? value(b.token, `${at}.flow_token`) : 'unused' };
          if (b.data) action['flow_action_data'] = data(b.data, b.dataTexts ?? [], `${at}.flow_action_data`);
          out.push({ type: 'button', sub_type: 'flow', index, parameters: [{ type: 'action', action }] });
          break;
        }
        case 'voice_call': {
          const parameters: Plan[] = [];
          if (b.ttlMinutes) parameters.push({ type: 'ttl_minutes', ttl_minutes: value(b.ttlMinutes, `${at}.ttl_minutes`, { number: true }) });
          length(b.payload, LIMITS.tplVoiceCallPayload.max, `${at}.payload`);
          if (b.payload) parameters.push({ type: 'payload', payload: value(b.payload, `${at}.payload`) });
          // Meta's call button page sends it without an index.
          if (parameters.length > 0) out.push({ type: 'button', sub_type: 'voice_call', parameters });
          break;
        }
        case 'phone':
          break;
      }
    });
    return out;
  };
  const data = (node: LNode, texts: readonly Text[], field: string): Plan => {
    if (node.kind === 'scalar') {
      const t = texts.find((x) => x.scalar === node);
      return t ? value(t, field) : (node.value as Plan);
    }
    if (node.kind === 'seq') return node.items.map((n, i) => data(n, texts, `${field}[${i}]`));
    const out: PlanObject = {};
    for (const e of node.entries) Object.defineProperty(out, e.key, { value: data(e.value, texts, `${field}.${e.key}`), enumerable: true, writable: true, configurable: true });
    return out;
  };

  const components: Plan[] = [];
  if (categoryOf(t) === 'authentication') {
    const code = t.otp?.code;
    if (code) {
      length(code, LIMITS.tplAuthCode.max, 'body.parameters[0].text');
      const codeLeaf = (field: string) => leaf(toRuntimeTemplate(code), code.span, field, { parameter: true });
      components.push({ type: 'body', parameters: [{ type: 'text', text: codeLeaf('body.parameters[0].text') }] });
      components.push({ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: codeLeaf('button[0].parameters[0].text') }] });
    }
  } else {
    const h = t.header;
    if (h?.kind === 'text') {
      length(h.text, LIMITS.tplHeaderText.max, 'header.text');
      const params = textParams(h.text, format, 'header');
      if (params.length > 0) components.push({ type: 'header', parameters: params });
    } else if (h?.kind === 'location') {
      const l = h.location;
      if (l?.latitude && l.longitude) {
        const location: PlanObject = { latitude: value(l.latitude, 'header.location.latitude', { number: true }), longitude: value(l.longitude, 'header.location.longitude', { number: true }) };
        if (l.name) location['name'] = value(l.name, 'header.location.name');
        if (l.address) location['address'] = value(l.address, 'header.location.address');
        components.push({ type: 'header', parameters: [{ type: 'location', location }] });
      } else plan.incomplete = { span: h.kindSpan, what: 'the location to send (`location: { latitude, longitude, name, address }`)' };
    } else if (h) components.push(media(h.kind, h.media, `header.${h.kind}`));
    if (t.body) {
      length(t.body, t.offer ? LIMITS.tplOfferBody.max : LIMITS.tplBody.max, 'body.text');
      const params = textParams(t.body, format, 'body');
      if (params.length > 0) components.push({ type: 'body', parameters: params });
    }
    if (t.offer?.expiresAt) {
      components.push({
        type: 'limited_time_offer',
        parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: value(t.offer.expiresAt, 'limited_time_offer.expiration_time_ms', { number: true }) } }],
      });
    }
    components.push(...buttons(t.buttons?.items ?? [], 'button'));
    if (t.cards) {
      components.push({
        type: 'carousel',
        cards: t.cards.items.map((c, i) => {
          const parts: Plan[] = [];
          if (c.header) parts.push(media(c.header.kind, c.header.media, `cards[${i}].header.${c.header.kind}`));
          if (c.body) {
            length(c.body, LIMITS.tplCardBody.max, `cards[${i}].body.text`);
            const params = textParams(c.body, format, `cards[${i}].body`);
            if (params.length > 0) parts.push({ type: 'body', parameters: params });
          }
          parts.push(...buttons(c.buttons?.items ?? [], `cards[${i}].button`));
          return { card_index: i, components: parts };
        }),
      });
    }
  }
  plan.template = { name: templateName(m), language: { code: t.language!.value } };
  if (components.length > 0) plan.template['components'] = components;
  return plan;
}
