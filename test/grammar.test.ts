import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isTemplate, parseTemplate, type Part } from '../grammar/index.js';

/** A compact view of an AST: text as is, placeholders as `{path|filter(args)}`. */
function show(parts: Part[]): string[] {
  return parts.map((p) => {
    if (p.kind === 'text') return p.value;
    if (!p.pipe) return '{?}';
    const prim = p.pipe.primary;
    const head = prim.kind === 'literal' ? JSON.stringify(prim.value) : prim.head.name + prim.segments.map((s) => (s.kind === 'field' ? `.${s.name}` : `[${s.index}]`)).join('');
    const filters = p.pipe.filters.map((f) => `|${f.name.name}${f.args.length ? `(${f.args.map((a) => JSON.stringify(a.value)).join(',')})` : ''}`);
    return `{${head}${filters.join('')}}`;
  });
}

const valid: [string, string[]][] = [
  ['plain text', ['plain text']],
  ['Hi {{ name }}!', ['Hi ', '{name}', '!']],
  ['{{name}}', ['{name}']],
  ['{{ p.sku }}', ['{p.sku}']],
  ['{{ items[0].name }}', ['{items[0].name}']],
  ['{{ a.b[2].c }}', ['{a.b[2].c}']],
  ['{{ name | upper }}', ['{name|upper}']],
  ['{{ name | trim | truncate(20) }}', ['{name|trim|truncate(20)}']],
  ['{{ name | truncate(20, "…") }}', ['{name|truncate(20,"…")}']],
  ["{{ name | default('friend') }}", ['{name|default("friend")}']],
  ['{{ price | number(2) }}', ['{price|number(2)}']],
  ['{{ "{{" }}', ['{"{{"}']],
  ['{{ 42 }} {{ -1.5 }} {{ true }} {{ false }}', ['{42}', ' ', '{-1.5}', ' ', '{true}', ' ', '{false}']],
  ['{{ "a \\"quoted\\" \\u00e9" }}', ['{"a \\"quoted\\" é"}']],
  ['{{ trueish }}', ['{trueish}']],
  ['one { brace } and }} closing', ['one { brace } and }} closing']],
  ['{{ a }}{{ b }}', ['{a}', '{b}']],
  ['line\n{{\n  name\n}}\nnext', ['line\n', '{name}', '\nnext']],
];

for (const [input, expected] of valid) {
  test(`parses ${JSON.stringify(input)}`, () => {
    const r = parseTemplate(input);
    assert.equal(r.errors, []);
    assert.equal(show(r.template.parts), expected);
  });
}

const invalid: [string, { start: number; end: number; message: RegExp }[]][] = [
  ['{{ }}', [{ start: 3, end: 5, message: /expected a name or a value, found `}}`/ }]],
  ['{{ name', [{ start: 7, end: 7, message: /expected `}}`, found the end of the text/ }]],
  ['{{ a | }}', [{ start: 7, end: 9, message: /expected a name, found `}}`/ }]],
  ['{{ a. }}', [{ start: 6, end: 8, message: /expected a name, found `}}`/ }]],
  ['{{ a $ }}', [{ start: 5, end: 6, message: /unexpected `\$` in an expression/ }]],
  ['{{ "open }}', [{ start: 3, end: 4, message: /this string is not closed/ }]],
  ['{{ a[x] }}', [{ start: 5, end: 6, message: /expected a number, found `x`/ }]],
  ['{{ a | truncate(5 }}', [{ start: 18, end: 20, message: /expected `\)`/ }]],
  ['{{ a b }}', [{ start: 5, end: 6, message: /expected `}}`, found `b`/ }]],
];

for (const [input, expected] of invalid) {
  test(`reports ${JSON.stringify(input)}`, () => {
    const r = parseTemplate(input);
    assert.equal(
      r.errors.map((e) => ({ start: e.start, end: e.end })),
      expected.map((e) => ({ start: e.start, end: e.end })),
      JSON.stringify(r.errors),
    );
    r.errors.forEach((e, i) => assert.match(e.message, expected[i]!.message));
  });
}

test('recovery: every error of a string is found, and the good placeholders still parse', () => {
  const r = parseTemplate('{{ a | }} then {{ ok }} then {{ b. }} end');
  assert.equal(r.errors.map((e) => e.start), [7, 35]);
  assert.equal(show(r.template.parts), ['{?}', ' then ', '{ok}', ' then ', '{?}', ' end']);
});

test('offsets: every node points at its characters', () => {
  const text = 'Hi {{ p.sku | truncate(8, "~") }}!';
  const [, expr] = parseTemplate(text).template.parts;
  assert.is(expr!.kind, 'expr');
  if (expr!.kind !== 'expr' || !expr.pipe) throw new Error('no pipe');
  const slice = (n: { start: number; end: number }) => text.slice(n.start, n.end);
  assert.is(slice(expr), '{{ p.sku | truncate(8, "~") }}');
  assert.is(slice(expr.pipe), 'p.sku | truncate(8, "~")');
  assert.is(slice(expr.pipe.primary), 'p.sku');
  if (expr.pipe.primary.kind !== 'path') throw new Error('not a path');
  assert.is(slice(expr.pipe.primary.head), 'p');
  assert.is(slice(expr.pipe.primary.segments[0]!), '.sku');
  const f = expr.pipe.filters[0]!;
  assert.is(slice(f), 'truncate(8, "~")');
  assert.is(slice(f.name), 'truncate');
  assert.equal(f.args.map(slice), ['8', '"~"']);
});

test('offsets of an index segment', () => {
  const text = '{{ items[12].name }}';
  const [expr] = parseTemplate(text).template.parts;
  if (expr!.kind !== 'expr' || expr.pipe?.primary.kind !== 'path') throw new Error('no path');
  assert.equal(expr.pipe.primary.segments.map((s) => text.slice(s.start, s.end)), ['[12]', '.name']);
});

test('only strings with {{ are templates', () => {
  assert.ok(isTemplate('a {{ b }}'));
  assert.not.ok(isTemplate('a { b }'));
  assert.not.ok(isTemplate('}}'));
});

test.run();
