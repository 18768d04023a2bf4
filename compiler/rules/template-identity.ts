import { LIMITS } from '../limits.js';
import { checkEnum, templateOf } from '../message-templates/checks.js';
import { suggest } from '../suggest.js';
import { length } from '../text.js';
import type { Rule } from './rule.js';

const NAME = /^[a-z0-9_]+$/;

/** Regions people write for a country whose ISO 3166 code differs: `en_UK` means `en_GB`. */
const REGION_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

/**
 * The template language code meant by `code`: the same code in another case or with `-`;
 * else one with the same language part (the region as ISO writes it, `en_UK` -> `en_GB`;
 * then the language alone, `de_DE` -> `de`; then the closest region); else the closest code.
 */
export function suggestLanguage(code: string, values: readonly string[]): string | undefined {
  const wanted = code.replace(/-/g, '_');
  const exact = values.find((v) => v.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const [language = '', region = ''] = wanted.split('_');
  const same = values.filter((v) => v.split('_')[0]!.toLowerCase() === language.toLowerCase());
  if (same.length > 0) {
    const mapped = REGION_ALIASES[region.toUpperCase()];
    const byRegion = mapped ? same.find((v) => v.toLowerCase() === `${language}_${mapped}`.toLowerCase()) : undefined;
    return byRegion ?? same.find((v) => !v.includes('_')) ?? suggest(wanted, same) ?? same[0];
  }
  return suggest(wanted, values);
}

/** A template's name (Meta's `^[a-z0-9_]+$`, 1–512), its category and its language (Meta's list of codes). */
export const templateIdentity: Rule = {
  name: 'template-identity',
  description: "A template's name is lowercase letters, digits and underscores within Meta's length, and its language is one of Meta's template language codes.",
  codes: ['WA701', 'WA702', 'WA605'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    const name = t.name?.value ?? m.name;
    const at = t.name?.span ?? m.nameSpan;
    const n = length(name);
    if (!NAME.test(name)) {
      const fixed = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]/g, '_');
      r.report('WA701', at, `\`${name}\` is not a template name: Meta takes lowercase letters, digits and underscores`, { help: `rename it \`${fixed}\` (${LIMITS.tplName.source})` });
    } else if (n > LIMITS.tplName.max) {
      r.report('WA701', at, `the template name is ${n} characters; the limit is ${LIMITS.tplName.max}`, { help: LIMITS.tplName.source });
    }
    checkEnum(r, t.category, LIMITS.tplCategory, 'template category');
    const lang = t.language;
    if (lang && !(LIMITS.tplLanguage.values as readonly string[]).includes(lang.value)) {
      const guess = suggestLanguage(lang.value, LIMITS.tplLanguage.values);
      r.report('WA702', lang.span, `\`${lang.value}\` is not a template language code${guess ? `; did you mean \`${guess}\`?` : ''}`, {
        help: `codes are case-sensitive and use \`_\`, such as en_US, pt_BR, de (${LIMITS.tplLanguage.source})`,
      });
    }
  },
};
