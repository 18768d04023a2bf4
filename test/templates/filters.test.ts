import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LOWER_FACTOR, UPPER_FACTOR } from '../../compiler/templates/filters.js';
import { applyFilter, codePoints, render, toText, type Template } from '../../runtime/template.js';

test('upper and lower: the declared factors hold for every code point', () => {
  let upper = 1;
  let lower = 1;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    upper = Math.max(upper, codePoints(ch.toUpperCase()));
    lower = Math.max(lower, codePoints(ch.toLowerCase()));
  }
  assert.is(upper, UPPER_FACTOR);
  assert.is(lower, LOWER_FACTOR);
});

test('upper lengthens ß', () => {
  assert.is(applyFilter('upper', 'straße', []), 'STRASSE');
  assert.is(applyFilter('lower', 'İ', []), 'i̇');
});

test('truncate counts code points and never splits an emoji', () => {
  assert.is(applyFilter('truncate', 'abcdef', [4]), 'abc…');
  assert.is(applyFilter('truncate', 'abcd', [4]), 'abcd');
  assert.is(applyFilter('truncate', 'abcdef', [5, '...']), 'ab...');
  assert.is(applyFilter('truncate', '😀😀😀😀😀', [3]), '😀😀…');
  assert.is(codePoints(applyFilter('truncate', 'x'.repeat(100), [20]) as string), 20);
});

test('default replaces missing and empty values only', () => {
  assert.is(applyFilter('default', undefined, ['x']), 'x');
  assert.is(applyFilter('default', null, ['x']), 'x');
  assert.is(applyFilter('default', '', ['x']), 'x');
  assert.is(applyFilter('default', ' ', ['x']), ' ');
  assert.is(applyFilter('default', 0, ['x']), 0);
  assert.is(applyFilter('default', false, ['x']), false);
});

test('number fixes the decimals', () => {
  assert.is(applyFilter('number', 3.14159, [2]), '3.14');
  assert.is(applyFilter('number', 2, [0]), '2');
  assert.is(applyFilter('number', 1.005, [1]), '1.0');
  assert.is(applyFilter('number', undefined, [2]), undefined);
});

test('trim removes white space at both ends', () => {
  assert.is(applyFilter('trim', '  a b \n', []), 'a b');
});

test('values as text: integers, other numbers, booleans, missing values', () => {
  assert.is(toText(42), '42');
  assert.is(toText(-0), '0');
  assert.is(toText(0.1), '0.1');
  assert.is(toText(1e21), '1e+21');
  assert.is(toText(true), 'true');
  assert.is(toText(undefined), '');
  assert.is(toText(null), '');
  assert.throws(() => toText(['a']));
});

test('render: text is inserted as is, with no escaping', () => {
  const t: Template = ['Hi ', { expr: { path: ['name'] }, filters: [] }, '! ', { expr: { path: ['items', 1, 'sku'] }, filters: [{ name: 'upper', args: [] }] }];
  assert.is(render(t, { name: '<b>"Asha"</b> & ${x}', items: [{ sku: 'a' }, { sku: 'b' }] }), 'Hi <b>"Asha"</b> & ${x}! B');
  assert.is(render(t, { items: [] }), 'Hi ! ');
});

test('render: a path never reaches the prototype', () => {
  const t: Template = [{ expr: { path: ['constructor'] }, filters: [] }, { expr: { path: ['name', 'length'] }, filters: [] }];
  assert.is(render(t, { name: 'abc' }), '');
});

test.run();
