import { LIMITS, type Limit } from '../limits.js';
import type { InteractiveType } from '../model/types.js';
import { listOr } from '../suggest.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/** Which header kinds each message type takes. */
const KINDS: Record<InteractiveType, Limit> = {
  button: LIMITS.headerKinds,
  cta_url: LIMITS.headerKinds,
  flow: LIMITS.headerKinds,
  address_message: LIMITS.headerKinds,
  list: LIMITS.listHeaderKinds,
  carousel: LIMITS.carouselHeaderKinds,
  location_request_message: LIMITS.locationHeaderKinds,
  product: LIMITS.productHeaderKinds,
  product_list: LIMITS.productListHeaderKinds,
  catalog_message: LIMITS.catalogHeaderKinds,
  order_details: LIMITS.headerKinds,
  order_status: LIMITS.headerKinds,
  voice_call: LIMITS.headerKinds,
  call_permission_request: LIMITS.callPermissionHeaderKinds,
};

/**
 * `header`: a kind the message type takes (lists: text only; carousels and location
 * requests: none), and a text header present and at most 60 characters.
 */
export const header: Rule = {
  name: 'header',
  description: "The header is of a kind the message type allows, and a text header is within its length limit.",
  codes: ['WA401', 'WA301', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (!m.type || m.type === 'template' || !m.headerKeySpan) return;
    const allowed = KINDS[m.type];
    const values = allowed.values ?? [];
    if (values.length === 0) {
      r.report('WA401', m.headerKeySpan, `a \`${m.type}\` message takes no header`, {
        help: m.type === 'carousel' ? 'put an `image` or `video` on each card instead' : `remove it (${allowed.source})`,
      });
      return;
    }
    const h = m.header;
    if (!h) return;
    if (!values.includes(h.kind)) {
      r.report('WA401', h.span, `a \`${m.type}\` message takes ${listOr(values)} headers, not ${h.kind === 'image' ? 'an' : 'a'} \`${h.kind}\` header`, {
        help: allowed.source,
      });
      return;
    }
    if (h.kind === 'text' && checkPresent(r, h.text, 'header')) checkLength(r, h.text, LIMITS.headerText);
  },
};
