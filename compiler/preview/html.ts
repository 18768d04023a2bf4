/**
 * The preview page: every message drawn the way WhatsApp shows it, from its request body.
 * One self-contained HTML page (inline style and script, nothing fetched). Pure: bodies in,
 * text out. Texts near or over their limits are marked with their counts, from the one limits
 * table.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RequestBody } from '../emit/json.js';
import { LIMITS, type Limit } from '../limits.js';
import { length } from '../text.js';
import type { TemplateView } from '../message-templates/view.js';

export interface PreviewMessage {
  file: string;
  name: string;
  type: string;
  /** The body to draw (a message template's view); rendered with the data or with generated values. */
  body: RequestBody | TemplateView;
  /** Without data, the body with the longest values the declarations allow. */
  worst?: RequestBody | TemplateView;
  /** Where the values came from, said on the page. */
  values: 'fixed' | 'data' | 'generated';
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** WhatsApp's formatting: *bold*, _italic_, ~strike~, ```mono```, links and line breaks. */
export function formatText(text: string): string {
  let html = esc(text);
  html = html.replace(/```([\s\S]+?)```/g, '<code>$1</code>');
  html = html.replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=$|[\s).,!?:;])/g, '$1<strong>$2</strong>');
  html = html.replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s).,!?:;])/g, '$1<em>$2</em>');
  html = html.replace(/(^|[\s(])~(\S(?:[^~\n]*\S)?)~(?=$|[\s).,!?:;])/g, '$1<s>$2</s>');
  html = html.replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}" rel="noreferrer">${url}</a>`);
  return html.replace(/\r\n|\r|\n/g, '<br>');
}

/** A text with its count: marked when at 90% of its limit or over. */
function counted(text: string, limit: Limit | undefined, cls: string, formatted = false): string {
  const inner = formatted ? formatText(text) : esc(text);
  if (!limit?.max) return `<span class="${cls}">${inner}</span>`;
  const n = length(text);
  const state = n > limit.max ? 'over' : n >= limit.max * 0.9 ? 'near' : '';
  const badge = state ? `<span class="count ${state}" title="${esc(limit.label)}">${n}/${limit.max}</span>` : '';
  return `<span class="${cls}${state ? ` ${state}` : ''}" data-count="${n}/${limit.max}">${inner}</span>${badge}`;
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (typeof v === 'object' && v !== null ? (v as J) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function media(kind: string, m: J): string {
  const source = str(m['link']) || (str(m['id']) ? `media id ${str(m['id'])}` : '');
  const icon = kind === 'image' ? '🖼' : kind === 'video' ? '▶' : '📄';
  return `<div class="media ${kind}"><span class="icon">${icon}</span><span class="kind">${kind}</span><span class="source">${esc(source)}</span>${str(m['filename']) ? `<span class="filename">${esc(str(m['filename']))}</span>` : ''}</div>`;
}

function header(h: J, limit: Limit): string {
  const type = str(h['type']);
  if (type === 'text') return `<div class="header">${counted(str(h['text']), limit, 'header-text')}</div>`;
  return `<div class="header">${media(type, obj(h[type]))}</div>`;
}

function bubble(i: J, bodyLimit: Limit): string {
  const parts: string[] = [];
  if (i['header']) parts.push(header(obj(i['header']), LIMITS.headerText));
  if (i['body']) parts.push(`<div class="body">${counted(str(obj(i['body'])['text']), bodyLimit, 'body-text', true)}</div>`);
  if (i['footer']) parts.push(`<div class="footer">${counted(str(obj(i['footer'])['text']), LIMITS.footerText, 'footer-text')}</div>`);
  return `<div class="bubble">${parts.join('')}</div>`;
}

const action = (icon: string, text: string, limit: Limit | undefined, cls: string) => `<div class="action ${cls}"><span class="icon">${icon}</span>${counted(text, limit, 'action-text')}</div>`;

function interactive(i: J): string {
  const type = str(i['type']);
  const a = obj(i['action']);
  switch (type) {
    case 'button':
      return bubble(i, LIMITS.bodyText) + `<div class="replies">${list(a['buttons']).map((b) => `<div class="reply-button" data-id="${esc(str(obj(obj(b)['reply'])['id']))}">${counted(str(obj(obj(b)['reply'])['title']), LIMITS.buttonTitle, 'title')}</div>`).join('')}</div>`;
    case 'list': {
      const sections = list(a['sections']).map((s) => {
        const so = obj(s);
        const rows = list(so['rows']).map((r) => {
          const ro = obj(r);
          return `<div class="row" data-id="${esc(str(ro['id']))}">${counted(str(ro['title']), LIMITS.rowTitle, 'title')}${ro['description'] ? `<div class="description">${counted(str(ro['description']), LIMITS.rowDescription, 'description-text')}</div>` : ''}<span class="radio"></span></div>`;
        });
        return `<div class="section">${so['title'] ? `<div class="section-title">${counted(str(so['title']), LIMITS.sectionTitle, 'title')}</div>` : ''}${rows.join('')}</div>`;
      });
      return `${bubble(i, LIMITS.listBodyText)}${action('☰', str(a['button']), LIMITS.listButton, 'list-button')}<div class="sheet"><div class="sheet-title">${esc(str(a['button']))}</div>${sections.join('')}</div>`;
    }
    case 'cta_url': {
      const p = obj(a['parameters']);
      return bubble(i, LIMITS.bodyText) + action('↗', str(p['display_text']), LIMITS.ctaDisplayText, 'cta-button') + `<div class="url">${esc(str(p['url']))}</div>`;
    }
    case 'carousel': {
      const cards = list(a['cards']).map((c) => {
        const co = obj(c);
        const ca = obj(co['action']);
        const buttons = ca['buttons']
          ? list(ca['buttons']).map((b) => `<div class="quick-reply" data-id="${esc(str(obj(obj(b)['quick_reply'])['id']))}">${counted(str(obj(obj(b)['quick_reply'])['title']), LIMITS.cardQuickReplyTitle, 'title')}</div>`).join('')
          : action('↗', str(obj(ca['parameters'])['display_text']), LIMITS.ctaDisplayText, 'card-button');
        const h = obj(co['header']);
        return `<div class="card">${media(str(h['type']), obj(h[str(h['type'])]))}${co['body'] ? `<div class="card-body">${counted(str(obj(co['body'])['text']), LIMITS.cardBody, 'body-text', true)}</div>` : ''}${buttons}</div>`;
      });
      return `${bubble(i, LIMITS.bodyText)}<div class="cards">${cards.join('')}</div>`;
    }
    case 'location_request_message':
      return bubble(i, LIMITS.bodyText) + action('📍', 'Send location', undefined, 'location-button');
    case 'address_message':
      return bubble(i, LIMITS.bodyText) + action('🏠', 'Provide address', undefined, 'address-button');
    case 'flow':
      return bubble(i, LIMITS.bodyText) + action('▤', str(obj(a['parameters'])['flow_cta']), LIMITS.flowCta, 'flow-button');
    case 'product':
      // WhatsApp draws the product (photo, name, price) from the catalog: shown here by its retailer id.
      return `${product(str(a['product_retailer_id']), str(a['catalog_id']))}${i['body'] || i['footer'] ? bubble(i, LIMITS.bodyText) : ''}${action('🛒', 'View', undefined, 'product-button')}`;
    case 'product_list': {
      const sections = list(a['sections']).map((s) => {
        const so = obj(s);
        const items = list(so['product_items']).map((p) => `<div class="row product-row" data-id="${esc(str(obj(p)['product_retailer_id']))}"><span class="icon">🛍</span> <span class="product-id">${esc(str(obj(p)['product_retailer_id']))}</span></div>`);
        return `<div class="section">${so['title'] ? `<div class="section-title">${counted(str(so['title']), LIMITS.productSectionTitle, 'title')}</div>` : ''}${items.join('')}</div>`;
      });
      return `${bubble(i, LIMITS.bodyText)}${action('☰', 'View items', undefined, 'list-button')}<div class="sheet"><div class="sheet-title">${esc(str(obj(i['header'])['text']))}</div>${sections.join('')}</div>`;
    }
    case 'catalog_message': {
      const thumbnail = str(obj(a['parameters'])['thumbnail_product_retailer_id']);
      return `${thumbnail ? product(thumbnail, '') : ''}${bubble(i, LIMITS.bodyText)}${action('🛒', 'View catalog', undefined, 'catalog-button')}`;
    }
    case 'order_details':
      return bubble(i, LIMITS.bodyText) + orderSummary(obj(a['parameters'])) + action('💳', 'Review and pay', undefined, 'pay-button');
    case 'order_status': {
      const o = obj(obj(a['parameters'])['order']);
      const status = `<div class="order-status"><span class="status">${esc(str(o['status']).replaceAll('_', ' '))}</span>${o['description'] ? ` · ${counted(str(o['description']), LIMITS.orderStatusDescription, 'description-text')}` : ''}<div class="reference">${esc(str(obj(a['parameters'])['reference_id']))}</div></div>`;
      return bubble(i, LIMITS.bodyText) + status;
    }
    case 'voice_call':
      // Meta's default label is "Call Now".
      return bubble(i, LIMITS.bodyText) + action('📞', str(obj(a['parameters'])['display_text']) || 'Call Now', LIMITS.voiceCallDisplayText, 'call-button');
    case 'call_permission_request':
      return bubble(i, LIMITS.bodyText) + action('📞', 'Allow calls', undefined, 'call-permission-button') + action('', "Don't allow", undefined, 'call-permission-button');
    default:
      return bubble(i, LIMITS.bodyText);
  }
}

function product(retailerId: string, catalogId: string): string {
  return `<div class="media product"><span class="icon">🛍</span><span class="kind">product</span><span class="source">${esc(retailerId)}</span>${catalogId ? `<span class="filename">catalog ${esc(catalogId)}</span>` : ''}</div>`;
}

/** An amount `{ value, offset }` as the user reads it: 74850 / 100 in INR is ₹748.50. */
function amount(a: unknown, currency: string): string {
  const o = obj(a);
  const value = typeof o['value'] === 'number' ? o['value'] : 0;
  const offset = typeof o['offset'] === 'number' && o['offset'] > 0 ? o['offset'] : 1;
  const digits = Math.max(0, Math.round(Math.log10(offset)));
  return `${currency === 'INR' ? '₹' : `${esc(currency)} `}${(value / offset).toFixed(digits)}`;
}

/** The order of an order_details message: its items and amounts. */
function orderSummary(p: J): string {
  const currency = str(p['currency']);
  const o = obj(p['order']);
  const rows = list(o['items']).map((item) => {
    const it = obj(item);
    const price = it['sale_amount'] ? `<s>${amount(it['amount'], currency)}</s> ${amount(it['sale_amount'], currency)}` : amount(it['amount'], currency);
    return `<div class="order-item">${counted(str(it['name']), LIMITS.orderItemName, 'title')} × ${esc(String(it['quantity'] ?? ''))}<span class="price">${price}</span></div>`;
  });
  const line = (label: string, key: string, sign = '') => (o[key] ? `<div class="order-line">${label}<span class="price">${sign}${amount(o[key], currency)}</span></div>` : '');
  return `<div class="order">${rows.join('')}${line('Subtotal', 'subtotal')}${line('Tax', 'tax')}${line('Shipping', 'shipping')}${line('Discount', 'discount', '− ')}<div class="order-line total">Total<span class="price">${amount(p['total_amount'], currency)}</span></div><div class="reference">${esc(str(p['reference_id']))}</div></div>`;
}

const BUTTON_ICONS: Record<string, string> = { quick_reply: '↩', url: '↗', phone: '📞', copy_code: '⧉', flow: '▤', voice_call: '📞', otp: '⧉' };

/** A message template, drawn from its view: header, offer, body, footer, buttons, cards. */
function template(v: TemplateView): string {
  const parts: string[] = [];
  const h = v.header;
  if (h?.kind === 'text') parts.push(`<div class="header">${counted(h.text, LIMITS.tplHeaderText, 'header-text')}</div>`);
  else if (h?.kind === 'location') parts.push(`<div class="header"><div class="media location"><span class="icon">📍</span><span class="kind">location</span></div></div>`);
  else if (h) parts.push(`<div class="header">${media(h.kind, { link: h.source })}</div>`);
  if (v.offer) parts.push(`<div class="offer"><span class="icon">🏷</span>${counted(v.offer.text, LIMITS.tplOfferText, 'offer-text')}${v.offer.expires ? '<span class="expiry">Ends in …</span>' : ''}</div>`);
  parts.push(`<div class="body">${counted(v.body, v.offer ? LIMITS.tplOfferBody : LIMITS.tplBody, 'body-text', true)}</div>`);
  if (v.footer !== undefined) parts.push(`<div class="footer">${counted(v.footer, LIMITS.tplFooter, 'footer-text')}</div>`);
  const buttons = (list: TemplateView['buttons']) =>
    list.map((b) => `<div class="action template-button ${b.kind}"${b.id ? ` data-id="${esc(b.id)}"` : ''}><span class="icon">${BUTTON_ICONS[b.kind] ?? ''}</span>${counted(b.text, b.kind === 'copy_code' ? undefined : LIMITS.tplButtonLabel, 'action-text')}</div>`).join('');
  // WhatsApp shows at most three buttons; the rest behind "See all options".
  const shown = v.buttons.length > 3 ? [...v.buttons.slice(0, 2), { kind: 'more', text: 'See all options' }] : v.buttons;
  const cards = v.cards.map((c) => `<div class="card">${media(c.kind, { link: c.source })}${c.body !== undefined ? `<div class="card-body">${counted(c.body, LIMITS.tplCardBody, 'body-text', true)}</div>` : ''}${buttons(c.buttons)}</div>`);
  return `<div class="bubble template">${parts.join('')}</div>${buttons(shown)}${cards.length > 0 ? `<div class="cards">${cards.join('')}</div>` : ''}`;
}

/** A request body or a template view, drawn. */
function draw(b: RequestBody | TemplateView): string {
  return 'interactive' in b ? interactive(obj(b.interactive)) : template(b);
}

const STYLE = `
:root { --chat: #efeae2; --bubble: #fff; --green: #008069; --text: #111b21; --muted: #667781; --near: #b7791f; --over: #d93025; }
* { box-sizing: border-box; }
body { margin: 0; font: 14.2px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--text); background: #d1d7db; }
header.page { position: sticky; top: 0; z-index: 2; display: flex; gap: 16px; align-items: center; padding: 10px 20px; background: var(--green); color: #fff; }
header.page h1 { font-size: 16px; margin: 0; font-weight: 600; }
header.page label { margin-left: auto; font-size: 13px; cursor: pointer; }
main { display: flex; flex-wrap: wrap; gap: 20px; padding: 20px; align-items: flex-start; }
.message { width: 360px; background: var(--chat); border-radius: 12px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.message > h2 { margin: 0; padding: 8px 12px; font-size: 13px; background: #f0f2f5; font-weight: 600; }
.message > h2 small { display: block; font-weight: 400; color: var(--muted); }
.chat { padding: 12px 10px 16px; }
.bubble { background: var(--bubble); border-radius: 0 8px 8px 8px; padding: 6px 8px 8px; box-shadow: 0 1px .5px rgba(11,20,26,.13); max-width: 100%; overflow-wrap: anywhere; }
.header { font-weight: 700; margin-bottom: 4px; }
.footer { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
.media { display: flex; flex-direction: column; gap: 2px; background: #dfe5e7; border-radius: 6px; padding: 18px 10px; text-align: center; color: #3b4a54; font-weight: 400; font-size: 12px; }
.media .icon { font-size: 28px; } .media .source { overflow-wrap: anywhere; color: var(--muted); }
.replies, .action { margin-top: 2px; }
.reply-button, .action, .quick-reply { display: flex; gap: 6px; justify-content: center; align-items: center; background: var(--bubble); color: #027eb5; border-radius: 8px; padding: 9px 8px; margin-top: 2px; font-weight: 500; box-shadow: 0 1px .5px rgba(11,20,26,.13); text-align: center; overflow-wrap: anywhere; }
.url { font-size: 11px; color: var(--muted); padding: 2px 6px; overflow-wrap: anywhere; }
.sheet { margin-top: 10px; background: #fff; border-radius: 12px 12px 0 0; padding: 8px 0; box-shadow: 0 -1px 3px rgba(0,0,0,.15); }
.sheet-title { text-align: center; font-weight: 600; padding: 4px 0 8px; border-bottom: 1px solid #e9edef; }
.section-title { color: var(--green); font-size: 13px; padding: 10px 16px 4px; }
.row { position: relative; padding: 8px 44px 8px 16px; border-bottom: 1px solid #f0f2f5; }
.row .description { color: var(--muted); font-size: 12.5px; }
.row .radio { position: absolute; right: 16px; top: 50%; width: 18px; height: 18px; margin-top: -9px; border: 2px solid #8696a0; border-radius: 50%; }
.cards { display: flex; gap: 8px; overflow-x: auto; padding: 8px 0 4px; }
.card { flex: 0 0 240px; background: #fff; border-radius: 8px; padding: 6px; box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.card-body { padding: 6px 2px; overflow-wrap: anywhere; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.near { background: #fff3d6; } .over { background: #fde2df; text-decoration: underline wavy var(--over); }
.count { display: inline-block; margin-left: 4px; padding: 0 4px; border-radius: 6px; font-size: 11px; font-weight: 600; color: #fff; text-decoration: none; }
.count.near { background: var(--near); } .count.over { background: var(--over); }
.offer { display: flex; gap: 6px; align-items: center; background: #f0f2f5; border-radius: 6px; padding: 6px 8px; margin: 4px 0; font-weight: 600; }
.offer .expiry { margin-left: auto; font-weight: 400; color: var(--muted); font-size: 12px; }
.order, .order-status { background: #fff; border-radius: 8px; padding: 6px 10px; margin-top: 2px; box-shadow: 0 1px .5px rgba(11,20,26,.13); }
.order-item, .order-line { display: flex; gap: 6px; padding: 2px 0; } .order .price { margin-left: auto; white-space: nowrap; }
.order-line.total { font-weight: 700; border-top: 1px solid #e9edef; margin-top: 4px; padding-top: 4px; }
.order-status .status { font-weight: 600; } .reference { color: var(--muted); font-size: 11px; }
.values { font-size: 11px; color: var(--muted); padding: 0 12px 8px; }
.diagnostics { width: 100%; background: #fff; border-radius: 8px; padding: 8px 16px; white-space: pre-wrap; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; color: var(--over); }
body:not(.worst) .variant-worst, body.worst .variant-typical.has-worst { display: none; }
`;

/** The whole page. `diagnostics` are shown above the messages (the live server uses it). */
export function previewPage(messages: readonly PreviewMessage[], diagnostics: readonly Diagnostic[] = [], options: { reload?: boolean } = {}): string {
  const sections = messages.map((m) => {
    const variants = [`<div class="chat variant-typical${m.worst ? ' has-worst' : ''}">${draw(m.body)}</div>`];
    if (m.worst) variants.push(`<div class="chat variant-worst">${draw(m.worst)}</div>`);
    const note = m.values === 'data' ? 'values from the data file' : m.values === 'generated' ? ('interactive' in m.body ? 'values generated from the params' : "the params' examples") + ' (toggle the longest allowed above)' : '';
    return `<section class="message" data-message="${esc(m.name)}" data-type="${esc(m.type)}"><h2>${esc(m.name)}<small>${esc(m.file)} · ${esc(m.type)}</small></h2>${variants.join('')}${note ? `<div class="values">${note}</div>` : ''}</section>`;
  });
  const problems = diagnostics.length > 0 ? `<pre class="diagnostics">${diagnostics.map((d) => esc(`${d.file}: ${d.severity} ${d.code}: ${d.message}`)).join('\n')}</pre>` : '';
  const reload = options.reload ? `<script>new EventSource('/events').onmessage = () => location.reload();</script>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>waml preview</title><style>${STYLE}</style></head>
<body><header class="page"><h1>waml preview · ${messages.length} message${messages.length === 1 ? '' : 's'}</h1><label><input type="checkbox" id="worst"> longest values allowed</label></header>
<main>${problems}${sections.join('\n')}</main>
<script>document.getElementById('worst').addEventListener('change', (e) => document.body.classList.toggle('worst', e.target.checked));</script>${reload}
</body></html>
`;
}
