import { test } from 'uvu';
import { chars, table } from '../harness.js';

/** Meta's OpenAPI example: an item of 15.00 on sale at 10.00, tax, shipping and discount 1.00 each: 11.00. */
const order = (o: { ref?: string; type?: string; currency?: string; status?: string; name?: string; sale?: string; quantity?: string; subtotal?: string; total?: string; taxOffset?: string } = {}) => `
  messages:
    m:
      type: order_details
      body: Your order
      payment:
        reference_id: ${o.ref ?? 'order-1001'}
        type: ${o.type ?? 'digital-goods'}
        payment_type: upi
        payment_configuration: my-payment-config-name
        currency: ${o.currency ?? 'INR'}
        total_amount: ${o.total ?? '{ value: 1100, offset: 100 }'}
        order:
          status: ${o.status ?? 'pending'}
          items:
            - retailer_id: "1234567"
              name: ${o.name ?? 'bread'}
              amount: { value: 1500, offset: 100 }
              quantity: ${o.quantity ?? '1'}
              sale_amount: ${o.sale ?? '{ value: 1000, offset: 100 }'}
          subtotal: ${o.subtotal ?? '{ value: 1000, offset: 100 }'}
          tax: { value: 100, offset: ${o.taxOffset ?? '100'}, description: GST }
          shipping: { value: 100, offset: 100 }
          discount: { value: 100, offset: 100 }
`;

table(test, [
  { name: "Meta's example passes: 10.00 + 1.00 + 1.00 − 1.00 = 11.00", yaml: order() },
  { name: 'a wrong total fails, naming the sum', yaml: order({ total: '«{ value: 1200, offset: 100 }»' }), expect: [{ code: 'WA416', message: 'total_amount is 12.00, but subtotal + tax + shipping − discount is 11.00' }] },
  { name: 'a subtotal that ignores the sale price fails', yaml: order({ subtotal: '«{ value: 1500, offset: 100 }»', total: '{ value: 1600, offset: 100 }' }), expect: [{ code: 'WA416', message: 'the items add up to 10.00' }] },
  { name: 'the quantity multiplies the price', yaml: order({ quantity: '3', subtotal: '{ value: 3000, offset: 100 }', total: '{ value: 3100, offset: 100 }' }) },
  { name: 'without a sale price the amount counts', yaml: order({ sale: '{ value: 1500, offset: 100 }', subtotal: '{ value: 1500, offset: 100 }', total: '{ value: 1600, offset: 100 }' }) },
  { name: 'an amount with another offset fails, pointing at the first', yaml: order({ taxOffset: '«1000»' }), expect: [{ code: 'WA417', related: '11:44' }] },
  { name: 'a fractional quantity fails', yaml: order({ quantity: '«1.5»' }), expect: [{ code: 'WA418' }] },
  { name: 'a reference id of 35 characters passes', yaml: order({ ref: chars(35) }) },
  { name: 'a reference id of 36 characters fails', yaml: order({ ref: `«${chars(36)}»` }), expect: [{ code: 'WA301', message: 'reference_id is 36 characters; the limit is 35' }] },
  { name: 'a reference id with a space fails', yaml: order({ ref: '«"order 1001"»' }), expect: [{ code: 'WA415' }] },
  { name: 'an unknown goods type fails with a suggestion', yaml: order({ type: '«digital-good»' }), expect: [{ code: 'WA605', message: 'did you mean `digital-goods`' }] },
  { name: 'a currency other than INR fails', yaml: order({ currency: '«USD»' }), expect: [{ code: 'WA605' }] },
  { name: 'a status other than pending fails', yaml: order({ status: '«shipped»' }), expect: [{ code: 'WA605' }] },
  { name: 'an item name of 60 characters passes', yaml: order({ name: chars(60) }) },
  { name: 'an item name of 61 characters fails', yaml: order({ name: `«${chars(61)}»` }), expect: [{ code: 'WA301', message: 'item name is 61 characters; the limit is 60' }] },
  { name: 'an amount written as text fails in the structure check', yaml: order({ total: '{ value: «"1100"», offset: 100 }' }), expect: [{ code: 'WA203' }] },
]);

test.run();
