import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The benchmarks run (at a tiny size) and print their table; their figures are not asserted.
test('npm run bench -- --quick prints a ratio for every benchmark', () => {
  const root = join(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--quick'], { cwd: root, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /^template parsing, 200 strings\s+\d+\.\d+ ms\s+\d+\.\d+ ms\s+\d+\.\dx$/m);
});

test.run();
