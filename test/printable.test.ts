// WA112 (a raw character YAML does not allow) and WA113 (an escape that writes one), with
// their ranges; and that such characters never reach a terminal through a code frame.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { render, SourceMap } from '../compiler/diagnostics/render.js';
import { expectAt, table } from './harness.js';

const body = (text: string) => `
  messages:
    m:
      type: location_request_message
      body: ${text}
`;

table(test, [
  { name: 'tab, line breaks, NEL and visible text pass', yaml: body('"a\\tb\\nc\\rd\u0085e é 😀"') },
  { name: 'a raw NUL is WA112, at it', yaml: body('a«\u0000»b'), expect: [{ code: 'WA112', message: 'U+0000 (NUL, a control character)' }] },
  { name: 'a raw BEL', yaml: body('a«\u0007»b'), expect: [{ code: 'WA112', message: 'U+0007' }] },
  { name: 'a raw ESC', yaml: body('a«\u001b»[31mb'), expect: [{ code: 'WA112', message: 'ESC' }] },
  { name: 'a raw DEL', yaml: body('a«\u007f»b'), expect: [{ code: 'WA112', message: 'DEL' }] },
  { name: 'a raw C1 control', yaml: body('a«\u009b»b'), expect: [{ code: 'WA112', message: 'U+009B' }] },
  { name: 'a raw U+FFFE', yaml: body('a«\ufffe»b'), expect: [{ code: 'WA112', message: 'noncharacter' }] },
  { name: 'a raw lone surrogate (only a string handed to compile() can hold one)', yaml: body('a«\ud800»b'), expect: [{ code: 'WA112', message: 'surrogate' }] },
  { name: 'a run of them is one diagnostic over the run', yaml: body('a«\u0000\u0001\u0002»b'), expect: [{ code: 'WA112', message: '3 characters' }] },
  { name: 'one per line: the first run of the line', yaml: `
    messages:
      m:
        type: location_request_message
        body: a«\u0000»b\u0000c
        «footer»: «\u0007»
  `, expect: [{ code: 'WA112' }, { code: 'WA402' }, { code: 'WA112' }] },
  { name: 'in a comment too: the file is not YAML', yaml: `
    # a comment«\u0000»
    messages:
      m:
        type: location_request_message
        body: Hi
  `, expect: [{ code: 'WA112' }] },
  { name: 'an escaped NUL is WA113, at the escape', yaml: body('"a«\\0»b"'), expect: [{ code: 'WA113', severity: 'warning', message: 'U+0000' }] },
  { name: 'an escaped ESC (\\e)', yaml: body('"«\\e»[31mred"'), expect: [{ code: 'WA113' }] },
  { name: 'an escaped BEL as \\x07', yaml: body('"ding«\\x07»"'), expect: [{ code: 'WA113' }] },
  { name: 'an escaped U+FFFE', yaml: body('"«\\uFFFE»"'), expect: [{ code: 'WA113' }] },
  { name: 'an escaped lone surrogate', yaml: body('"«\\ud800»"'), expect: [{ code: 'WA113' }] },
  { name: 'each escape in a value, at its own range', yaml: body('"«\\0»«\\0»"'), expect: [{ code: 'WA113' }, { code: 'WA113' }] },
  { name: 'DEL, a C1 control and U+FFFE in one text: three', yaml: body('"a«\\x7f» b«\\x9f» d«\\uFFFE»"'), expect: [
    { code: 'WA113', message: 'U+007F' }, { code: 'WA113', message: 'U+009F' }, { code: 'WA113', message: 'U+FFFE' }] },
  { name: 'the same escape twice: two', yaml: body('"x«\\e» y«\\e»"'), expect: [{ code: 'WA113' }, { code: 'WA113' }] },
  { name: 'an escape after a raw character in the same text: WA112 for the raw, WA113 for the escape', yaml: body('"a«\u0007»b«\\x07»"'), expect: [{ code: 'WA112' }, { code: 'WA113' }] },
  { name: 'an escaped pair is one character, not two halves', yaml: body('"«\\0»\\U0001F600«\\x01»"'), expect: [{ code: 'WA113' }, { code: 'WA113' }] },
  { name: 'in any text: a button id', yaml: `
    messages:
      m:
        type: button
        body: Hi
        buttons:
          - { id: "a«\\x01»", title: A }
  `, expect: [{ code: 'WA113' }] },
]);

test('an escaped control character in a data file is WA113 in the data file', () => {
  const text = 'params:\n  name: { type: string, maxLength: 10 }\nmessages:\n  m:\n    type: location_request_message\n    body: "Hi {{ name }}"\n';
  const result = compile([{ path: 'f.wa.yaml', text }], { data: { path: 'd.json', text: '{ "name": "a\\u0000b" }' } });
  assert.equal(result.diagnostics.map((d) => `${d.file} ${d.code} ${d.span.start}-${d.span.end}`), ['d.json WA113 12-18']);
});

test('positions stay right after a raw NUL and with CRLF line ends', () => {
  expectAt('messages:\r\n  m:\r\n    type: location_request_message\r\n    body: x\u0000\u0000y\r\n', ['WA112@4:12-4:14']);
});

test('a code frame never sends a control character to the terminal', () => {
  const text = 'messages:\n  m:\n    type: location_request_message\n    body: a\u001b[2Jb\n';
  const result = compile([{ path: 'f.wa.yaml', text }]);
  const shown = render(result.diagnostics, new SourceMap().add('f.wa.yaml', text), 'pretty');
  assert.ok(!shown.includes('\u001b'), JSON.stringify(shown));
  assert.match(shown, /body: a\ufffd\[2Jb/);
  assert.match(shown, /\n {2}\| {12}\^\n/);
});

test.run();
