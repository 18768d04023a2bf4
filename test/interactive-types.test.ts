import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { importBody } from '../compiler/import.js';

/**
 * The commerce, payments and calling types on real bodies: every body of these types in
 * test/fixtures/real (Meta's pages and OpenAPI, Kapso, pywa) imports, checks without an
 * error and builds back to the same `interactive` values and the same recipient.
 */
const ROOT = join(import.meta.dirname, 'fixtures/real');
const TYPES = new Set(['product', 'product_list', 'catalog_message', 'order_details', 'order_status', 'voice_call', 'call_permission_request']);

const bodies = readdirSync(ROOT).flatMap((origin) =>
  readdirSync(join(ROOT, origin))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))
    .map((f) => ({
      file: `${origin}/${f}`,
      body: JSON.parse(readFileSync(join(ROOT, origin, f), 'utf8')) as { to?: string; interactive: { type: string } },
      expect: existsSync(join(ROOT, origin, f.replace(/\.json$/, '.expect.json'))) ? (JSON.parse(readFileSync(join(ROOT, origin, f.replace(/\.json$/, '.expect.json')), 'utf8')) as { refused?: string }) : undefined,
    }))
    .filter((b) => TYPES.has(b.body.interactive?.type)),
);

test('bodies of every new type are among the real ones, from at least three origins', () => {
  assert.equal([...new Set(bodies.map((b) => b.body.interactive.type))].sort(), [...TYPES].sort());
  assert.ok(new Set(bodies.map((b) => b.file.split('/')[0])).size >= 3);
  assert.ok(bodies.length >= 12, `${bodies.length} bodies`);
});

/** A refusal the check makes (a documented limit), not the import's (WA82x: the recipient, a field it cannot write). */
const checkRefusal = (expect: { refused?: string } | undefined) => (expect?.refused && !expect.refused.startsWith('WA82') ? expect.refused : undefined);

/** A placeholder recipient (`{{Recipient-Phone-Number}}`, `<TO>`) says nothing of the message: the same body to a real number. */
const toRealNumber = <T>(body: T): T => JSON.parse(JSON.stringify(body), (k, v: unknown) => (k === 'to' && typeof v === 'string' && !/^\+?\d{7,15}$/.test(v) ? '15551234567' : v)) as T;

for (const { file, body: asWritten, expect } of bodies) {
  const refused = checkRefusal(expect);
  test(refused ? `${file} breaks a documented limit and is refused with ${refused}` : `${file} imports, checks and builds back to the same values`, () => {
    const body = toRealNumber(asWritten);
    const imported = importBody(body, 'real');
    // The import checks the message too: a body over a documented limit is refused there, with the limit's code.
    if (!imported.ok && refused) return assert.is(imported.code, refused, imported.reason);
    if (!imported.ok) throw new Error(`${file}: ${imported.code} ${imported.field}: ${imported.reason}`);
    assert.is(imported.to, body.to);
    const result = compile([{ path: 'real.wa.yaml', text: imported.text }], { ...(imported.send.to !== undefined ? { to: imported.send.to } : {}), send: imported.send.options });
    if (refused) {
      assert.ok(result.diagnostics.some((d) => d.code === refused && d.severity === 'error'), `${file}: ${result.diagnostics.map((d) => d.code).join(', ')}`);
      assert.equal(result.outputs, []);
      return;
    }
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
    const built = JSON.parse(result.outputs.find((o) => o.path.endsWith('.json'))!.text) as unknown;
    assert.equal(built, body, imported.text);
  });
}

test('a field waml would not write back is refused by name, not dropped', () => {
  const refused = (interactive: unknown) => {
    const r = importBody({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', type: 'interactive', interactive }, 'x');
    return r.ok ? 'imported' : `${r.code} ${r.field}`;
  };
  assert.is(refused({ type: 'product', action: { catalog_id: '1', product_retailer_id: 'a', extra: 1 } }), 'WA820 interactive.action.extra');
  assert.is(refused({ type: 'voice_call', body: { text: 'Call' }, action: { name: 'voice_call', parameters: { display_text: 'Call', icon: 'phone' } } }), 'WA820 interactive.action.parameters.icon');
  assert.is(refused({ type: 'order_status', body: { text: 'x' }, action: { name: 'review_order', parameters: { reference_id: 'r', order: { status: 'shipped' }, payment: {} } } }), 'WA820 interactive.action.parameters.payment');
  assert.is(refused({ type: 'call_permission_request', body: { text: 'x' }, action: { name: 'voice_call' } }), 'WA820 interactive.action.name');
  assert.is(refused({ type: 'product', action: { catalog_id: 1, product_retailer_id: 'a' } }), 'WA821 interactive.action.catalog_id');
});

test.run();
