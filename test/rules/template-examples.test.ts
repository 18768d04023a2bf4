import { test } from 'uvu';
import { table } from '../harness.js';

table(test, [
  { name: 'params with examples pass', yaml: `
    params:
      name: { type: string, maxLength: 30, example: Asha }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: "Hello {{ name }}, your order is on its way."
  ` },
  { name: 'a param without an example fails at its first placeholder', yaml: `
    params:
      name: { type: string, maxLength: 30 }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: "Hello «{{ name }}», your order is on its way, {{ name }}, today."
  `, expect: [{ code: 'WA712', related: '2:3' }] },
  { name: 'an example the declaration refuses fails at the example', yaml: `
    params:
      order: { type: string, pattern: "^[A-Z]{2}-[0-9]+$", maxLength: 12, example: «gt 1» }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: "Your order {{ order }} is on its way to you."
  `, expect: [{ code: 'WA713' }] },
  { name: 'an example too long for its param fails', yaml: `
    params:
      name: { type: string, maxLength: 3, example: «Asha» }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: "Hello {{ name }}, your order is on its way."
  `, expect: [{ code: 'WA713' }] },
]);

test.run();
