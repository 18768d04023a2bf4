import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { check, fuzz, mutate, rng, seeds } from './fuzz.js';

const CASES = join(import.meta.dirname, 'fixtures/fuzz');

test('every saved regression case passes every check', () => {
  const files = readdirSync(CASES).filter((f) => f.endsWith('.wa.yaml'));
  assert.ok(files.length >= 3);
  for (const f of files) {
    const failure = check(readFileSync(join(CASES, f), 'utf8'));
    assert.is(failure, undefined, `${f}: ${failure?.kind} ${failure?.detail}`);
  }
});

test('a fixed-seed slice of 2,000 fuzz cases passes every check', () => {
  const { failures, cases } = fuzz(2000, 20261124);
  assert.is(cases, 2000);
  assert.equal(failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`), []);
});

test('the mutations are deterministic for a seed, and they do change the input', () => {
  const [seed] = seeds();
  const a = mutate(seed!.text, rng(7));
  const b = mutate(seed!.text, rng(7));
  assert.is(a, b);
  let changed = 0;
  const next = rng(8);
  for (let i = 0; i < 50; i++) if (mutate(seed!.text, next) !== seed!.text) changed++;
  assert.ok(changed > 40, `${changed} of 50 changed`);
});

test.run();
