import type { LMap, LScalar } from '../load/tree.js';
import type { Span } from '../source.js';

/**
 * The compiled model of a `.wa.yaml` file: what the rules check and the emitters print.
 * Every part keeps its span in the source. The builder is lenient: a part that is missing
 * or malformed (the structure check has reported it) is simply absent here, so the rules
 * still check everything else in the same run.
 */

export const MESSAGE_TYPES = ['cta_url', 'button', 'list', 'carousel', 'location_request_message', 'address_message', 'flow'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A literal run of characters. Templates (`{{ }}`) will add expression parts beside it. */
export interface LiteralPart {
  kind: 'literal';
  value: string;
}
export type TextPart = LiteralPart;

/** A text value: a title, an id, a URL, a body. */
export interface Text {
  /** The text after YAML unescaping; for a template, its literal text. */
  value: string;
  span: Span;
  parts: TextPart[];
  /** The scalar it was read from. */
  scalar: LScalar;
}

/** A list in the source: its items, its own span and the span of its key. */
export interface Seq<T> {
  items: T[];
  span: Span;
  keySpan: Span;
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
  id?: Text;
  title?: Text;
  description?: Text;
  span: Span;
}

export interface Section {
  title?: Text;
  rows?: Seq<Row>;
  span: Span;
}

export interface Card {
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

export interface FlowSpec {
  id?: Text;
  name?: Text;
  cta?: Text;
  token?: Text;
  mode?: Text;
  action?: Text;
  screen?: Text;
  /** The first screen's data: any mapping, kept as written (numbers stay numbers). */
  data?: LMap;
  dataKeySpan?: Span;
  version?: Text;
  span: Span;
  keySpan: Span;
}

export interface Message {
  /** The source file's path, as given to compile(). */
  file: string;
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
}

export interface WamlFile {
  path: string;
  messages: Message[];
}
