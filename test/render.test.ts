import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { displayWidth, FORMATS, render, SourceMap } from '../compiler/diagnostics/render.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/mistakes');
const GOLDEN = join(import.meta.dirname, 'golden/render');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function renderFile(name: string, format: (typeof FORMATS)[number], color = false): string {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const result = compile([{ path: name, text }]);
  return render(result.diagnostics, new SourceMap().add(name, text), format, { color, files: 1 });
}

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  assert.fixture(actual, readFileSync(path, 'utf8'), file);
}

for (const format of FORMATS) {
  test(`${format}: the five mistakes`, () => golden(`five-mistakes.${format}.txt`, renderFile('five-mistakes.wa.yaml', format)));
}

test('pretty with colour', () => golden('five-mistakes.color.txt', renderFile('five-mistakes.wa.yaml', 'pretty', true)));

test('pretty underlines emoji by their width on screen', () => golden('emoji.pretty.txt', renderFile('emoji.wa.yaml', 'pretty')));

test('pretty without colour has no escape codes', () => {
  assert.not.match(renderFile('five-mistakes.wa.yaml', 'pretty'), /\x1b\[/);
  assert.match(renderFile('five-mistakes.wa.yaml', 'pretty', true), /\x1b\[/);
});

test('a clean file: pretty says so, the line formats print nothing, json has an empty list', () => {
  assert.is(renderFile('clean.wa.yaml', 'pretty'), 'no problems in 1 file\n');
  assert.is(renderFile('clean.wa.yaml', 'gcc'), '');
  assert.is(renderFile('clean.wa.yaml', 'github'), '');
  assert.equal(JSON.parse(renderFile('clean.wa.yaml', 'json')), { diagnostics: [], summary: { files: 1, errors: 0, warnings: 0 } });
});

test('json has exactly the documented shape and key order', () => {
  const report = JSON.parse(renderFile('five-mistakes.wa.yaml', 'json'));
  assert.equal(Object.keys(report), ['diagnostics', 'summary']);
  assert.equal(report.summary, { files: 1, errors: 4, warnings: 1 });
  const dup = report.diagnostics.find((d: { code: string }) => d.code === 'WA407');
  assert.equal(Object.keys(dup), ['file', 'code', 'severity', 'message', 'help', 'range', 'related']);
  assert.equal(dup.range, { start: { line: 9, column: 15 }, end: { line: 9, column: 26 } });
  assert.equal(dup.related, [{ file: 'five-mistakes.wa.yaml', range: { start: { line: 8, column: 15 }, end: { line: 8, column: 26 } }, message: 'first used here' }]);
});

test('github escapes what would break a workflow command', () => {
  const text = 'messages:\n  m:\n    type: location_request_message\n    body: ""\n';
  const result = compile([{ path: 'a,b:c%.wa.yaml', text }]);
  const out = render(result.diagnostics, new SourceMap().add('a,b:c%.wa.yaml', text), 'github');
  assert.match(out, /^::error file=a%2Cb%3Ac%25\.wa\.yaml,line=4,col=11,endLine=4,endColumn=13,title=WA303 error::body is empty%0Ahelp: write a body\n$/);
});

test('display width: wide characters take two cells, marks none', () => {
  assert.is(displayWidth('abc'), 3);
  assert.is(displayWidth('👍'), 2);
  assert.is(displayWidth('漢字'), 4);
  assert.is(displayWidth('é'), 1);
});

test('a diagnostic for a file without text renders at 1:1 without a frame', () => {
  const out = render([{ file: 'gone.wa.yaml', code: 'WA902', severity: 'error', message: 'gone', span: { start: 0, end: 0 } }], new SourceMap(), 'pretty');
  assert.match(out, /--> gone\.wa\.yaml:1:1\n/);
});

test.run();
