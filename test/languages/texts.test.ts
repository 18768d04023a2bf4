import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, languageTexts, type LanguageText } from '../../compiler/index.js';
import { dedent } from '../harness.js';

const FILE = 'menu.wa.yaml';

function texts(yaml: string): { text: string; result: ReturnType<typeof languageTexts> } {
  const text = dedent(yaml);
  return { text, result: languageTexts(compile([{ path: FILE, text }])) };
}

/** The source characters a span covers: the whole scalar, quotes included. */
const at = (text: string, t: LanguageText) => (t.span ? text.slice(t.span.start, t.span.end) : null);

const MENU = `
  languages: [en_US, de, es]
  params:
    name: { type: string, maxLength: 10 }
  messages:
    help_menu:
      type: button
      body:
        en_US: "Hi {{ name }}, how can we help?"
        de: "Hallo {{ name }}, wie können wir helfen?"
        es: "Hola {{ name }}, ¿cómo podemos ayudarte?"
      buttons:
        - id: track_order
          title: { en_US: Track order, de: Bestellung nachverfolgen, es: Seguir pedido }
        - id: talk
          title: Agent
`;

test('every text of every language, with its span, limit and bounds', () => {
  const { text, result } = texts(MENU);
  assert.equal(result.messages, [{ file: FILE, message: 'help_menu', languages: ['en_US', 'de', 'es'] }]);
  const rows = result.texts.map((t) => [t.language, t.field, t.text, at(text, t), t.shared, t.maxLength, t.length.min, t.length.max]);
  assert.equal(rows, [
    ['en_US', 'body', 'Hi {{ name }}, how can we help?', '"Hi {{ name }}, how can we help?"', false, 1024, 21, 31],
    ['en_US', 'buttons.0.title', 'Track order', 'Track order', false, 20, 11, 11],
    ['en_US', 'buttons.1.title', 'Agent', 'Agent', true, 20, 5, 5],
    ['de', 'body', 'Hallo {{ name }}, wie können wir helfen?', '"Hallo {{ name }}, wie können wir helfen?"', false, 1024, 30, 40],
    ['de', 'buttons.0.title', 'Bestellung nachverfolgen', 'Bestellung nachverfolgen', false, 20, 24, 24],
    ['de', 'buttons.1.title', 'Agent', 'Agent', true, 20, 5, 5],
    ['es', 'body', 'Hola {{ name }}, ¿cómo podemos ayudarte?', '"Hola {{ name }}, ¿cómo podemos ayudarte?"', false, 1024, 30, 40],
    ['es', 'buttons.0.title', 'Seguir pedido', 'Seguir pedido', false, 20, 13, 13],
    ['es', 'buttons.1.title', 'Agent', 'Agent', true, 20, 5, 5],
  ]);
  // The mapping a translated text stands in, for where a missing language would go.
  const title = result.texts.find((t) => t.field === 'buttons.0.title')!;
  assert.ok(text.slice(title.mapSpan!.start, title.mapSpan!.end).startsWith('{ en_US: Track order'));
  assert.is(result.texts.find((t) => t.shared)!.mapSpan, null);
});

test('a source with errors still lists its texts: the German title over its limit is WA301 there', () => {
  const text = dedent(MENU);
  const result = compile([{ path: FILE, text }]);
  assert.equal(result.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.message.endsWith('(de)')]), [['WA301', 'Bestellung nachverfolgen', true]]);
  assert.is(languageTexts(result).texts.length, 9);
});

test('a language the mapping misses is listed with no text and no span', () => {
  const { result } = texts(`
    languages: [en_US, de]
    messages:
      m:
        type: location_request_message
        body: { en_US: Share your location }
  `);
  assert.equal(
    result.texts.map((t) => [t.language, t.text, t.span === null, t.shared]),
    [
      ['en_US', 'Share your location', false, false],
      ['de', null, true, false],
    ],
  );
});

test('ids, URLs and names are not texts to translate; fields are source paths', () => {
  const { result } = texts(`
    languages: [en, fr]
    messages:
      pick:
        type: list
        header: { text: { en: Plants, fr: Plantes } }
        body: Choose
        button: { en: Open, fr: Ouvrir }
        sections:
          - title: { en: Indoor, fr: Intérieur }
            rows:
              - { id: fern, title: Fern, description: { en: Easy care, fr: Facile } }
      go:
        type: cta_url
        body: { en: See, fr: Voir }
        button: { text: { en: Open, fr: Ouvrir }, url: "https://example.com" }
  `);
  const fields = (m: string) => [...new Set(result.texts.filter((t) => t.message === m).map((t) => t.field))];
  assert.equal(fields('pick'), ['header.text', 'body', 'button', 'sections.0.title', 'sections.0.rows.0.title', 'sections.0.rows.0.description']);
  assert.equal(fields('go'), ['body', 'button.text']);
  assert.equal(result.texts.find((t) => t.field === 'button' && t.language === 'fr')!.maxLength, 20);
});

test('a file without languages has no language texts', () => {
  const { result } = texts(`
    messages:
      m: { type: location_request_message, body: Share your location }
  `);
  assert.equal(result, { messages: [], texts: [] });
});

test('message templates: each template language, its body measured against the template limit', () => {
  const { result } = texts(`
    messages:
      order_update:
        type: template
        category: utility
        languages: [en_US, de]
        body: { en_US: Your order has shipped., de: Ihre Bestellung ist unterwegs. }
  `);
  assert.equal(result.messages, [{ file: FILE, message: 'order_update', languages: ['en_US', 'de'] }]);
  assert.equal(result.texts.map((t) => [t.language, t.field, t.maxLength]), [
    ['en_US', 'body', 1024],
    ['de', 'body', 1024],
  ]);
});

test.run();
