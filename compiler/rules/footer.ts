import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/** `footer`: at most 60 characters and not blank; carousels, location requests and call permission requests take none. */
export const footer: Rule = {
  name: 'footer',
  description: "The footer is allowed for the message type and within its length limit.",
  codes: ['WA402', 'WA301', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (!m.footerKeySpan) return;
    const forbidden = m.type === 'carousel' ? LIMITS.carouselFooter : m.type === 'location_request_message' ? LIMITS.locationFooter : m.type === 'call_permission_request' ? LIMITS.callPermissionFooter : undefined;
    if (forbidden) {
      r.report('WA402', m.footerKeySpan, `a \`${m.type}\` message takes no footer`, { help: `remove it (${forbidden.source})` });
      return;
    }
    if (checkPresent(r, m.footer, 'footer')) checkLength(r, m.footer, LIMITS.footerText);
  },
};
