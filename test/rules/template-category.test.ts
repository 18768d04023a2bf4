import { test } from 'uvu';
import { table } from '../harness.js';


table(test, [
  { name: 'a marketing carousel passes', yaml: `
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        body: Our newest plants are here.
        cards:
          - image: https://e.com/a.png
            buttons: [{ quick_reply: { id: a, title: More } }]
          - image: https://e.com/b.png
            buttons: [{ quick_reply: { id: b, title: More } }]
  ` },
  { name: 'a utility carousel fails at cards', yaml: `
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: Our newest plants are here.
        «cards»:
          - image: https://e.com/a.png
            buttons: [{ quick_reply: { id: a, title: More } }]
          - image: https://e.com/b.png
            buttons: [{ quick_reply: { id: b, title: More } }]
  `, expect: [{ code: 'WA703', message: 'must be a marketing template' }] },
  { name: 'an offer in a utility template fails', yaml: `
    messages:
      m:
        type: template
        category: utility
        language: en_US
        «offer»: { text: Ends soon }
        body: Our sale ends soon, come and see.
  `, expect: [{ code: 'WA703' }] },
  { name: 'an OTP button outside authentication fails', yaml: `
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        body: Our sale ends soon, come and see.
        «otp»: { kind: copy_code }
  `, expect: [{ code: 'WA703', message: 'only authentication templates' }] },
  { name: 'a location header in utility passes', yaml: `
    messages:
      m:
        type: template
        category: utility
        language: en_US
        header: { location: true }
        body: Your order is on its way.
  ` },
  { name: 'a copy-code button in utility is a warning', yaml: `
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: Your code for next time is ready.
        buttons:
          - «copy_code»: { example: SAVE10 }
  `, expect: [{ code: 'WA703', severity: 'warning' }] },
]);

test.run();
