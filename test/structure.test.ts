import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnose, expectDiagnostics, table } from './harness.js';

test('WA201: an unknown key with a suggestion', () => {
  expectDiagnostics(`
    messages:
      «m»:
        type: location_request_message
        «bdy»: Share your location
  `, [{ code: 'WA202', message: 'message `m` is missing `body`' }, { code: 'WA201', message: 'did you mean `body`?' }]);
});

test('WA201: an unknown key deep inside, without a likely suggestion', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        body: Hi
        buttons: [{ id: a, title: A, «colour»: red }]
  `, [{ code: 'WA201', message: 'unknown key `colour` in `m.buttons[0]`' }]);
});

test('WA201: an unknown key at the top level', () => {
  expectDiagnostics(`
    «mesages»:
      m: { type: location_request_message, body: Hi }
    messages:
      m: { type: location_request_message, body: Hi }
  `, [{ code: 'WA201', message: 'did you mean `messages`?' }]);
});

test('WA202: a missing required key, at the key of the mapping that lacks it', () => {
  expectDiagnostics(`
    messages:
      m:
        type: cta_url
        body: Hi
        «button»: { text: Go }
  `, [{ code: 'WA202', message: '`m.button` is missing `url`' }]);
});

test('WA202: a message without a type', () => {
  expectDiagnostics(`
    messages:
      «m»:
        body: Hi
  `, [{ code: 'WA202', message: 'missing `type`' }]);
});

test('WA203: a list where text belongs', () => {
  expectDiagnostics(`
    messages:
      m:
        type: location_request_message
        body: «[a, b]»
  `, [{ code: 'WA203', message: '`m.body` must be text, not a list' }]);
});

test('WA203: an empty value', () => {
  expectDiagnostics(`
    messages:
      m:
        type: location_request_message
        «body»:
  `, [{ code: 'WA203', message: 'not nothing (an empty value)' }]);
});

test('WA203: text where a list belongs', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        body: Hi
        buttons: «yes»
  `, [{ code: 'WA203', message: 'must be a list, not text' }]);
});

// A message that is not a mapping fails the message schema and each message type's schema:
// said once, at the value (or at the key, for an empty value).
table(test, [
  { name: 'WA203 once: a message that is a number', yaml: 'messages:\n  m: «5»\n', expect: [{ code: 'WA203', message: '`m` must be a mapping, not the number 5' }] },
  { name: 'WA203 once: a message that is a list', yaml: 'messages:\n  m: «[a]»\n', expect: [{ code: 'WA203', message: 'not a list' }] },
  { name: 'WA203 once: a message that is a list of mappings', yaml: 'messages:\n  m: «[{ type: button }, { body: Hi }]»\n', expect: [{ code: 'WA203', message: 'not a list' }] },
  { name: 'WA203 once: a message that is null, at its key', yaml: 'messages:\n  «m»: null\n', expect: [{ code: 'WA203', message: 'not nothing' }] },
  { name: 'WA203 once: a message left empty, at its key', yaml: 'messages:\n  «m»:\n', expect: [{ code: 'WA203', message: 'not nothing' }] },
  { name: 'WA203 once: a message that is text', yaml: 'messages:\n  m: «"text"»\n', expect: [{ code: 'WA203', message: 'not text' }] },
  { name: 'WA203 once: a message that is a boolean', yaml: 'messages:\n  m: «true»\n', expect: [{ code: 'WA203', message: 'not `true`' }] },
  { name: 'WA203 once each: two messages of the wrong shape', yaml: 'messages:\n  m: «5»\n  n: «[a]»\n', expect: [{ code: 'WA203' }, { code: 'WA203' }] },
  { name: 'WA203 once: `messages` that is a number', yaml: 'messages: «5»\n', expect: [{ code: 'WA203', message: '`messages` must be a mapping' }] },
  { name: 'WA203 once: `messages` that is a list', yaml: 'messages: «[a]»\n', expect: [{ code: 'WA203', message: '`messages` must be a mapping' }] },
  { name: 'WA203 once: a template whose buttons are a number', yaml: 'messages:\n  m: { type: template, category: utility, language: en_US, body: Hi, buttons: «5» }\n', expect: [{ code: 'WA203', message: '`m.buttons` must be a list' }] },
  // The two cards written count as two (model/written.ts): no WA305 "has 0 cards" beside them.
  { name: 'WA203 once each: template cards that are not mappings, and no count of 0 beside them', yaml: 'messages:\n  m: { type: template, category: marketing, language: en_US, body: Hi, cards: [«5», «a»] }\n', expect: [{ code: 'WA203' }, { code: 'WA203' }] },
  { name: 'WA203 once: a template body that is a list', yaml: 'messages:\n  m: { type: template, category: utility, language: en_US, body: «[a]» }\n', expect: [{ code: 'WA203', message: '`m.body` must be text' }] },
]);

test('WA204: a message name that is not an identifier', () => {
  expectDiagnostics(`
    messages:
      «help-menu»:
        type: location_request_message
        body: Hi
  `, [{ code: 'WA204', message: '`help-menu` is not a valid message name' }]);
});

test('WA205: an unknown message type, with a suggestion', () => {
  expectDiagnostics(`
    messages:
      m:
        type: «buton»
        body: Hi
  `, [{ code: 'WA205', message: 'did you mean `button`?' }]);
});

test('WA206: a key of another message type', () => {
  expectDiagnostics(`
    messages:
      m:
        type: list
        body: Hi
        button: Open
        sections: [{ title: S, rows: [{ id: a, title: A }] }]
        «cards»: []
  `, [{ code: 'WA206', message: '`cards` is not a key of a `list` message; it belongs to `carousel` or `template` messages' }]);
});

test('WA207: no messages', () => {
  expectDiagnostics(`
    «messages»: {}
  `, [{ code: 'WA207' }]);
});

test('WA208: a header with two kinds', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        header: { text: Hi, «image»: https://e.com/a.png }
        body: Hi
        buttons: [{ id: a, title: A }]
  `, [{ code: 'WA208', message: 'takes exactly one of `text`, `image`, `video` or `document`' }]);
});

test('WA208: an empty header mapping', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        header: «{}»
        body: Hi
        buttons: [{ id: a, title: A }]
  `, [{ code: 'WA208' }]);
});

test('WA123: a media header in the API\'s shape: one diagnostic, with the waml shape to write', () => {
  expectDiagnostics(`
    messages:
      m:
        type: cta_url
        header: «{ type: image, image: { link: "https://e.com/a.png" } }»
        body: Hi
        button: { text: Go, url: "https://e.com" }
  `, [{ code: 'WA123', message: '(`type: image` beside `image`)' }]);
  const { diagnostics } = diagnose('messages:\n  m:\n    type: cta_url\n    header: { type: video, video: { id: "123" } }\n    body: Hi\n    button: { text: Go, url: "https://e.com" }\n');
  assert.is(diagnostics[0]!.help, 'drop `type` and write `header: { video: … }`');
});

test('WA123: a text header in the API\'s shape is the text itself', () => {
  const { diagnostics } = diagnose(`
    messages:
      m:
        type: button
        header: { type: text, text: Welcome }
        body: Hi
        buttons: [{ id: a, title: A }]
  `);
  assert.equal(diagnostics.map((d) => [d.code, d.help]), [['WA123', 'drop `type` and write `header: Welcome`']]);
});

test('WA123 only for the API\'s shape: a `type` with no matching kind stays an unknown key', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        header: { «type»: image, «text»: Hi }
        body: Hi
        buttons: [{ id: a, title: A }]
  `, [{ code: 'WA201' }, { code: 'WA208' }]);
});

test('a structural error does not hide the limits of the same message', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        body: Hi
        «extra»: 1
        buttons: [{ id: a, title: «Twenty-one characters» }]
  `, [{ code: 'WA201' }, { code: 'WA301' }]);
});

test('no ajv wording reaches the user', () => {
  const { diagnostics } = diagnose(`
    messages:
      m:
        type: carousel
        body: 3
        cards: { a: 1 }
        header: [1]
      n: 5
  `);
  assert.ok(diagnostics.length >= 3);
  for (const d of diagnostics) assert.not.match(d.message, /must NOT|must match|should|instancePath|schemaPath/);
});

test('plain numbers and booleans are text as written', () => {
  expectDiagnostics(`
    messages:
      m:
        type: button
        body: 2024
        buttons: [{ id: 1.50, title: true }]
  `, []);
});

test.run();
