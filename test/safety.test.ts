import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeOutputs } from '../compiler/cli/write.js';

const BIN = join(import.meta.dirname, '..', 'bin/waml.js');
const FILES = 400;
const source = (i: number, version: string) => `messages:\n  m${i}:\n    type: location_request_message\n    body: "${version} ${'x'.repeat(400)} ${i}"\n`;

function sources(dir: string, version: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, 'src', `f${i}.wa.yaml`), source(i, version));
}

function build(dir: string): void {
  const r = spawnSync(process.execPath, [BIN, 'build', 'src', '--out', 'out'], { cwd: dir, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
}

test('a build killed with SIGKILL at any moment leaves each output whole: old or new', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-kill-'));
  sources(dir, 'OLD');
  build(dir);
  sources(dir, 'NEW');
  const delays = [15, 40, 70, 100, 130, 160, 200, 260];
  let sawMixed = false;
  for (const delay of delays) {
    const child = spawn(process.execPath, [BIN, 'build', 'src', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGKILL');
    await exited;
    let old = 0;
    let fresh = 0;
    for (let i = 0; i < FILES; i++) {
      const text = readFileSync(join(dir, 'out', `f${i}.m${i}.json`), 'utf8');
      const body = JSON.parse(text).interactive.body.text as string; // a torn file would not parse
      if (body.startsWith('OLD ')) old++;
      else if (body.startsWith('NEW ')) fresh++;
      else assert.unreachable(`f${i}: neither version`);
    }
    assert.is(old + fresh, FILES);
    if (old > 0 && fresh > 0) sawMixed = true;
    // Put the old outputs back for the next kill.
    sources(dir, 'OLD');
    build(dir);
    sources(dir, 'NEW');
  }
  build(dir);
  const names = readdirSync(join(dir, 'out'));
  assert.is(names.length, FILES, 'a full build afterwards leaves no temporary files');
  assert.ok(names.every((n) => n.endsWith('.json')));
  assert.ok(readFileSync(join(dir, 'out', 'f0.m0.json'), 'utf8').includes('NEW '));
  void sawMixed; // Whether a kill lands mid-write depends on the machine; the property holds either way.
  rmSync(dir, { recursive: true });
});

test('temporary files left by a killed build are removed by the next one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-tmp-'));
  writeFileSync(join(dir, '.a.json.waml-999999999-abc123.tmp'), 'half');
  writeFileSync(join(dir, 'keep.tmp'), 'not ours');
  writeOutputs(dir, [{ path: 'a.json', text: '{}\n' }]);
  assert.equal(readdirSync(dir).sort(), ['a.json', 'keep.tmp']);
  rmSync(dir, { recursive: true });
});

test('no output can be written outside the output folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-out-'));
  for (const path of ['../escape.json', '/etc/waml.json', 'a/../../escape.json']) {
    assert.throws(() => writeOutputs(join(dir, 'out'), [{ path, text: 'x' }]), /outside the output folder/);
  }
  assert.equal(readdirSync(dir), []);
  rmSync(dir, { recursive: true });
});

test('an internal error prints one line that says it is a bug, exits 2, and shows the stack only with --debug', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-bug-'));
  writeFileSync(join(dir, 'a.wa.yaml'), 'messages:\n  m:\n    type: location_request_message\n    body: ""\n');
  // Break a built-in the renderer uses, to make waml itself fail.
  const breakIt = 'data:text/javascript,String.prototype.padStart=function(){throw new Error("boom")}';
  const plain = spawnSync(process.execPath, ['--import', breakIt, BIN, 'check'], { cwd: dir, encoding: 'utf8' });
  assert.is(plain.status, 2);
  assert.is(plain.stderr, 'waml: internal error: boom\nThis is a bug in waml 0.1.0; please report it with the input that caused it (run with --debug for the stack).\n');
  const debug = spawnSync(process.execPath, ['--import', breakIt, BIN, 'check', '--debug'], { cwd: dir, encoding: 'utf8' });
  assert.is(debug.status, 2);
  assert.match(debug.stderr, /\n\s+at /);
  rmSync(dir, { recursive: true });
});

test.run();
