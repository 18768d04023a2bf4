import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * How much JavaScript work a scenario does at each size, counted and not timed: a fresh Node
 * process turns on V8's precise block coverage before it loads anything of waml's, then
 * counts every function call and every execution of every block (loop bodies included), in
 * waml and in the libraries it runs, while the scenario runs. The counts are the same on a
 * fast machine and a loaded one, so a test can assert that work grows linearly with the
 * input. Work inside built-ins (a copy by spread, `includes`) counts once per call: a
 * quadratic loop written in JavaScript is seen, one hidden in a built-in is not.
 *
 * `scenario` names an export of test/scenarios.ts: a function of a size that does the work.
 * The first size is run twice and the first run dropped, so one-time setup is not counted.
 */
export function operations(scenario: string, sizes: number[]): number[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'operations-child.ts'), scenario, ...sizes.map(String)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`counting ${scenario} failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return JSON.parse(child.stdout) as number[];
}

/** The growth from the smallest to the largest size, divided by the growth of the size: 1 is linear, 2 quadratic from doubling. */
export function growth(sizes: number[], counts: number[]): number {
  return counts[counts.length - 1]! / counts[0]! / (sizes[sizes.length - 1]! / sizes[0]!);
}
