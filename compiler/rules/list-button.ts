import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/** `list` messages: the button that opens the list is labelled, at most 20 characters. */
export const listButton: Rule = {
  name: 'list-button',
  description: "The label of the button that opens a list is present and within its length limit.",
  codes: ['WA301', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (m.type !== 'list') return;
    if (checkPresent(r, m.listButton, 'list button')) checkLength(r, m.listButton, LIMITS.listButton);
  },
};
