/**
 * Real request bodies that nobody on this project wrote (test/fixtures/real/<origin>/, each
 * origin's SOURCES.md says where every file comes from): each one goes through
 * `waml import` → `check` → `build` and comes back with the same values in the same key
 * order, built with the send-time fields the import reports. A body with a sidecar
 * `<name>.expect.json` (`{ "refused": "WA8xx", "field": "…", "why": "…" }`) breaks a documented
 * limit: the import or the check refuses it with that code (and names that field, when given).
 * An optional `"warns": "WAxxx"` says the body builds back with that warning.
 * Every file under the folder is taken, so origins and files added later are tested too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { importBody } from '../compiler/import.js';

const ROOT = join(import.meta.dirname, 'fixtures/real');

interface Expect {
  refused?: string;
  field?: string;
  warns?: string;
  why: string;
}

const bodies = readdirSync(ROOT, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.expect.json'))
  .map((e) => join(e.parentPath, e.name))
  .sort();

/** Every object's keys in order, by path: deep equality does not look at key order. */
function keyOrders(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((x, i) => keyOrders(x, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    out.push(`${path}: ${Object.keys(value).join(', ')}`);
    for (const [k, v] of Object.entries(value)) keyOrders(v, `${path}.${k}`, out);
  }
  return out;
}

/** import → check → build: the body built back, or the refusal's code and field. */
function roundTrip(body: unknown): { built: unknown; warnings: string[] } | { code: string; field: string; reason: string } {
  const imported = importBody(body, 'real');
  if (!imported.ok) return { code: imported.code, field: imported.field, reason: imported.reason };
  const result = compile([{ path: 'real.wa.yaml', text: imported.text }], { ...(imported.send.to !== undefined ? { to: imported.send.to } : {}), send: imported.send.options });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { code: errors[0]!.code, field: '', reason: `${errors[0]!.message}\n${imported.text}` };
  const out = result.outputs.find((o) => o.path.endsWith('.json'));
  assert.ok(out, `a body is built from:\n${imported.text}`);
  return { built: JSON.parse(out!.text), warnings: result.diagnostics.map((d) => d.code) };
}

test('the real bodies are there: several origins, dozens of bodies, each origin with its SOURCES.md', () => {
  const origins = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory());
  assert.ok(origins.length >= 5, `origins: ${origins.map((o) => o.name).join(', ')}`);
  assert.ok(bodies.length >= 40, `${bodies.length} bodies`);
  for (const o of origins) {
    const sources = readFileSync(join(ROOT, o.name, 'SOURCES.md'), 'utf8');
    for (const f of readdirSync(join(ROOT, o.name)).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))) {
      assert.ok(sources.includes(f), `${o.name}/SOURCES.md names ${f}`);
    }
  }
});

for (const file of bodies) {
  const name = relative(ROOT, file);
  test(`${name}: import, check and build give it back, values and key order`, () => {
    const body = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const sidecar = file.replace(/\.json$/, '.expect.json');
    let expect: Expect | undefined;
    try {
      expect = JSON.parse(readFileSync(sidecar, 'utf8')) as Expect;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let got = roundTrip(body);
    // A body that breaks a documented limit and also has a placeholder recipient: the limit is found with a real number.
    if (expect?.refused && !expect.refused.startsWith('WA82') && 'code' in got && got.code === 'WA823' && got.field === 'to') {
      got = roundTrip(JSON.parse(JSON.stringify(body), (k, v: unknown) => (k === 'to' && typeof v === 'string' ? '15551234567' : v)) as unknown);
    }
    if (expect?.refused) {
      assert.ok('code' in got, `${name} is refused (${expect.why})`);
      if ('code' in got) {
        assert.is(got.code, expect.refused, got.reason);
        if (expect.field !== undefined) assert.is(got.field, expect.field, got.reason);
      }
      // A refused recipient says nothing of the message: the same body to a real number builds back.
      if (expect.refused === 'WA823' && expect.field === 'to') {
        const real = JSON.parse(JSON.stringify(body), (k, v: unknown) => (k === 'to' && typeof v === 'string' ? '15551234567' : v)) as unknown;
        const again = roundTrip(real);
        assert.ok('built' in again, 'code' in again ? again.reason : '');
        if ('built' in again) {
          assert.equal(again.built, real);
          assert.equal(keyOrders(again.built), keyOrders(real));
        }
      }
      return;
    }
    assert.ok('built' in got, 'code' in got ? `${got.code} ${got.field}: ${got.reason}` : '');
    if (!('built' in got)) return;
    assert.equal(got.built, body, 'the same values');
    assert.equal(keyOrders(got.built), keyOrders(body), 'the same key order');
    if (expect?.warns) assert.ok(got.warnings.includes(expect.warns), `warns ${expect.warns}: got ${got.warnings.join(', ')}`);
  });
}

test.run();
