import type { LEntry, LMap, LNode } from '../load/tree.js';
import { entry } from '../load/tree.js';
import type { Media, Seq, Text } from '../model/types.js';
import { withWritten } from '../model/written.js';
import {
  TEMPLATE_BUTTON_KINDS,
  type FlowTarget,
  type LocationSpec,
  type OfferSpec,
  type OtpSpec,
  type Scalar,
  type SupportedApp,
  type TemplateButton,
  type TemplateButtonKind,
  type TemplateCard,
  type TemplateHeader,
  type TemplateSpec,
} from './model.js';

/** What the template builder borrows from the model builder: texts and media references. */
export interface TextReader {
  text(node: LNode | undefined): Text | undefined;
  fixedText(node: LNode | undefined, what: string): Text | undefined;
  media(node: LNode | undefined): Media | undefined;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function keys(map: LMap): Record<string, LEntry['keySpan']> {
  const out: Record<string, LEntry['keySpan']> = {};
  for (const e of map.entries) out[e.key] = e.keySpan;
  return out;
}

function scalar<T extends number | boolean>(e: LEntry | undefined, type: 'number' | 'boolean'): Scalar<T> | undefined {
  if (!e || e.value.kind !== 'scalar' || typeof e.value.value !== type) return undefined;
  return { value: e.value.value as T, span: e.value.span, keySpan: e.keySpan };
}

/**
 * Builds the template part of a `type: template` message from its mapping. Shapes the
 * structure check refuses are left out.
 */
export function buildTemplate(map: LMap, read: TextReader): TemplateSpec {
  const t: TemplateSpec = { keys: keys(map) };
  set(t, 'name', read.fixedText(entry(map, 'name')?.value, "the template's name"));
  set(t, 'category', read.fixedText(entry(map, 'category')?.value, 'the category'));
  set(t, 'language', read.fixedText(entry(map, 'language')?.value, 'the language'));
  set(t, 'parameterFormat', read.fixedText(entry(map, 'parameter_format')?.value, 'the parameter format'));
  const header = entry(map, 'header');
  if (header) set(t, 'header', templateHeader(header, read));
  const body = entry(map, 'body');
  if (body) {
    t.bodyKeySpan = body.keySpan;
    set(t, 'body', read.text(body.value));
  }
  const footer = entry(map, 'footer');
  if (footer) {
    t.footerKeySpan = footer.keySpan;
    set(t, 'footer', read.text(footer.value));
  }
  set(t, 'buttons', seq(entry(map, 'buttons'), (n) => button(n, read)));
  set(
    t,
    'cards',
    seq(entry(map, 'cards'), (n): TemplateCard => {
      const c: TemplateCard = { span: n.span, keys: keys(n) };
      for (const kind of ['image', 'video'] as const) {
        const e = entry(n, kind);
        if (e && !c.header) {
          c.header = { kind, keySpan: e.keySpan };
          set(c.header, 'media', read.media(e.value));
          set(c.header, 'handle', read.fixedText(entry(n, 'handle')?.value, 'a media handle'));
        }
      }
      set(c, 'body', read.text(entry(n, 'body')?.value));
      set(c, 'buttons', seq(entry(n, 'buttons'), (b) => button(b, read)));
      return c;
    }),
  );
  const offer = entry(map, 'offer');
  if (offer && offer.value.kind === 'map') {
    const o: OfferSpec = { span: offer.value.span, keySpan: offer.keySpan };
    set(o, 'text', read.text(entry(offer.value, 'text')?.value));
    set(o, 'expires', scalar<boolean>(entry(offer.value, 'expires'), 'boolean'));
    set(o, 'expiresAt', read.text(entry(offer.value, 'expires_at')?.value));
    t.offer = o;
  }
  set(t, 'codeExpiresIn', scalar<number>(entry(map, 'code_expires_in'), 'number'));
  set(t, 'securityRecommendation', scalar<boolean>(entry(map, 'security_recommendation'), 'boolean'));
  set(t, 'ttlSeconds', scalar<number>(entry(map, 'ttl_seconds'), 'number'));
  const otp = entry(map, 'otp');
  if (otp && otp.value.kind === 'map') {
    const node = otp.value;
    const o: OtpSpec = { span: node.span, keySpan: otp.keySpan, keys: keys(node) };
    set(o, 'kind', read.fixedText(entry(node, 'kind')?.value, 'the OTP kind'));
    set(o, 'text', read.text(entry(node, 'text')?.value));
    set(o, 'autofillText', read.text(entry(node, 'autofill_text')?.value));
    set(o, 'packageName', read.fixedText(entry(node, 'package_name')?.value, 'a package name'));
    set(o, 'signatureHash', read.fixedText(entry(node, 'signature_hash')?.value, 'a signature hash'));
    set(
      o,
      'apps',
      seq(entry(node, 'supported_apps'), (a): SupportedApp => {
        const app: SupportedApp = { span: a.span };
        set(app, 'packageName', read.fixedText(entry(a, 'package_name')?.value, 'a package name'));
        set(app, 'signatureHash', read.fixedText(entry(a, 'signature_hash')?.value, 'a signature hash'));
        return app;
      }),
    );
    set(o, 'termsAccepted', scalar<boolean>(entry(node, 'zero_tap_terms_accepted'), 'boolean'));
    set(o, 'code', read.text(entry(node, 'code')?.value));
    t.otp = o;
  }
  return t;
}

function seq<T>(e: LEntry | undefined, item: (node: LMap) => T | undefined): Seq<T> | undefined {
  if (!e || e.value.kind !== 'seq') return undefined;
  const items: T[] = [];
  const at: number[] = [];
  e.value.items.forEach((node, i) => {
    if (node.kind !== 'map') return;
    const x = item(node);
    if (x === undefined) return;
    items.push(x);
    at.push(i);
  });
  return withWritten({ items, span: e.value.span, keySpan: e.keySpan }, e.value.items, at);
}

function templateHeader(e: LEntry, read: TextReader): TemplateHeader | undefined {
  const node = e.value;
  if (node.kind === 'scalar') {
    const text = read.text(node);
    return text ? { kind: 'text', text, span: node.span, keySpan: e.keySpan } : undefined;
  }
  if (node.kind !== 'map') return undefined;
  const text = entry(node, 'text');
  if (text) {
    const t = read.text(text.value);
    return t ? { kind: 'text', text: t, span: node.span, keySpan: e.keySpan } : undefined;
  }
  for (const kind of ['image', 'video', 'document'] as const) {
    const m = entry(node, kind);
    if (!m) continue;
    const h: TemplateHeader = { kind, span: node.span, keySpan: e.keySpan, kindSpan: m.keySpan };
    set(h, 'media', read.media(m.value));
    set(h, 'handle', read.fixedText(entry(node, 'handle')?.value, 'a media handle'));
    return h;
  }
  const location = entry(node, 'location');
  if (location) {
    const h: TemplateHeader = { kind: 'location', span: node.span, keySpan: e.keySpan, kindSpan: location.keySpan };
    if (location.value.kind === 'map') {
      const l: LocationSpec = { span: location.value.span };
      for (const key of ['latitude', 'longitude', 'name', 'address'] as const) set(l, key, read.text(entry(location.value, key)?.value));
      h.location = l;
    }
    return h;
  }
  return undefined;
}

function button(node: LMap, read: TextReader): TemplateButton | undefined {
  // A button is a mapping with one key, the kind: `- url: { text, url }`.
  const first = node.entries[0];
  if (!first || !(TEMPLATE_BUTTON_KINDS as readonly string[]).includes(first.key)) return undefined;
  const b: TemplateButton = { kind: first.key as TemplateButtonKind, span: node.span, keySpan: first.keySpan };
  const v = first.value;
  if (v.kind !== 'map') return b;
  const text = (key: string) => read.text(entry(v, key)?.value);
  switch (b.kind) {
    case 'quick_reply':
      set(b, 'id', text('id'));
      set(b, 'title', text('title'));
      break;
    case 'url':
      set(b, 'text', text('text'));
      set(b, 'url', text('url'));
      break;
    case 'phone':
      set(b, 'text', text('text'));
      set(b, 'phone', read.fixedText(entry(v, 'phone')?.value, 'a phone number'));
      break;
    case 'copy_code':
      set(b, 'example', read.fixedText(entry(v, 'example')?.value, 'the example code'));
      set(b, 'code', text('code'));
      break;
    case 'flow': {
      set(b, 'text', text('text'));
      const f = entry(v, 'flow');
      if (f && f.value.kind === 'map') {
        const target: FlowTarget = { span: f.value.span, keySpan: f.keySpan };
        set(target, 'id', read.fixedText(entry(f.value, 'id')?.value, 'the Flow id'));
        set(target, 'name', read.fixedText(entry(f.value, 'name')?.value, 'the Flow name'));
        set(target, 'json', read.fixedText(entry(f.value, 'json')?.value, 'the Flow JSON'));
        b.flow = target;
      }
      set(b, 'action', read.fixedText(entry(v, 'action')?.value, "the Flow's action"));
      set(b, 'screen', read.fixedText(entry(v, 'screen')?.value, "the Flow's first screen"));
      set(b, 'icon', read.fixedText(entry(v, 'icon')?.value, "the Flow button's icon"));
      set(b, 'token', text('token'));
      const data = entry(v, 'data');
      if (data && data.value.kind === 'map') {
        b.data = data.value;
        b.dataTexts = [];
        const walk = (n: LNode): void => {
          if (n.kind === 'scalar') {
            if (typeof n.value === 'string') b.dataTexts!.push(read.text(n)!);
          } else if (n.kind === 'seq') n.items.forEach(walk);
          else n.entries.forEach((x) => walk(x.value));
        };
        walk(data.value);
      }
      break;
    }
    case 'voice_call':
      set(b, 'text', text('text'));
      set(b, 'ttlMinutes', text('ttl_minutes'));
      set(b, 'payload', text('payload'));
      break;
  }
  return b;
}
