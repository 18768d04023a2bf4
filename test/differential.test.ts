import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compare, invalid, record, subjects } from './differential.js';

const RUNS = Number(process.env['WAML_DIFFERENTIAL_RUNS'] ?? 1000);
const all = await subjects();

test('the subjects are the templated examples', () => {
  assert.equal(all.map((s) => s.message).sort(), ['catalog', 'order_status', 'personal_menu']);
});

for (const s of all) {
  test(`${s.message}: build() equals the JSON output, byte for byte, for ${RUNS} random valid param sets`, () => {
    fc.assert(
      fc.property(record(s.specs), (values) => {
        const o = compare(s, values);
        if (!o.same) throw new Error(o.detail);
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
  });
  test(`${s.message}: random invalid values are refused by both`, () => {
    fc.assert(
      fc.property(invalid(s.specs), (values) => {
        const o = compare(s, values);
        if (!o.same) throw new Error(o.detail);
      }),
      { numRuns: Math.max(100, RUNS / 5), seed: 20261124 },
    );
  });
}

test.run();
