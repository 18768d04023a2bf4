import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import { compilePattern } from '../../runtime/pattern.js';

const patternBounds = (source: string) => {
  const p = compilePattern(source);
  return 'bounds' in p ? p.bounds : undefined;
};
import { dedent, table } from '../harness.js';

/** A button message whose one button title is `title`, with `name` declared as `decl`. */
const title = (decl: string, text: string) => `
  params:
    name: ${decl}
  messages:
    m:
      type: button
      body: Pick
      buttons: [{ id: a, title: ${text} }]
`;
const rows = (decl: string, extra: string) => `
  params:
    products: ${decl}
  messages:
    m:
      type: list
      body: Pick
      button: Open
      sections:
        - title: Products
          rows:
            - { each: products, as: p, id: "sku:{{ p.sku }}", title: "{{ p.sku }}" }
${extra}
`;
const ITEMS = 'items: { sku: { type: string, minLength: 1, maxLength: 10 } }';

table(test, [
  { name: 'exact fit: maxLength 20 in a 20-character title', yaml: title('{ type: string, minLength: 1, maxLength: 20 }', '"{{ name }}"') },
  { name: 'always over: minLength 21', yaml: title('{ type: string, minLength: 21, maxLength: 30 }', '«"{{ name }}"»'), expect: [{ code: 'WA301', message: 'button title is at least 21 characters; the limit is 20' }] },
  { name: 'possibly over: maxLength 30 is a warning', yaml: title('{ type: string, minLength: 1, maxLength: 30 }', '«"{{ name }}"»'), expect: [{ code: 'WA514', severity: 'warning', message: 'may be 30 characters; the limit is 20' }] },
  { name: 'possibly over: unbounded', yaml: title('{ type: string, minLength: 1 }', '«"{{ name }}"»'), expect: [{ code: 'WA514', message: 'may be any length' }] },
  { name: 'literal text counts exactly beside the bound', yaml: title('{ type: string, minLength: 1, maxLength: 17 }', '"Hi {{ name }}"') },
  { name: 'one more is possibly over', yaml: title('{ type: string, minLength: 1, maxLength: 18 }', '«"Hi {{ name }}"»'), expect: [{ code: 'WA514', message: '21 characters' }] },
  { name: 'upper may triple the length (ß → SS and worse)', yaml: title('{ type: string, minLength: 1, maxLength: 7 }', '«"{{ name | upper }}"»'), expect: [{ code: 'WA514', message: 'may be 21 characters' }] },
  { name: 'upper within a third of the limit is safe', yaml: title('{ type: string, minLength: 1, maxLength: 6 }', '"{{ name | upper }}"') },
  { name: 'lower may double it', yaml: title('{ type: string, minLength: 1, maxLength: 10 }', '"{{ name | lower }}"') },
  { name: 'lower over half the limit is possibly over', yaml: title('{ type: string, minLength: 1, maxLength: 11 }', '«"{{ name | lower }}"»'), expect: [{ code: 'WA514' }] },
  { name: 'truncate bounds an unbounded string', yaml: title('{ type: string, minLength: 1 }', '"{{ name | truncate(20) }}"') },
  { name: 'truncate that leaves no room for the text around it', yaml: title('{ type: string, minLength: 1 }', '«"Hi {{ name | truncate(18) }}"»'), expect: [{ code: 'WA514', message: '21 characters' }] },
  { name: 'trim keeps the upper bound', yaml: title('{ type: string, minLength: 1, maxLength: 20 }', '«"{{ name | trim }}"»'), expect: [{ code: 'WA520', message: 'may be empty' }] },
  { name: 'default fills an optional value', yaml: title('{ type: string, maxLength: 20, optional: true }', '"{{ name | default(\\"friend\\") }}"') },
  { name: 'an optional value alone may be empty', yaml: title('{ type: string, maxLength: 20, optional: true }', '«"{{ name }}"»'), expect: [{ code: 'WA520' }] },
  { name: 'a pattern bounds the length', yaml: title('{ type: string, pattern: "^[A-Z0-9-]{4,12}$" }', '"Order {{ name }}"') },
  { name: 'an enum bounds the length', yaml: title('{ type: string, enum: [small, medium, large] }', '"Size: {{ name }}"') },
  { name: 'integers by their minimum and maximum', yaml: title('{ type: integer, minimum: -99, maximum: 999 }', '"Count: {{ name }} items"') },
  { name: 'number(2) by minimum and maximum', yaml: title('{ type: number, minimum: 0, maximum: 99999 }', '"Total ₹{{ name | number(2) }}"') },
  { name: 'number(2) with a larger maximum is possibly over', yaml: title('{ type: number, minimum: 0, maximum: 99999999999 }', '«"Total ₹{{ name | number(2) }}"»'), expect: [{ code: 'WA514' }] },
  { name: 'each with maxItems 8 and two fixed rows: 10 in total', yaml: rows(`{ type: array, minItems: 1, maxItems: 8, ${ITEMS} }`, '            - { id: a, title: A }\n            - { id: b, title: B }') },
  { name: 'each with maxItems 9 and two fixed rows may be 11', yaml: rows(`{ type: array, minItems: 1, maxItems: 9, ${ITEMS} }`, '            - { id: a, title: A }\n            - { id: b, title: B }').replace('      sections:', '      «sections»:'), expect: [{ code: 'WA515', message: 'may have 11 rows; the limit is 10 in total' }] },
  { name: 'each with minItems 9 and two fixed rows is always 11', yaml: rows(`{ type: array, minItems: 9, maxItems: 9, ${ITEMS} }`, '            - { id: a, title: A }\n            - { id: b, title: B }').replace('      sections:', '      «sections»:'), expect: [{ code: 'WA304', message: 'has at least 11 rows' }] },
  { name: 'each without maxItems may be any number', yaml: rows(`{ type: array, minItems: 1, ${ITEMS} }`, '').replace('      sections:', '      «sections»:'), expect: [{ code: 'WA515', message: 'any number of rows' }] },
  { name: 'each without minItems may leave the section empty', yaml: rows(`{ type: array, maxItems: 5, ${ITEMS} }`, '').replace('          rows:', '          «rows»:'), expect: [{ code: 'WA515', message: 'may have no rows' }] },
  { name: 'a repeating section multiplies its rows', yaml: `
    params:
      groups: { type: array, minItems: 1, maxItems: 3, items: { g: { type: string, minLength: 1, maxLength: 9 } } }
    messages:
      m:
        type: list
        body: Pick
        button: Open
        «sections»:
          - each: groups
            as: grp
            title: "{{ grp.g }}"
            rows:
              - { id: "a{{ grp.g }}", title: A }
              - { id: "b{{ grp.g }}", title: B }
              - { id: "c{{ grp.g }}", title: C }
              - { id: "d{{ grp.g }}", title: D }
  `, expect: [{ code: 'WA515', message: 'may have 12 rows' }] },
  { name: 'reply buttons from an array of at most 3', yaml: `
    params:
      opts: { type: array, minItems: 1, maxItems: 3, items: { id: { type: string, minLength: 1, maxLength: 9 } } }
    messages:
      m:
        type: button
        body: Pick
        buttons:
          - { each: opts, as: o, id: "{{ o.id }}", title: "Pick {{ o.id }}" }
  `},
  { name: 'a fixed button beside 3 repeated ones may be 4', yaml: `
    params:
      opts: { type: array, minItems: 1, maxItems: 3, items: { id: { type: string, minLength: 1, maxLength: 9 } } }
    messages:
      m:
        type: button
        body: Pick
        «buttons»:
          - { each: opts, as: o, id: "{{ o.id }}", title: "Pick {{ o.id }}" }
          - { id: none, title: None }
  `, expect: [{ code: 'WA515', message: 'may have 4 reply buttons; the limit is 3' }] },
  { name: 'a URL with a fixed https host is proven', yaml: `
    params:
      sku: { type: string, minLength: 1, maxLength: 9 }
    messages:
      m:
        type: cta_url
        body: See it
        button: { text: Open, url: "https://shop.example.com/p/{{ sku }}" }
  `},
  { name: 'a url param is a URL', yaml: `
    params:
      link: url
    messages:
      m:
        type: cta_url
        body: See it
        button: { text: Open, url: "{{ link }}" }
  `},
  { name: 'a string param may not be a URL', yaml: `
    params:
      link: { type: string, minLength: 1 }
    messages:
      m:
        type: cta_url
        body: See it
        button: { text: Open, url: «"{{ link }}"» }
  `, expect: [{ code: 'WA521', severity: 'warning' }] },
  { name: 'a fixed http host is still insecure', yaml: `
    params:
      sku: { type: string, minLength: 1, maxLength: 9 }
    messages:
      m:
        type: cta_url
        body: See it
        button: { text: Open, url: «"http://shop.example.com/p/{{ sku }}"» }
  `, expect: [{ code: 'WA406' }] },
]);

test('the possibly-over warning names the declaration that makes it safe', () => {
  const text = dedent(title('{ type: string, minLength: 1, maxLength: 30 }', '"Hi {{ name }}"'));
  const [d] = compile([{ path: 'a.wa.yaml', text }]).diagnostics;
  assert.is(d!.help, 'declare `maxLength: 17` on `name` to make it safe; until then it is checked before sending');
  const upper = dedent(title('{ type: string, minLength: 1, maxLength: 30 }', '"{{ name | upper }}"'));
  assert.match(compile([{ path: 'a.wa.yaml', text: upper }]).diagnostics[0]!.help!, /`maxLength: 6` on `name`/);
  const field = dedent(rows(`{ type: array, minItems: 1, maxItems: 2, items: { sku: { type: string, minLength: 1, maxLength: 30 } } }`, ''));
  assert.match(compile([{ path: 'a.wa.yaml', text: field }]).diagnostics.map((x) => x.help).join('\n'), /`maxLength: 24` on `products\[\]\.sku`/);
});

test('possibly-over fields and templated ids become runtime checks of the message', () => {
  const text = dedent(`
    params:
      opts: { type: array, minItems: 1, maxItems: 3, items: { id: { type: string, minLength: 1, maxLength: 40 } } }
    messages:
      m:
        type: button
        body: Pick
        buttons:
          - { each: opts, as: o, id: "{{ o.id }}", title: "{{ o.id }}" }
  `);
  const result = compile([{ path: 'a.wa.yaml', text }]);
  assert.equal(result.unbuilt.map((u) => u.name), ['m']);
  const checks = result.unbuilt[0]!.checks.map((c) => `${c.kind}:${c.label}${'limit' in c ? `:${c.limit}` : ''}`);
  assert.equal(checks.sort(), ['maxLength:button title:20', 'notBlank:button id', 'notBlank:button title', 'trimmed:button id', 'unique:button id', 'unique:button title']);
});

test('pattern bounds: from the whole pattern, groups and alternatives too', () => {
  assert.equal(patternBounds('^[A-Z0-9-]{4,12}$'), { min: 4, max: 12 });
  assert.equal(patternBounds('^\\d{6}$'), { min: 6, max: 6 });
  assert.equal(patternBounds('^SKU-\\d+$'), { min: 5, max: Infinity });
  assert.equal(patternBounds('^[a-z]?[0-9]{2,}$'), { min: 2, max: Infinity });
  assert.equal(patternBounds('^[\\]x]{1,3}$'), { min: 1, max: 3 });
  assert.equal(patternBounds('^(ab){2}$'), { min: 4, max: 4 });
  assert.equal(patternBounds('^a|bc$'), { min: 1, max: 2 });
  // The value must match as a whole: an unanchored pattern bounds it just the same.
  assert.equal(patternBounds('[a-z]{3}'), { min: 3, max: 3 });
  // `[^]` is any one character (not a class holding `]`): at least 2 characters, no maximum.
  assert.equal(patternBounds('^[^].*[a]$'), { min: 2, max: Infinity });
});

test.run();
