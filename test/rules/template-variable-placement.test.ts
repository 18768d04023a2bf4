import { test } from 'uvu';
import { table } from '../harness.js';

const tpl = (body: string) => `
  params:
    a: { type: string, maxLength: 10, example: Asha }
    b: { type: string, maxLength: 10, example: GT-1 }
  messages:
    m:
      type: template
      category: utility
      language: en_US
      parameter_format: positional
      body: "${body}"
`;

table(test, [
  { name: 'variables inside the text pass', yaml: tpl('Hello {{ a }}, your order {{ b }} is on its way.') },
  { name: 'a leading variable fails', yaml: tpl('«{{ a }}», your order {{ b }} is on its way to you now.'), expect: [{ code: 'WA708', message: 'starts with a placeholder' }] },
  { name: 'a trailing variable fails', yaml: tpl('Hello {{ a }}, your order is on its way: «{{ b }}»'), expect: [{ code: 'WA708', message: 'ends with a placeholder' }] },
  { name: 'a variable and a full stop at the end is a warning', yaml: tpl('Hello {{ a }}, your order is on its way: «{{ b }}».'), expect: [{ code: 'WA708', severity: 'warning' }] },
  { name: 'side by side fails at the second', yaml: tpl('Hello {{ a }} «{{ b }}», your order is on its way.'), expect: [{ code: 'WA709' }] },
  { name: 'too many variables for the words fails', yaml: tpl('Hi {{ a }} and {{ b }} ok').replace('body: "', 'body: «"').replace('ok"', 'ok"»'), expect: [{ code: 'WA710', message: '2 variables and 3 other words' }] },
  { name: 'card bodies are checked too', yaml: `
    params:
      a: { type: string, maxLength: 10, example: Asha }
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        body: Our newest plants are here.
        cards:
          - image: https://e.com/a.png
            body: "«{{ a }}» picked this one for you today"
            buttons: [{ quick_reply: { id: x, title: More } }]
          - image: https://e.com/b.png
            body: "«{{ a }}» picked this one for you today"
            buttons: [{ quick_reply: { id: y, title: More } }]
  `, expect: [{ code: 'WA708' }, { code: 'WA708' }] },
]);

test.run();
