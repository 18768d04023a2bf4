import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';
import { checkReferenceId, checkValue } from './order-details.js';

/**
 * `order_status` messages: the reference id of the order (as in order_details), a status
 * the API knows, and a description of at most 120 characters.
 */
export const orderStatus: Rule = {
  name: 'order-status',
  description: 'An order_status message names its order by a valid reference id, gives a known status and a description within its limit.',
  codes: ['WA301', 'WA303', 'WA415', 'WA514', 'WA520', 'WA605'],
  check(m, r) {
    if (m.type !== 'order_status' || !m.orderStatus) return;
    const o = m.orderStatus;
    checkReferenceId(r, o.referenceId);
    if (checkPresent(r, o.status, 'order status')) checkValue(r, o.status, LIMITS.orderStatusValues, 'order status');
    if (checkPresent(r, o.description, 'status description')) checkLength(r, o.description, LIMITS.orderStatusDescription);
  },
};
