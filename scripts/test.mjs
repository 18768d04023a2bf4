// Runs the test suite with uvu (through tsx, for TypeScript) and ends with one line,
// `N passed, N failed`, from uvu's totals. Exits 1 when anything failed or uvu could not run.
// Usage: node scripts/test.mjs [PATTERN]   (PATTERN: a regular expression on test file names)
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pattern = process.argv[2] ?? '\\.test\\.ts$';
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'node_modules/uvu/bin.js'), 'test', pattern, '--no-color'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const number = (label) => {
    const m = new RegExp(`${label}:\\s+(\\d+)`).exec(output);
    return m ? Number(m[1]) : undefined;
  };
  const total = number('Total');
  const passed = number('Passed');
  if (total === undefined || passed === undefined) {
    console.log(`\n0 passed, 1 failed (uvu did not report totals; exit ${code})`);
    process.exitCode = 1;
    return;
  }
  const failed = total - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || code !== 0 ? 1 : 0;
});
