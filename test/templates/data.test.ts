import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import { SourceMap, toJson } from '../../compiler/diagnostics/render.js';
import { dedent } from '../harness.js';

const MENU = dedent(`
  params:
    name: { type: string, minLength: 1, maxLength: 12 }
    vip: boolean
    order_id: { type: string, pattern: "^[A-Z0-9-]{4,12}$" }
    products:
      type: array
      minItems: 1
      maxItems: 8
      items:
        sku: { type: string, minLength: 1, maxLength: 20 }
        name: { type: string, minLength: 1, maxLength: 24 }
  messages:
    greet:
      type: button
      body: "Hi {{ name }}! Your order {{ order_id }} is on its way."
      buttons:
        - { id: track, title: Track order }
        - { id: vip_line, title: VIP line, when: vip }
    catalog:
      type: list
      body: Our products
      button: Browse
      sections:
        - title: Products
          rows:
            - each: products
              as: p
              id: "sku:{{ p.sku }}"
              title: "{{ p.name }}"
            - { id: more, title: See all products, when: vip }
`);

function run(data: string, sources = [{ path: 'menu.wa.yaml', text: MENU }]) {
  const result = compile(sources, { data: { path: 'data.json', text: data } });
  const map = new SourceMap().add('data.json', data);
  for (const s of sources) map.add(s.path, s.text);
  const shown = result.diagnostics.map((d) => {
    const j = toJson(d, map);
    return `${j.file}:${j.range.start.line}:${j.range.start.column} ${j.code} ${j.message}`;
  });
  return { result, shown };
}

const GOOD = JSON.stringify(
  { name: 'Asha', vip: true, order_id: 'AB-1234', products: [{ sku: 's1', name: 'Blue Echeveria' }, { sku: 's2', name: 'Zebra Haworthia' }] },
  null,
  2,
);

test('good data: every message is rendered, each expanded, when decided', () => {
  const { result, shown } = run(GOOD);
  assert.equal(shown, []);
  const greet = result.messages.find((m) => m.name === 'greet')!.body.interactive;
  assert.equal(greet['body'], { text: 'Hi Asha! Your order AB-1234 is on its way.' });
  assert.equal((greet['action'] as { buttons: unknown[] }).buttons.length, 2);
  const catalog = result.messages.find((m) => m.name === 'catalog')!.body.interactive as { action: { sections: { rows: unknown[] }[] } };
  assert.equal(catalog.action.sections[0]!.rows, [
    { id: 'sku:s1', title: 'Blue Echeveria' },
    { id: 'sku:s2', title: 'Zebra Haworthia' },
    { id: 'more', title: 'See all products' },
  ]);
  assert.equal(result.outputs.map((o) => o.path).sort(), ['menu.catalog.json', 'menu.greet.json']);
});

test('when false leaves the item out', () => {
  const { result } = run(GOOD.replace('"vip": true', '"vip": false'));
  const greet = result.messages.find((m) => m.name === 'greet')!.body.interactive as { action: { buttons: unknown[] } };
  assert.is(greet.action.buttons.length, 1);
});

test('without data, messages with params are listed, not built, and never crash', () => {
  const result = compile([{ path: 'menu.wa.yaml', text: MENU }]);
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.unbuilt.map((u) => u.name), ['greet', 'catalog']);
  assert.equal(result.outputs, []);
});

test('bad values are reported in the data file, by position, with the declaration', () => {
  const bad = JSON.stringify({ name: 'A very long name indeed', vip: 'yes', order_id: 'ab', products: [{ sku: 's1' }, 'x'] }, null, 2);
  const { result, shown } = run(bad);
  assert.equal(shown, [
    'data.json:2:11 WA517 `name` is 23 characters; its declaration allows 12',
    'data.json:3:10 WA517 `vip` must be true or false',
    'data.json:4:15 WA517 `order_id` does not match the pattern `^[A-Z0-9-]{4,12}$`',
    'data.json:6:5 WA517 `products[0].name` is required but has no value',
    'data.json:9:5 WA517 `products[1]` must be a mapping of `sku`, `name`',
  ]);
  const d = result.diagnostics.find((x) => x.message.startsWith('`name`'))!;
  assert.equal(d.related?.map((r) => [r.file, r.span.start]), [['menu.wa.yaml', MENU.indexOf('name:')]]);
  assert.equal(result.outputs, []);
});

test('a missing required value, and too many items', () => {
  const tooMany = { name: 'Asha', vip: true, order_id: 'AB-1234', products: Array.from({ length: 9 }, (_, i) => ({ sku: `s${i}`, name: 'n' })) };
  const { shown } = run(JSON.stringify(tooMany));
  assert.equal(shown, ['data.json:1:59 WA517 `products` has 9 items; its declaration allows 8']);
  const { shown: missing } = run('{ "vip": true, "order_id": "AB-1234", "products": [] }');
  assert.equal(missing, [
    'data.json:1:1 WA517 `name` is required but has no value',
    'data.json:1:51 WA517 `products` has 0 items; its declaration asks for at least 1',
  ]);
});

test('the rendered message is checked against every limit again', () => {
  const dup = { name: 'Asha', vip: false, order_id: 'AB-1234', products: [{ sku: 'same', name: 'One' }, { sku: 'same', name: 'Two' }] };
  const { result, shown } = run(JSON.stringify(dup));
  assert.equal(shown.length, 1);
  assert.match(shown[0]!, /^menu\.wa\.yaml:\d+:\d+ WA407 row id `sku:same` is used twice in message `catalog` \(rendered with data\.json\)$/);
  assert.equal(result.outputs, [], 'a file with an error writes nothing, found after rendering or not');
});

test('a data file that is not an object, or not JSON', () => {
  assert.equal(run('[1, 2]').shown, ['data.json:1:1 WA522 the data file must hold one JSON object of param values']);
  assert.match(run('{ "name": ').shown[0]!, /^data\.json:\d+:\d+ WA101 /);
});

test('one data file serves several files; each message reads the params it declares', () => {
  const other = dedent(`
    params:
      name: { type: string, minLength: 1, maxLength: 12 }
    messages:
      hello:
        type: location_request_message
        body: "{{ name }}, where are you?"
  `);
  const { result, shown } = run(GOOD, [{ path: 'menu.wa.yaml', text: MENU }, { path: 'hello.wa.yaml', text: other }]);
  assert.equal(shown, []);
  assert.equal(result.messages.find((m) => m.name === 'hello')!.body.interactive['body'], { text: 'Asha, where are you?' });
});

test.run();
