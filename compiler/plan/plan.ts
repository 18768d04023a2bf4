import type { Pipe, Template } from '../../runtime/template.js';
import type { AttachedCheck, ListCheck, RuntimeCheck, TextCheck } from '../diagnostics/diagnostic.js';
import type { Json } from '../emit/json.js';
import type { Card, FlowData, FlowSpec, Header, Media, Message, MessageType, Repeat, ReplyButton, Row, Section, Seq, Text, TextMap } from '../model/types.js';
import type { Span } from '../source.js';
import { toRuntimePipe, toRuntimeTemplate } from '../templates/runtime.js';

/**
 * The body plan: one description of a message's request body, shaped like the JSON it
 * becomes. Leaves are texts (a template of literal strings and placeholders) or fixed JSON
 * values; objects keep the API's key order; lists carry `each` and `when` on their items.
 * Every check that only the values can settle hangs on the text or list it concerns, as a
 * typed value. Two interpreters read it: evaluate.ts (JSON output, `--data`, preview) and
 * emit/ts.ts (the generated `build()`), so a sender cannot disagree with the compiler.
 */
export type PlanNode = PlanText | PlanValue | PlanObject | PlanList;

export interface PlanText {
  kind: 'text';
  template: Template;
  span: Span;
  /** Applied in order, to the rendered text. */
  checks: TextCheck[];
}

export interface PlanValue {
  kind: 'value';
  value: Json;
}

export interface PlanObject {
  kind: 'object';
  entries: { key: string; value: PlanNode }[];
}

export interface PlanList {
  kind: 'list';
  items: PlanItem[];
  span: Span;
  /** A key that numbers the built items from 0, first in each (carousel `card_index`). */
  index?: string;
  /** Applied in order, to the built list. */
  checks: ListCheck[];
}

/** One item of a list: once, once for each element of an array (`each`), or only `when` true. */
export interface PlanItem {
  node: PlanNode;
  each?: { path: readonly string[]; as: string };
  when?: Pipe;
}

export interface BodyPlan {
  message: string;
  type: MessageType;
  /** The `interactive` object; the evaluators put it in the request body. */
  interactive: PlanObject;
  /** The texts a reply's id is one of (button, list and carousel quick-reply ids). */
  replyIds: Template[];
  /**
   * The message's `key_order`, when it has one (an imported body's own order): object path →
   * keys in order, applied to the built body by the runtime's reorder(). Absent: the documented order.
   */
  keyOrder?: { [path: string]: string[] };
  /**
   * A message with `languages:`: each language's `interactive`, in declared order; the
   * first is the default, and is `interactive` itself. Ids are the same in every language
   * (WA133), so `replyIds` serve them all.
   */
  languages?: { language: string; interactive: PlanObject }[];
}

/**
 * The plan of a message from the plans of its languages (in declared order, the default
 * first): the default's, carrying every language's `interactive`. A message in one language
 * (one plan without a language) is its plan as it is.
 */
export function withLanguages(plans: readonly { language: string | undefined; plan: BodyPlan }[]): BodyPlan {
  const first = plans[0]!;
  if (first.language === undefined) return first.plan;
  return { ...first.plan, languages: plans.map((p) => ({ language: p.language!, interactive: p.plan.interactive })) };
}

/** The `interactive` of a plan in a language: that language's, the default's when absent. */
export function interactiveIn(plan: BodyPlan, language: string | undefined): PlanObject {
  if (language === undefined || !plan.languages) return plan.interactive;
  const found = plan.languages.find((l) => l.language === language);
  if (!found) throw new RangeError(`message ${plan.message} has no language ${language}; it has ${plan.languages.map((l) => l.language).join(', ')}`);
  return found.interactive;
}

/**
 * The plan of a message of a file without errors, with the checks its rules recorded.
 * The message is only read.
 */
export function planMessage(m: Message, checks: readonly AttachedCheck[]): BodyPlan {
  return new Planner(checks).message(m);
}

const isText = (c: RuntimeCheck): c is TextCheck => c.kind === 'maxLength' || c.kind === 'notBlank' || c.kind === 'trimmed' || c.kind === 'url' || c.kind === 'maxLineBreaks';

class Planner {
  private readonly checks = new Map<object, RuntimeCheck[]>();
  readonly replyIds: Template[] = [];

  constructor(attached: readonly AttachedCheck[]) {
    for (const { target, check } of attached) this.checks.set(target, [...(this.checks.get(target) ?? []), check]);
  }

  message(m: Message): BodyPlan {
    const interactive = obj([
      ['type', value(m.type!)],
      ['header', m.header && this.header(m.header)],
      ['body', m.body && obj([['text', this.text(m.body)]])],
      ['footer', m.footer && obj([['text', this.text(m.footer)]])],
      ['action', this.action(m)],
    ]);
    const plan: BodyPlan = { message: m.name, type: m.type!, interactive, replyIds: this.replyIds };
    if (m.keyOrder && m.keyOrder.entries.length > 0) plan.keyOrder = Object.fromEntries(m.keyOrder.entries.map((e) => [e.path, e.keys.map((k) => k.value)] as const));
    return plan;
  }

  private text(t: Text): PlanText {
    return { kind: 'text', template: toRuntimeTemplate(t), span: t.span, checks: (this.checks.get(t) ?? []).filter(isText) };
  }

  private replyId(t: Text): PlanText {
    this.replyIds.push(toRuntimeTemplate(t));
    return this.text(t);
  }

  private list<T extends object>(seq: Seq<T>, item: (x: T) => PlanNode, index?: string): PlanList {
    const list: PlanList = { kind: 'list', items: seq.items.map((x) => planItem((x as { repeat?: Repeat }).repeat, item(x))), span: seq.keySpan, checks: (this.checks.get(seq) ?? []).filter((c): c is ListCheck => !isText(c)) };
    if (index !== undefined) list.index = index;
    return list;
  }

  private media(m: Media): PlanObject {
    return obj([
      ['id', m.id && this.text(m.id)],
      ['link', !m.id && m.link ? this.text(m.link) : undefined],
      ['filename', m.filename && this.text(m.filename)],
    ]);
  }

  private header(h: Header): PlanObject {
    if (h.kind === 'text') return obj([['type', value('text')], ['text', this.text(h.text)]]);
    return obj([['type', value(h.kind)], [h.kind, this.media(h.media)]]);
  }

  private reply(b: ReplyButton, type: 'reply' | 'quick_reply'): PlanObject {
    return obj([['type', value(type)], [type, obj([['id', this.replyId(b.id!)], ['title', this.text(b.title!)]])]]);
  }

  private urlButton(b: { text?: Text; url?: Text }): PlanObject {
    return obj([['name', value('cta_url')], ['parameters', obj([['display_text', this.text(b.text!)], ['url', this.text(b.url!)]])]]);
  }

  private action(m: Message): PlanObject {
    switch (m.type) {
      case 'button':
        return obj([['buttons', this.list(m.buttons!, (b) => this.reply(b, 'reply'))]]);
      case 'list':
        return obj([['button', this.text(m.listButton!)], ['sections', this.list(m.sections!, (s) => this.section(s))]]);
      case 'cta_url':
        return this.urlButton(m.urlButton!);
      case 'carousel':
        return obj([['cards', this.list(m.cards!, (c) => this.card(c), 'card_index')]]);
      case 'location_request_message':
        return obj([['name', value('send_location')]]);
      case 'address_message': {
        const a = m.address!;
        return obj([
          ['name', value('address_message')],
          [
            'parameters',
            obj([
              ['country', this.text(a.country!)],
              ['values', a.values && this.textMap(a.values)],
              ['saved_addresses', a.savedAddresses && this.list(a.savedAddresses, (s) => obj([['id', this.text(s.id!)], ['value', this.textMap(s.value!)]]))],
              ['validation_errors', a.validationErrors && this.textMap(a.validationErrors)],
            ]),
          ],
        ]);
      }
      case 'flow':
        return obj([['name', value('flow')], ['parameters', this.flow(m.flow!)]]);
      case 'product':
        return obj([['catalog_id', this.text(m.catalog!)], ['product_retailer_id', this.text(m.product!)]]);
      case 'product_list':
        return obj([
          ['catalog_id', this.text(m.catalog!)],
          ['sections', this.list(m.productSections!, (s) => obj([['title', s.title && this.text(s.title)], ['product_items', this.list(s.products!, (p) => obj([['product_retailer_id', this.text(p.id!)]]))]]))],
        ]);
      case 'catalog_message':
        return obj([['name', value('catalog_message')], ['parameters', m.thumbnail && obj([['thumbnail_product_retailer_id', this.text(m.thumbnail)]])]]);
      case 'order_details':
        return obj([['name', value('review_and_pay')], ['parameters', this.data(m.payment!)]]);
      case 'order_status': {
        const o = m.orderStatus!;
        return obj([
          ['name', value('review_order')],
          ['parameters', obj([['reference_id', this.text(o.referenceId!)], ['order', obj([['status', this.text(o.status!)], ['description', o.description && this.text(o.description)]])]])],
        ]);
      }
      case 'voice_call': {
        const c = m.call;
        const parameters = c && obj([['display_text', c.text && this.text(c.text)], ['ttl_minutes', c.ttlMinutes && value(c.ttlMinutes.value)], ['payload', c.payload && this.text(c.payload)]]);
        return obj([['name', value('voice_call')], ['parameters', parameters]]);
      }
      case 'call_permission_request':
        return obj([['name', value('call_permission_request')]]);
      default:
        throw new Error(`planMessage: message ${m.name} has no type`);
    }
  }

  private section(s: Section): PlanObject {
    return obj([['title', s.title && this.text(s.title)], ['rows', this.list(s.rows!, (r) => this.row(r))]]);
  }

  private row(r: Row): PlanObject {
    return obj([['id', this.replyId(r.id!)], ['title', this.text(r.title!)], ['description', r.description && this.text(r.description)]]);
  }

  /** A carousel card; every card has `"type": "cta_url"`, quick-reply cards too, as the media carousel page writes them. */
  private card(c: Card): PlanObject {
    const kind = c.image ? 'image' : 'video';
    return obj([
      ['type', value('cta_url')],
      ['header', obj([['type', value(kind)], [kind, this.media((c.image ?? c.video)!)]])],
      ['body', c.body && obj([['text', this.text(c.body)]])],
      ['action', c.button ? this.urlButton(c.button) : obj([['buttons', this.list(c.buttons!, (b) => this.reply(b, 'quick_reply'))]])],
    ]);
  }

  private textMap(map: TextMap): PlanObject {
    return obj(map.entries.map((e) => [e.key, this.text(e.value)]));
  }

  private flow(f: FlowSpec): PlanObject {
    const navigate = (f.action?.value ?? 'navigate') === 'navigate' && (f.screen || f.data || f.dataText);
    return obj([
      ['flow_message_version', f.version ? this.text(f.version) : value('3')],
      ['flow_token', f.token && this.text(f.token)],
      ['flow_id', f.id && this.text(f.id)],
      ['flow_name', !f.id && f.name ? this.text(f.name) : undefined],
      ['flow_cta', this.text(f.cta!)],
      ['flow_action', f.action && this.text(f.action)],
      ['flow_action_payload', navigate ? obj([['screen', f.screen && this.text(f.screen)], ['data', f.data ? this.data(f.data) : f.dataText && this.text(f.dataText)]]) : undefined],
      ['mode', f.mode && this.text(f.mode)],
    ]);
  }

  private data(d: FlowData): PlanNode {
    switch (d.kind) {
      case 'text':
        return this.text(d.text);
      case 'value':
        return value(d.value);
      case 'seq':
        return { kind: 'list', items: d.items.map((x) => ({ node: this.data(x) })), span: d.span, checks: [] };
      case 'map':
        return obj(d.entries.map((e) => [e.key, this.data(e.value)]));
    }
  }
}

function value(v: Json): PlanValue {
  return { kind: 'value', value: v };
}

/** An object of the entries present, in the order given. */
function obj(entries: readonly (readonly [string, PlanNode | undefined])[]): PlanObject {
  const out: PlanObject = { kind: 'object', entries: [] };
  for (const [key, v] of entries) if (v !== undefined) out.entries.push({ key, value: v });
  return out;
}

function planItem(rep: Repeat | undefined, node: PlanNode): PlanItem {
  const item: PlanItem = { node };
  if (rep?.each) item.each = { path: rep.each.path, as: rep.as?.name ?? 'item' };
  const expr = rep?.when?.parts.find((p) => p.kind === 'expr');
  if (expr?.kind === 'expr' && expr.pipe) item.when = toRuntimePipe(expr.pipe);
  return item;
}
