import type { Pipe } from '../../grammar/index.js';
import type { LScalar } from '../load/tree.js';
import type { Span } from '../source.js';
import type { Params } from '../templates/params.js';
import type { ValueType } from '../templates/types.js';
import type { TemplateSpec } from '../message-templates/model.js';

/**
 * The compiled model of a `.wa.yaml` file: what the rules check and the emitters print.
 * Every part keeps its span in the source. The builder is lenient: a part that is missing
 * or malformed (the structure check has reported it) is simply absent here, so the rules
 * still check everything else in the same run.
 */

export const MESSAGE_TYPES = [
  'cta_url',
  'button',
  'list',
  'carousel',
  'location_request_message',
  'address_message',
  'flow',
  'product',
  'product_list',
  'catalog_message',
  'order_details',
  'order_status',
  'voice_call',
  'call_permission_request',
  'template',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
/** The interactive types: every message type but Meta's message templates. */
export type InteractiveType = Exclude<MessageType, 'template'>;

/** A literal run of characters; offsets are into the text's value. */
export interface LiteralPart {
  kind: 'literal';
  value: string;
  start: number;
  end: number;
}

/** A `{{ … }}` placeholder; `type` is set by the template check. */
export interface ExprPart {
  kind: 'expr';
  start: number;
  end: number;
  /** Absent when the placeholder did not parse (WA511 says why). */
  pipe?: Pipe;
  type?: ValueType;
}

export type TextPart = LiteralPart | ExprPart;

/** A text value: a title, an id, a URL, a body. */
export interface Text {
  /** The text after YAML unescaping; for a template, as written (with its `{{ }}`). */
  value: string;
  span: Span;
  parts: TextPart[];
  /** Whether it holds placeholders. */
  templated: boolean;
  /** The scalar it was read from, and the text of its file, for exact positions inside it. */
  scalar: LScalar;
  fileText: string;
  /**
   * A text written as a mapping from language code to text (`{ en_US: Hi, de: Hallo }`):
   * each language's text, in the order written. The text itself is then the default
   * language's (or, when the mapping misses it, the first one written).
   */
  translations?: Translations;
  /**
   * Set on a message's copy for one language (projectMessage) where the text is written per
   * language but not in that one (WA130): the text is then the default language's.
   */
  absent?: true;
}

/** The texts of one mapping from language code to text. */
export interface Translations {
  /** The mapping's span. */
  span: Span;
  entries: { language: string; keySpan: Span; text: Text }[];
  /** The same texts by language, for a lookup per language that stays linear. */
  byLanguage: ReadonlyMap<string, Text>;
}

/** The languages of a message (`languages:` of the message or of its file); the first is the default. */
export interface Languages {
  codes: { code: string; span: Span; scalar: LScalar }[];
  /** The `languages:` list's span, and whether the message or its file declares it. */
  span: Span;
  from: 'message' | 'file';
}

/**
 * Repetition and condition on an item of `buttons`, `sections`, `rows` or `cards`: the item
 * stands once for each element of an array param (`each`, naming it `as`), and only when
 * `when` is true.
 */
export interface Repeat {
  each?: { path: string[]; span: Span };
  as?: { name: string; span: Span };
  when?: Text;
  /** How many items this one stands for, set by the template check. */
  count?: { min: number; max: number };
}

/** A list in the source: its items, its own span and the span of its key. */
export interface Seq<T> {
  items: T[];
  span: Span;
  keySpan: Span;
  /**
   * Present when some item written is not in `items` (a number where a mapping belongs, which
   * the structure check reports): every written item's span, and each item's place among
   * them, so that counts and numbers say what is written (see model/written.ts).
   */
  written?: Written;
}

export interface Written {
  spans: Span[];
  /** For each of `items`, its index in `spans`. */
  at: number[];
}

export interface Media {
  link?: Text;
  id?: Text;
  filename?: Text;
  span: Span;
}

export type MediaKind = 'image' | 'video' | 'document';

export type Header =
  | { kind: 'text'; text: Text; span: Span; keySpan: Span }
  | { kind: MediaKind; media: Media; span: Span; keySpan: Span };

export interface ReplyButton {
  repeat?: Repeat;
  id?: Text;
  title?: Text;
  span: Span;
}

export interface UrlButton {
  text?: Text;
  url?: Text;
  span: Span;
  keySpan: Span;
}

export interface Row {
  repeat?: Repeat;
  id?: Text;
  title?: Text;
  description?: Text;
  span: Span;
}

export interface Section {
  repeat?: Repeat;
  title?: Text;
  rows?: Seq<Row>;
  span: Span;
}

export interface Card {
  repeat?: Repeat;
  image?: Media;
  video?: Media;
  body?: Text;
  button?: UrlButton;
  buttons?: Seq<ReplyButton>;
  span: Span;
  /** Spans of the keys present, for "both given" diagnostics. */
  keys: Record<string, Span>;
}

export interface TextEntry {
  key: string;
  keySpan: Span;
  value: Text;
}

export interface TextMap {
  entries: TextEntry[];
  span: Span;
}

export interface SavedAddress {
  id?: Text;
  value?: TextMap;
  span: Span;
}

export interface Address {
  country?: Text;
  values?: TextMap;
  savedAddresses?: Seq<SavedAddress>;
  validationErrors?: TextMap;
  span: Span;
  keySpan: Span;
}

/** A value in a Flow's `data`: strings are texts (they may be templates), the rest as written. */
export type FlowData =
  | { kind: 'text'; text: Text; span: Span }
  | { kind: 'value'; value: number | boolean | null; span: Span }
  | FlowDataMap
  | { kind: 'seq'; items: FlowData[]; span: Span };

export interface FlowDataMap {
  kind: 'map';
  entries: { key: string; keySpan: Span; value: FlowData }[];
  span: Span;
}

export interface FlowSpec {
  /** `data` written as a text: a JSON object serialized to a string, as Meta's "Sending a Flow" page sends it. */
  dataText?: Text;
  id?: Text;
  name?: Text;
  cta?: Text;
  token?: Text;
  mode?: Text;
  action?: Text;
  screen?: Text;
  /** The first screen's data: any mapping, kept as written (numbers stay numbers). */
  data?: FlowDataMap;
  dataKeySpan?: Span;
  version?: Text;
  span: Span;
  keySpan: Span;
}

/** A product of a `product_list` section: its retailer id (SKU), once or repeated. */
export interface ProductItem {
  repeat?: Repeat;
  id?: Text;
  span: Span;
}

export interface ProductSection {
  repeat?: Repeat;
  title?: Text;
  products?: Seq<ProductItem>;
  span: Span;
}

/** `voice_call`: the call button's parameters, each optional. */
export interface CallButton {
  text?: Text;
  /** A whole number written out (WA518 for a placeholder). */
  ttlMinutes?: { value: number; span: Span };
  payload?: Text;
  span: Span;
  keySpan: Span;
}

/** `order_status`: the order a status update is about. */
export interface OrderStatusSpec {
  referenceId?: Text;
  status?: Text;
  description?: Text;
  span: Span;
  keySpan: Span;
}

export interface Message {
  /** The source file's path, as given to compile(). */
  file: string;
  /** The params of the message itself (the file's are on WamlFile). */
  params: Params;
  /** The params the message's templates may use: the file's and its own. */
  scope: Params;
  name: string;
  nameSpan: Span;
  span: Span;
  /** Undefined when the type is missing or unknown (reported by the structure check). */
  type?: MessageType;
  typeSpan?: Span;
  header?: Header;
  headerKeySpan?: Span;
  body?: Text;
  footer?: Text;
  footerKeySpan?: Span;
  /** `button`: the reply buttons. */
  buttons?: Seq<ReplyButton>;
  /** `list`: the label of the button that opens the list. */
  listButton?: Text;
  sections?: Seq<Section>;
  /** `cta_url`: the URL button. */
  urlButton?: UrlButton;
  cards?: Seq<Card>;
  address?: Address;
  flow?: FlowSpec;
  /** `product` and `product_list`: the catalog's id. */
  catalog?: Text;
  /** `product`: the product's retailer id (SKU). */
  product?: Text;
  /** `product_list`: sections of products. */
  productSections?: Seq<ProductSection>;
  /** `catalog_message`: the retailer id of the product shown as the thumbnail. */
  thumbnail?: Text;
  /** `order_details`: `action.parameters` as written, in the API's names. */
  payment?: FlowDataMap;
  paymentKeySpan?: Span;
  /** `order_status`. */
  orderStatus?: OrderStatusSpec;
  /** `voice_call`. */
  call?: CallButton;
  /** `template`: a WhatsApp message template (compiler/message-templates). */
  template?: TemplateSpec;
  /** The message's languages (compiler/languages); absent for a message in one language. */
  languages?: Languages;
  /** Set on a copy of the message for one of its languages (see projectMessage). */
  language?: string;
  /** `key_order`: the key order of the body's objects, as an imported body had them. */
  keyOrder?: KeyOrder;
}

/** `key_order`: body object path (`$`, `interactive.action.buttons[]`, `…buttons[1]`) → its keys in order. */
export interface KeyOrder {
  entries: { path: string; pathSpan: Span; keys: { value: string; span: Span }[] }[];
  span: Span;
  keySpan: Span;
}

export interface WamlFile {
  path: string;
  params: Params;
  /** The file's `languages:`, the default of every message. */
  languages?: Languages;
  messages: Message[];
}
