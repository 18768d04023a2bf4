import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Limit } from '../limits.js';
import type { Message, Text } from '../model/types.js';
import { checkLength, checkPresent } from '../rules/rule.js';
import { length, characters } from '../text.js';
import { listOr, suggest } from '../suggest.js';
import type { TemplateSpec } from './model.js';
import { formatOf } from './model.js';
import { submitted } from './variables.js';

/** Meta's error codes that template diagnostics name. */
export const META_ERRORS = { leadingOrTrailing: 2388299, ratio: 2388293 } as const;

/** The template of a `type: template` message, or undefined for every other message. */
export function templateOf(m: Message): TemplateSpec | undefined {
  return m.type === 'template' ? m.template : undefined;
}

/**
 * A template text within `limit` twice over: as submitted (placeholders as `{{name}}` or
 * `{{1}}`, Meta's creation check, 2388040) and with its values in place (the send-time
 * check, 132005: an error when even the shortest values are over, a warning and a check
 * before sending when the longest may be). Returns whether the text is present.
 */
export function checkTemplateText(r: Reporter, t: TemplateSpec, text: Text | undefined, label: string, limit: Limit): boolean {
  if (!checkPresent(r, text, label)) return false;
  if (!text || limit.max === undefined) return true;
  if (text.templated) {
    const asSubmitted = submitted(text, formatOf(t)).text;
    const n = length(asSubmitted);
    if (n > limit.max) {
      r.report('WA301', text.span, `${limit.label} is ${characters(n)} as submitted (\`${asSubmitted.length > 40 ? `${asSubmitted.slice(0, 40)}…` : asSubmitted}\`); the limit is ${limit.max}`, {
        help: `shorten it by ${characters(n - limit.max)} (limit: ${limit.source})`,
      });
      return true;
    }
  }
  checkLength(r, text, limit);
  return true;
}

/** A value that must be one of the limit's values: WA605 with a "did you mean". */
export function checkEnum(r: Reporter, text: Text | undefined, limit: Limit, what: string): boolean {
  if (!text) return true;
  const values = limit.values ?? [];
  if (values.includes(text.value)) return true;
  const guess = suggest(text.value, values) ?? values.find((v) => v.toLowerCase() === text.value.toLowerCase());
  r.report('WA605', text.span, `unknown ${what} \`${text.value}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, { help: `use ${listOr(values)} (${limit.source})` });
  return false;
}
