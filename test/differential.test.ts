import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compare, invalid, record, subjects } from './differential.js';
import { seeds } from './fuzz.js';
import { compile } from '../compiler/index.js';

const RUNS = Number(process.env['WAML_DIFFERENTIAL_RUNS'] ?? 200);
const all = subjects();

test('the subjects are every message of every clean example, conformance source and fuzz seed', () => {
  const files = new Set(all.map((s) => s.file));
  for (const seed of seeds(true)) {
    if (!(seed.name.startsWith('examples/') || seed.name.startsWith('test/fixtures/conformance/'))) continue;
    // A file of message templates only has no interactive sender: its sends are compared in test/message-templates.
    const r = compile([{ path: seed.name, text: seed.text }]);
    if (r.templates.length > 0 && r.messages.length === 0 && r.unbuilt.every((u) => r.templates.some((t) => t.message === u.name))) continue;
    assert.ok(files.has(seed.name), seed.name);
  }
  assert.ok(all.length >= 20, `${all.length} messages`);
});

test('a message in three languages is compared in each of them', () => {
  const care = all.filter((s) => s.file === 'examples/plant-care.wa.yaml' && s.message === 'care_menu');
  assert.equal(care.map((s) => s.language), ['en_US', 'de', 'es']);
});

for (const s of all) {
  const templated = Object.keys(s.specs).length > 0;
  test(`${s.file} ${s.message}${s.language ? ` (${s.language})` : ''}: build() equals the JSON output, byte for byte${templated ? `, for ${RUNS} random valid param sets` : ''}`, () => {
    fc.assert(
      fc.property(record(s.specs), (values) => {
        const o = compare(s, values);
        if (!o.same) throw new Error(o.detail);
      }),
      { numRuns: templated ? RUNS : 1, seed: 20261124 },
    );
  });
  if (!templated) continue;
  test(`${s.file} ${s.message}${s.language ? ` (${s.language})` : ''}: random invalid values are refused by both`, () => {
    fc.assert(
      fc.property(invalid(s.specs), (values) => {
        const o = compare(s, values);
        if (!o.same) throw new Error(o.detail);
      }),
      { numRuns: Math.max(50, RUNS / 5), seed: 20261124 },
    );
  });
}

test.run();
