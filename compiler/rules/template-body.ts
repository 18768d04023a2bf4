import { LIMITS } from '../limits.js';
import { checkTemplateText, templateOf } from '../message-templates/checks.js';
import { categoryOf } from '../message-templates/model.js';
import type { Rule } from './rule.js';

/**
 * The template body: present, at most 1024 characters (600 in a limited-time offer) as
 * submitted and as sent; line breaks get a warning, as some providers refuse them.
 */
export const templateBody: Rule = {
  name: 'template-body',
  description: 'The template body is present and within its length (shorter with an offer) as submitted and with its values.',
  codes: ['WA301', 'WA303', 'WA514', 'WA520', 'WA724'],
  check(m, r) {
    const t = templateOf(m);
    if (!t || !t.body || categoryOf(t) === 'authentication') return;
    if (!checkTemplateText(r, t, t.body, t.offer ? 'offer body' : 'template body', t.offer ? LIMITS.tplOfferBody : LIMITS.tplBody)) return;
    if (t.body.parts.some((p) => p.kind === 'literal' && /[\r\n]/.test(p.value))) {
      r.report('WA724', t.body.span, 'the template body has line breaks, which some providers refuse', { help: LIMITS.tplBodyLineBreaks.source });
    }
  },
};
