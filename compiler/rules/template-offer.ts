import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/** Limited-time offers: an offer text of at most 16 characters, and an end time when it expires. */
export const templateOffer: Rule = {
  name: 'template-offer',
  description: 'A limited-time offer has a short enough text and, when it expires, the time it ends.',
  codes: ['WA301', 'WA303', 'WA726'],
  check(m, r) {
    const t = templateOf(m);
    const o = t?.offer;
    if (!o) return;
    if (checkPresent(r, o.text, 'offer text')) checkLength(r, o.text, LIMITS.tplOfferText);
    if (o.expires?.value === true && !o.expiresAt) {
      r.report('WA726', o.expires.keySpan, 'the offer expires but does not say when', { help: 'add `expires_at: "{{ offer_ends }}"` with an integer param: UNIX time in milliseconds' });
    }
  },
};
