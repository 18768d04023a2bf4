import { LIMITS } from '../limits.js';
import type { Span } from '../source.js';
import { place, writtenBounds, writtenCount, writtenSpans } from '../model/written.js';
import { checkCount, checkLength, checkPresent, messageContext, type Rule } from './rule.js';

/**
 * `product_list` messages: 1 to 10 sections, titled (at most 24 characters) when there are
 * several; 1 to 30 products in each section and at most 30 in total across all sections.
 */
export const productList: Rule = {
  name: 'product-list',
  description: 'A multi-product message has an allowed number of sections, titled when there are several, and of products in each and in all.',
  codes: ['WA304', 'WA305', 'WA409', 'WA301', 'WA303', 'WA514', 'WA515', 'WA520'],
  check(m, r) {
    if (m.type !== 'product_list' || !m.productSections) return;
    const sections = m.productSections.items;
    checkCount(r, m.productSections, LIMITS.productSections, messageContext(m));
    /** Every product as written, for pointing at the one over the limit. */
    const spans: Span[] = [];
    let totalMin = 0;
    let totalMax = 0;
    const written = writtenCount(m.productSections);
    sections.forEach((s, i) => {
      const n = place(m.productSections!, i) + 1;
      if (s.title) {
        if (checkPresent(r, s.title, 'section title')) checkLength(r, s.title, LIMITS.productSectionTitle);
      } else if (written >= LIMITS.productSectionTitleRequired.min) {
        r.report('WA409', s.span, `section ${n} of ${written} has no title; a product list with several sections needs a title on each`, {
          help: `add \`title:\` (${LIMITS.productSectionTitleRequired.source})`,
        });
      }
      if (!s.products) return;
      checkCount(r, s.products, LIMITS.productsPerSection, `section ${n}`);
      const products = writtenBounds(s.products);
      const times = s.repeat ? (s.repeat.count ?? { min: 0, max: Number.POSITIVE_INFINITY }) : { min: 1, max: 1 };
      totalMin += times.min * products.min;
      totalMax += times.max === 0 || products.max === 0 ? 0 : times.max * products.max;
      spans.push(...writtenSpans(s.products));
    });
    const max = LIMITS.productsTotal.max;
    const fixed = totalMin === totalMax && spans.length === totalMin;
    if (totalMin > max) {
      r.report('WA304', fixed ? spans[max]! : m.productSections.keySpan, `${messageContext(m)} has ${fixed ? '' : 'at least '}${totalMin} products; the limit is ${max} in total across all sections`, {
        help: `remove ${totalMin - max} products (${LIMITS.productsTotal.source})`,
      });
    } else if (totalMax > max) {
      r.report('WA515', m.productSections.keySpan, `${messageContext(m)} may have ${Number.isFinite(totalMax) ? totalMax : 'any number of'} products; the limit is ${max} in total across all sections`, {
        help: `declare \`maxItems\` on the arrays its products repeat over so that they add up to ${max} at most; until then it is checked before sending`,
      });
      r.check(m.productSections, { kind: 'totalItems', path: ['*', 'product_items'], label: LIMITS.productsTotal.label, limit: max, field: LIMITS.productsTotal.field, span: m.productSections.keySpan });
    }
  },
};
