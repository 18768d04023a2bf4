import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import type { TextMap } from '../model/types.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/**
 * `address_message`: the country is India (`IN`; a warning otherwise, the feature is
 * India-only), and `in_pin_code` at most 6 characters wherever it is given.
 */
export const address: Rule = {
  name: 'address',
  description: 'An address message is for India and its PIN codes are within their length limit.',
  codes: ['WA601', 'WA301', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (m.type !== 'address_message' || !m.address) return;
    const a = m.address;
    if (checkPresent(r, a.country, 'country')) {
      const allowed = LIMITS.addressCountry.values;
      if (!allowed.includes(a.country!.value as (typeof allowed)[number])) {
        r.report('WA601', a.country!.span, `address messages are available only in India; the country is \`${a.country!.value}\``, {
          help: `use \`IN\` (${LIMITS.addressCountry.source})`,
        });
      }
    }
    pinCode(r, a.values);
    for (const saved of a.savedAddresses?.items ?? []) pinCode(r, saved.value);
  },
};

function pinCode(r: Reporter, values: TextMap | undefined): void {
  for (const e of values?.entries ?? []) {
    if (e.key === 'in_pin_code') checkLength(r, e.value, LIMITS.addressPinCode);
  }
}
