import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WamlLimitError, type InboundMessage } from '../../runtime/index.js';
import { parameterProblem } from '../../runtime/message-template.js';
import { compile } from '../../compiler/index.js';
import { FILE, unmark, dedent } from '../harness.js';
import { SourceMap, toJson } from '../../compiler/diagnostics/render.js';
import { loginCode, newSucculents, orderShipped, springSale } from '../golden/ts/templates.wa.js';

const ROOT = join(import.meta.dirname, '../..');
const DATA = JSON.parse(readFileSync(join(ROOT, 'examples/data.json'), 'utf8')) as { first_name: string; order_id: string; coupon: string; offer_ends: number; banner: string; code: string };
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden/examples', name), 'utf8');
const printed = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

test('generated senders build exactly the send bodies waml build writes', () => {
  assert.is(printed(orderShipped.build(undefined, DATA)), golden('templates.order_shipped.json'));
  assert.is(printed(springSale.build(undefined, DATA)), golden('templates.spring_sale.json'));
  assert.is(printed(newSucculents.build(undefined, DATA)), golden('templates.new_succulents.json'));
  assert.is(printed(loginCode.build(undefined, DATA)), golden('templates.login_code.json'));
});

test('132018: a line break, a tab or five spaces in a text parameter throw before sending; four spaces do not', () => {
  for (const bad of ['Asha\nRao', 'Asha\tRao', 'Asha     Rao']) {
    try {
      orderShipped.build(undefined, { first_name: bad, order_id: 'GT-1' });
      assert.unreachable(`${JSON.stringify(bad)} was accepted`);
    } catch (e) {
      // The golden module imports the built runtime, whose class is another object than the source's.
      assert.is((e as Error).name, WamlLimitError.name);
      assert.is((e as WamlLimitError).field, 'body.parameters[0].text');
      assert.equal((e as WamlLimitError).source, { file: 'examples/templates.wa.yaml', line: 20, column: 15 });
    }
  }
  assert.is(orderShipped.build(undefined, { first_name: 'Asha    Rao', order_id: 'GT-1' }).template.components?.[1]?.['parameters'] !== undefined, true);
  assert.is(parameterProblem(''), 'is empty');
  assert.is(parameterProblem('a\r'), 'has a line break');
  assert.is(parameterProblem('ok'), undefined);
});

test('a template quick-reply tap is a `button` message whose payload is the id', () => {
  const tap = { from: '1', id: 'wamid.1', timestamp: '1', type: 'button', button: { payload: 'track', text: 'Track order' } } as unknown as InboundMessage;
  assert.equal(orderShipped.parseReply(tap), { kind: 'button', id: 'track', title: 'Track order', message: tap });
  const other = { ...tap, button: { payload: 'stop', text: 'Stop' } } as unknown as InboundMessage;
  assert.is(orderShipped.parseReply(other), undefined);
  const interactive = { from: '1', id: 'wamid.2', timestamp: '1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } } } as unknown as InboundMessage;
  assert.is(orderShipped.parseReply(interactive), undefined);
  assert.is(loginCode.parseReply(tap), undefined);
});

/** Compiles a marked template with data and returns code@range of each diagnostic. */
function withData(marked: string, data: object): { got: { code: string; range: unknown }[]; want: unknown[] } {
  const { text, spans } = unmark(dedent(marked));
  const result = compile([{ path: FILE, text }], { data: { path: 'data.json', text: JSON.stringify(data) } });
  const sources = new SourceMap().add(FILE, text);
  return { got: result.diagnostics.map((d) => toJson(d, sources)).map((d) => ({ code: d.code, range: d.range })), want: spans.map((s) => sources.range(FILE, s)) };
}

const SOURCE = `
  params:
    name: { type: string, maxLength: 30, example: Asha }
    note: { type: string, example: Thanks }
  messages:
    m:
      type: template
      category: utility
      language: en_US
      body: "Hello «{{ name }}», your order has shipped."
`;

test('with data, a value Meta would refuse (132018) is WA727 at its placeholder', () => {
  const { got, want } = withData(SOURCE.replace(/\n    note: .*/, ''), { name: 'Asha\nRao' });
  assert.equal(got, [{ code: 'WA727', range: want[0] }]);
});

test('with data, a body too long with its values is WA301 at the body', () => {
  const { got, want } = withData(`
    params:
      note: { type: string, example: Thanks }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: «"Your order ships soon. {{ note }} from all of us at the shop."»
  `, { note: 'x'.repeat(1000) });
  assert.equal(got, [{ code: 'WA301', range: want[0] }, { code: 'WA514', range: want[0] }]);
});

test('outputs: the creation body is `template-creation`, the send body `template-send`', () => {
  const text = dedent(SOURCE.replace(/«|»/g, '').replace(/\n    note: .*/, ''));
  const result = compile([{ path: 'shop/orders.wa.yaml', text }], { data: { path: 'data.json', text: '{"name":"Ravi"}' } });
  assert.equal(result.outputs.map((o) => [o.path, o.kind]), [
    ['orders.m.en_US.template.json', 'template-creation'],
    ['orders.m.json', 'template-send'],
  ]);
  assert.equal(JSON.parse(result.outputs[0]!.text), result.templates[0]!.creation);
});

test('WA728: the same template name and language twice in a run, in one file or across files', () => {
  const one = (name: string, extra = '') => `messages:\n  ${name}:\n    type: template${extra}\n    category: utility\n    language: en_US\n    body: Your order has shipped.\n`;
  const inFile = compile([{ path: 'a.wa.yaml', text: `${one('first')}${one('second', '\n    name: first').replace('messages:\n', '')}` }]);
  assert.equal(inFile.diagnostics.map((d) => [d.code, d.span.start]), [['WA728', 116]]);
  assert.equal(inFile.outputs, []);
  const across = compile([{ path: 'b.wa.yaml', text: one('promo') }, { path: 'a.wa.yaml', text: one('promo') }]);
  assert.equal(across.diagnostics.map((d) => [d.code, d.file, d.related?.[0]?.file]), [['WA728', 'b.wa.yaml', 'a.wa.yaml']]);
  assert.equal(across.outputs.map((o) => o.path), ['a.promo.en_US.template.json', 'a.promo.json']);
  const otherLanguage = compile([{ path: 'b.wa.yaml', text: one('promo').replace('en_US', 'de') }, { path: 'a.wa.yaml', text: one('promo') }]);
  assert.equal(otherLanguage.diagnostics, []);
});

test.run();
