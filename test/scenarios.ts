// Work whose growth test/operations.ts counts: each export takes a size and does that much.
import { compile } from '../compiler/index.js';
import { render, SourceMap } from '../compiler/diagnostics/render.js';
import { preview } from '../compiler/preview/preview.js';

const LOCATION = (i: number) => `  m${i}:\n    type: location_request_message\n    body: Hi ${i}\n`;

/** One file of `n` messages, checked. */
export function manyMessages(n: number): void {
  const text = `messages:\n${Array.from({ length: n }, (_, i) => LOCATION(i)).join('')}`;
  compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
}

/** One file of `n` message templates, checked (each template's send plan reads the file's lines). */
export function manyTemplates(n: number): void {
  const text = `messages:\n${Array.from({ length: n }, (_, i) => `  t${i}:\n    type: template\n    category: utility\n    language: en_US\n    body: Your order ${i} has shipped.\n`).join('')}`;
  const result = compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`the templates are not clean: ${result.diagnostics[0]!.message}`);
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

/** One button message with `n` copies of one id (the rename suggestions of the duplicates). */
export function duplicateIds(n: number): void {
  const text = `messages:\n  m:\n    type: button\n    body: Hi\n    buttons:\n${Array.from({ length: n }, (_, i) => `      - { id: a, title: t${i} }\n`).join('')}`;
  compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
}

/** A list rendered with a data file of `n` items that all have one id. */
export function duplicateData(n: number): void {
  const text = 'params:\n  items:\n    type: array\n    items:\n      id: { type: string, maxLength: 10 }\nmessages:\n  m:\n    type: list\n    body: Hi\n    button: Pick\n    sections:\n      - title: S\n        rows:\n          - { each: items, id: "{{ item.id }}", title: Row }\n';
  const data = JSON.stringify({ items: Array.from({ length: n }, () => ({ id: 'a' })) });
  compile([{ path: 'f.wa.yaml', text }], { data: { path: 'd.json', text: data }, maxFileSize: 64 * 1024 * 1024 });
}

/** `n` duplicate ids on one flow-style line, rendered as the CLI prints them (code frames, columns). */
export function duplicatesOnOneLine(n: number): void {
  const text = `messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [${Array.from({ length: n }, (_, i) => `{ id: a, title: t${i} }`).join(', ')}]\n`;
  const result = compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 64 * 1024 * 1024 });
  render(result.diagnostics, new SourceMap().add('f.wa.yaml', text), 'pretty');
}

/** The preview of a list repeated over an array param declared with `maxItems: n`. */
export function previewMaxItems(n: number): void {
  const text = `params:\n  rows:\n    type: array\n    maxItems: ${n}\n    items:\n      id: { type: string, maxLength: ${n} }\nmessages:\n  m:\n    type: list\n    body: Pick\n    button: Open\n    sections:\n      - title: S\n        rows:\n          - { each: rows, as: r, id: "{{ r.id }}", title: Row }\n`;
  preview([{ path: 'f.wa.yaml', text }]);
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

/** One file of `n` messages in two languages, compiled; `read` also reads its language text index. */
function translated(n: number, read: boolean): void {
  const message = (i: number) => `  m${i}:\n    type: location_request_message\n    languages: [en_US, de]\n    body: { en_US: Where are you? ${i}, de: Wo sind Sie? ${i} }\n`;
  const result = compile([{ path: 'f.wa.yaml', text: `messages:\n${Array.from({ length: n }, (_, i) => message(i)).join('')}` }], { maxFileSize: 64 * 1024 * 1024 });
  if (result.diagnostics.length > 0) throw new Error(`the messages are not clean: ${result.diagnostics[0]!.message}`);
  if (read && result.languages?.texts.length !== 2 * n) throw new Error('the language texts are not all there');
}

/** See translated: compiled, the language texts not read. */
export function translatedUnread(n: number): void {
  translated(n, false);
}

/** See translated: compiled, and the language texts read. */
export function translatedRead(n: number): void {
  translated(n, true);
}
