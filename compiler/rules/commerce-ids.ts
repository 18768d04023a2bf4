import { checkIdSpacing, checkLength, checkPresent, type Rule } from './rule.js';
import { LIMITS } from '../limits.js';
import type { Text } from '../model/types.js';
import type { Reporter } from '../diagnostics/diagnostic.js';

/**
 * Catalog and product ids (`product`, `product_list`, `catalog_message`): present, not blank
 * and without white space around them, since the API looks them up as written; a retailer id
 * at most as long as a catalog's product id may be. Meta documents no length for a catalog id,
 * and nothing about a product named twice in a section: neither is checked.
 */
export const commerceIds: Rule = {
  name: 'commerce-ids',
  description: 'Catalog ids and product retailer ids are given, not blank, and without white space around them.',
  codes: ['WA301', 'WA303', 'WA306', 'WA514', 'WA520'],
  check(m, r) {
    if (m.type === 'product') {
      id(r, m.catalog, 'catalog id');
      id(r, m.product, 'product retailer id', true);
    } else if (m.type === 'product_list') {
      id(r, m.catalog, 'catalog id');
      for (const s of m.productSections?.items ?? []) for (const p of s.products?.items ?? []) id(r, p.id, 'product retailer id', true);
    } else if (m.type === 'catalog_message') id(r, m.thumbnail, 'thumbnail product retailer id', true);
  },
};

function id(r: Reporter, text: Text | undefined, label: string, retailer = false): void {
  if (!checkPresent(r, text, label)) return;
  checkIdSpacing(r, text, label);
  if (retailer) checkLength(r, text, { ...LIMITS.productRetailerId, label });
}
