import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import { importBody } from '../../compiler/import.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/msgtemplates');

/** Imports a creation body and builds it back: the creation body waml writes for it. */
function rebuild(body: unknown): { text: string; creation: unknown } {
  const imported = importBody(body, 'ignored');
  if (!imported.ok) throw new Error(imported.reason);
  const result = compile([{ path: 'imported.wa.yaml', text: imported.text }]);
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
  const out = result.outputs.find((o) => o.kind === 'template-creation');
  assert.ok(out, imported.text);
  return { text: imported.text, creation: JSON.parse(out!.text) };
}

test("every example template's creation body builds back from its import, byte for byte", () => {
  const dir = join(ROOT, 'test/golden/examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.template.json'));
  assert.is(files.length, 7); // plant-care.wa.yaml's template in three languages, templates.wa.yaml's four
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const { creation, text: yaml } = rebuild(JSON.parse(text));
    assert.is(`${JSON.stringify(creation, null, 2)}\n`, text, yaml);
  }
});

test("Meta's own creation bodies in lower case build back exactly; the others import", () => {
  for (const f of ['create_01_named_params_body.json', 'create_02_positional_params_body.json', 'create_08_auth_zero_tap_supported_apps.json']) {
    const body = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
    assert.equal(rebuild(body).creation, body, f);
  }
  for (const f of readdirSync(FIXTURES).filter((x) => x.startsWith('create_') && !/0[9]|11/.test(x))) {
    const imported = importBody(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')), 'x');
    assert.ok(imported.ok, f);
  }
});

test('a template name that is not an identifier is kept in `name:`', () => {
  const { text, creation } = rebuild({ name: '2023_april_promo', language: 'en_US', category: 'marketing', components: [{ type: 'body', text: 'Our April sale is here.' }] });
  assert.match(text, /template_2023_april_promo:\n {4}type: template\n {4}name: "?2023_april_promo"?/);
  assert.is((creation as { name: string }).name, '2023_april_promo');
});

test('a component waml does not write is refused in one line', () => {
  const r = importBody({ name: 'x', language: 'en_US', category: 'marketing', components: [{ type: 'body', text: 'Hi there.' }, { type: 'buttons', buttons: [{ type: 'catalog', text: 'View' }] }] }, 'x');
  assert.equal(r, { ok: false, reason: 'a `catalog` button is not one waml writes', code: 'WA821', field: '' });
});

test.run();
