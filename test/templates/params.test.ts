import { test } from 'uvu';
import { table } from '../harness.js';

// Each case declares params and uses them in a body that is short enough to be safe.
const file = (params: string, body = '"Hi {{ name }}"', extra = '') => `
  params:
${params}
  messages:
    m:
      type: location_request_message
      body: ${body}
${extra}
`;

table(test, [
  { name: 'the shorthand declares an unbounded string', yaml: file('    name: string', '"Hi {{ name | truncate(10) }}"') },
  { name: 'a full declaration', yaml: file('    name: { type: string, minLength: 1, maxLength: 30 }') },
  { name: 'every type', yaml: file('    name: { type: string, maxLength: 5 }\n    n: { type: integer, minimum: 0, maximum: 9 }\n    x: { type: number, minimum: 0, maximum: 1 }\n    b: boolean\n    u: { type: url, maxLength: 40 }\n    list: { type: array, maxItems: 2, items: { a: string } }\n    o: { type: object, fields: { f: { type: string, maxLength: 3 } } }', '"{{ name }} {{ n }} {{ x | number(1) }} {{ b }} {{ u }} {{ list[0].a | truncate(3) }} {{ o.f }}"') },
  { name: 'an unknown type, with a suggestion (and the name stays undeclared)', yaml: file('    name: «strng»', '"Hi {{ «name» }}"'), expect: [{ code: 'WA501', message: 'did you mean `string`?' }, { code: 'WA505' }] },
  { name: 'minLength over maxLength', yaml: file('    name: { type: string, minLength: «9», maxLength: 3 }'), expect: [{ code: 'WA502', message: 'minLength 9 is more than maxLength 3' }] },
  { name: 'minimum over maximum', yaml: file('    n: { type: integer, minimum: «9», maximum: 3 }', '"Hi {{ n }}"'), expect: [{ code: 'WA502' }] },
  { name: 'minItems over maxItems', yaml: file('    l: { type: array, minItems: «3», maxItems: 1, items: { a: string } }', '"Hi {{ l[0].a | truncate(5) }}"'), expect: [{ code: 'WA502' }] },
  { name: 'an enum value that breaks maxLength', yaml: file('    name: { type: string, maxLength: 3, enum: [abc, «abcd»] }'), expect: [{ code: 'WA502' }] },
  { name: 'an invalid pattern', yaml: file('    name: { type: string, maxLength: 9, pattern: «"([a-z"» }'), expect: [{ code: 'WA503' }] },
  { name: 'a message redefines a file param', yaml: `
    params:
      name: { type: string, maxLength: 9 }
    messages:
      m:
        type: location_request_message
        params:
          «name»: { type: string, maxLength: 5 }
        body: "Hi {{ name }}"
  `, expect: [{ code: 'WA504', related: '2:3' }] },
  { name: 'an `as` name that hides a param', yaml: `
    params:
      p: { type: string, maxLength: 5 }
      items: { type: array, minItems: 1, maxItems: 3, items: { id: { type: string, minLength: 1, maxLength: 5 } } }
    messages:
      m:
        type: button
        body: "Hi {{ p }}"
        buttons:
          - { each: items, as: «p», id: "{{ p.id }}", title: "{{ p.id }}" }
  `, expect: [{ code: 'WA504' }] },
  { name: 'an unused file param is a warning', yaml: file('    name: { type: string, maxLength: 5 }\n    «unused»: string'), expect: [{ code: 'WA510', severity: 'warning' }] },
  { name: 'an unused message param is a warning', yaml: `
    messages:
      m:
        type: location_request_message
        params:
          «extra»: boolean
        body: Hi
  `, expect: [{ code: 'WA510', message: 'of message `m` is never used' }] },
  { name: 'a constraint for another type', yaml: file('    n: { type: integer, minimum: 0, maximum: 99, «maxLength»: 3 }', '"Hi {{ n }}"'), expect: [{ code: 'WA512', message: '`maxLength` does not apply to a param of type integer' }] },
  { name: 'an array without items', yaml: file('    «list»: { type: array }', 'Hi'), expect: [{ code: 'WA512', message: 'needs `items`' }] },
  { name: 'an array shorthand', yaml: file('    list: «array»', 'Hi'), expect: [{ code: 'WA512' }] },
  { name: 'a declaration without a type', yaml: file('    «name»: { maxLength: 3 }', 'Hi'), expect: [{ code: 'WA512', message: 'needs a `type`' }] },
  { name: 'a negative maxLength', yaml: file('    name: { type: string, maxLength: «-1» }', '"Hi {{ name | truncate(5) }}"'), expect: [{ code: 'WA512' }] },
  { name: 'an invalid param name', yaml: file('    «my-name»: string', 'Hi'), expect: [{ code: 'WA512', message: 'not a valid param name' }] },
]);

test.run();
