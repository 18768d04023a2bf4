import type { LEntry, LMap, LNode, LScalar } from '../load/tree.js';
import { entry } from '../load/tree.js';
import {
  MESSAGE_TYPES,
  type Address,
  type Card,
  type FlowSpec,
  type Header,
  type Media,
  type Message,
  type MessageType,
  type ReplyButton,
  type Row,
  type SavedAddress,
  type Section,
  type Seq,
  type Text,
  type TextMap,
  type UrlButton,
  type WamlFile,
} from './types.js';

/**
 * Builds the model from the located tree. Lenient by design: what is missing or of the
 * wrong shape is left out (the structure check reports it), so that the limit rules can
 * still check every other part of the file in the same run.
 */
export function buildFile(path: string, root: LMap): WamlFile {
  const messages: Message[] = [];
  const messagesNode = entry(root, 'messages')?.value;
  if (messagesNode?.kind === 'map') {
    for (const e of messagesNode.entries) {
      if (e.value.kind === 'map') messages.push(buildMessage(path, e, e.value));
    }
  }
  return { path, messages };
}

function buildMessage(file: string, e: LEntry, map: LMap): Message {
  const m: Message = { file, name: e.key, nameSpan: e.keySpan, span: map.span };
  const typeNode = entry(map, 'type')?.value;
  if (typeNode?.kind === 'scalar' && (MESSAGE_TYPES as readonly unknown[]).includes(typeNode.value)) {
    m.type = typeNode.value as MessageType;
    m.typeSpan = typeNode.span;
  }
  const header = entry(map, 'header');
  if (header) {
    m.headerKeySpan = header.keySpan;
    const h = buildHeader(header);
    if (h) m.header = h;
  }
  set(m, 'body', text(entry(map, 'body')?.value));
  const footer = entry(map, 'footer');
  if (footer) {
    m.footerKeySpan = footer.keySpan;
    set(m, 'footer', text(footer.value));
  }
  switch (m.type) {
    case 'button':
      set(m, 'buttons', seq(entry(map, 'buttons'), replyButton));
      break;
    case 'list':
      set(m, 'listButton', text(entry(map, 'button')?.value));
      set(m, 'sections', seq(entry(map, 'sections'), section));
      break;
    case 'cta_url':
      set(m, 'urlButton', urlButton(entry(map, 'button')));
      break;
    case 'carousel':
      set(m, 'cards', seq(entry(map, 'cards'), card));
      break;
    case 'address_message':
      set(m, 'address', address(entry(map, 'address')));
      break;
    case 'flow':
      set(m, 'flow', flow(entry(map, 'flow')));
      break;
    default:
      break;
  }
  return m;
}

/** Assigns only defined values, so that absent parts are absent keys. */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** A text from a scalar; plain numbers and booleans keep the characters written (`1.50`). */
export function text(node: LNode | undefined): Text | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  const value = typeof node.value === 'string' ? node.value : node.source;
  return { value, span: node.span, parts: [{ kind: 'literal', value }], scalar: node as LScalar };
}

function seq<T>(e: LEntry | undefined, item: (node: LMap) => T): Seq<T> | undefined {
  if (!e || e.value.kind !== 'seq') return undefined;
  const items: T[] = [];
  for (const node of e.value.items) if (node.kind === 'map') items.push(item(node));
  return { items, span: e.value.span, keySpan: e.keySpan };
}

function media(node: LNode | undefined): Media | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const link = text(node);
    return link ? { link, span: node.span } : undefined;
  }
  if (node.kind !== 'map') return undefined;
  const m: Media = { span: node.span };
  set(m, 'link', text(entry(node, 'link')?.value));
  set(m, 'id', text(entry(node, 'id')?.value));
  set(m, 'filename', text(entry(node, 'filename')?.value));
  return m;
}

function buildHeader(e: LEntry): Header | undefined {
  const node = e.value;
  if (node.kind === 'scalar') {
    const t = text(node);
    return t ? { kind: 'text', text: t, span: node.span, keySpan: e.keySpan } : undefined;
  }
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0]!;
  if (only.key === 'text') {
    const t = text(only.value);
    return t ? { kind: 'text', text: t, span: node.span, keySpan: e.keySpan } : undefined;
  }
  if (only.key === 'image' || only.key === 'video' || only.key === 'document') {
    const m = media(only.value);
    return m ? { kind: only.key, media: m, span: node.span, keySpan: e.keySpan } : undefined;
  }
  return undefined;
}

function replyButton(node: LMap): ReplyButton {
  const b: ReplyButton = { span: node.span };
  set(b, 'id', text(entry(node, 'id')?.value));
  set(b, 'title', text(entry(node, 'title')?.value));
  return b;
}

function urlButton(e: LEntry | undefined): UrlButton | undefined {
  if (!e || e.value.kind !== 'map') return undefined;
  const b: UrlButton = { span: e.value.span, keySpan: e.keySpan };
  set(b, 'text', text(entry(e.value, 'text')?.value));
  set(b, 'url', text(entry(e.value, 'url')?.value));
  return b;
}

function row(node: LMap): Row {
  const r: Row = { span: node.span };
  set(r, 'id', text(entry(node, 'id')?.value));
  set(r, 'title', text(entry(node, 'title')?.value));
  set(r, 'description', text(entry(node, 'description')?.value));
  return r;
}

function section(node: LMap): Section {
  const s: Section = { span: node.span };
  set(s, 'title', text(entry(node, 'title')?.value));
  set(s, 'rows', seq(entry(node, 'rows'), row));
  return s;
}

function card(node: LMap): Card {
  const c: Card = { span: node.span, keys: {} };
  for (const e of node.entries) c.keys[e.key] = e.keySpan;
  set(c, 'image', media(entry(node, 'image')?.value));
  set(c, 'video', media(entry(node, 'video')?.value));
  set(c, 'body', text(entry(node, 'body')?.value));
  set(c, 'button', urlButton(entry(node, 'button')));
  set(c, 'buttons', seq(entry(node, 'buttons'), replyButton));
  return c;
}

function textMap(node: LNode | undefined): TextMap | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const out: TextMap = { entries: [], span: node.span };
  for (const e of node.entries) {
    const value = text(e.value);
    if (value) out.entries.push({ key: e.key, keySpan: e.keySpan, value });
  }
  return out;
}

function address(e: LEntry | undefined): Address | undefined {
  if (!e || e.value.kind !== 'map') return undefined;
  const node = e.value;
  const a: Address = { span: node.span, keySpan: e.keySpan };
  set(a, 'country', text(entry(node, 'country')?.value));
  set(a, 'values', textMap(entry(node, 'values')?.value));
  set(
    a,
    'savedAddresses',
    seq(entry(node, 'saved_addresses'), (item): SavedAddress => {
      const s: SavedAddress = { span: item.span };
      set(s, 'id', text(entry(item, 'id')?.value));
      set(s, 'value', textMap(entry(item, 'value')?.value));
      return s;
    }),
  );
  set(a, 'validationErrors', textMap(entry(node, 'validation_errors')?.value));
  return a;
}

function flow(e: LEntry | undefined): FlowSpec | undefined {
  if (!e || e.value.kind !== 'map') return undefined;
  const node = e.value;
  const f: FlowSpec = { span: node.span, keySpan: e.keySpan };
  for (const key of ['id', 'name', 'cta', 'token', 'mode', 'action', 'screen', 'version'] as const) {
    set(f, key, text(entry(node, key)?.value));
  }
  const data = entry(node, 'data');
  if (data && data.value.kind === 'map') {
    f.data = data.value;
    f.dataKeySpan = data.keySpan;
  }
  return f;
}
