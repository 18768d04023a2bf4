import { test } from 'uvu';
import { chars, table } from '../harness.js';

const address = (body: string) => `
  messages:
    m:
      type: address_message
      body: Where should we deliver?
      address:
${body}
`;

table(test, [
  { name: 'India passes', yaml: address('        country: IN') },
  { name: 'another country is a warning', yaml: address('        country: «SG»'), expect: [{ code: 'WA601', severity: 'warning' }] },
  { name: 'an empty country fails', yaml: address('        country: «""»'), expect: [{ code: 'WA303' }] },
  { name: 'a PIN code of 6 characters passes', yaml: address(`        country: IN\n        values: { name: Asha, in_pin_code: "${chars(6, '4')}" }`) },
  { name: 'a PIN code of 7 characters fails', yaml: address(`        country: IN\n        values: { in_pin_code: «"${chars(7, '4')}"» }`), expect: [{ code: 'WA301', message: 'in_pin_code is 7 characters; the limit is 6' }] },
  { name: 'saved addresses are checked too', yaml: address(`        country: IN\n        saved_addresses:\n          - { id: home, value: { in_pin_code: «"1234567"» } }`), expect: [{ code: 'WA301' }] },
  { name: 'validation errors pass through', yaml: address('        country: IN\n        validation_errors: { in_pin_code: We do not deliver there yet }') },
]);

test.run();
