// Counts per language in the editor, from the language texts of a compile (hand-built here;
// the language server's own test drives them through a compile in lsp.test.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { languageHints, languageHover } from '../compiler/lsp/languages.js';
import type { TranslatableText } from '../compiler/translations/model.js';
import { analyze } from '../compiler/translations/analyze.js';

const SOURCE = `languages: [en_US, de]
messages:
  m:
    type: button
    body: Pick one
    buttons:
      - id: a
        title: { en_US: Track order, de: Bestellung verfolgen! }
      - id: b
        title: { en_US: "Hi {{ n }}", de: "Hallo {{ n }}" }
`;

function at(text: string): { start: number; end: number } {
  const start = SOURCE.indexOf(text);
  return { start, end: start + text.length };
}

const map0 = { start: SOURCE.indexOf('{ en_US: Track'), end: SOURCE.indexOf('! }') + 3 };
const TEXTS: TranslatableText[] = [
  { file: 'f.wa.yaml', message: 'm', field: 'body', language: 'en_US', text: 'Pick one', span: at('Pick one'), shared: true, maxLength: 1024, length: { min: 8, max: 8 }, mapSpan: null },
  { file: 'f.wa.yaml', message: 'm', field: 'buttons.0.title', language: 'en_US', text: 'Track order', span: at('Track order'), shared: false, maxLength: 20, length: { min: 11, max: 11 }, mapSpan: map0 },
  { file: 'f.wa.yaml', message: 'm', field: 'buttons.1.title', language: 'en_US', text: 'Hi {{ n }}', span: at('"Hi {{ n }}"'), shared: false, maxLength: 20, length: { min: 3, max: 13 }, mapSpan: null },
  { file: 'f.wa.yaml', message: 'm', field: 'body', language: 'de', text: 'Pick one', span: at('Pick one'), shared: true, maxLength: 1024, length: { min: 8, max: 8 }, mapSpan: null },
  { file: 'f.wa.yaml', message: 'm', field: 'buttons.0.title', language: 'de', text: 'Bestellung verfolgen!', span: at('Bestellung verfolgen!'), shared: false, maxLength: 20, length: { min: 21, max: 21 }, mapSpan: map0 },
  { file: 'f.wa.yaml', message: 'm', field: 'buttons.1.title', language: 'de', text: 'Hallo {{ n }}', span: at('"Hallo {{ n }}"'), shared: false, maxLength: 20, length: { min: 6, max: null }, mapSpan: null },
];

test('inlay hints: one per language text of a mapping, with its language, its count and ⚠ when over', () => {
  const hints = languageHints(TEXTS, 'f.wa.yaml', SOURCE);
  assert.equal(
    hints.map((h) => [SOURCE.slice(h.offset - 3, h.offset), h.label, h.over]),
    [
      ['der', 'en_US 11/20', false],
      ['en!', 'de ⚠ 21/20', true],
      ['}}"', 'en_US ≤13/20', false],
      ['}}"', 'de ⚠ ≤∞/20', true],
    ],
  );
  assert.match(hints[1]!.tooltip, '`de` buttons.0.title: 21 characters; the limit is 20');
  assert.equal(languageHints(TEXTS, 'other.wa.yaml', SOURCE), []);
  // Only the hints in the range asked for.
  assert.is(languageHints(TEXTS, 'f.wa.yaml', SOURCE, at('Bestellung')).length, 1);
});

test('hover on one language shows every language of that text, the one under the cursor in bold', () => {
  const h = languageHover(TEXTS, 'f.wa.yaml', SOURCE.indexOf('verfolgen!'))!;
  assert.is(h.markdown, '**buttons.0.title** of `m` in 2 languages (limit 20):\n\n- en_US: 11/20\n- **de**: ⚠ 21/20 (over)');
  assert.equal(h.span, at('Bestellung verfolgen!'));
  const onMap = languageHover(TEXTS, 'f.wa.yaml', SOURCE.indexOf('{ en_US: Track'))!;
  assert.match(onMap.markdown, '- en_US: 11/20\n- de: ⚠ 21/20 (over)');
  assert.is(languageHover(TEXTS, 'f.wa.yaml', SOURCE.indexOf('type:')), undefined);
});

test('aliases, compiled for real: hover on an anchored text bolds its owner, and an aliased mapping has its hints once', () => {
  const source = 'languages: [en_US, de]\nmessages:\n  m:\n    type: list\n    body: { en_US: &g OK then, de: *g }\n    button: { en_US: Menu, de: Menü }\n    sections:\n      - rows:\n          - id: a\n            title: &t { en_US: Track, de: Folgen }\n          - id: b\n            title: *t\n';
  const texts = analyze([{ path: 'f.wa.yaml', text: source }]).index.texts;
  const h = languageHover(texts, 'f.wa.yaml', source.indexOf('OK then') + 1)!;
  assert.match(h.markdown, '- **en_US**: 7/4096\n- de: 7/4096');
  const hints = languageHints(texts, 'f.wa.yaml', source).map((x) => [source.slice(x.offset - 3, x.offset), x.label]);
  assert.equal(hints, [['hen', 'en_US 7/4096'], ['enu', 'en_US 4/20'], ['enü', 'de 4/20'], ['ack', 'en_US 5/24'], ['gen', 'de 6/24']]);
});

test.run();
