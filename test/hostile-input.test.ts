// Hostile inputs of the second hardening pass, at the level of compile() and its parts: each
// asserts what is reported and, where work could grow faster than the input, counts the work.
// No assertion here measures time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { Reporter } from '../compiler/diagnostics/diagnostic.js';
import type { Text } from '../compiler/model/types.js';
import { checkUnique, FreeNames } from '../compiler/rules/rule.js';
import { render, SourceMap } from '../compiler/diagnostics/render.js';
import { SourceText } from '../compiler/source.js';
import { codePoints } from '../runtime/template.js';
import { preview, sampleValues } from '../compiler/preview/preview.js';
import { readParams } from '../compiler/templates/params.js';
import { load } from '../compiler/load/load.js';
import { Analysis } from '../compiler/lsp/analysis.js';
import { growth, operations } from './operations.js';

/** A fixed text as the rules see it (a plain scalar). */
function fixedText(value: string, at: number): Text {
  const span = { start: at, end: at + value.length };
  return { value, span, parts: [{ kind: 'literal', value, start: 0, end: value.length }], templated: false, scalar: { node: { type: 'PLAIN' } } as never, fileText: '' };
}

test('40,000 copies of one button id: every copy reported once, with a distinct free rename', () => {
  const n = 40_000;
  const text = `messages:\n  m:\n    type: button\n    body: Hi\n    buttons:\n${Array.from({ length: n }, (_, i) => `      - { id: a, title: t${i} }\n`).join('')}`;
  const result = compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 8 * 1024 * 1024 });
  const dups = result.diagnostics.filter((d) => d.code === 'WA407');
  assert.is(dups.length, n - 1);
  const renames = new Set(dups.map((d) => d.fixes?.[0]?.edits[0]?.text));
  assert.is(renames.size, n - 1, 'each duplicate gets its own suggestion');
  assert.ok(renames.has('a_2') && renames.has(`a_${n}`));
});

test('the language server diagnoses a document of 20,000 duplicate ids through the same linear check', () => {
  const n = 20_000;
  const text = `messages:\n  m:\n    type: button\n    body: Hi\n    buttons:\n${Array.from({ length: n }, (_, i) => `      - { id: a, title: t${i} }\n`).join('')}`;
  const found = new Analysis('doc.wa.yaml', text, 1, { compiles: 0, outputs: 0 }, 8 * 1024 * 1024).compiled.diagnostics.filter((d) => d.code === 'WA407');
  assert.is(found.length, n - 1);
  assert.is(new Set(found.map((d) => d.fixes?.[0]?.title)).size, n - 1, 'one quick fix each, each to a free name');
});

test('checkUnique reads each text a bounded number of times (it was once per duplicate per text)', () => {
  const n = 20_000;
  const texts = Array.from({ length: n }, (_, i) => ({ text: fixedText('same', i * 10), repeats: false }));
  let reads = 0;
  const counted = new Proxy(texts, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const r = new Reporter('f.wa.yaml');
  checkUnique(r, counted, 'WA407', 'button id', 'message `m`');
  assert.is(r.diagnostics.length, n - 1);
  assert.ok(reads <= 3 * n, `${reads} reads of ${n} texts`);
});

test('rename suggestions skip taken names in linear work, even when every `<id>_<n>` is taken', () => {
  const n = 20_000;
  // `a`, `a_2` … `a_n` all used, then n more copies of `a`: each suggestion must skip them all once, not once per copy.
  const values = ['a', ...Array.from({ length: n - 1 }, (_, i) => `a_${i + 2}`), ...Array.from({ length: n }, () => 'a')];
  const names = new FreeNames(values);
  const given = Array.from({ length: n }, () => names.next('a'));
  assert.is(new Set(given).size, n);
  assert.is(given[0], `a_${n + 1}`);
  const used = new Set(values);
  assert.ok(given.every((g) => !used.has(g)));
  assert.ok(names.tries <= 2 * n + 1, `${names.tries} candidates for ${n} suggestions`);
});

test('a data file of 70,000 items with one id: each duplicate reported once, rendered', () => {
  const source = [
    'params:',
    '  items:',
    '    type: array',
    '    items:',
    '      id: { type: string, maxLength: 10 }',
    'messages:',
    '  m:',
    '    type: list',
    '    body: Hi',
    '    button: Pick',
    '    sections:',
    '      - title: S',
    '        rows:',
    '          - each: items',
    '            id: "{{ item.id }}"',
    '            title: Row',
    '',
  ].join('\n');
  const data = JSON.stringify({ items: Array.from({ length: 70_000 }, () => ({ id: 'a' })) });
  const result = compile([{ path: 'f.wa.yaml', text: source }], { data: { path: 'd.json', text: data }, maxFileSize: 8 * 1024 * 1024 });
  const dups = result.diagnostics.filter((d) => d.code === 'WA407');
  assert.is(dups.length, 69_999);
  assert.ok(dups.every((d) => d.message.endsWith('(rendered with d.json)')));
  assert.ok(result.diagnostics.some((d) => d.code === 'WA304'));
});

test('20,000 duplicates on one 600 KB line: each code frame shows a window of the line, not all of it', () => {
  const n = 20_000;
  const text = `messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [${Array.from({ length: n }, (_, i) => `{ id: a, title: t${i} }`).join(', ')}]\n`;
  const result = compile([{ path: 'f.wa.yaml', text }], { maxFileSize: 8 * 1024 * 1024 });
  const dups = result.diagnostics.filter((d) => d.code === 'WA407');
  assert.is(dups.length, n - 1);
  const sources = new SourceMap().add('f.wa.yaml', text);
  const pretty = render(dups, sources, 'pretty');
  // Bounded per diagnostic (the whole line each time would be 600 KB x 20,000).
  assert.ok(pretty.length < 700 * n, `${pretty.length} characters for ${n} diagnostics`);
  assert.match(pretty, /\n5 \| …[^\n]{150,260}…\n/);
  const gcc = render(dups.slice(-1), sources, 'gcc');
  assert.match(gcc, new RegExp(`^f\\.wa\\.yaml:5:${text.split('\n')[4]!.lastIndexOf('id: a') + 5}: error`));
});

test('columns on a long line with emoji are code points, found without rescanning the line', () => {
  const line = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '😀' : i % 11 === 0 ? '\ud800' : 'x')).join('');
  const text = `first\n${line}\nlast`;
  const source = new SourceText('f', text);
  for (let offset = 6; offset <= 6 + line.length; offset += 37) {
    assert.equal(source.position(offset), { line: 2, column: codePoints(text.slice(6, offset)) + 1 }, `offset ${offset}`);
  }
});

/** Every value in a sample, counted (arrays and records included). */
function countValues(v: unknown): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + countValues(x), 0);
  if (v && typeof v === 'object') return 1 + Object.values(v).reduce((n: number, x) => n + countValues(x), 0);
  return 1;
}

test('waml preview of `maxItems: 50000000` and `maxLength: 1000000000`: the longest-values sample stays small', () => {
  const text = [
    'params:',
    '  rows:',
    '    type: array',
    '    minItems: 50000000',
    '    maxItems: 50000000',
    '    items:',
    '      id: { type: string, minLength: 1000000000, maxLength: 1000000000 }',
    'messages:',
    '  m:',
    '    type: list',
    '    body: Pick',
    '    button: Open',
    '    sections:',
    '      - title: S',
    '        rows:',
    '          - { each: rows, as: r, id: "{{ r.id }}", title: "{{ r.id | truncate(24) }}" }',
    '',
  ].join('\n');
  const { messages } = preview([{ path: 'f.wa.yaml', text }]);
  assert.is(messages.length, 1);
  const rows = (m: unknown) => (m as { interactive: { action: { sections: { rows: { id: string }[] }[] } } }).interactive.action.sections[0]!.rows;
  for (const body of [messages[0]!.body, messages[0]!.worst]) {
    assert.is(rows(body).length, 11, 'one more row than a list takes, not fifty million');
    const length = rows(body)[0]!.id.length;
    assert.ok(length >= 4097 && length <= 4100, `${length}: one character more than the longest text (and a number), not a billion`);
  }
});

test('arrays of arrays in a sample share one budget: ten levels of maxItems 1,000,000 make at most 10,000 values', () => {
  let decl = '{ type: string, maxLength: 5 }';
  for (let i = 0; i < 10; i++) decl = `{ type: array, maxItems: 1000000, items: { x: ${decl} } }`;
  const root = load(`p: ${decl}\n`, new Reporter('f')).root!;
  const params = readParams(root, new Reporter('f'));
  const values = sampleValues(params, 'worst');
  const n = countValues(values);
  assert.ok(n > 100 && n <= 10_000 + 20, `${n} values`);
});

test('counted, not timed: duplicate ids, duplicate data and one long line of duplicates grow linearly; a preview does not grow with maxItems', () => {
  const sizes = [1_000, 4_000];
  for (const scenario of ['duplicateIds', 'duplicateData', 'duplicatesOnOneLine']) {
    const work = growth(sizes, operations(scenario, sizes));
    assert.ok(work < 1.3, `${scenario}: 4x the input costs ${(work * 4).toFixed(2)}x the work`);
  }
  const declared = [1_000, 50_000_000];
  const [small, huge] = operations('previewMaxItems', declared);
  assert.ok(huge! < small! * 1.3, `a preview of maxItems 50,000,000 does ${huge} operations to ${small} for 1,000`);
});

test.run();
