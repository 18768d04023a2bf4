import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (body: string, extra = '') => `
  messages:
    m:
      type: template
      category: marketing
      language: en_US${extra}
      body: ${body}
`;

table(test, [
  { name: 'a body of 1024 characters passes', yaml: tpl(chars(1024)) },
  { name: 'a body of 1025 characters fails', yaml: tpl(`«${chars(1025)}»`), expect: [{ code: 'WA301', message: 'template body is 1025 characters' }] },
  { name: 'an empty body fails', yaml: tpl("«''»"), expect: [{ code: 'WA303' }] },
  { name: 'an offer body of 600 passes', yaml: tpl(chars(600), '\n      offer: { text: Ends soon }') },
  { name: 'an offer body of 601 fails', yaml: tpl(`«${chars(601)}»`, '\n      offer: { text: Ends soon }'), expect: [{ code: 'WA301', message: 'offer body is 601' }] },
  { name: 'a body with a line break is a warning', yaml: tpl('«"Thanks for your order.\\nSee you soon."»'), expect: [{ code: 'WA724' }] },
  { name: 'a body whose values may be too long is a warning', yaml: `
    params:
      note: { type: string, example: Thanks }
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: «"Your order ships soon. {{ note }} from all of us at the shop."»
  `, expect: [{ code: 'WA514' }] },
]);

test.run();
