import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS, type Limit } from '../limits.js';
import type { FlowData, Text } from '../model/types.js';
import type { Span } from '../source.js';
import { listOr, suggest } from '../suggest.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

interface Amount {
  value: number;
  offset: number;
  span: Span;
  offsetSpan: Span;
}

/**
 * `order_details` messages (payments, India): the reference id, type, currency and status
 * the API accepts, item names at most 60 characters, and the amounts consistent: offset 100
 * for every amount, whole numbers, the subtotal the sum of each item's price (its
 * `sale_amount` when given) times its quantity, and the total the subtotal plus tax plus
 * shipping minus discount.
 */
export const orderDetails: Rule = {
  name: 'order-details',
  description: "An order_details message has a valid reference id, type, currency and status, item names within their limit, and amounts that add up with one offset.",
  codes: ['WA301', 'WA303', 'WA415', 'WA416', 'WA417', 'WA418', 'WA514', 'WA520', 'WA605'],
  check(m, r) {
    if (m.type !== 'order_details' || !m.payment) return;
    const p = m.payment;
    checkReferenceId(r, textOf(get(p, 'reference_id')));
    checkValue(r, textOf(get(p, 'type')), LIMITS.orderGoodsType, 'order type');
    checkValue(r, textOf(get(p, 'currency')), LIMITS.orderCurrency, 'currency');
    const order = get(p, 'order');
    checkValue(r, textOf(get(order, 'status')), LIMITS.orderDetailsStatus, 'order status in an order_details message');
    const items = get(order, 'items');
    const itemList = items?.kind === 'seq' ? items.items : [];
    for (const item of itemList) {
      const name = textOf(get(item, 'name'));
      if (checkPresent(r, name, 'item name')) checkLength(r, name, LIMITS.orderItemName);
    }
    checkAmounts(r, p, itemList);
  },
};

/** An amount `{ value, offset }` written out, or undefined (and WA418) when it is not. */
function amount(r: Reporter, d: FlowData | undefined, what: string): Amount | undefined {
  if (d?.kind !== 'map') return undefined;
  const value = whole(r, get(d, 'value'), `${what} value`);
  const offset = whole(r, get(d, 'offset'), `${what} offset`);
  if (value === undefined || offset === undefined) return undefined;
  return { value, offset, span: d.span, offsetSpan: get(d, 'offset')!.span };
}

function whole(r: Reporter, d: FlowData | undefined, what: string): number | undefined {
  if (d?.kind !== 'value' || typeof d.value !== 'number') return undefined; // the structure check says what is wrong
  if (!Number.isInteger(d.value) || d.value < 0) {
    r.report('WA418', d.span, `${what} is ${d.value}; it must be a whole number, 0 or more`, {
      help: 'amounts are written as a whole `value` and an `offset`, the value times the offset',
    });
    return undefined;
  }
  return d.value;
}

function checkAmounts(r: Reporter, p: FlowData, items: readonly FlowData[]): void {
  const order = get(p, 'order');
  const all: Amount[] = [];
  const take = (d: FlowData | undefined, what: string): Amount | undefined => {
    const a = amount(r, d, what);
    if (a) all.push(a);
    return a;
  };
  const total = take(get(p, 'total_amount'), 'total_amount');
  const subtotal = take(get(order, 'subtotal'), 'subtotal');
  const tax = take(get(order, 'tax'), 'tax');
  const shipping = take(get(order, 'shipping'), 'shipping');
  const discount = take(get(order, 'discount'), 'discount');
  // Exact integer arithmetic: a double would round sums past 2^53 (2^53 + 1 is 2^53).
  let itemsSum: bigint | undefined = 0n;
  items.forEach((item, i) => {
    const price = take(get(item, 'amount'), `items[${i}].amount`);
    const sale = take(get(item, 'sale_amount'), `items[${i}].sale_amount`);
    const q = get(item, 'quantity');
    const quantity = whole(r, q, `items[${i}].quantity`);
    const unit = sale ?? price;
    if (unit === undefined || quantity === undefined || itemsSum === undefined) itemsSum = undefined;
    else itemsSum += BigInt(unit.value) * BigInt(quantity);
  });
  // The offset INR takes; one wrong offset is enough to say (the others are likely the same).
  const wrong = all.find((a) => a.offset !== LIMITS.orderOffset.min);
  if (wrong) {
    r.report('WA417', wrong.offsetSpan, `this amount's offset is ${wrong.offset}; an amount in INR has offset ${LIMITS.orderOffset.min}, the only one the payments page allows`, { help: LIMITS.orderOffset.source });
    return;
  }
  const first = all[0];
  if (!first) return;
  const show = (v: bigint) => units(v, first.offset);
  if (subtotal && itemsSum !== undefined && items.length > 0 && BigInt(subtotal.value) !== itemsSum) {
    r.report('WA416', subtotal.span, `the subtotal is ${show(BigInt(subtotal.value))}, but the items add up to ${show(itemsSum)}`, {
      help: `write \`value: ${itemsSum}\` (${LIMITS.orderAmounts.source})`,
    });
  }
  if (total && subtotal) {
    const expected = BigInt(subtotal.value) + BigInt(tax?.value ?? 0) + BigInt(shipping?.value ?? 0) - BigInt(discount?.value ?? 0);
    if (BigInt(total.value) !== expected) {
      r.report('WA416', total.span, `total_amount is ${show(BigInt(total.value))}, but subtotal + tax + shipping − discount is ${show(expected)}`, {
        help: `write \`value: ${expected}\` (${LIMITS.orderAmounts.source})`,
      });
    }
  }
}

/** An amount in currency units, exactly: `value / offset` for an offset that is a power of ten (offset 100: `12345` is `123.45`). */
function units(value: bigint, offset: number): string {
  const digits = Math.round(Math.log10(offset));
  const abs = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  return `${value < 0n ? '-' : ''}${digits <= 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`}`;
}

// ---- shared with order-status ----

/** The value under `key` in a mapping written as data. */
export function get(map: FlowData | undefined, key: string): FlowData | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key)?.value : undefined;
}

/** The text of a data value, when it is one. */
export function textOf(d: FlowData | undefined): Text | undefined {
  return d?.kind === 'text' ? d.text : undefined;
}

/** `reference_id`: present, at most 35 characters of letters, digits, `_`, `-` and `.`. */
export function checkReferenceId(r: Reporter, text: Text | undefined): void {
  if (!checkPresent(r, text, 'reference_id')) return;
  checkLength(r, text, LIMITS.orderReferenceId);
  // Only the literal parts can be judged here; placeholders' values are the sender's.
  for (const p of text!.parts) {
    if (p.kind !== 'literal') continue;
    const bad = /[^A-Za-z0-9_.-]/u.exec(p.value);
    if (bad) {
      r.report('WA415', text!.span, `reference_id \`${text!.value}\` has \`${bad[0]}\`; only letters, digits, \`_\`, \`-\` and \`.\` are allowed`, {
        help: LIMITS.orderReferenceId.source,
      });
      return;
    }
  }
}

/** A fixed value that must be one of `limit.values` (WA605 otherwise). */
export function checkValue(r: Reporter, text: Text | undefined, limit: Limit, what: string): void {
  if (!text || text.templated || !limit.values) return;
  if (limit.values.includes(text.value)) return;
  const guess = suggest(text.value, [...limit.values]);
  r.report('WA605', text.span, `unknown ${what} \`${text.value}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, {
    help: `use ${listOr([...limit.values])} (${limit.source})`,
  });
}
