import { test } from 'uvu';
import { chars, table } from '../harness.js';

const status = (order: string) => `
  messages:
    m:
      type: order_status
      body: Your order has shipped
      order: ${order}
`;

table(test, [
  { name: 'a known status passes', yaml: status('{ reference_id: order-1001, status: shipped }') },
  { name: "Meta's spelling of a partial shipment passes", yaml: status('{ reference_id: a.b_c-1, status: partially-shipped, description: On its way }') },
  { name: 'a provider\'s spelling with `_` is a warning naming both', yaml: status('{ reference_id: r, status: «partially_shipped» }'), expect: [{ code: 'WA419', severity: 'warning', message: 'Meta\'s page writes `partially-shipped`' }] },
  { name: 'an unknown status fails with a suggestion', yaml: status('{ reference_id: order-1001, status: «cancelled» }'), expect: [{ code: 'WA605', message: 'did you mean `canceled`' }] },
  { name: 'a templated status fails', yaml: status('{ reference_id: order-1001, status: «"{{ s }}"» }'), expect: [{ code: 'WA518' }] },
  { name: 'a description of 120 characters passes', yaml: status(`{ reference_id: r, status: completed, description: ${chars(120)} }`) },
  { name: 'a description of 121 characters fails', yaml: status(`{ reference_id: r, status: completed, description: «${chars(121)}» }`), expect: [{ code: 'WA301', message: 'status description is 121 characters; the limit is 120' }] },
  { name: 'a reference id with a slash fails', yaml: status('{ reference_id: «order/1001», status: shipped }'), expect: [{ code: 'WA415' }] },
  { name: 'an empty reference id fails', yaml: status('{ reference_id: «""», status: shipped }'), expect: [{ code: 'WA303' }] },
]);

test.run();
