// Work whose growth test/operations.ts counts: each export takes a size and does that much.
import { compile } from '../compiler/index.js';

const LOCATION = (i: number) => `  m${i}:\n    type: location_request_message\n    body: Hi ${i}\n`;

/** One file of `n` messages, checked. */
export function manyMessages(n: number): void {
  const text = `messages:\n${Array.from({ length: n }, (_, i) => LOCATION(i)).join('')}`;
  compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
}

/** One message whose body is one line of `n` characters. */
export function longLine(n: number): void {
  const text = `messages:\n  m:\n    type: location_request_message\n    body: ${'x'.repeat(n)}\n`;
  compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
}

/** A calibration: work that is quadratic on purpose, to prove the count can see it. */
export function quadratic(n: number): void {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) seen.push(j);
}

/**
 * What `waml build` does with one file of `n` messages: read, compile, and write a JSON file
 * per message (the CLI's batch, on this thread).
 */
export async function buildManyMessages(n: number): Promise<void> {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { runBatch } = await import('../compiler/cli/batch.js');
  const dir = mkdtempSync(join(tmpdir(), 'waml-count-'));
  try {
    const file = join(dir, 'f.wa.yaml');
    writeFileSync(file, `messages:\n${Array.from({ length: n }, (_, i) => LOCATION(i)).join('')}`);
    const r = await runBatch({ files: [{ absolute: file, display: 'f.wa.yaml' }], options: { emit: ['json'], maxFileSize: 64 * 1024 * 1024 }, build: { out: join(dir, 'out'), js: false, ts: false, json: true, types: false } });
    if (r.written !== n) throw new Error(`wrote ${r.written} of ${n}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
