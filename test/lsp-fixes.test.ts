import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { Code } from '../compiler/diagnostics/codes.js';
import { fixesOf } from '../compiler/lsp/fixes.js';

// Quick fixes offered only where the edit is certain: [text, code, range (the marked part), message, expected edits].
const at = (text: string, marked: string) => ({ start: text.indexOf(marked), end: text.indexOf(marked) + marked.length });
const CASES: [string, Code, string, string, string[]][] = [
  ['    fotter: Thanks', 'WA201', 'fotter', 'unknown key `fotter` in message `m`; did you mean `footer`?', ['Change to footer: fotter→footer']],
  ['    type: buton', 'WA205', 'buton', 'unknown message type `buton`; did you mean `button`?', ['Change to button: buton→button']],
  ['    body: "{{ nme }}"', 'WA505', 'nme', '`nme` is not a declared param; did you mean `name`?', ['Change to name: nme→name']],
  ['    title: "{{ p.nme }}"', 'WA506', '.nme', '`p` has no field `nme`; did you mean `name`?', ['Change to name: nme→name']],
  ['    body: "{{ x | uper }}"', 'WA513', 'uper', 'unknown filter `uper`; did you mean `upper`?', ['Change to upper: uper→upper']],
  // The wrong name twice in the range: not certain, no fix.
  ['    each: ordrs.ordrs', 'WA505', 'ordrs.ordrs', '`ordrs` is not a declared param; did you mean `orders`?', []],
  // No suggestion: no fix.
  ['    zzz: 1', 'WA201', 'zzz', 'unknown key `zzz` in message `m`', []],
  ['    url: "http://a.example"', 'WA406', '"http://a.example"', 'button URL uses http', ['Use https: →s']],
  ['    url: "http://a.example/?next=http://b.example"', 'WA406', '"http://a.example/?next=http://b.example"', 'button URL uses http', []],
];

test('quick fixes: a did-you-mean whose wrong name stands once in the range, and http to https', () => {
  for (const [text, code, marked, message, expected] of CASES) {
    const d = diagnostic('t.wa.yaml', code, at(text, marked), message);
    const got = fixesOf(d, text).map((f) => `${f.title}: ${f.edits.map((e) => `${text.slice(e.span.start, e.span.end)}→${e.text}`).join(', ')}`);
    assert.equal(got, expected, text);
  }
});

test("quick fixes: a diagnostic's own fixes come first", () => {
  const text = '      - { id: a, title: x }';
  const d = diagnostic('t.wa.yaml', 'WA407', at(text, 'a,'), 'button id `a` is used twice', { fixes: [{ title: 'Rename this id to a_2', edits: [{ span: { start: 15, end: 16 }, text: 'a_2' }] }] });
  assert.equal(fixesOf(d, text).map((f) => f.title), ['Rename this id to a_2']);
});

test.run();
