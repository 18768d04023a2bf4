import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Limit } from '../limits.js';
import type { Message, Text } from '../model/types.js';
import { checkLength, checkPresent } from '../rules/rule.js';
import { length, characters } from '../text.js';
import type { TemplateSpec } from './model.js';
import { formatOf } from './model.js';
import { submitted } from './variables.js';

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
