import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/**
 * `body` (interactive.body.text): present, not blank, at most 1024 characters; for lists an
 * error over 4096 and a warning over 1024, since Meta's pages disagree.
 */
export const body: Rule = {
  name: 'body',
  description: "The body text is present and within its length limit (list bodies: an error over the list page's limit, a warning over the reference's).",
  codes: ['WA301', 'WA302', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (!checkPresent(r, m.body, 'body')) return;
    if (m.type === 'list') checkLength(r, m.body, LIMITS.listBodyText, LIMITS.listBodyTextAdvised);
    else checkLength(r, m.body, LIMITS.bodyText);
  },
};
