import { LIMITS } from '../limits.js';
import { checkCount, checkIdSpacing, checkLength, checkPresent, checkUnique, messageContext, unique, type Rule } from './rule.js';

/**
 * `button` messages: 1 to 3 reply buttons; each id at most 256 characters, each title at most
 * 20; ids and titles unique in the message.
 */
export const replyButtons: Rule = {
  name: 'reply-buttons',
  description: "A button message has an allowed number of reply buttons with valid, unique ids and titles.",
  codes: ['WA304', 'WA305', 'WA515', 'WA301', 'WA514', 'WA303', 'WA520', 'WA306', 'WA407', 'WA408'],
  check(m, r) {
    if (m.type !== 'button' || !m.buttons) return;
    checkCount(r, m.buttons, LIMITS.buttonCount, messageContext(m));
    for (const b of m.buttons.items) {
      if (checkPresent(r, b.id, 'button id')) {
        checkIdSpacing(r, b.id, 'button id');
        checkLength(r, b.id, LIMITS.buttonId);
      }
      if (checkPresent(r, b.title, 'button title')) checkLength(r, b.title, LIMITS.buttonTitle);
    }
    checkUnique(r, unique(m.buttons.items, (b) => b.id), 'WA407', 'button id', messageContext(m), { seq: m.buttons, path: ['*', 'reply', 'id'] });
    checkUnique(r, unique(m.buttons.items, (b) => b.title), 'WA408', 'button title', messageContext(m), { seq: m.buttons, path: ['*', 'reply', 'title'] });
  },
};
