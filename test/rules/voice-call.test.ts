import { test } from 'uvu';
import { chars, table } from '../harness.js';

const call = (c?: string) => `
  messages:
    m:
      type: voice_call
      body: Call us on WhatsApp${c === undefined ? '' : `\n      call: ${c}`}
`;

table(test, [
  { name: 'a call button without parameters passes (Meta has defaults)', yaml: call() },
  { name: "Meta's example passes", yaml: call('{ text: Call on WhatsApp, ttl_minutes: 100, payload: payload data }') },
  { name: 'a text of 20 characters passes', yaml: call(`{ text: ${chars(20)} }`) },
  { name: 'a text of 21 characters fails', yaml: call(`{ text: «${chars(21)}» }`), expect: [{ code: 'WA301', message: 'call button text is 21 characters; the limit is 20' }] },
  { name: 'ttl_minutes of 1 and 43200 pass', yaml: call('{ ttl_minutes: 43200 }') },
  { name: 'ttl_minutes of 0 fails', yaml: call('{ ttl_minutes: «0» }'), expect: [{ code: 'WA720', message: 'from 1 to 43200' }] },
  { name: 'ttl_minutes of 43201 fails', yaml: call('{ ttl_minutes: «43201» }'), expect: [{ code: 'WA720' }] },
  { name: 'a fractional ttl_minutes fails', yaml: call('{ ttl_minutes: «1.5» }'), expect: [{ code: 'WA418' }] },
  { name: 'a templated ttl_minutes fails', yaml: call('{ ttl_minutes: «"{{ ttl }}"» }'), expect: [{ code: 'WA203' }] },
  { name: 'a payload of 512 characters passes', yaml: call(`{ payload: ${chars(512)} }`) },
  { name: 'a payload of 513 characters fails', yaml: call(`{ payload: «${chars(513)}» }`), expect: [{ code: 'WA301', message: 'call payload is 513 characters; the limit is 512' }] },
]);

test.run();
