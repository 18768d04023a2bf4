import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';
import { checkReferenceId, checkValue } from './order-details.js';

/**
 * `order_status` messages: the reference id of the order (as in order_details), a status
 * Meta's page lists (a warning for another provider's spelling), and a description within its limit.
 */
export const orderStatus: Rule = {
  name: 'order-status',
  description: 'An order_status message names its order by a valid reference id, gives a known status and a description within its limit.',
  codes: ['WA301', 'WA303', 'WA415', 'WA419', 'WA514', 'WA520', 'WA605'],
  check(m, r) {
    if (m.type !== 'order_status' || !m.orderStatus) return;
    const o = m.orderStatus;
    checkReferenceId(r, o.referenceId);
    if (checkPresent(r, o.status, 'order status')) {
      const spelled = LIMITS.orderStatusVendorSpelling;
      if (!o.status!.templated && spelled.values.includes(o.status!.value as (typeof spelled.values)[number])) {
        const meta = o.status!.value.replaceAll('_', '-');
        r.report('WA419', o.status!.span, `order status \`${o.status!.value}\` is how some providers spell it; Meta's page writes \`${meta}\``, {
          help: `write \`${meta}\` (${spelled.source})`,
          fixes: [{ title: `Write ${meta}`, edits: [{ span: o.status!.span, text: meta }] }],
        });
      } else checkValue(r, o.status, LIMITS.orderStatusValues, 'order status');
    }
    if (checkPresent(r, o.description, 'status description')) checkLength(r, o.description, LIMITS.orderStatusDescription);
  },
};
