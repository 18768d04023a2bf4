import { LIMITS } from '../limits.js';
import type { Row } from '../model/types.js';
import { checkIdSpacing, checkLength, checkPresent, checkUnique, messageContext, type Rule } from './rule.js';

/**
 * `list` messages: at least one row in each section and at most 10 rows in total across all
 * sections (the rule that per-section checks miss); row ids at most 200 characters and unique
 * across the whole list; titles at most 24; descriptions at most 72.
 */
export const listRows: Rule = {
  name: 'list-rows',
  description: "Each section has rows, the whole list stays within the total row limit, and every row id, title and description is valid.",
  codes: ['WA304', 'WA305', 'WA301', 'WA303', 'WA306', 'WA407'],
  check(m, r) {
    if (m.type !== 'list' || !m.sections) return;
    const all: Row[] = [];
    m.sections.items.forEach((s, i) => {
      if (!s.rows) return;
      if (s.rows.items.length < (LIMITS.rowsPerSection.min ?? 1)) {
        r.report('WA305', s.rows.keySpan, `section ${i + 1} has no rows; each section needs at least ${LIMITS.rowsPerSection.min}`, {
          help: 'add a row, or remove the section',
        });
      }
      all.push(...s.rows.items);
    });
    const max = LIMITS.rowsTotal.max;
    if (all.length > max) {
      r.report('WA304', all[max]!.span, `${messageContext(m)} has ${all.length} rows; the limit is ${max} in total across all sections`, {
        help: `remove ${all.length - max} rows (${LIMITS.rowsTotal.source})`,
      });
    }
    for (const row of all) {
      if (checkPresent(r, row.id, 'row id')) {
        checkIdSpacing(r, row.id, 'row id');
        checkLength(r, row.id, LIMITS.rowId);
      }
      if (checkPresent(r, row.title, 'row title')) checkLength(r, row.title, LIMITS.rowTitle);
      if (checkPresent(r, row.description, 'row description')) checkLength(r, row.description, LIMITS.rowDescription);
    }
    checkUnique(r, all.map((row) => row.id), 'WA407', 'row id', messageContext(m));
  },
};
