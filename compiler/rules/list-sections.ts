import { LIMITS } from '../limits.js';
import { place, writtenCount } from '../model/written.js';
import { checkCount, checkLength, checkPresent, messageContext, type Rule } from './rule.js';

/**
 * `list` messages: 1 to 10 sections; a title on every section when there are several (an
 * error) and on a single one (a warning: the list page requires it, the reference does
 * not); each title at most 24 characters.
 */
export const listSections: Rule = {
  name: 'list-sections',
  description: "A list has an allowed number of sections, titled when there are several, each title within its limit.",
  codes: ['WA304', 'WA305', 'WA409', 'WA410', 'WA301', 'WA303', 'WA515', 'WA514', 'WA520'],
  check(m, r) {
    if (m.type !== 'list' || !m.sections) return;
    const sections = m.sections.items;
    checkCount(r, m.sections, LIMITS.sectionCount, messageContext(m));
    const written = writtenCount(m.sections);
    sections.forEach((s, i) => {
      if (s.title) {
        if (checkPresent(r, s.title, 'section title')) checkLength(r, s.title, LIMITS.sectionTitle);
      } else if (written >= LIMITS.sectionTitleRequired.min) {
        r.report('WA409', s.span, `section ${place(m.sections!, i) + 1} of ${written} has no title; a list with several sections needs a title on each`, {
          help: `add \`title:\` (${LIMITS.sectionTitleRequired.source})`,
        });
      } else {
        r.report('WA410', s.span, 'the section has no title; the list page asks for one', {
          help: `add \`title:\` (${LIMITS.sectionTitleAdvised.source})`,
        });
      }
    });
  },
};
