import { test } from 'uvu';
import { table } from '../harness.js';

const tpl = (category: string, ttl: string) => `
  messages:
    m:
      type: template
      category: ${category}
      language: en_US
      ttl_seconds: ${ttl}
      body: Your order has shipped today.
`;

table(test, [
  { name: 'utility: 43200 passes', yaml: tpl('utility', '43200') },
  { name: 'utility: -1 (30 days) passes', yaml: tpl('utility', '-1') },
  { name: 'utility: 43201 fails', yaml: tpl('utility', '«43201»'), expect: [{ code: 'WA720', message: '30–43200' }] },
  { name: 'utility: 29 fails', yaml: tpl('utility', '«29»'), expect: [{ code: 'WA720' }] },
  { name: 'marketing: 43200 passes', yaml: tpl('marketing', '43200') },
  { name: 'marketing: -1 fails', yaml: tpl('marketing', '«-1»'), expect: [{ code: 'WA720' }] },
]);

test.run();
