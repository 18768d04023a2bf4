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
  /** The import notes that the body's `to` (a page's placeholder) is not kept: it is built back to a real number. */
  note?: 'to';
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

/** A real number, in place of a recipient that is none (a placeholder) or a group. */
const STAND_IN = '15551234567';
const toPerson = (body: unknown): unknown => JSON.parse(JSON.stringify(body), (k, v: unknown) => (k === 'to' && typeof v === 'string' ? STAND_IN : k === 'recipient_type' && v === 'group' ? 'individual' : v)) as unknown;

/**
 * import → check → build: the body built back (with a real number where the import did not
 * keep the body's `to`) and the body it should equal, or the refusal's code and field. A body
 * without `recipient_type` is built with the API's default, `individual`: compared without it.
 */
function roundTrip(body: unknown): { built: unknown; expected: unknown; warnings: string[]; notes: string[] } | { code: string; field: string; reason: string } {
  const imported = importBody(body, 'real');
  if (!imported.ok) return { code: imported.code, field: imported.field, reason: imported.reason };
  const b = body as Record<string, unknown>;
  const dropped = imported.send.to === undefined && typeof b['to'] === 'string';
  const to = dropped ? STAND_IN : imported.send.to;
  const result = compile([{ path: 'real.wa.yaml', text: imported.text }], { ...(to !== undefined ? { to } : {}), send: imported.send.options });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { code: errors[0]!.code, field: '', reason: `${errors[0]!.message}\n${imported.text}` };
  const out = result.outputs.find((o) => o.path.endsWith('.json'));
  assert.ok(out, `a body is built from:\n${imported.text}`);
  const built = JSON.parse(out!.text) as Record<string, unknown>;
  if (b['recipient_type'] === undefined) {
    assert.is(built['recipient_type'], 'individual', "the API's default recipient_type");
    delete built['recipient_type'];
  }
  return { built, expected: dropped ? toPerson(body) : body, warnings: result.diagnostics.map((d) => d.code), notes: imported.notes };
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
    const got = roundTrip(body);
    if (expect?.refused) {
      assert.ok('code' in got, `${name} is refused (${expect.why})`);
      if ('code' in got) {
        assert.is(got.code, expect.refused, got.reason);
        if (expect.field !== undefined) assert.is(got.field, expect.field, got.reason);
      }
      // A body refused for its group recipient says nothing of the message: the same body to a person builds back.
      if (expect.refused === 'WA825') {
        const again = roundTrip(toPerson(body));
        assert.ok('built' in again, 'code' in again ? again.reason : '');
        if ('built' in again) {
          assert.equal(again.built, again.expected);
          assert.equal(keyOrders(again.built), keyOrders(again.expected));
        }
      }
      return;
    }
    assert.ok('built' in got, 'code' in got ? `${got.code} ${got.field}: ${got.reason}` : '');
    if (!('built' in got)) return;
    assert.equal(got.built, got.expected, 'the same values');
    assert.equal(keyOrders(got.built), keyOrders(got.expected), 'the same key order');
    if (expect?.warns) assert.ok(got.warnings.includes(expect.warns), `warns ${expect.warns}: got ${got.warnings.join(', ')}`);
    // A placeholder recipient is not kept, and the import says so in one line.
    if (expect?.note === 'to') assert.ok(got.notes.some((n) => /^`to` \(.*\) is not a phone number .*, so it is not kept/.test(n)), got.notes.join('\n'));
    else assert.not.ok(got.notes.some((n) => n.includes('not kept')), got.notes.join('\n'));
  });
}

test.run();
