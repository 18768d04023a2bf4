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
