import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import { printJson } from '../../compiler/emit/json.js';
import { evaluate } from '../../compiler/plan/evaluate.js';
import { planMessage, withLanguages } from '../../compiler/plan/plan.js';
import { loadModule } from '../fuzz.js';
import { dedent } from '../harness.js';

const MENU = dedent(`
  languages: [en_US, de, es]
  messages:
    help_menu:
      type: button
      body: { en_US: How can we help?, de: Wie können wir helfen?, es: ¿Cómo podemos ayudarte? }
      buttons:
        - { id: track, title: { en_US: Track order, de: Sendung verfolgen, es: Seguir pedido } }
        - { id: agent, title: Agent }
    pickup:
      type: location_request_message
      languages: [en_US]
      body: Share your location
`);
const SINGLE = dedent(`
  messages:
    pickup:
      type: location_request_message
      body: Share your location
`);
const TEMPLATE = dedent(`
  params:
    name: { type: string, maxLength: 20, example: Asha }
  messages:
    order_update:
      type: template
      category: utility
      languages: [en_US, de]
      body: { en_US: "Hi {{ name }}, your order has shipped.", de: "Hallo {{ name }}, Ihre Bestellung ist unterwegs." }
      buttons:
        - quick_reply: { id: track, title: { en_US: Track, de: Verfolgen } }
`);

const paths = (r: ReturnType<typeof compile>) => r.outputs.map((o) => o.path).sort();
const body = (r: ReturnType<typeof compile>, path: string) => JSON.parse(r.outputs.find((o) => o.path === path)!.text);

test('a message with languages: writes one body per language; a file without keeps its names', () => {
  const r = compile([
    { path: 'menu.wa.yaml', text: MENU },
    { path: 'single.wa.yaml', text: SINGLE },
  ]);
  assert.equal(r.diagnostics, []);
  assert.equal(paths(r), ['menu.help_menu.de.json', 'menu.help_menu.en_US.json', 'menu.help_menu.es.json', 'menu.pickup.en_US.json', 'single.pickup.json']);
  assert.is(body(r, 'menu.help_menu.de.json').interactive.body.text, 'Wie können wir helfen?');
  assert.is(body(r, 'menu.help_menu.es.json').interactive.action.buttons[0].reply.title, 'Seguir pedido');
  // Ids and plain texts are the same in every language.
  for (const l of ['en_US', 'de', 'es']) assert.equal(body(r, `menu.help_menu.${l}.json`).interactive.action.buttons.map((b: { reply: { id: string } }) => b.reply.id), ['track', 'agent']);
  assert.equal(r.messages.map((m) => `${m.name}:${m.language ?? '-'}`), ['help_menu:en_US', 'help_menu:de', 'help_menu:es', 'pickup:en_US', 'pickup:-']);
});

test('the languages option builds some languages; messages without languages: build as always', () => {
  const r = compile([{ path: 'menu.wa.yaml', text: MENU }, { path: 'single.wa.yaml', text: SINGLE }], { languages: ['de'] });
  assert.equal(r.diagnostics, []);
  assert.equal(paths(r), ['menu.help_menu.de.json', 'single.pickup.json']);
  assert.equal(r.languageCodes, ['de', 'en_US', 'es']);
});

test('only the chosen languages are checked: the German mistake is not found when building Spanish', () => {
  const text = MENU.replace('Sendung verfolgen', 'Bestellung nachverfolgen');
  assert.equal(compile([{ path: 'menu.wa.yaml', text }]).diagnostics.map((d) => d.code), ['WA301']);
  const es = compile([{ path: 'menu.wa.yaml', text }], { languages: ['es'] });
  assert.equal(es.diagnostics, []);
  assert.equal(paths(es), ['menu.help_menu.es.json']);
});

test('--data renders every language, each checked again with the values', () => {
  const text = dedent(`
    languages: [en_US, de]
    params:
      name: { type: string, maxLength: 10 }
    messages:
      m:
        type: button
        body: Hi
        buttons:
          - { id: a, title: { en_US: "Hi {{ name }}", de: "Hallo {{ name }}, hallo" } }
  `);
  const short = compile([{ path: 'n.wa.yaml', text }], { data: { path: 'data.json', text: '{"name":"Jo"}' } });
  assert.equal(paths(short), ['n.m.de.json', 'n.m.en_US.json']);
  assert.is(body(short, 'n.m.de.json').interactive.action.buttons[0].reply.title, 'Hallo Jo, hallo');
  const long = compile([{ path: 'n.wa.yaml', text }], { data: { path: 'data.json', text: '{"name":"Alexandra"}' } });
  const errors = long.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.message.includes('(rendered with data.json)') && d.message.endsWith('(de)')]), [['WA301', '"Hallo {{ name }}, hallo"', true]]);
});

test('message templates: a creation body and a send body per language', () => {
  const r = compile([{ path: 'tpl.wa.yaml', text: TEMPLATE }], { data: { path: 'data.json', text: '{"name":"Asha"}' } });
  assert.equal(r.diagnostics, []);
  assert.equal(paths(r), ['tpl.order_update.de.json', 'tpl.order_update.de.template.json', 'tpl.order_update.en_US.json', 'tpl.order_update.en_US.template.json']);
  const de = body(r, 'tpl.order_update.de.template.json');
  assert.is(de.language, 'de');
  assert.is(de.components[0].text, 'Hallo {{name}}, Ihre Bestellung ist unterwegs.');
  assert.is(de.components[1].buttons[0].text, 'Verfolgen');
  assert.is(body(r, 'tpl.order_update.de.json').template.language.code, 'de');
  assert.equal(r.templates.map((t) => [t.language, t.languages]), [
    ['en_US', ['en_US', 'de']],
    ['de', ['en_US', 'de']],
  ]);
});

test('senders: build(to, params, { language }) gives the JSON output of each language; the default without', () => {
  for (const [path, text, data] of [
    ['menu.wa.yaml', MENU, '{}'],
    ['tpl.wa.yaml', TEMPLATE, '{"name":"Asha"}'],
  ] as const) {
    const r = compile([{ path, text }], { emit: ['json', 'ts'], data: { path: 'data.json', text: data } });
    const module = loadModule(r.outputs.find((o) => o.path.endsWith('.wa.ts'))!.text);
    for (const [name, sender] of Object.entries(module.senders)) {
      const s = sender as unknown as { languages?: string[]; build: (to: undefined, p: unknown, o?: { language: string }) => unknown };
      const languages = s.languages;
      if (!languages) continue;
      for (const language of languages) {
        const json = r.outputs.find((o) => o.message === name && o.path.endsWith(`.${language}.json`) && !o.path.endsWith('.template.json'))!;
        assert.is(printJson(s.build(undefined, JSON.parse(data), { language })), json.text, `${name} ${language}`);
      }
      const first = r.outputs.find((o) => o.message === name && o.path.endsWith(`.${languages[0]}.json`) && !o.path.endsWith('.template.json'))!;
      assert.is(printJson(s.build(undefined, JSON.parse(data))), first.text, `${name}: the default language`);
      assert.throws(() => s.build(undefined, JSON.parse(data), { language: 'fr' }), /no such language "fr"; it has/);
    }
  }
});

test('the language sits beside the send options in one options object', () => {
  const r = compile([{ path: 'menu.wa.yaml', text: MENU }], { emit: ['ts'] });
  const sender = loadModule(r.outputs.find((o) => o.path.endsWith('.wa.ts'))!.text).senders['help_menu'] as unknown as {
    build: (to: string | undefined, p: unknown, o?: { language?: string; replyTo?: string; callbackData?: string }) => { context?: { message_id: string }; biz_opaque_callback_data?: string; interactive: { body: { text: string } } };
  };
  const body = sender.build('15551234567', {}, { language: 'de', replyTo: 'wamid.ABC', callbackData: 'order-7' });
  assert.is(body.interactive.body.text, 'Wie können wir helfen?');
  assert.equal(body.context, { message_id: 'wamid.ABC' });
  assert.is(body.biz_opaque_callback_data, 'order-7');
  const plain = sender.build(undefined, {}, { replyTo: 'wamid.ABC' });
  assert.is(plain.interactive.body.text, 'How can we help?');
});

test('the body plan carries every language: evaluate() builds each from the one plan', () => {
  // Two plans, one per language, joined: the default is the plan's own interactive.
  const m = { file: 'p', name: 'm', nameSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 }, params: {}, scope: {}, type: 'location_request_message' as const };
  const en = planMessage({ ...m, body: textOf('Share your location') }, []);
  const fr = planMessage({ ...m, body: textOf('Partagez votre position') }, []);
  const plan = withLanguages([
    { language: 'en', plan: en },
    { language: 'fr', plan: fr },
  ]);
  const text2 = (language?: string) => {
    const out = evaluate(plan, {}, language === undefined ? {} : { language });
    return 'body' in out ? (out.body.interactive as { body: { text: string } }).body.text : out.failure.problem;
  };
  assert.is(text2(), 'Share your location');
  assert.is(text2('fr'), 'Partagez votre position');
  assert.throws(() => text2('de'), /has no language de/);
});

function textOf(value: string) {
  const scalar = { kind: 'scalar' as const, value, source: value, span: { start: 0, end: value.length }, node: {} as never };
  return { value, span: scalar.span, parts: [{ kind: 'literal' as const, value, start: 0, end: value.length }], templated: false, scalar, fileText: value };
}

test.run();
