import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (footer: string) => `
  params:
    name: { type: string, maxLength: 10, example: Asha }
  messages:
    m:
      type: template
      category: utility
      language: en_US
      body: "Hello {{ name }}, your order has shipped."
      footer: ${footer}
`;

table(test, [
  { name: 'a footer of 60 characters passes', yaml: tpl(chars(60)) },
  { name: 'a footer of 61 characters fails', yaml: tpl(`«${chars(61)}»`), expect: [{ code: 'WA301', message: 'template footer is 61 characters' }] },
  { name: 'an empty footer fails', yaml: tpl("«''»"), expect: [{ code: 'WA303' }] },
  { name: 'a placeholder in a footer fails', yaml: tpl('"Bye «{{ name }}»"'), expect: [{ code: 'WA707', message: 'footer cannot have placeholders' }] },
]);

test.run();
