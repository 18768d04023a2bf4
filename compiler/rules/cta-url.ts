import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, checkUrl, type Rule } from './rule.js';

/** `cta_url` messages: the button text at most 20 characters; the URL absolute http(s). */
export const ctaUrl: Rule = {
  name: 'cta-url',
  description: "A CTA URL button has a text within its limit and an absolute http(s) URL (https advised).",
  codes: ['WA301', 'WA303', 'WA405', 'WA406', 'WA514', 'WA520', 'WA521'],
  check(m, r) {
    if (m.type !== 'cta_url' || !m.urlButton) return;
    const b = m.urlButton;
    if (checkPresent(r, b.text, 'button text')) checkLength(r, b.text, LIMITS.ctaDisplayText);
    if (checkPresent(r, b.url, 'button URL')) checkUrl(r, b.url, 'button URL', LIMITS.urlSchemes, true);
  },
};
