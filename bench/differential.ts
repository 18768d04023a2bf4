// `npm run differential -- --runs N`: the differential property of test/differential.test.ts
// with N random valid param sets per templated message (default 100,000) and N/5 invalid
// ones; prints the counts and the time, and exits 1 on the first disagreement.
import fc from 'fast-check';
import { compare, invalid, record, subjects } from '../test/differential.js';

const i = process.argv.indexOf('--runs');
const runs = i === -1 ? 100_000 : Number(process.argv[i + 1]);
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg === -1 ? Date.now() % 2 ** 31 : Number(process.argv[seedArg + 1]);
const started = performance.now();
let total = 0;
for (const s of subjects().filter((x) => Object.keys(x.specs).length > 0)) {
  for (const [kind, arb, n] of [['valid', record(s.specs), runs], ['invalid', invalid(s.specs), Math.ceil(runs / 5)]] as const) {
    const t = performance.now();
    fc.assert(
      fc.property(arb, (values) => {
        const o = compare(s, values);
        if (!o.same) throw new Error(o.detail);
      }),
      { numRuns: n, seed },
    );
    total += n;
    console.log(`${s.message}: ${n} ${kind} param sets agree (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
}
console.log(`${total} param sets in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${seed}: build() and the JSON output agree on every one.`);
