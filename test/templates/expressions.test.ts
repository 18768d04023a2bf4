import { test } from 'uvu';
import { table } from '../harness.js';

const PARAMS = `
  params:
    name: { type: string, minLength: 1, maxLength: 10 }
    count: { type: integer, minimum: 0, maximum: 99 }
    vip: boolean
    price: { type: number, minimum: 0, maximum: 999 }
    order: { type: object, fields: { id: { type: string, minLength: 1, maxLength: 8 } } }
    products: { type: array, minItems: 1, maxItems: 3, items: { sku: { type: string, minLength: 1, maxLength: 8 }, name: { type: string, minLength: 1, maxLength: 12 } } }
`;
/** A location request whose body is `body`, after every param is read once so none is unused. */
const body = (text: string) => `${PARAMS}
  messages:
    uses:
      type: location_request_message
      body: "{{ name }} {{ count }} {{ vip }} {{ price | number(2) }} {{ order.id }} {{ products[0].sku }}"
    m:
      type: location_request_message
      body: ${text}
`;
const buttons = (items: string) => `${PARAMS}
  messages:
    uses:
      type: location_request_message
      body: "{{ name }} {{ count }} {{ vip }} {{ price | number(2) }} {{ order.id }} {{ products[0].sku }}"
    m:
      type: button
      body: Pick
      buttons:
${items}
`;

table(test, [
  { name: 'every kind of placeholder that is right', yaml: body('"Hi {{ name | upper }}, {{ count }} items, {{ price | number(2) }}, order {{ order.id | lower }}, {{ products[0].name | trim | truncate(5) }} {{ vip }}"') },
  { name: 'literals and default', yaml: body('"{{ \\"x\\" }} {{ 3 }} {{ name | default(\\"you\\") }}"') },
  { name: 'an unknown name, with a suggestion', yaml: body('"Hi {{ «nam» }}"'), expect: [{ code: 'WA505', message: 'did you mean `name`?' }] },
  { name: 'an unknown field, with a suggestion', yaml: body('"Order {{ order«.idd» }}"'), expect: [{ code: 'WA506', message: 'did you mean `id`?' }] },
  { name: 'a field of a list without an index', yaml: body('"{{ products«.sku» }}"'), expect: [{ code: 'WA506', message: 'is a list' }] },
  { name: 'a field of a string', yaml: body('"{{ name«.first» }}"'), expect: [{ code: 'WA506' }] },
  { name: 'an index on a string', yaml: body('"{{ name«[0]» }}"'), expect: [{ code: 'WA506', message: 'only lists take an index' }] },
  { name: 'upper on an integer', yaml: body('"{{ count | «upper» }}"'), expect: [{ code: 'WA507', message: '`upper` does not take an integer' }] },
  { name: 'number on a string', yaml: body('"{{ name | «number(2)» }}"'), expect: [{ code: 'WA507' }] },
  { name: 'truncate without its length', yaml: body('"{{ name | «truncate» }}"'), expect: [{ code: 'WA507', message: 'takes 1 to 2 arguments; 0 given' }] },
  { name: 'truncate with a string length', yaml: body('"{{ name | truncate(«\\"5\\"») }}"'), expect: [{ code: 'WA507', message: 'must be a whole number' }] },
  { name: 'truncate shorter than its suffix', yaml: body('"{{ name | «truncate(1, \\"...\\")» }}"'), expect: [{ code: 'WA507', message: 'at least 3' }] },
  { name: 'number with too many decimals', yaml: body('"{{ price | «number(30)» }}"'), expect: [{ code: 'WA507' }] },
  { name: 'an unknown filter, with a suggestion', yaml: body('"{{ name | «uppr» }}"'), expect: [{ code: 'WA513', message: 'did you mean `upper`?' }] },
  { name: 'a syntax error in a placeholder', yaml: body('"Hi {{ name |«}}»"'), expect: [{ code: 'WA511', message: 'expected a name' }] },
  { name: 'two syntax errors in one text are both found', yaml: body('"{{ name |«}}» and {{ count.«}}»"'), expect: [{ code: 'WA511' }, { code: 'WA511' }] },
  { name: 'a list written as text', yaml: body('"«{{ products }}»"'), expect: [{ code: 'WA519', message: '`products` is a list' }] },
  { name: 'a mapping written as text', yaml: body('"«{{ order }}»"'), expect: [{ code: 'WA519' }] },
  { name: 'each over an array with as', yaml: buttons('        - { each: products, as: p, id: "{{ p.sku }}", title: "{{ p.name | truncate(20) }}" }') },
  { name: 'each without as names the item `item`', yaml: buttons('        - { each: products, id: "{{ item.sku }}", title: "{{ item.name }}" }') },
  { name: 'each over a string', yaml: buttons('        - { each: «name», id: "x{{ name }}", title: T }'), expect: [{ code: 'WA508', message: '`name` is a string' }] },
  { name: 'each over an unknown name', yaml: buttons('        - { each: «prods», id: a, title: T }'), expect: [{ code: 'WA505', message: '`prods` is not a declared param' }] },
  { name: 'each that is not a name', yaml: buttons('        - { each: «"a b"», id: a, title: T }'), expect: [{ code: 'WA508' }] },
  { name: 'when on a boolean', yaml: buttons('        - { id: a, title: A }\n        - { id: b, title: B, when: "{{ vip }}" }') },
  { name: 'when on a bare name', yaml: buttons('        - { id: a, title: A }\n        - { id: b, title: B, when: vip }') },
  { name: 'when on a string', yaml: buttons('        - { id: a, title: A }\n        - { id: b, title: B, when: "«{{ name }}»" }'), expect: [{ code: 'WA509', message: '`name` is a string' }] },
  { name: 'when with text around the placeholder', yaml: buttons('        - { id: a, title: A }\n        - { id: b, title: B, when: «"yes {{ vip }}"» }'), expect: [{ code: 'WA509' }] },
  { name: 'as without each', yaml: buttons('        - { id: a, title: A, as: «x» }'), expect: [{ code: 'WA512' }] },
  { name: 'a template where the value must be fixed', yaml: `${PARAMS}
  messages:
    uses:
      type: location_request_message
      body: "{{ name }} {{ count }} {{ vip }} {{ price | number(2) }} {{ order.id }} {{ products[0].sku }}"
    m:
      type: flow
      body: Book
      flow: { id: "1", cta: Book, mode: «"{{ name }}"» }
`, expect: [{ code: 'WA518' }] },
]);

test.run();
