import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/waml.js');
const waml = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });

test('waml build writes a template\'s creation body, and its send body with --data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-tpl-'));
  try {
    writeFileSync(join(dir, 'orders.wa.yaml'), readFileSync(join(ROOT, 'test/fixtures/msgtemplates/sources/named.wa.yaml'), 'utf8'));
    let r = waml(dir, 'build', '.', '--out', 'out');
    assert.is(r.status, 0, r.stderr);
    assert.equal(readdirSync(join(dir, 'out')), ['orders.order_confirmation.en_US.template.json']);
    assert.equal(JSON.parse(readFileSync(join(dir, 'out/orders.order_confirmation.en_US.template.json'), 'utf8')), JSON.parse(readFileSync(join(ROOT, 'test/fixtures/msgtemplates/create_01_named_params_body.json'), 'utf8')));
    writeFileSync(join(dir, 'data.json'), '{ "first_name": "Jessica", "order_number": "SKBUP2-4CPIG9" }');
    r = waml(dir, 'build', '.', '--out', 'out', '--data', 'data.json', '--to', '+16505551234');
    assert.is(r.status, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'out/orders.order_confirmation.json'), 'utf8')), JSON.parse(readFileSync(join(ROOT, 'test/fixtures/msgtemplates/send_01_named_params_body.json'), 'utf8')));
    writeFileSync(join(dir, 'data.json'), '{ "first_name": "Jessica\\nRao", "order_number": "SKBUP2-4CPIG9" }');
    r = waml(dir, 'check', '.', '--data', 'data.json', '--format', 'gcc');
    assert.is(r.status, 1);
    assert.match(r.stdout + r.stderr, /orders\.wa\.yaml:10:23: error: template parameter body\.parameters\[0\]\.text has a line break \(rendered with data\.json\) \[WA727\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
