import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { metaValidator, ORACLE_TYPES } from './oracle.js';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN = join(import.meta.dirname, 'golden/examples');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const files = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.wa.yaml')).sort().map((f) => `${dir}/${f}`);
const DATA = { path: 'examples/data.json', text: readFileSync(join(ROOT, 'examples/data.json'), 'utf8') };
/** Compiles a folder's files; the examples with their data file. */
const compileAll = (dir: string) =>
  compile(
    files(dir).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') })),
    dir === 'examples' ? { data: DATA } : {},
  );

const TYPES = ['cta_url', 'button', 'list', 'carousel', 'location_request_message', 'address_message', 'flow', 'product', 'product_list', 'catalog_message', 'order_details', 'order_status', 'voice_call', 'call_permission_request'];

/**
 * The one diagnostic of the examples, a documented mistake kept on purpose: the German
 * title of plant-care.wa.yaml may be over the limit (README, "Languages").
 */
const DOCUMENTED = ['examples/plant-care.wa.yaml WA514 warning button title may be 28 characters; the limit is 20 (de)'];
const described = (list: readonly { file: string; code: string; severity: string; message: string }[]) => list.map((d) => `${d.file} ${d.code} ${d.severity} ${d.message}`);

test('the examples cover all fourteen interactive types and compile without a diagnostic but the documented one', () => {
  const result = compileAll('examples');
  assert.equal(described(result.diagnostics), DOCUMENTED);
  assert.equal([...new Set(result.messages.map((m) => m.type))].sort(), [...TYPES].sort());
});

test('the templated examples need their data, and build warning-free without it too', () => {
  const bare = compile(files('examples').map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') })));
  assert.equal(described(bare.diagnostics), DOCUMENTED);
  assert.equal(bare.unbuilt.map((u) => u.name).sort(), ['care_menu', 'catalog', 'login_code', 'new_succulents', 'order_shipped', 'order_shipped_update', 'order_status', 'pay_for_order', 'personal_menu', 'shade_plants', 'spring_sale']);
  // A template's creation body needs no data: the params' examples fill it.
  assert.equal(bare.outputs.filter((o) => o.kind === 'template-creation').map((o) => o.path).sort(), [
    'plant-care.care_reminder.de.template.json',
    'plant-care.care_reminder.en_US.template.json',
    'plant-care.care_reminder.es.template.json',
    'templates.login_code.en_US.template.json',
    'templates.new_succulents.en_US.template.json',
    'templates.order_shipped.en_US.template.json',
    'templates.spring_sale.en_US.template.json',
  ]);
});

test('the examples have utility, marketing (a carousel and an offer) and authentication templates, with creation and send bodies', () => {
  const result = compileAll('examples');
  const byName = new Map(result.templates.map((t) => [t.name, t]));
  assert.equal([...byName.keys()].sort(), ['care_reminder', 'login_code', 'new_succulents', 'order_shipped', 'spring_sale']);
  assert.equal([...new Set(result.templates.map((t) => t.category))].sort(), ['authentication', 'marketing', 'utility']);
  const components = (name: string) => (byName.get(name)!.creation['components'] as { type: string }[]).map((c) => c.type);
  assert.ok(components('new_succulents').includes('carousel'));
  assert.ok(components('spring_sale').includes('limited_time_offer'));
  for (const t of result.templates) assert.ok(t.send, `${t.name} has a send body with the data`);
});

test('a carousel of URL cards and one of quick replies are both among the examples', () => {
  const carousels = compileAll('examples').messages.filter((m) => m.type === 'carousel');
  const kinds = carousels.map((m) => JSON.stringify(m.body.interactive['action']).includes('quick_reply'));
  assert.equal(kinds.sort(), [false, true]);
});

test('the examples build to their golden JSON files, byte for byte', () => {
  const result = compileAll('examples');
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    for (const o of result.outputs) writeFileSync(join(GOLDEN, o.path), o.text);
  }
  const golden = readdirSync(GOLDEN).sort();
  assert.equal(result.outputs.map((o) => o.path).sort(), golden);
  for (const o of result.outputs) assert.fixture(o.text, readFileSync(join(GOLDEN, o.path), 'utf8'), o.path);
});

test('two builds give identical bytes', () => {
  assert.equal(compileAll('examples').outputs, compileAll('examples').outputs);
});

test("every button, list and flow body of the examples and the conformance sources passes Meta's schema", () => {
  const validate = metaValidator();
  let checked = 0;
  for (const dir of ['examples', 'test/fixtures/conformance']) {
    for (const m of compileAll(dir).messages) {
      if (!ORACLE_TYPES.has(m.type)) continue;
      assert.equal(validate(m.body.interactive), [], `${m.file} ${m.name}`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `checked ${checked} bodies`);
});

test("Meta's schema is a real check: it rejects an over-long button title", () => {
  const validate = metaValidator();
  const body = compileAll('examples').messages.find((m) => m.type === 'button')!.body;
  const broken = structuredClone(body.interactive) as { action: { buttons: { reply: { title: string } }[] } };
  broken.action.buttons[0]!.reply.title = 'x'.repeat(21);
  assert.ok(validate(broken).length > 0);
});

test.run();
