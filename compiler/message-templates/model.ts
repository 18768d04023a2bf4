import type { LMap } from '../load/tree.js';
import type { Media, Seq, Text } from '../model/types.js';
import type { Span } from '../source.js';

/**
 * The model of a `type: template` message: a WhatsApp message template, defined for
 * submission (`POST /{WABA-ID}/message_templates`) and sent by name (`type: "template"`).
 * Like the rest of the model it is lenient: what is missing or malformed is absent (the
 * structure check reports it) so that every rule still runs.
 */

export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const PARAMETER_FORMATS = ['named', 'positional'] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

export const TEMPLATE_BUTTON_KINDS = ['quick_reply', 'url', 'phone', 'copy_code', 'flow', 'voice_call'] as const;
export type TemplateButtonKind = (typeof TEMPLATE_BUTTON_KINDS)[number];

export const OTP_KINDS = ['copy_code', 'one_tap', 'zero_tap'] as const;

/** A scalar that is not text: a number or a boolean, with where it stands. */
export interface Scalar<T> {
  value: T;
  span: Span;
  keySpan: Span;
}

export interface LocationSpec {
  latitude?: Text;
  longitude?: Text;
  name?: Text;
  address?: Text;
  span: Span;
}

export type TemplateHeader =
  | { kind: 'text'; text: Text; span: Span; keySpan: Span }
  | { kind: 'image' | 'video' | 'document'; media?: Media; handle?: Text; span: Span; keySpan: Span; kindSpan: Span }
  | { kind: 'location'; location?: LocationSpec; span: Span; keySpan: Span; kindSpan: Span };

export interface FlowTarget {
  id?: Text;
  name?: Text;
  json?: Text;
  span: Span;
  keySpan: Span;
}

export interface TemplateButton {
  kind: TemplateButtonKind;
  /** The whole item, and the kind's key (`quick_reply:`). */
  span: Span;
  keySpan: Span;
  /** quick_reply */
  id?: Text;
  title?: Text;
  /** url, phone, flow, voice_call: the label. */
  text?: Text;
  url?: Text;
  phone?: Text;
  /** copy_code: the example code (creation), and the code sent (`code`, default the example). */
  example?: Text;
  code?: Text;
  flow?: FlowTarget;
  action?: Text;
  screen?: Text;
  icon?: Text;
  token?: Text;
  data?: LMap;
  dataTexts?: Text[];
  /** voice_call at send time. */
  ttlMinutes?: Text;
  payload?: Text;
}

export interface TemplateCard {
  header?: { kind: 'image' | 'video'; media?: Media; handle?: Text; keySpan: Span };
  body?: Text;
  buttons?: Seq<TemplateButton>;
  span: Span;
  keys: Record<string, Span>;
}

export interface SupportedApp {
  packageName?: Text;
  signatureHash?: Text;
  span: Span;
}

export interface OtpSpec {
  kind?: Text;
  text?: Text;
  autofillText?: Text;
  packageName?: Text;
  signatureHash?: Text;
  apps?: Seq<SupportedApp>;
  termsAccepted?: Scalar<boolean>;
  /** The one-time code sent: a placeholder of a string param. */
  code?: Text;
  span: Span;
  keySpan: Span;
  keys: Record<string, Span>;
}

export interface OfferSpec {
  text?: Text;
  expires?: Scalar<boolean>;
  /** When the offer ends, in UNIX milliseconds (a placeholder of an integer param). */
  expiresAt?: Text;
  span: Span;
  keySpan: Span;
}

export interface TemplateSpec {
  /** The template's name on Meta when it is not the message's name (`2023_april_promo`). */
  name?: Text;
  category?: Text;
  language?: Text;
  parameterFormat?: Text;
  header?: TemplateHeader;
  body?: Text;
  bodyKeySpan?: Span;
  footer?: Text;
  footerKeySpan?: Span;
  buttons?: Seq<TemplateButton>;
  cards?: Seq<TemplateCard>;
  offer?: OfferSpec;
  codeExpiresIn?: Scalar<number>;
  securityRecommendation?: Scalar<boolean>;
  otp?: OtpSpec;
  ttlSeconds?: Scalar<number>;
  /** Every key of the message, with its span, for "not allowed here" diagnostics. */
  keys: Record<string, Span>;
}

/** The template's name on Meta: `name:` when given, else the message's name. */
export function templateName(m: { name: string; template?: TemplateSpec }): string {
  return m.template?.name?.value ?? m.name;
}

/** The category as written, when it is one of the three. */
export function categoryOf(t: TemplateSpec): TemplateCategory | undefined {
  const v = t.category?.value;
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(v ?? '') ? (v as TemplateCategory) : undefined;
}

/** `named` unless the message says `parameter_format: positional`. */
export function formatOf(t: TemplateSpec): ParameterFormat {
  return t.parameterFormat?.value === 'positional' ? 'positional' : 'named';
}

/** Every text of a template, for the placeholder check. */
export function templateTexts(t: TemplateSpec): Text[] {
  const out: (Text | undefined)[] = [];
  const h = t.header;
  if (h?.kind === 'text') out.push(h.text);
  else if (h?.kind === 'location') out.push(h.location?.latitude, h.location?.longitude, h.location?.name, h.location?.address);
  else if (h) out.push(h.media?.link, h.media?.id, h.media?.filename, h.handle);
  out.push(t.body, t.footer);
  const buttons = (list: readonly TemplateButton[] | undefined) => {
    for (const b of list ?? []) out.push(b.id, b.title, b.text, b.url, b.phone, b.example, b.code, b.flow?.id, b.flow?.name, b.flow?.json, b.screen, b.token, b.ttlMinutes, b.payload, ...(b.dataTexts ?? []));
  };
  buttons(t.buttons?.items);
  for (const c of t.cards?.items ?? []) {
    out.push(c.header?.media?.link, c.header?.media?.id, c.header?.handle, c.body);
    buttons(c.buttons?.items);
  }
  out.push(t.offer?.text, t.offer?.expiresAt, t.otp?.code, t.otp?.text, t.otp?.autofillText);
  return out.filter((x): x is Text => x !== undefined);
}

/**
 * A copy of a template's spec with each text replaced by `fn` of it (a text is any object
 * with `parts`, `templated` and `scalar`); the spec given is not changed. Parsed Flow `data` (a YAML
 * mapping, read through its `dataTexts`) is kept as it is.
 */
export function mapTemplateTexts(spec: TemplateSpec, fn: (t: Text) => Text): TemplateSpec {
  const walk = (x: unknown, key: string): unknown => {
    if (key === 'data' || x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map((v) => walk(v, ''));
    if ('parts' in x && 'templated' in x && 'scalar' in x) return fn(x as Text);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = walk(v, k);
    return out;
  };
  return walk(spec, '') as TemplateSpec;
}
