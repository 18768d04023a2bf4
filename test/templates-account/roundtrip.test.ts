import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import type { CreationBody } from '../../compiler/message-templates/account/definition.js';
import { diffTemplates } from '../../compiler/message-templates/account/diff.js';
import { templatesFromOutputs } from '../../compiler/message-templates/account/seam.js';
import { writeTemplate } from '../../compiler/message-templates/account/writer.js';
import { startFakeGraph as start, type FakeGraph } from '../fake-graph/server.js';
import { creationBodies, listed } from './fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/waml.js');
const WABA = '102290129340398';
const open: FakeGraph[] = [];
test.after.each(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

function waml(args: string[], cwd: string, fake: FakeGraph, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'templates', ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', WAML_GRAPH_URL: fake.baseUrl, WHATSAPP_TOKEN: fake.token, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('pull → build: every Meta body waml can write builds back, through compile(), to the same definition and format', () => {
  let checked = 0;
  for (const [file, b] of creationBodies()) {
    const remote = listed(b);
    const w = writeTemplate(remote);
    if (!w.ok) continue;
    const result = compile({ path: w.file, text: w.text });
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], file);
    const locals = templatesFromOutputs(result.outputs);
    assert.is(locals.length, 1, file);
    const [entry] = diffTemplates(locals, [remote]).entries;
    assert.is(entry!.kind, 'same', `${file}: ${entry!.changes.join(', ')}`);
    assert.is(entry!.format, undefined, file);
    checked++;
  }
  assert.ok(checked >= 9);
});

test('pull into an empty folder, then push and diff those sources: nothing left to do', async () => {
  const fake = await start();
  open.push(fake);
  fake.uploads.set('4::sample', { bytes: Buffer.from('PNG'), type: 'image/png', name: 'sample.png' });
  for (const [file, b] of creationBodies()) {
    if (file.includes('_09_') || file.includes('_11_') || file.includes('_10_')) continue; // placeholder names; create_10 shares create_01's name
    const copy = JSON.parse(JSON.stringify(b).replace(/"4::[^"]*"/g, '"4::sample"')) as CreationBody;
    if (file.includes('_02_')) copy.name = 'order_confirmation_positional'; // create_01 has the same name and language
    fake.add({ ...copy, category: copy.category.toUpperCase(), status: 'APPROVED', ...(copy.parameter_format ? { parameter_format: copy.parameter_format.toUpperCase() } : {}) });
  }
  const dir = mkdtempSync(join(tmpdir(), 'waml-roundtrip-'));
  const pull = await waml(['pull', '--waba', WABA], dir, fake);
  assert.is(pull.status, 0, pull.stdout + pull.stderr);
  assert.is(readdirSync(dir).length, fake.templates.size);
  const posts = fake.seen.filter((s) => s.method === 'POST').length;
  const diff = await waml(['diff', '--waba', WABA], dir, fake);
  assert.is(diff.status, 0, diff.stdout + diff.stderr);
  assert.match(diff.stdout, /in sync: nothing to push\n$/);
  const push = await waml(['push', '--waba', WABA], dir, fake, { WHATSAPP_APP_ID: '1234567890' });
  assert.is(push.status, 0, push.stdout + push.stderr);
  assert.is(fake.seen.filter((s) => s.method === 'POST').length, posts, 'push sent nothing');
});

test('.wa.yaml sources: push creates them, then diff shows nothing left to do', async () => {
  const fake = await start();
  open.push(fake);
  const dir = mkdtempSync(join(tmpdir(), 'waml-roundtrip-'));
  writeFileSync(join(dir, 'orders.wa.yaml'), `params:
  name: { type: string, maxLength: 30, example: Asha }
  order_id: { type: string, pattern: "^[A-Z0-9-]{4,12}$", example: GT-20418 }
messages:
  order_shipped:
    type: template
    category: utility
    language: en_US
    header: "Order {{ order_id }} has shipped"
    body: "Hi {{ name }}, your plants are on their way."
    footer: Reply STOP to opt out
    buttons:
      - quick_reply: { id: track, title: Track order }
      - url: { text: Track, url: "https://shop.example.com/t/{{ order_id }}" }
      - phone: { text: Call us, phone: "+15551234567" }
`);
  const push = await waml(['push', '--waba', WABA], dir, fake);
  assert.is(push.status, 0, push.stdout + push.stderr);
  assert.match(push.stdout, /^created order_shipped \(en_US\): template \d+, PENDING$/m);
  const diff = await waml(['diff', '--waba', WABA], dir, fake);
  assert.is(diff.status, 0, diff.stdout + diff.stderr);
  assert.match(diff.stdout, /^= order_shipped \(en_US\) PENDING\n/m);
});

test.run();
