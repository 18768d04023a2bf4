import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { categoryOf } from '../message-templates/model.js';
import type { Rule } from './rule.js';

/**
 * What each category allows: carousels and limited-time offers are marketing only, the OTP
 * button authentication only, location headers utility or marketing; a copy-code button in a
 * utility template is refused by some providers (a warning).
 */
export const templateCategory: Rule = {
  name: 'template-category',
  description: 'Carousels and offers only in marketing templates, OTP buttons only in authentication templates, location headers only in utility or marketing ones.',
  codes: ['WA703'],
  check(m, r) {
    const t = templateOf(m);
    const category = t ? categoryOf(t) : undefined;
    if (!t || !category) return;
    const marketing = LIMITS.tplMarketingOnly.values as readonly string[];
    if (t.cards && !marketing.includes(category)) {
      r.report('WA703', t.cards.keySpan, `a carousel template must be a marketing template, not ${category}`, { help: `write \`category: marketing\` (${LIMITS.tplMarketingOnly.source})` });
    }
    if (t.offer && !marketing.includes(category)) {
      r.report('WA703', t.offer.keySpan, `a limited-time offer must be a marketing template, not ${category}`, { help: `write \`category: marketing\` (${LIMITS.tplMarketingOnly.source})` });
    }
    if (t.otp && !(LIMITS.tplOtpAuthOnly.values as readonly string[]).includes(category)) {
      r.report('WA703', t.otp.keySpan, `only authentication templates carry one-time passcodes; this one is ${category}`, { help: `write \`category: authentication\` (${LIMITS.tplOtpAuthOnly.source})` });
    }
    const h = t.header;
    if (h?.kind === 'location' && category !== 'authentication' && !(LIMITS.tplLocationHeaderCategories.values as readonly string[]).includes(category)) {
      r.report('WA703', h.kindSpan, `a location header is for utility or marketing templates`, { help: LIMITS.tplLocationHeaderCategories.source });
    }
    for (const b of t.buttons?.items ?? []) {
      if (b.kind === 'copy_code' && category === 'utility') {
        r.report('WA703', b.keySpan, 'a copy-code button in a utility template may be refused', { severity: 'warning', help: `make it a marketing template (${LIMITS.tplUtilityCopyCode.source})` });
      }
    }
  },
};
