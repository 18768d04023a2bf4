import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (offer: string) => `
  params:
    ends: { type: integer, minimum: 0, maximum: 9999999999999, example: 1209600000 }
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      offer: ${offer}
      body: Our sale ends soon, come and see.
`;

table(test, [
  { name: 'an offer text of 16 passes', yaml: tpl(`{ text: ${chars(16)}, expires: true, expires_at: "{{ ends }}" }`) },
  { name: 'an offer text of 17 fails', yaml: tpl(`{ text: «${chars(17)}», expires: true, expires_at: "{{ ends }}" }`), expect: [{ code: 'WA301', message: 'offer text is 17' }] },
  { name: 'an offer that expires needs its end', yaml: tpl('{ text: Ends soon, «expires»: true }').replace(/\n  params:\n    ends: .*/, ''), expect: [{ code: 'WA726' }] },
  { name: 'a placeholder in the offer text fails', yaml: `
    params:
      deal: { type: string, maxLength: 5, example: Half }
    messages:
      m:
        type: template
        category: marketing
        language: en_US
        offer: { text: "«{{ deal }}» off" }
        body: Our sale ends soon, come and see.
  `, expect: [{ code: 'WA707', message: 'offer text' }] },
]);

test.run();
