import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';

const DIR = join(import.meta.dirname, 'fixtures/conformance');
const TO = '12015550123';

/** Every key of a JSON value, depth first, in order: equal lists mean equal key order. */
function keyOrder(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyOrder(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keyOrder(v, `${path}.${k}`)]);
  return [];
}

const sources = readdirSync(DIR).filter((f) => f.endsWith('.wa.yaml')).sort();

test('the fixtures are all there', () => {
  assert.is(sources.length, 8);
});

for (const file of sources) {
  test(`${file} compiles to its documented bodies`, () => {
    const result = compile([{ path: file, text: readFileSync(join(DIR, file), 'utf8') }], { to: TO });
    assert.equal(result.diagnostics, []);
    const stem = file.slice(0, -'.wa.yaml'.length);
    const expected = readdirSync(DIR).filter((f) => f.startsWith(`${stem}.`) && f.endsWith('.json'));
    assert.equal(result.outputs.map((o) => o.path).sort(), expected.sort());
    for (const output of result.outputs) {
      const want = JSON.parse(readFileSync(join(DIR, output.path), 'utf8'));
      const got = JSON.parse(output.text);
      assert.equal(got, want, output.path);
      assert.equal(keyOrder(got), keyOrder(want), `${output.path}: key order`);
    }
  });
}

test.run();
