import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { printJson } from '../compiler/emit/json.js';
import { importBody } from '../compiler/import.js';

const ROOT = join(import.meta.dirname, '..');

/** Import a body, build the result, and expect the same bytes. */
function roundTrip(body: unknown, name: string): void {
  const imported = importBody(body, name);
  if (!imported.ok) throw new Error(imported.reason);
  const result = compile([{ path: 'imported.wa.yaml', text: imported.text }], imported.to ? { to: imported.to } : {});
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
  assert.is(result.outputs[0]!.text, printJson(body), imported.text);
}

test('every conformance body builds back from its import, byte for byte', () => {
  const dir = join(ROOT, 'test/fixtures/conformance');
  const bodies = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.is(bodies.length, 8);
  for (const f of bodies) roundTrip(JSON.parse(readFileSync(join(dir, f), 'utf8')), f.split('.')[1]!);
});

test("every example's output builds back from its import, byte for byte", () => {
  const dir = join(ROOT, 'test/golden/examples');
  // Message templates are imported from their creation bodies (below), not their send bodies.
  for (const f of readdirSync(dir).filter((f) => !f.startsWith('templates.'))) roundTrip(JSON.parse(readFileSync(join(dir, f), 'utf8')), f.split('.')[1]!);
});

test('a bare interactive object imports too', () => {
  const body = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance/button.help_menu.json'), 'utf8'));
  const imported = importBody(body.interactive, 'menu');
  assert.ok(imported.ok);
  if (imported.ok) assert.is(compile([{ path: 'x.wa.yaml', text: imported.text }]).outputs[0]!.text, printJson({ ...body, to: undefined }));
});

test('what waml does not write is refused with a reason', () => {
  assert.equal(importBody({ type: 'payment_link', action: {} }, 'x'), { ok: false, reason: 'interactive type `payment_link` is not one waml writes' });
  assert.equal(importBody({ type: 'button', body: { text: 'x' }, action: { buttons: [{ reply: {} }] } }, 'x'), { ok: false, reason: 'buttons[0].reply.id is missing or of the wrong type' });
  assert.equal(importBody(5, 'x'), { ok: false, reason: 'the body is missing or of the wrong type' });
  assert.equal(importBody({}, 'bad-name'), { ok: false, reason: '`bad-name` is not a valid message name' });
});

test('waml import BODY.json prints the file, or writes it with --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-import-'));
  writeFileSync(join(dir, 'menu.json'), readFileSync(join(ROOT, 'test/fixtures/conformance/list.categories.json')));
  const bin = join(ROOT, 'bin/waml.js');
  const printed = spawnSync(process.execPath, [bin, 'import', 'menu.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(printed.status, 0, printed.stderr);
  assert.match(printed.stdout, /^# Imported by waml from a request body\.\nmessages:\n {2}menu:\n {4}type: list\n/);
  const written = spawnSync(process.execPath, [bin, 'import', 'menu.json', '--name', 'categories', '--out', 'menu.wa.yaml'], { cwd: dir, encoding: 'utf8' });
  assert.is(written.status, 0, written.stderr);
  const built = spawnSync(process.execPath, [bin, 'build', 'menu.wa.yaml', '--out', 'out', '--to', '12015550123'], { cwd: dir, encoding: 'utf8' });
  assert.is(built.status, 0, built.stdout);
  assert.is(readFileSync(join(dir, 'out/menu.categories.json'), 'utf8'), printJson(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance/list.categories.json'), 'utf8'))));
  writeFileSync(join(dir, 'bad.json'), '{ "type": "catalog_message" }');
  const bad = spawnSync(process.execPath, [bin, 'import', 'bad.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(bad.status, 1);
  assert.match(bad.stderr, /^waml: bad\.json cannot be imported: /);
  rmSync(dir, { recursive: true });
});

/** The body a generated sender builds for a fixed message, printed. */
async function senderBuilds(text: string, name: string): Promise<string> {
  const module = compile([{ path: 'braces.wa.yaml', text }], { emit: ['ts'] }).outputs.find((o) => o.path.endsWith('.wa.ts'))!;
  mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'braces-'));
  writeFileSync(join(dir, 'braces.wa.ts'), module.text);
  const senders = (await import(join(dir, 'braces.wa.ts'))) as Record<string, { name: string; build: (to: undefined) => unknown }>;
  rmSync(dir, { recursive: true });
  return printJson(Object.values(senders).find((s) => s?.name === name)!.build(undefined));
}

test('texts holding `{{` import as literal braces, and build back byte for byte (JSON and sender)', async () => {
  const bodies = [
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'button', body: { text: 'Use {{ "SAVE10" | lower }} at checkout {{{x}}} }}' }, footer: { text: '{{' }, action: { buttons: [{ type: 'reply', reply: { id: '{{id}}', title: 'A {{ b' } }] } } },
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'flow', body: { text: 'Open {{Flow-ID}}' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_token: '{{token}}', flow_id: '{{Flow-ID}}', flow_cta: 'Book {{', flow_action: 'navigate', flow_action_payload: { screen: 'S{{', data: { '{{key}}': '{{value}}', list: ['{{', 5, { deep: 'x{{y' }] } } } } } },
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'address_message', body: { text: 'Where {{?' }, action: { name: 'address_message', parameters: { country: 'IN', values: { name: '{{name}}' } } } } },
  ];
  for (const body of bodies) {
    const imported = importBody(body, 'braces');
    if (!imported.ok) throw new Error(imported.reason);
    const result = compile([{ path: 'braces.wa.yaml', text: imported.text }]);
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
    assert.equal(result.unbuilt, [], 'literal placeholders need no data');
    assert.is(result.outputs[0]?.text, printJson(body), imported.text);
    assert.is(await senderBuilds(imported.text, 'braces'), printJson(body), 'the generated sender builds the same body');
  }
});

test.run();
