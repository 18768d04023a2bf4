import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(import.meta.dirname, '..', 'bin/waml.js');
const LOCATION = (body: string) => `messages:\n  m:\n    type: location_request_message\n    body: ${body}\n`;

test('build --watch rebuilds on save, keeps going after errors, and removes the outputs of deleted sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-watch-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/a.wa.yaml'), LOCATION('First'));
  writeFileSync(join(dir, 'src/b.wa.yaml'), LOCATION('Bee'));
  const child = spawn(process.execPath, [BIN, 'build', 'src', '--out', 'out', '--watch', '--format', 'gcc'], { cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const rounds = () => stderr.split('watching for changes').length - 1;
  const until = async (what: () => boolean, label: string) => {
    const started = Date.now();
    while (!what()) {
      if (Date.now() - started > 120_000) throw new Error(`timed out waiting for ${label}\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const out = (name: string) => join(dir, 'out', name);
  try {
    await until(() => rounds() >= 1, 'the first build');
    assert.match(readFileSync(out('a.m.json'), 'utf8'), /First/);

    writeFileSync(join(dir, 'src/a.wa.yaml'), LOCATION('Second'));
    await until(() => readFileSync(out('a.m.json'), 'utf8').includes('Second'), 'the rebuild after a save');

    writeFileSync(join(dir, 'src/a.wa.yaml'), LOCATION('""'));
    await until(() => /src\/a\.wa\.yaml:4:11: error: body is empty \[WA303\]/.test(stdout), 'the build with an error');
    assert.match(readFileSync(out('a.m.json'), 'utf8'), /Second/, 'the old output stays');
    assert.is(child.exitCode, null, 'still running');

    writeFileSync(join(dir, 'src/a.wa.yaml'), LOCATION('Third'));
    await until(() => readFileSync(out('a.m.json'), 'utf8').includes('Third'), 'the fix');

    unlinkSync(join(dir, 'src/b.wa.yaml'));
    await until(() => !existsSync(out('b.m.json')), 'the removal of a deleted source\'s output');
    assert.match(stderr, /removed b\.m\.json \(its source src\/b\.wa\.yaml is gone\)/);
    assert.ok(existsSync(out('a.m.json')));
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
