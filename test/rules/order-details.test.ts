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

/** Two items, 2^53 and 1, with the subtotal given: amounts a double cannot add exactly. */
const big = (subtotal: string) => `
  messages:
    m:
      type: order_details
      body: Your order
      payment:
        reference_id: order-1001
        type: digital-goods
        payment_type: upi
        payment_configuration: my-payment-config-name
        currency: INR
        total_amount: { value: 9007199254740992, offset: 100 }
        order:
          status: pending
          items:
            - { retailer_id: a, name: a, amount: { value: 9007199254740992, offset: 100 }, quantity: 1 }
            - { retailer_id: b, name: b, amount: { value: 1, offset: 100 }, quantity: 1 }
          subtotal: «{ value: ${subtotal}, offset: 100 }»
`;

table(test, [
  { name: "Meta's example passes: 10.00 + 1.00 + 1.00 − 1.00 = 11.00", yaml: order() },
  { name: 'a wrong total fails, naming the sum', yaml: order({ total: '«{ value: 1200, offset: 100 }»' }), expect: [{ code: 'WA416', message: 'total_amount is 12.00, but subtotal + tax + shipping − discount is 11.00' }] },
  { name: 'a subtotal that ignores the sale price fails', yaml: order({ subtotal: '«{ value: 1500, offset: 100 }»', total: '{ value: 1600, offset: 100 }' }), expect: [{ code: 'WA416', message: 'the items add up to 10.00' }] },
  { name: 'the quantity multiplies the price', yaml: order({ quantity: '3', subtotal: '{ value: 3000, offset: 100 }', total: '{ value: 3100, offset: 100 }' }) },
  { name: 'without a sale price the amount counts', yaml: order({ sale: '{ value: 1500, offset: 100 }', subtotal: '{ value: 1500, offset: 100 }', total: '{ value: 1600, offset: 100 }' }) },
  { name: 'an amount with offset 1000 fails: INR takes 100 (payments page)', yaml: order({ taxOffset: '«1000»' }), expect: [{ code: 'WA417', message: "this amount's offset is 1000; an amount in INR has offset 100" }] },
  { name: 'an amount with offset 0 fails', yaml: order({ taxOffset: '«0»' }), expect: [{ code: 'WA417' }] },
  { name: 'every amount with offset 1000 fails too, at the first', yaml: order({ total: '{ value: 1100, offset: «1000» }' }).replaceAll('offset: 100 ', 'offset: 1000 ').replaceAll('offset: 100}', 'offset: 1000}'), expect: [{ code: 'WA417' }] },
  { name: 'items that add up past 2^53 are summed exactly: 2^53 + 1 is not 2^53', yaml: big('9007199254740992'), expect: [{ code: 'WA416', message: 'the items add up to 90071992547409.93' }] },
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
