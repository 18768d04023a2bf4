import type { TemplateParser } from '../templates/grammar.js';

/** Whether a string holds a placeholder at all: only those are parsed. */
const isTemplate = (text: string): boolean => text.includes('{{');
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LEntry, LMap, LNode, LScalar } from '../load/tree.js';
import { entry } from '../load/tree.js';
import { emptyParams, readParams, type Params } from '../templates/params.js';
import { textSpan } from './spans.js';
import { withWritten } from './written.js';
import { checkNumber } from '../load/numbers.js';
import { buildTemplate } from '../message-templates/build.js';
import { readLanguages } from '../languages/declare.js';
import { suggest } from '../suggest.js';
import {
  MESSAGE_TYPES,
  type Address,
  type CallButton,
  type Card,
  type FlowData,
  type FlowDataMap,
  type FlowSpec,
  type Header,
  type Media,
  type Message,
  type MessageType,
  type OrderStatusSpec,
  type ProductItem,
  type ProductSection,
  type Repeat,
  type ReplyButton,
  type Row,
  type SavedAddress,
  type Section,
  type Seq,
  type Languages,
  type Text,
  type TextMap,
  type UrlButton,
  type WamlFile,
} from './types.js';

/**
 * Builds the model from the located tree. Lenient by design: what is missing or of the
 * wrong shape is left out (the structure check reports it), so that the limit rules can
 * still check every other part of the file in the same run. Texts with `{{` are parsed as
 * templates here; their syntax errors are reported at their exact characters.
 */
export function buildFile(path: string, root: LMap, fileText: string, reporter: Reporter, parse: TemplateParser): WamlFile {
  return new Builder(path, fileText, reporter, parse).file(root);
}

/** Assigns only defined values, so that absent parts are absent keys. */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Builder {
  /** The languages of the message being built: a text may then be a mapping of them. */
  private languages: Languages | undefined;
  private fileLanguages: Languages | undefined;
  /** Whether the message being built is a template with its own `language:`. */
  private oneLanguageTemplate = false;

  constructor(
    private readonly path: string,
    private readonly fileText: string,
    private readonly r: Reporter,
    private readonly parse: TemplateParser,
  ) {}

  file(root: LMap): WamlFile {
    const params = readParams(entry(root, 'params')?.value, this.r);
    this.fileLanguages = readLanguages(entry(root, 'languages')?.value, 'file', this.r);
    const messages: Message[] = [];
    const messagesNode = entry(root, 'messages')?.value;
    if (messagesNode?.kind === 'map') {
      for (const e of messagesNode.entries) {
        if (e.value.kind === 'map') messages.push(this.message(e, e.value, params));
      }
    }
    const file: WamlFile = { path: this.path, params, messages };
    if (this.fileLanguages) file.languages = this.fileLanguages;
    return file;
  }

  /** A text from a scalar; plain numbers and booleans keep the characters written (`1.50`). */
  text(node: LNode | undefined): Text | undefined {
    if (node?.kind === 'map') return this.translated(node);
    if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
    const value = typeof node.value === 'string' ? node.value : node.source;
    const t: Text = { value, span: node.span, parts: [], templated: false, scalar: node as LScalar, fileText: this.fileText };
    if (!isTemplate(value)) {
      t.parts.push({ kind: 'literal', value, start: 0, end: value.length });
      return t;
    }
    t.templated = true;
    const parsed = this.parse(value);
    for (const e of parsed.errors) {
      this.r.report('WA511', textSpan(t, e.start, e.end), `${e.message} in a placeholder`, {
        help: 'a placeholder is `{{ name }}`, `{{ p.field | filter }}` or `{{ "text" }}`; write `{{ "{{" }}` for literal braces',
      });
    }
    for (const p of parsed.template.parts) {
      if (p.kind === 'text') t.parts.push({ kind: 'literal', value: p.value, start: p.start, end: p.end });
      else {
        const part: Text['parts'][number] = { kind: 'expr', start: p.start, end: p.end };
        if (p.pipe && parsed.errors.every((e) => e.end <= p.start || e.start >= p.end)) part.pipe = p.pipe;
        t.parts.push(part);
      }
    }
    return t;
  }

  /**
   * A text written per language, `{ en_US: Hi, de: Hallo }`: the default language's text,
   * carrying every language's. Each declared language must be there (WA130) and no other
   * (WA131); without `languages:` a mapping is no text (WA132).
   */
  private translated(node: LMap): Text | undefined {
    const langs = this.languages;
    if (!langs) {
      // A template's `language:` keeps it in one language, whatever its file declares.
      const single = this.oneLanguageTemplate && this.fileLanguages;
      const why = single ? 'this template is in one language (`language:`), so its texts are plain texts' : 'a text in several languages needs `languages:` on the message or the file';
      this.r.report('WA132', node.span, why, {
        help: single ? 'write one text, or replace `language:` with `languages:`' : 'declare them, such as `languages: [en_US, de]` (the first is the default), or write one text',
      });
      return undefined;
    }
    const declared = langs.codes.map((c) => c.code);
    const known = new Set(declared);
    const entries: NonNullable<Text['translations']>['entries'] = [];
    for (const e of node.entries) {
      if (!known.has(e.key)) {
        // `de_DE` where `de` is declared (or the other way round) is the same language.
        const base = e.key.split('_')[0]!;
        const guess = suggest(e.key, declared) ?? declared.find((c) => c === base || c.split('_')[0] === base);
        this.r.report('WA131', e.keySpan, `\`${e.key}\` is not one of the languages of this message (${declared.join(', ')})${guess ? `; did you mean \`${guess}\`?` : ''}`, {
          related: [this.r.related(langs.span, 'the languages are declared here')],
          help: 'add it to `languages:`, or remove it',
        });
        continue;
      }
      if (e.value.kind !== 'scalar') continue;
      const t = this.text(e.value);
      if (t) entries.push({ language: e.key, keySpan: e.keySpan, text: t });
    }
    const written = new Set(node.entries.map((e) => e.key));
    const missing = declared.filter((code) => !written.has(code));
    if (missing.length > 0) {
      this.r.report('WA130', node.span, `this text has no ${missing.map((c) => `\`${c}\``).join(', ')}: every language of the message needs its text`, {
        related: [this.r.related(langs.span, 'the languages are declared here')],
        help: `add ${missing.map((c) => `\`${c}: …\``).join(', ')}, or write one text for every language`,
      });
    }
    const byLanguage = new Map(entries.map((x) => [x.language, x.text]));
    const first = byLanguage.get(declared[0]!) ?? entries[0]?.text;
    if (!first) return undefined;
    return { ...first, translations: { span: node.span, entries, byLanguage } };
  }

  /** A value that must be fixed: a placeholder there is an error. */
  fixedText(node: LNode | undefined, what: string): Text | undefined {
    if (node?.kind === 'map' && this.languages) {
      this.r.report('WA133', node.span, `${what} is the same in every language; write it once`, { help: 'write one value, not a mapping of languages' });
      return undefined;
    }
    if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
    const value = typeof node.value === 'string' ? node.value : node.source;
    if (isTemplate(value)) {
      this.r.report('WA518', node.span, `${what} must be written out; it cannot be a template`, { help: 'write the value itself' });
      return undefined;
    }
    return this.text(node);
  }

  private message(e: LEntry, map: LMap, fileParams: Params): Message {
    const own = readParams(entry(map, 'params')?.value, this.r);
    const scope = emptyParams();
    Object.assign(scope, fileParams);
    for (const name of Object.keys(own)) {
      const first = fileParams[name];
      if (first) {
        this.r.report('WA504', own[name]!.nameSpan, `message \`${e.key}\` redefines the file's param \`${name}\``, {
          related: [this.r.related(first.nameSpan, 'declared here for the whole file')],
          help: 'rename one of them; a message may add params, not redefine them',
        });
      } else scope[name] = own[name]!;
    }
    const m: Message = { file: this.path, name: e.key, nameSpan: e.keySpan, span: map.span, params: own, scope };
    this.languages = this.messageLanguages(map);
    if (this.languages) m.languages = this.languages;
    const typeNode = entry(map, 'type')?.value;
    if (typeNode?.kind === 'scalar' && typeof typeNode.value === 'string' && isTemplate(typeNode.value)) this.fixedText(typeNode, '`type`');
    if (typeNode?.kind === 'scalar' && (MESSAGE_TYPES as readonly unknown[]).includes(typeNode.value)) {
      m.type = typeNode.value as MessageType;
      m.typeSpan = typeNode.span;
    }
    if (m.type === 'template') {
      if (!entry(map, 'language') && !this.languages) {
        this.r.report('WA137', e.keySpan, `template \`${e.key}\` has no language`, { help: 'write `language: en_US`, or `languages: [en_US, de]` on the template or its file' });
      }
      m.template = buildTemplate(map, this);
      return m;
    }
    const keyOrder = entry(map, 'key_order');
    if (keyOrder && keyOrder.value.kind === 'map') {
      m.keyOrder = {
        span: keyOrder.value.span,
        keySpan: keyOrder.keySpan,
        entries: keyOrder.value.entries.map((e) => ({
          path: e.key,
          pathSpan: e.keySpan,
          keys: e.value.kind === 'seq' ? e.value.items.flatMap((k) => (k.kind === 'scalar' && typeof k.value === 'string' ? [{ value: k.value, span: k.span }] : [])) : [],
        })),
      };
    }
    const header = entry(map, 'header');
    if (header) {
      m.headerKeySpan = header.keySpan;
      set(m, 'header', this.header(header));
    }
    set(m, 'body', this.text(entry(map, 'body')?.value));
    const footer = entry(map, 'footer');
    if (footer) {
      m.footerKeySpan = footer.keySpan;
      set(m, 'footer', this.text(footer.value));
    }
    switch (m.type) {
      case 'button':
        set(m, 'buttons', this.seq(entry(map, 'buttons'), (n) => this.replyButton(n)));
        break;
      case 'list':
        set(m, 'listButton', this.text(entry(map, 'button')?.value));
        set(m, 'sections', this.seq(entry(map, 'sections'), (n) => this.section(n)));
        break;
      case 'cta_url':
        set(m, 'urlButton', this.urlButton(entry(map, 'button')));
        break;
      case 'carousel':
        set(m, 'cards', this.seq(entry(map, 'cards'), (n) => this.card(n)));
        break;
      case 'address_message':
        set(m, 'address', this.address(entry(map, 'address')));
        break;
      case 'flow':
        set(m, 'flow', this.flow(entry(map, 'flow')));
        break;
      case 'product':
        set(m, 'catalog', this.text(entry(map, 'catalog')?.value));
        set(m, 'product', this.text(entry(map, 'product')?.value));
        break;
      case 'product_list':
        set(m, 'catalog', this.text(entry(map, 'catalog')?.value));
        set(m, 'productSections', this.seq(entry(map, 'sections'), (n) => this.productSection(n)));
        break;
      case 'catalog_message':
        set(m, 'thumbnail', this.text(entry(map, 'thumbnail')?.value));
        break;
      case 'order_details': {
        const payment = entry(map, 'payment');
        if (payment && payment.value.kind === 'map') {
          m.payment = this.flowData(payment.value) as FlowDataMap;
          m.paymentKeySpan = payment.keySpan;
        }
        break;
      }
      case 'order_status':
        set(m, 'orderStatus', this.orderStatus(entry(map, 'order')));
        break;
      case 'voice_call':
        set(m, 'call', this.callButton(entry(map, 'call')));
        break;
      default:
        break;
    }
    return m;
  }

  /**
   * The message's `languages:`, else its file's. A template's `language:` makes it a
   * template in that one language (both on the message is WA136).
   */
  private messageLanguages(map: LMap): Languages | undefined {
    const own = entry(map, 'languages');
    const ownLanguages = readLanguages(own?.value, 'message', this.r);
    const type = entry(map, 'type')?.value;
    const language = entry(map, 'language');
    this.oneLanguageTemplate = type?.kind === 'scalar' && type.value === 'template' && language !== undefined && !own;
    if (type?.kind === 'scalar' && type.value === 'template' && language) {
      if (own) {
        this.r.report('WA136', language.keySpan, 'a template has `language:` or `languages:`, not both', {
          related: [this.r.related(own.keySpan, '`languages:` is given here')],
          help: 'remove `language:`, or write `languages: [one code]`',
        });
      }
      return ownLanguages;
    }
    return own ? ownLanguages : this.fileLanguages;
  }

  private seq<T>(e: LEntry | undefined, item: (node: LMap) => T): Seq<T> | undefined {
    if (!e || e.value.kind !== 'seq') return undefined;
    const items: T[] = [];
    const at: number[] = [];
    e.value.items.forEach((node, i) => {
      if (node.kind !== 'map') return;
      items.push(item(node));
      at.push(i);
    });
    return withWritten({ items, span: e.value.span, keySpan: e.keySpan }, e.value.items, at);
  }

  /** `each`, `as` and `when` on a list item. */
  private repeat(node: LMap): Repeat | undefined {
    const each = entry(node, 'each')?.value;
    const as = entry(node, 'as')?.value;
    const when = entry(node, 'when')?.value;
    if (!each && !as && !when) return undefined;
    const r: Repeat = {};
    if (each?.kind === 'scalar') {
      let path = String(each.value ?? '').trim();
      const braced = /^\{\{\s*(.*?)\s*\}\}$/.exec(path);
      if (braced) path = braced[1]!;
      if (IDENTIFIER_PATH.test(path)) r.each = { path: path.split('.'), span: each.span };
      else this.r.report('WA508', each.span, `\`each\` takes the name of an array param, such as \`products\`; not \`${path}\``);
    }
    if (as?.kind === 'scalar') {
      const name = String(as.value ?? '');
      if (IDENTIFIER.test(name)) r.as = { name, span: as.span };
      else this.r.report('WA512', as.span, `\`as\` takes a name (letters, digits and \`_\`); not \`${name}\``);
    }
    if (when?.kind === 'scalar') {
      // `when: has_more` is short for `when: "{{ has_more }}"`.
      const raw = typeof when.value === 'string' ? when.value : when.source;
      const t = isTemplate(raw) ? this.text(when) : IDENTIFIER_PATH.test(raw) ? this.text({ ...when, value: `{{${raw}}}`, source: `{{${raw}}}` }) : undefined;
      if (t) r.when = isTemplate(raw) ? t : { ...t, value: `{{${raw}}}` };
      else this.r.report('WA509', when.span, `\`when\` takes a boolean param, such as \`has_more\` or \`"{{ has_more }}"\`; not \`${raw}\``);
    }
    return r;
  }

  media(node: LNode | undefined): Media | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar') {
      const link = this.text(node);
      return link ? { link, span: node.span } : undefined;
    }
    if (node.kind !== 'map') return undefined;
    const m: Media = { span: node.span };
    set(m, 'link', this.text(entry(node, 'link')?.value));
    set(m, 'id', this.text(entry(node, 'id')?.value));
    set(m, 'filename', this.text(entry(node, 'filename')?.value));
    return m;
  }

  private header(e: LEntry): Header | undefined {
    const node = e.value;
    if (node.kind === 'scalar') {
      const t = this.text(node);
      return t ? { kind: 'text', text: t, span: node.span, keySpan: e.keySpan } : undefined;
    }
    if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
    const only = node.entries[0]!;
    if (only.key === 'text') {
      const t = this.text(only.value);
      return t ? { kind: 'text', text: t, span: node.span, keySpan: e.keySpan } : undefined;
    }
    if (only.key === 'image' || only.key === 'video' || only.key === 'document') {
      const m = this.media(only.value);
      return m ? { kind: only.key, media: m, span: node.span, keySpan: e.keySpan } : undefined;
    }
    return undefined;
  }

  private replyButton(node: LMap): ReplyButton {
    const b: ReplyButton = { span: node.span };
    set(b, 'repeat', this.repeat(node));
    set(b, 'id', this.text(entry(node, 'id')?.value));
    set(b, 'title', this.text(entry(node, 'title')?.value));
    return b;
  }

  private urlButton(e: LEntry | undefined): UrlButton | undefined {
    if (!e || e.value.kind !== 'map') return undefined;
    const b: UrlButton = { span: e.value.span, keySpan: e.keySpan };
    set(b, 'text', this.text(entry(e.value, 'text')?.value));
    set(b, 'url', this.text(entry(e.value, 'url')?.value));
    return b;
  }

  private row(node: LMap): Row {
    const r: Row = { span: node.span };
    set(r, 'repeat', this.repeat(node));
    set(r, 'id', this.text(entry(node, 'id')?.value));
    set(r, 'title', this.text(entry(node, 'title')?.value));
    set(r, 'description', this.text(entry(node, 'description')?.value));
    return r;
  }

  private section(node: LMap): Section {
    const s: Section = { span: node.span };
    set(s, 'repeat', this.repeat(node));
    set(s, 'title', this.text(entry(node, 'title')?.value));
    set(s, 'rows', this.seq(entry(node, 'rows'), (n) => this.row(n)));
    return s;
  }

  private card(node: LMap): Card {
    const c: Card = { span: node.span, keys: {} };
    for (const e of node.entries) c.keys[e.key] = e.keySpan;
    set(c, 'repeat', this.repeat(node));
    set(c, 'image', this.media(entry(node, 'image')?.value));
    set(c, 'video', this.media(entry(node, 'video')?.value));
    set(c, 'body', this.text(entry(node, 'body')?.value));
    set(c, 'button', this.urlButton(entry(node, 'button')));
    set(c, 'buttons', this.seq(entry(node, 'buttons'), (n) => this.replyButton(n)));
    return c;
  }

  private productSection(node: LMap): ProductSection {
    const s: ProductSection = { span: node.span };
    set(s, 'repeat', this.repeat(node));
    set(s, 'title', this.text(entry(node, 'title')?.value));
    const products = entry(node, 'products');
    if (products && products.value.kind === 'seq') {
      const items: ProductItem[] = [];
      const at: number[] = [];
      products.value.items.forEach((item, i) => {
        // A product is its retailer id, or a mapping `{ id, each, as, when }`.
        if (item.kind === 'scalar') {
          const id = this.text(item);
          if (!id) return;
          items.push({ id, span: item.span });
        } else if (item.kind === 'map') {
          const p: ProductItem = { span: item.span };
          set(p, 'repeat', this.repeat(item));
          set(p, 'id', this.text(entry(item, 'id')?.value));
          items.push(p);
        } else return;
        at.push(i);
      });
      s.products = withWritten({ items, span: products.value.span, keySpan: products.keySpan }, products.value.items, at);
    }
    return s;
  }

  private orderStatus(e: LEntry | undefined): OrderStatusSpec | undefined {
    if (!e || e.value.kind !== 'map') return undefined;
    const node = e.value;
    const o: OrderStatusSpec = { span: node.span, keySpan: e.keySpan };
    set(o, 'referenceId', this.text(entry(node, 'reference_id')?.value));
    set(o, 'status', this.fixedText(entry(node, 'status')?.value, "the order's `status`"));
    set(o, 'description', this.text(entry(node, 'description')?.value));
    return o;
  }

  private callButton(e: LEntry | undefined): CallButton | undefined {
    if (!e || e.value.kind !== 'map') return undefined;
    const node = e.value;
    const c: CallButton = { span: node.span, keySpan: e.keySpan };
    set(c, 'text', this.text(entry(node, 'text')?.value));
    set(c, 'payload', this.text(entry(node, 'payload')?.value));
    const ttl = entry(node, 'ttl_minutes')?.value;
    // Anything but a number is the structure check's to report (WA203).
    if (ttl?.kind === 'scalar' && typeof ttl.value === 'number') c.ttlMinutes = { value: ttl.value, span: ttl.span };
    return c;
  }

  private textMap(node: LNode | undefined): TextMap | undefined {
    if (!node || node.kind !== 'map') return undefined;
    const out: TextMap = { entries: [], span: node.span };
    for (const e of node.entries) {
      const value = this.text(e.value);
      if (value) out.entries.push({ key: e.key, keySpan: e.keySpan, value });
    }
    return out;
  }

  private address(e: LEntry | undefined): Address | undefined {
    if (!e || e.value.kind !== 'map') return undefined;
    const node = e.value;
    const a: Address = { span: node.span, keySpan: e.keySpan };
    set(a, 'country', this.fixedText(entry(node, 'country')?.value, 'the country'));
    set(a, 'values', this.textMap(entry(node, 'values')?.value));
    set(
      a,
      'savedAddresses',
      this.seq(entry(node, 'saved_addresses'), (item): SavedAddress => {
        const s: SavedAddress = { span: item.span };
        set(s, 'id', this.text(entry(item, 'id')?.value));
        set(s, 'value', this.textMap(entry(item, 'value')?.value));
        return s;
      }),
    );
    set(a, 'validationErrors', this.textMap(entry(node, 'validation_errors')?.value));
    return a;
  }

  /** Flow data as written: strings become texts; numbers must survive JSON exactly (WA210). */
  private flowData(n: LNode): FlowData {
    if (n.kind === 'seq') return { kind: 'seq', items: n.items.map((x) => this.flowData(x)), span: n.span };
    if (n.kind === 'map') return { kind: 'map', entries: n.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: this.flowData(e.value) })), span: n.span };
    if (typeof n.value === 'string') return { kind: 'text', text: this.text(n)!, span: n.span };
    if (typeof n.value === 'number') checkNumber(n, this.r);
    return { kind: 'value', value: n.value, span: n.span };
  }

  private flow(e: LEntry | undefined): FlowSpec | undefined {
    if (!e || e.value.kind !== 'map') return undefined;
    const node = e.value;
    const f: FlowSpec = { span: node.span, keySpan: e.keySpan };
    for (const key of ['id', 'name', 'cta', 'token', 'screen'] as const) set(f, key, this.text(entry(node, key)?.value));
    for (const key of ['mode', 'action', 'version'] as const) set(f, key, this.fixedText(entry(node, key)?.value, `the Flow's \`${key}\``));
    const data = entry(node, 'data');
    if (data && data.value.kind === 'map') {
      f.data = this.flowData(data.value) as FlowDataMap;
      f.dataKeySpan = data.keySpan;
    } else if (data && data.value.kind === 'scalar' && typeof data.value.value === 'string') {
      set(f, 'dataText', this.text(data.value));
      f.dataKeySpan = data.keySpan;
    }
    return f;
  }
}
