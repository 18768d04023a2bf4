import { test } from 'uvu';
import { table } from '../harness.js';

table(test, [
  { name: 'an authentication template with only its own keys passes', yaml: `
    params:
      code: { type: string, maxLength: 15, example: "123456" }
    messages:
      m:
        type: template
        category: authentication
        language: en_US
        code_expires_in: 10
        security_recommendation: true
        otp: { kind: copy_code, code: "{{ code }}" }
  ` },
  { name: 'an authentication template takes no body or footer', yaml: `
    params:
      code: { type: string, maxLength: 15, example: "123456" }
    messages:
      m:
        type: template
        category: authentication
        language: en_US
        «body»: Your code is here.
        «footer»: Thanks
        otp: { kind: copy_code, code: "{{ code }}" }
  `, expect: [{ code: 'WA704', message: 'takes no `body`' }, { code: 'WA704', message: 'takes no `footer`' }] },
  { name: 'code_expires_in is only for authentication', yaml: `
    messages:
      m:
        type: template
        category: utility
        language: en_US
        body: Your order has shipped.
        «code_expires_in»: 10
  `, expect: [{ code: 'WA704', message: 'only for authentication' }] },
  { name: 'a template without a body fails at its name', yaml: `
    messages:
      «m»:
        type: template
        category: utility
        language: en_US
        footer: Thanks
  `, expect: [{ code: 'WA202', message: 'missing `body`' }] },
  { name: 'an offer takes no footer, and no text header', yaml: `
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        header: «Big sale»
        offer: { text: Ends soon }
        body: Our sale ends soon, come and see.
        «footer»: Thanks
  `, expect: [{ code: 'WA704', message: 'image or video header' }, { code: 'WA704', message: 'no footer' }] },
  { name: 'a carousel takes no footer of its own', yaml: `
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        body: Our newest plants are here.
        «footer»: Thanks
        cards:
          - image: https://e.com/a.png
            buttons: [{ quick_reply: { id: a, title: More } }]
          - image: https://e.com/b.png
            buttons: [{ quick_reply: { id: b, title: More } }]
  `, expect: [{ code: 'WA704', message: 'carousel template takes no `footer`' }] },
]);

test.run();
