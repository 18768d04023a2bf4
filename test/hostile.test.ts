import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { MAX_DEPTH } from '../compiler/load/load.js';
import { expectAt } from './harness.js';
import { growth, operations } from './operations.js';

/** Compiles and checks the promises every input must keep: no throw, ranges inside the text. */
function survive(text: string, options: Parameters<typeof compile>[1] = {}) {
  const result = compile([{ path: 'f.wa.yaml', text }], options);
  for (const d of result.diagnostics) {
    if (d.file !== 'f.wa.yaml') continue;
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} range ${d.span.start}-${d.span.end} inside ${text.length}`);
  }
  return { result, codes: result.diagnostics.map((d) => d.code) };
}

const OK = 'messages:\n  m:\n    type: location_request_message\n    body: Share your location\n';

test('an alias bomb is refused quickly', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const { codes } = survive(`${lines.join('\n')}\n${OK}`);
  assert.equal(codes, ['WA105']);
});

test(`nesting 10,000 deep, in flow and block style, and just past waml's limit of ${MAX_DEPTH}`, () => {
  for (const text of [
    `messages: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    `messages: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
    `messages:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}a:`).join('\n')} 1\n`,
    `messages: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`,
  ]) {
    const { result } = survive(text, { maxFileSize: 64 * 1024 * 1024 });
    assert.equal(result.diagnostics.map((d) => d.code), ['WA101']);
    assert.match(result.diagnostics[0]!.message, /more than 256 levels deep/);
  }
  assert.equal(survive(`messages: ${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}\n`).codes, ['WA203'], 'within the limit it is read');
});

test('a file over the size limit is not read (WA903); the limit is configurable', () => {
  const big = `${OK}# ${'x'.repeat(2 * 1024 * 1024)}\n`;
  assert.equal(survive(big).codes, ['WA903']);
  assert.equal(survive(OK, { maxFileSize: 50 }).codes, ['WA903']);
  assert.equal(survive(OK, { maxFileSize: 500 }).codes, []);
  assert.equal(survive('messages:\n  m:\n    type: location_request_message\n    body: ééééé\n', { maxFileSize: 70 }).codes, ['WA903'], 'counted in UTF-8 bytes');
});

test('very long lines', () => {
  const { codes } = survive(`messages:\n  m:\n    type: location_request_message\n    body: ${'x'.repeat(3_000_000)}\n`, { maxFileSize: 8 * 1024 * 1024 });
  assert.equal(codes, ['WA301']);
  const sizes = [100_000, 400_000];
  const work = growth(sizes, operations('longLine', sizes));
  assert.ok(work < 1.3, `a line 4x as long costs ${(work * 4).toFixed(2)}x the work`);
});

test('NUL bytes, in the text and escaped', () => {
  assert.equal(survive('messages:\n  m:\n    type: location_request_message\n    body: a\u0000b\n').codes, ['WA112'], 'raw: YAML allows only printable characters');
  assert.equal(survive('messages:\n  m:\n    type: location_request_message\n    body: "a\\0b"\n').codes, ['WA113'], 'escaped: valid YAML, but remarked');
  assert.equal(survive('\u0000\u0000\u0000').codes.length > 0, true);
});

test('a byte order mark, CRLF and lone CR line endings keep positions right', () => {
  expectAt('\ufeffmessages:\n  m:\n    type: buton\n    body: Hi\n', ['WA205@3:11-3:16']);
  expectAt('messages:\r\n  m:\r\n    type: buton\r\n    body: Hi\r\n', ['WA205@3:11-3:16']);
  expectAt('messages:\r  m:\r    type: buton\r    body: Hi\r', ['WA205@3:11-3:16']);
  expectAt('messages:\r  m:\r    type: location_request_message\r    body: |\r      a {{ x }}\r', ['WA505@5:12-5:13']);
});

test('__proto__, constructor and prototype anywhere are plain data: no prototype pollution', () => {
  const text = [
    'params:',
    '  __proto__: { type: string, minLength: 1, maxLength: 5 }',
    '  constructor: { type: string, minLength: 1, maxLength: 5 }',
    'messages:',
    '  prototype:',
    '    type: flow',
    '    body: "{{ __proto__ }} {{ constructor }}"',
    '    flow:',
    '      id: "1"',
    '      cta: Book',
    '      data: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }',
    '    __proto__: { polluted: true }',
  ].join('\n');
  const { codes } = survive(text, { data: { path: 'd.json', text: '{ "__proto__": "a", "constructor": "b" }' } });
  assert.equal(codes, ['WA201']);
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
  assert.is((Object.prototype as Record<string, unknown>)['polluted'], undefined);
  const fixed = text.replace('    __proto__: { polluted: true }', '');
  const built = survive(fixed, { data: { path: 'd.json', text: '{ "__proto__": "a", "constructor": "b" }' } });
  assert.equal(built.codes, []);
  const body = JSON.parse(built.result.outputs[0]!.text);
  assert.equal(body.interactive.body, { text: 'a b' });
  assert.equal(Object.keys(body.interactive.action.parameters.flow_action_payload.data), ['__proto__', 'constructor']);
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
});

test('an alias inside the value it refers to (a cycle) is refused, also where the schema recurses', () => {
  assert.equal(survive('params: &p\n  x: { type: array, items: *p }\nmessages:\n  m: { type: location_request_message, body: Hi }\n').codes, ['WA105']);
  assert.equal(survive('params:\n  o: &o { type: object, fields: { inner: *o } }\nmessages:\n  m: { type: location_request_message, body: "{{ o.inner }}" }\n').codes, ['WA105']);
  assert.equal(survive('messages: &x { m: *x }\n').codes, ['WA105']);
});

test('YAML tags and merge keys are refused with a diagnostic', () => {
  assert.equal(survive(OK.replace('Share your location', '!js/function "x"')).codes, ['WA106']);
  assert.equal(survive(OK.replace('    body:', '    <<: { footer: x }\n    body:')).codes, ['WA111']);
});

test('twenty thousand messages in one file are checked clean', () => {
  const text = `messages:\n${Array.from({ length: 20_000 }, (_, i) => `  m${i}:\n    type: location_request_message\n    body: Hi ${i}\n`).join('')}`;
  assert.equal(survive(text, { maxFileSize: 8 * 1024 * 1024 }).codes, []);
});

test('the work of checking a file grows linearly with its messages (counted, not timed)', () => {
  const sizes = [2_000, 8_000];
  const calibration = growth(sizes, operations('quadratic', sizes));
  assert.ok(calibration > 3.5, `the count sees quadratic work (${calibration.toFixed(2)})`);
  const work = growth(sizes, operations('manyMessages', sizes));
  assert.ok(work < 1.3, `4x the messages cost ${(work * 4).toFixed(2)}x the work`);
});

test('the work of checking a file grows linearly with its message templates (counted, not timed)', () => {
  const sizes = [500, 2_000];
  const work = growth(sizes, operations('manyTemplates', sizes));
  assert.ok(work < 1.3, `4x the templates cost ${(work * 4).toFixed(2)}x the work`);
});

test.run();
