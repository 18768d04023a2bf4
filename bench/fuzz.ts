// `npm run fuzz -- --cases N --seed S`: mutates the examples and conformance sources and
// checks every promise (see test/fuzz.ts). Failures are saved to test/fixtures/fuzz/ as
// regression cases; exits 1 when there is any.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseName, fuzz } from '../test/fuzz.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const cases = arg('--cases', 10_000);
const seed = arg('--seed', Date.now() % 2 ** 31);
const started = performance.now();
const { failures, cases: ran, slowest } = fuzz(cases, seed, 20, (done) => process.stderr.write(`\r${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`));
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
const dir = join(import.meta.dirname, '../test/fixtures/fuzz');
for (const f of failures) {
  mkdirSync(dir, { recursive: true });
  const name = `${caseName(f.input)}.wa.yaml`;
  writeFileSync(join(dir, name), f.input);
  console.log(`FAIL ${f.kind}: ${f.detail.split('\n')[0]}\n  saved as test/fixtures/fuzz/${name}`);
}
if (slowest.input) {
  // Time is reported, never judged: a slow case is worth a look, and is kept for one.
  const tmp = join(import.meta.dirname, '../test/.tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'fuzz-slowest.wa.yaml'), slowest.input);
  console.log(`slowest case: ${slowest.ms.toFixed(0)} ms, ${slowest.input.length} characters (test/.tmp/fuzz-slowest.wa.yaml)`);
}
console.log(`${ran} cases, seed ${seed}, ${seconds.toFixed(1)} s (${((seconds * 1e6) / ran).toFixed(0)} µs a case): ${failures.length} failures`);
process.exitCode = failures.length > 0 ? 1 : 0;
