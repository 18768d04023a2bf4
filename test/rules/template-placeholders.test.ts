import { test } from 'uvu';
import { table } from '../harness.js';

const params = `
  params:
    name: { type: string, maxLength: 30, example: Asha }
    Order_ID: { type: string, maxLength: 12, example: GT-1 }
    customer_display_name_long: { type: string, maxLength: 30, example: Asha }
    p: { type: object, fields: { city: { type: string, maxLength: 10 } } }`;

const tpl = (body: string, extra = '') => `${params}
  messages:
    m:
      type: template
      category: utility
      language: en_US
      body: "${body}"${extra}
`;

table(test, [
  { name: 'a param placeholder passes, filters allowed', yaml: tpl('Hello {{ name | upper }}, your order is on its way.').replace(/\n    Order_ID.*\n    customer.*\n    p: .*$/m, '') },
  { name: 'a literal placeholder is not a variable', yaml: tpl('Hello {{ name }}, your «{{ \\"order\\" }}» is on its way.').replace(/\n    Order_ID.*\n    customer.*\n    p: .*$/m, ''), expect: [{ code: 'WA706' }] },
  { name: 'a field of a param is not a variable', yaml: tpl('Hello {{ name }}, we ship to «{{ p.city }}» today and tomorrow.').replace(/\n    Order_ID.*\n    customer.*$/m, ''), expect: [{ code: 'WA706' }] },
  { name: 'a named variable with capitals fails', yaml: tpl('Hello {{ name }}, your order «{{ Order_ID }}» is on its way.').replace(/\n    customer.*\n    p: .*$/m, ''), expect: [{ code: 'WA705', message: 'lowercase letters and underscores' }] },
  { name: 'capitals are fine in a positional template', yaml: tpl('Hello {{ name }}, your order {{ Order_ID }} is on its way.', '\n      parameter_format: positional').replace(/\n    customer.*\n    p: .*$/m, '') },
  { name: 'a name over 20 characters is a warning', yaml: tpl('Hello «{{ customer_display_name_long }}», your order is on its way.').replace(/\n    name:.*\n    Order_ID.*$/m, '').replace(/\n    p: .*$/m, ''), expect: [{ code: 'WA705', severity: 'warning' }] },
  { name: 'one name written two ways fails at the second', yaml: tpl('Hello {{ name }}, or rather «{{ name | upper }}», your order is on its way.').replace(/\n    Order_ID.*\n    customer.*\n    p: .*$/m, ''), expect: [{ code: 'WA711', related: '8:18' }] },
  { name: 'a placeholder in a button label fails', yaml: `
    params:
      name: { type: string, maxLength: 10, example: Asha }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: Your order is on its way to you.
        buttons:
          - quick_reply: { id: a, title: "Hi «{{ name }}»" }
  `, expect: [{ code: 'WA707', message: 'quick-reply title' }] },
  { name: 'more than 100 variables fail at the name', yaml: `
    params:
      name: { type: string, maxLength: 10, example: Asha }
    messages:
      «m»:
        type: template
        category: utility
        language: en_US
        parameter_format: positional
        body: «"${Array.from({ length: 101 }, (_, i) => `word{{ name | truncate(${i + 1}) }} and more words here`).join(' ')} end"»
  `, expect: [{ code: 'WA710', message: '101 variables' }, { code: 'WA301', message: 'as submitted' }] },
]);

test.run();
