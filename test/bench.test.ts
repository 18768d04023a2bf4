import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The benchmarks run (at a tiny size) and print their table; their figures are not asserted.
test('npm run bench -- --quick prints a row with a ratio for every benchmark', () => {
  const root = join(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--quick'], { cwd: root, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  for (const name of [
    'cold start: waml check one file',
    'cold start: waml --version',
    'throughput',
    'compile\\(\\) per KB: templates vs interactive',
    'compile\\(\\) per text: 3 languages vs 1',
    'CLI check --format json --jobs 1',
    'CLI build --jobs 1,',
    'CLI build --jobs 1 vs --jobs 2',
    'CPU time \\(user \\+ sys\\): --jobs 2 vs --jobs 1',
    'CLI check: one file of',
    'warm re-check',
    'build\\(\\): generated vs handwritten',
    'build\\(\\) as sent: whatsapp-api-js vs generated',
    'peak RSS',
    'template parsing',
    'LSP edit → diagnostics p90, 3\\d\\d-line',
    'LSP server CPU per edit',
    'LSP hover p90 vs',
    'LSP completion p90 vs',
    'LSP hover right after an edit p90',
    'LSP compiles vs document versions',
  ]) {
    assert.match(r.stdout, new RegExp(`^${name}.*\\s\\d+\\.\\d+x\\s`, 'm'), name);
  }
  assert.match(r.stdout, /cores, \d+ GiB, Node v\d+/);
});

test.run();
