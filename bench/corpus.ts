// A generated corpus for the benchmarks: varied `.wa.yaml` files of about 40 lines, of every
// interactive message type and message templates (`type: template`), about a third of them
// with params, all valid, plus one data file that gives every such file its params.
// Deterministic: file i is always the same text.

export const CORPUS_DATA = JSON.stringify({
  name: 'Asha',
  vip: true,
  order_id: 'GT-20418',
  eta_days: 3,
  products: [
    { sku: 'ECH-BLUE', name: 'Blue Echeveria', price: 349 },
    { sku: 'HAW-ZEBRA', name: 'Zebra Haworthia', price: 299 },
    { sku: 'SEN-PEARLS', name: 'String of Pearls', price: 449.5 },
  ],
});

/** The params each templated kind uses. */
const PARAMS: Record<string, string> = {
  button: `params:
  name: { type: string, minLength: 1, maxLength: 20 }
  vip: boolean
`,
  list: `params:
  products:
    type: array
    minItems: 1
    maxItems: 6
    items:
      sku: { type: string, pattern: "^[A-Z0-9-]{3,16}$" }
      name: { type: string, minLength: 1, maxLength: 40 }
      price: { type: number, minimum: 0, maximum: 99999 }
`,
  cta: `params:
  order_id: { type: string, pattern: "^[A-Z0-9-]{4,12}$" }
  eta_days: { type: integer, minimum: 1, maximum: 14 }
`,
  template: `params:
  name: { type: string, minLength: 1, maxLength: 20, example: Asha }
  order_id: { type: string, pattern: "^[A-Z0-9-]{4,12}$", example: GT-20418 }
`,
};

function button(i: number, t: boolean): string {
  return `  menu_${i}:
    type: button
    header: ${t ? '"Hi {{ name }}, pick one"' : `Menu number ${i}`}
    body: |-
      Thanks for writing to us (${i}). How can we help you today?
      Pick one of the options below and we will get back to you.
    footer: Replies within 5 minutes
    buttons:
      - { id: track_${i}, title: Track my order }
      - { id: returns_${i}, title: Returns & refunds }
      - { id: agent_${i}, title: Talk to a person${t ? ', when: vip' : ''} }
`;
}

function list(i: number, t: boolean): string {
  const rows = t
    ? `          - each: products
            as: p
            id: "sku:{{ p.sku }}"
            title: "{{ p.name | truncate(24) }}"
            description: "₹{{ p.price | number(2) }} · free delivery"`
    : `          - { id: a_${i}, title: Succulents, description: Hardy and easy to keep }
          - { id: b_${i}, title: Ferns, description: For shady corners }
          - { id: c_${i}, title: Orchids, description: Showy flowers for months }`;
  return `  list_${i}:
    type: list
    header: Today's picks
    body: Tap a plant to see photos, care tips and delivery dates.
    footer: Free delivery over ₹999
    button: See plants
    sections:
      - title: In stock
        rows:
${rows}
      - title: More
        rows:
          - { id: all_${i}, title: See all products }
          - { id: help_${i}, title: Ask a gardener, description: Free advice from our team }
`;
}

function cta(i: number, t: boolean): string {
  return `  track_${i}:
    type: cta_url
    header:
      image: https://cdn.example.com/banners/${i}.png
    body: ${t ? '"Order {{ order_id }} arrives in {{ eta_days }} days. Follow it live."' : 'Your plants are on their way! Follow the delivery live.'}
    footer: Updates every hour
    button:
      text: Track order
      url: ${t ? '"https://shop.example.com/track/{{ order_id }}"' : `https://shop.example.com/track/${i}`}
`;
}

function carousel(i: number): string {
  return `  cards_${i}:
    type: carousel
    body: Fresh in this week. Swipe to see them all.
    cards:
      - image: https://cdn.example.com/p/${i}-a.jpg
        body: "*Blue Echeveria*\\nA rosette-shaped succulent."
        button: { text: Buy now, url: "https://shop.example.com/p/${i}-a" }
      - image: https://cdn.example.com/p/${i}-b.jpg
        body: "*Zebra Haworthia*\\nWhite stripes on green."
        button: { text: Buy now, url: "https://shop.example.com/p/${i}-b" }
      - video: { id: "11667902983${i}" }
        body: "*String of Pearls*"
        button: { text: Buy now, url: "https://shop.example.com/p/${i}-c" }
`;
}

function flow(i: number): string {
  return `  book_${i}:
    type: flow
    header: Book a consultation
    body: Tell us when suits you and a gardener will visit.
    footer: Takes under a minute
    flow:
      id: "123456789${i}"
      cta: Book a visit
      token: consult-${i}
      mode: published
      action: navigate
      screen: CHOOSE_DATE
      data:
        service: consultation
        duration_minutes: 45
`;
}

function address(i: number): string {
  return `  address_${i}:
    type: address_message
    body: Thanks for your order! Where should we deliver it?
    footer: We deliver within city limits only
    address:
      country: IN
      values:
        name: Customer ${i}
        city: Bengaluru
        in_pin_code: "560001"
`;
}

function location(i: number): string {
  return `  pickup_${i}:
    type: location_request_message
    body: Where should our driver pick up parcel ${i}? *Share your location.*
`;
}

/**
 * A message template: a utility one (an order update with quick replies; with params when
 * `t`) or, for even `i`, a marketing one with an image header, a link and a phone number.
 */
function template(i: number, t: boolean): string {
  if (!t && i % 2 === 0) {
    return `  sale_${i}:
    type: template
    category: marketing
    language: en_US
    header: { image: "https://cdn.example.com/banners/${i}.png" }
    body: Rare succulents are back in stock this week. Tap below to see them before they sell out.
    footer: Reply STOP to opt out
    buttons:
      - url: { text: Shop now, url: "https://shop.example.com/sale/${i}" }
      - phone: { text: Call the shop, phone: "+15551234567" }
`;
  }
  return `  order_${i}:
    type: template
    category: utility
    language: en_US
    header: ${t ? '"Order {{ order_id }} has shipped"' : 'Your order has shipped'}
    body: ${t ? '"Hi {{ name }}, your plants left our nursery today and arrive in 3 days."' : `"Your plants (order ${i}) left our nursery today and arrive in 3 days."`}
    footer: Reply STOP to opt out
    buttons:
      - quick_reply: { id: track_${i}, title: Track order }
      - quick_reply: { id: talk_${i}, title: Talk to us }
`;
}

const INTERACTIVE = [button, list, cta, carousel, flow, address, location];
/** Every kind, interactive and template; eight, so that every third file (the ones with params) meets each kind in turn. */
const ALL = [...INTERACTIVE, template];

/** File `i` of the corpus: two messages; of interactive types only, or templates only, when asked. */
export function corpusFile(i: number, only?: 'interactive' | 'templates'): { path: string; text: string } {
  const kinds = only === 'interactive' ? INTERACTIVE : only === 'templates' ? [template] : ALL;
  const a = kinds[i % kinds.length]!;
  const b = kinds[(i + 3) % kinds.length]!;
  // About a third of the files are templated: their first message uses its params.
  const params = i % 3 === 0 ? PARAMS[a.name] : undefined;
  const header = `# Corpus file ${i}: generated for the benchmarks.\n`;
  const body = `${params ?? ''}messages:\n${a(i, params !== undefined)}${b(i + 100_000, false)}`;
  return { path: `corpus/f${String(i).padStart(5, '0')}.wa.yaml`, text: header + body };
}

export function corpus(n: number, only?: 'interactive' | 'templates'): { path: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => corpusFile(i, only));
}

/** The languages of the languages corpus, default first, and each one's word for "order". */
const LANGUAGES: [code: string, order: string][] = [
  ['en_US', 'Order'],
  ['de', 'Bestellung'],
  ['es', 'Pedido'],
];

/**
 * File `i` of the languages corpus: a menu, a list and a template (one with params), each
 * text written once per language (`languages: [en_US, de, es]`), or, with `one`, the same
 * file in its default language only (no `languages:`, plain texts): the baseline that the
 * cost per text of languages is measured against.
 */
export function languagesFile(i: number, one = false): { path: string; text: string; texts: number } {
  const langs = one ? LANGUAGES.slice(0, 1) : LANGUAGES;
  let texts = 0;
  // A text in every language: a plain text when there is one language, a mapping otherwise.
  const text = (indent: string, make: (code: string, order: string) => string): string => {
    texts += langs.length;
    return one ? ` ${make(...LANGUAGES[0]!)}` : `\n${langs.map(([code, order]) => `${indent}${code}: ${make(code, order)}`).join('\n')}`;
  };
  const header = `# Languages corpus file ${i}: generated for the benchmarks.\n${one ? '' : `languages: [${langs.map(([c]) => c).join(', ')}]\n`}`;
  const source = `${header}params:
  name: { type: string, minLength: 1, maxLength: 20, example: Asha }
messages:
  menu_${i}:
    type: button
    header:
      text:${text('        ', (c, o) => `"${o} ${i} (${c})"`)}
    body:${text('      ', (c) => `"Hi {{ name }}! How can we help with your plants today? (${c}, ${i})"`)}
    footer:${text('      ', (c) => `Replies within 5 minutes (${c})`)}
    buttons:
      - id: track_${i}
        title:${text('          ', (_, o) => `Track ${o}`.slice(0, 20))}
      - id: talk_${i}
        title:${text('          ', (c) => `Talk to us (${c})`)}
  list_${i}:
    type: list
    body:${text('      ', (c) => `Tap a plant to see photos and care tips (${c}).`)}
    button:${text('      ', (c) => `See plants ${c}`)}
    sections:
      - title:${text('          ', (c) => `In stock ${c}`)}
        rows:
          - id: a_${i}
            title:${text('              ', (c) => `Succulents ${c}`)}
            description:${text('              ', (c) => `Hardy and easy to keep (${c})`)}
          - id: b_${i}
            title:${text('              ', (c) => `Ferns ${c}`)}
  update_${i}:
    type: template
    category: utility
${one ? '    language: en_US\n' : ''}    body:${text('      ', (c, o) => `"Hi {{ name }}, ${o.toLowerCase()} ${i} left our nursery today (${c})."`)}
    footer:${text('      ', (c) => `Reply STOP to opt out (${c})`)}
    buttons:
      - quick_reply:
          id: track_${i}
          title:${text('            ', (_, o) => `Track ${o}`.slice(0, 20))}
`;
  return { path: `languages/l${String(i).padStart(5, '0')}.wa.yaml`, text: source, texts };
}
