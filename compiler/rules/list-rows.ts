import { LIMITS } from '../limits.js';
import type { Row } from '../model/types.js';
import type { Span } from '../source.js';
import { place, writtenBounds, writtenSpans } from '../model/written.js';
import { checkIdSpacing, checkLength, checkPresent, checkUnique, messageContext, type Rule } from './rule.js';

/**
 * `list` messages: at least one row in each section and at most 10 rows in total across all
 * sections (the rule that per-section checks miss); row ids at most 200 characters and unique
 * across the whole list; titles at most 24; descriptions at most 72.
 */
export const listRows: Rule = {
  name: 'list-rows',
  description: "Each section has rows, the whole list stays within the total row limit, and every row id, title and description is valid.",
  codes: ['WA304', 'WA305', 'WA515', 'WA301', 'WA514', 'WA303', 'WA520', 'WA306', 'WA407'],
  check(m, r) {
    if (m.type !== 'list' || !m.sections) return;
    const all: Row[] = [];
    /** Every row as written, for pointing at the one over the limit. */
    const spans: Span[] = [];
    let totalMin = 0;
    let totalMax = 0;
    m.sections.items.forEach((s, i) => {
      if (!s.rows) return;
      const n = place(m.sections!, i) + 1;
      const rows = writtenBounds(s.rows);
      if (rows.max < (LIMITS.rowsPerSection.min ?? 1)) {
        r.report('WA305', s.rows.keySpan, `section ${n} has no rows; each section needs at least ${LIMITS.rowsPerSection.min}`, {
          help: 'add a row, or remove the section',
        });
      } else if (rows.min < (LIMITS.rowsPerSection.min ?? 1)) {
        r.report('WA515', s.rows.keySpan, `section ${n} may have no rows; each section needs at least ${LIMITS.rowsPerSection.min}`, {
          help: 'declare `minItems: 1` on the array it repeats over; until then it is checked before sending',
        });
        r.check(s.rows, { kind: 'minItems', label: LIMITS.rowsPerSection.label, limit: LIMITS.rowsPerSection.min ?? 1, field: LIMITS.rowsPerSection.field, span: s.rows.keySpan });
      }
      // A repeating section repeats its rows too.
      const times = s.repeat ? (s.repeat.count ?? { min: 0, max: Number.POSITIVE_INFINITY }) : { min: 1, max: 1 };
      totalMin += times.min * rows.min;
      totalMax += times.max === 0 || rows.max === 0 ? 0 : times.max * rows.max;
      all.push(...s.rows.items);
      spans.push(...writtenSpans(s.rows));
    });
    const max = LIMITS.rowsTotal.max;
    // Point at the row over the limit only when every row is written out.
    const fixed = totalMin === totalMax && spans.length === totalMin;
    if (totalMin > max) {
      r.report('WA304', fixed ? spans[max]! : m.sections.keySpan, `${messageContext(m)} has ${fixed ? '' : 'at least '}${totalMin} rows; the limit is ${max} in total across all sections`, {
        help: `remove ${totalMin - max} rows (${LIMITS.rowsTotal.source})`,
      });
    } else if (totalMax > max) {
      r.report('WA515', m.sections.keySpan, `${messageContext(m)} may have ${Number.isFinite(totalMax) ? totalMax : 'any number of'} rows; the limit is ${max} in total across all sections`, {
        help: `declare \`maxItems\` on the arrays its rows repeat over so that they add up to ${max} at most; until then it is checked before sending`,
      });
      r.check(m.sections, { kind: 'totalItems', path: ['*', 'rows'], label: LIMITS.rowsTotal.label, limit: max, field: LIMITS.rowsTotal.field, span: m.sections.keySpan });
    }
    for (const row of all) {
      if (checkPresent(r, row.id, 'row id')) {
        checkIdSpacing(r, row.id, 'row id');
        checkLength(r, row.id, LIMITS.rowId);
      }
      if (checkPresent(r, row.title, 'row title')) checkLength(r, row.title, LIMITS.rowTitle);
      if (checkPresent(r, row.description, 'row description')) checkLength(r, row.description, LIMITS.rowDescription);
    }
    const repeats = (row: Row) => row.repeat?.each !== undefined || m.sections!.items.some((s) => s.repeat?.each !== undefined && s.rows?.items.includes(row));
    checkUnique(r, all.map((row) => ({ text: row.id, repeats: repeats(row) })), 'WA407', 'row id', messageContext(m), { seq: m.sections, path: ['*', 'rows', '*', 'id'] });
  },
};
