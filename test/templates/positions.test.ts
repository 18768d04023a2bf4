import { parseDocument, isMap, type Scalar } from 'yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mapScalar } from '../../compiler/load/scalar-map.js';
import { expectAt, expectDiagnostics } from '../harness.js';

// An unknown name inside a placeholder is reported at its exact characters, whatever the
// YAML style of the scalar around it: the marks « » stand where the diagnostic must point.
const body = (scalar: string) => `
  messages:
    m:
      type: location_request_message
      body: ${scalar}
`;
const UNKNOWN = [{ code: 'WA505' as const, message: '`nme` is not a declared param' }];

test('plain scalar', () => expectDiagnostics(body('Hello {{ «nme» }}'), UNKNOWN));
test('plain scalar after multi-byte text: columns count code points', () => expectDiagnostics(body('🎉 漢字 é {{ «nme» }}'), UNKNOWN));
test("single-quoted, with '' before", () => expectDiagnostics(body("'It''s {{ «nme» }}'"), UNKNOWN));
test('double-quoted, with escapes before', () => expectDiagnostics(body('"caf\\u00e9 \\"x\\" \\t \\\\ {{ «nme» }}"'), UNKNOWN));
test('double-quoted, with an astral escape before', () => expectDiagnostics(body('"\\U0001F600 {{ «nme» }}"'), UNKNOWN));
test('double-quoted over two lines (folded)', () => expectDiagnostics(body('"first line\n        then {{ «nme» }}"'), UNKNOWN));
test('double-quoted with an escaped line break', () => expectDiagnostics(body('"joined \\\n        {{ «nme» }}"'), UNKNOWN));
test('plain over two lines', () => expectDiagnostics(body('first line\n        then {{ «nme» }}'), UNKNOWN));
test('literal block', () => expectDiagnostics(body('|\n        line one\n        and {{ «nme» }}'), UNKNOWN));
test('literal block, strip chomping, after an empty line', () => expectDiagnostics(body('|-\n        line one\n\n        and {{ «nme» }}'), UNKNOWN));
test('folded block', () => expectDiagnostics(body('>\n        folded line\n        and {{ «nme» }}'), UNKNOWN));
test('a filter name inside a block is pointed at exactly', () => {
  expectDiagnostics(body('>-\n        Hi\n        {{ "x" | «uper» }}'), [{ code: 'WA513', message: 'did you mean `upper`?' }]);
});

test('CRLF: plain, double-quoted and block scalars', () => {
  const head = 'messages:\r\n  m:\r\n    type: location_request_message\r\n';
  expectAt(`${head}    body: Hi {{ nme }}\r\n`, ['WA505@4:17-4:20']);
  expectAt(`${head}    body: "caf\\u00e9\r\n      {{ nme }}"\r\n`, ['WA505@5:10-5:13']);
  expectAt(`${head}    body: |\r\n      one\r\n      {{ nme }}\r\n`, ['WA505@6:10-6:13']);
});

test('the map agrees with yaml for every style, or there is none', () => {
  const sources = [
    'a: plain {{ x }}', "a: 'q''s {{ x }}'", 'a: "\\u00e9\\n{{ x }}"', 'a: |\n  one\n  {{ x }}\n', 'a: >\n  one\n  {{ x }}\n\n  p\n', 'a: |+\n  k\n\n', 'a: "x\\\n  y"',
  ];
  for (const src of sources) {
    const doc = parseDocument(src);
    if (!isMap(doc.contents)) throw new Error('no map');
    const node = doc.contents.items[0]!.value as Scalar;
    const map = mapScalar(src, node, { start: node.range![0], end: node.range![1] });
    assert.ok(map, `a map for ${JSON.stringify(src)}`);
    const value = node.value as string;
    assert.is(map!.starts.length, value.length);
    const i = value.indexOf('{{');
    if (i >= 0) assert.is(src.slice(map!.starts[i], map!.starts[i]! + 2), '{{', `the {{ of ${JSON.stringify(src)}`);
  }
});

test.run();
