import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { expectAt, expectDiagnostics } from './harness.js';

const OK = 'messages:\n  m:\n    type: location_request_message\n    body: Share your location\n';

test('a valid file has no diagnostics', () => {
  expectAt(OK, []);
});

test('WA101: a syntax error names yaml\'s code and stops the file', () => {
  const [d] = expectAt('messages:\n  a: [1, 2\n  b: 2\n', ['WA101@3:3-3:4']);
  assert.match(d!.message, /\([A-Z_]+\)$/);
});

test('WA101: an error at the very end of the file stays inside the text', () => {
  const text = 'messages:\n  m: [a, b';
  expectAt(text, ['WA101@2:11-2:11']);
  const [d] = compile([{ path: 'f.wa.yaml', text }]).diagnostics;
  assert.equal(d!.span, { start: text.length, end: text.length });
});

test('WA101: an unclosed quote', () => {
  const [d] = expectAt('messages:\n  m: "abc\n', ['WA101@3:1-3:1']);
  assert.match(d!.message, /MISSING_CHAR/);
});

// YAML mistakes in plain words: each case is the text, the diagnostics (code@range), and the
// help that says what to write.
const MISTAKES: [label: string, text: string, expected: string[], help: RegExp | undefined][] = [
  ['a colon in a header', 'messages:\n  m:\n    type: button\n    header: Note: we are open\n    body: Hi\n    buttons: [{ id: a, title: A }]\n', ['WA120@4:13-4:30'], /quote the text: `header: "Note: we are open"`/],
  ['a colon ending the text', 'messages:\n  m:\n    type: location_request_message\n    body: Opening hours:\n', ['WA120@4:11-4:25'], /`body: "Opening hours:"`/],
  ['a colon in a flow mapping', 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: Note: open }]\n', ['WA120@5:31-5:41'], /`"Note: open"`/],
  ['a quoted colon is text', 'messages:\n  m:\n    type: button\n    header: "Note: we are open"\n    body: Hi\n    buttons: [{ id: a, title: A }]\n', [], undefined],
  ['a URL is text', 'messages:\n  m:\n    type: location_request_message\n    body: See https://example.com/a\n', [], undefined],
  ['a comment cuts the footer', 'messages:\n  m:\n    type: button\n    body: Hi\n    footer: Call us #24h\n    buttons: [{ id: a, title: A }]\n', ['WA121@5:13-5:25'], /quote the text to keep the `#`: `"Call us #24h"`/],
  ['a comment cuts a flow title', 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons:\n      - { id: a, title: Call #1 }\n', ['WA121@6:25-6:32', 'WA101@7:1-7:1'], /`"Call #1"`/],
  ['a note after a value is a comment', 'messages:\n  m:\n    type: location_request_message   # body only\n    body: Hi #\n', [], undefined],
  ['a key indented deeper than the one above', 'messages:\n  m:\n    type: button\n    body: Hi\n      footer: x\n    buttons: [{ id: a, title: A }]\n', ['WA122@5:7-5:13'], /indent `footer` like the key above: 4 spaces, in column 5/],
  ['a key indented less than the one above', 'messages:\n  m:\n    type: location_request_message\n   body: Hi\n', ['WA122@4:4-4:8'], /indent `body` like the key above: 4 spaces/],
];

for (const [label, text, expected, help] of MISTAKES) {
  test(`YAML mistakes in words: ${label}`, () => {
    const found = expectAt(text, expected);
    if (help) assert.match(found[0]!.help ?? '', help);
    assert.ok(found.every((d) => !/[A-Z_]{6,}\)$/.test(d.message) || d.code === 'WA101'), 'no parser code in an explained message');
  });
}

test('WA102: a duplicate key points at the second and names the first', () => {
  expectDiagnostics(`
    messages:
      m:
        type: location_request_message
        body: One
        «body»: Two
  `, [{ code: 'WA102', related: '4:5' }]);
});

test('WA102: duplicate keys do not stop the other checks', () => {
  expectAt('messages:\n  m:\n    type: button\n    type: list\n    body: ""\n    buttons: [{ id: a, title: A }]\n', ['WA102@4:5-4:9', 'WA303@5:11-5:13']);
});

test('WA103: tabs as indentation', () => {
  expectAt('messages:\n\tm: 1\n', ['WA103@2:1-2:2']);
});

test('WA104: a second document', () => {
  expectAt(`${OK}---\nx: 1\n`, ['WA104@5:1-7:1']);
});

test('WA105: an alias bomb is refused with the library\'s limit', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'messages: {}',
  ].join('\n');
  expectAt(bomb, ['WA105@2:8-2:10']);
});

test('WA105: an alias to no anchor', () => {
  expectAt('messages:\n  m:\n    type: button\n    body: *nope\n', ['WA105@4:11-4:16']);
});

test('aliases to anchors are resolved', () => {
  expectAt('messages:\n  m:\n    type: location_request_message\n    body: &b Share your location\n  n:\n    type: location_request_message\n    body: *b\n', []);
});

test('WA106: a custom tag', () => {
  expectAt('messages: !foo\n  m:\n    type: location_request_message\n    body: Hi\n', ['WA106@1:11-1:15']);
});

test('WA106: a standard tag that waml has no use for', () => {
  expectAt('messages:\n  m:\n    type: location_request_message\n    body: !!binary aGk=\n', ['WA106@4:20-4:24']);
});

test('standard scalar tags are allowed', () => {
  expectAt('messages:\n  m:\n    type: location_request_message\n    body: !!str 123\n', []);
});

test('WA107: an empty file', () => {
  expectAt('', ['WA107@1:1-1:1']);
});

test('WA107: a list at the top level', () => {
  expectAt('- a\n', ['WA107@1:1-1:4']);
});

test('WA107: a lone value at the top level', () => {
  expectAt('hello\n', ['WA107@1:1-1:6']);
});

test('WA108: other warnings of the yaml parser', () => {
  const [d] = expectAt(`%FOO bar\n---\n${OK}`, ['WA108@1:1-1:9']);
  assert.is(d!.severity, 'warning');
});

test('WA109: another language version', () => {
  expectAt(`waml: 2\n${OK}`, ['WA109@1:7-1:8']);
});

test('version 1 is accepted', () => {
  expectAt(`waml: 1\n${OK}`, []);
});

test('WA110: a complex key', () => {
  expectAt(`? [a]\n: 1\n${OK}`, ['WA110@1:3-1:6']);
});

test('WA111: a merge key', () => {
  expectAt('base: &base { type: location_request_message }\nmessages:\n  m:\n    <<: *base\n    body: Hi\n', ['WA201@1:1-1:5', 'WA202@3:3-3:4', 'WA111@4:5-4:7']);
});

test('CRLF line endings keep positions right', () => {
  expectAt('messages:\r\n  m:\r\n    type: buton\r\n    body: Hi\r\n', ['WA205@3:11-3:16']);
});

test('a byte order mark keeps positions right', () => {
  expectAt('\ufeffmessages:\n  m:\n    type: buton\n    body: Hi\n', ['WA205@3:11-3:16']);
});

test('keys such as __proto__ are plain data', () => {
  expectAt('messages:\n  __proto__:\n    type: location_request_message\n    body: Hi\n  constructor:\n    type: location_request_message\n    body: Hi\n', []);
  assert.is(({} as Record<string, unknown>)['type'], undefined);
});

test.run();
