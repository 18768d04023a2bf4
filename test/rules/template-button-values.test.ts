import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (button: string) => `
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      body: Our sale starts today, come and see.
      buttons:
        - ${button}
`;

table(test, [
  { name: 'a phone number of 20 characters passes', yaml: tpl(`phone: { text: Call, phone: "${chars(20, '1')}" }`) },
  { name: 'a phone number of 21 characters fails', yaml: tpl(`phone: { text: Call, phone: «"${chars(21, '1')}"» }`), expect: [{ code: 'WA301', message: 'phone number is 21' }] },
  { name: 'a coupon code of 15 passes', yaml: tpl(`copy_code: { example: ${chars(15, 'A')} }`) },
  { name: 'a coupon code of 16 is a warning (15 on older pages)', yaml: tpl(`copy_code: { example: «${chars(16, 'A')}» }`), expect: [{ code: 'WA302' }] },
  { name: 'a coupon code of 21 fails', yaml: tpl(`copy_code: { example: «${chars(21, 'A')}» }`), expect: [{ code: 'WA301' }] },
  { name: 'a voice call ttl out of range fails', yaml: tpl('voice_call: { text: Call, ttl_minutes: «0» }'), expect: [{ code: 'WA720' }] },
  { name: 'a voice call payload over 512 fails', yaml: tpl(`voice_call: { text: Call, payload: «${chars(513)}» }`), expect: [{ code: 'WA301' }] },
]);

test.run();
