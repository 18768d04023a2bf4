import { LIMITS, type Limit } from '../limits.js';
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Text } from '../model/types.js';
import { listOr, suggest } from '../suggest.js';
import { hasEmoji } from '../text.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/**
 * `flow` messages: version "3"; exactly one of `id` or `name`; the button text at most 30
 * characters (a warning over 20, and on emoji); `mode` and `action` among the API's values;
 * `screen` and `data` only with the navigate action; `data`, if given, not empty.
 */
export const flow: Rule = {
  name: 'flow',
  description: 'A Flow message names one Flow, has a short button text, valid mode and action, and a payload only with navigate.',
  codes: ['WA602', 'WA603', 'WA604', 'WA605', 'WA606', 'WA607', 'WA212', 'WA301', 'WA302', 'WA303', 'WA514', 'WA520'],
  check(m, r) {
    if (m.type !== 'flow' || !m.flow) return;
    const f = m.flow;
    if (f.version && !LIMITS.flowVersion.values.includes(f.version.value as '3')) {
      r.report('WA602', f.version.span, `Flow message version \`${f.version.value}\` is not supported; the API takes "3"`, {
        help: 'write `version: "3"`, or leave it out',
      });
    }
    if (f.id && f.name) {
      r.report('WA603', f.name.span, 'the Flow is named by both `id` and `name`; give one', { help: 'keep `id` (flow_id) or `name` (flow_name)' });
    } else if (!f.id && !f.name) {
      r.report('WA603', f.keySpan, 'the Flow needs an `id` or a `name`', { help: 'add `id:` with the Flow id, or `name:` with its name' });
    }
    checkPresent(r, f.id, 'Flow id');
    checkPresent(r, f.name, 'Flow name');
    if (checkPresent(r, f.cta, 'Flow button text')) {
      checkLength(r, f.cta, LIMITS.flowCta, LIMITS.flowCtaAdvised);
      if (hasEmoji(f.cta!.value)) {
        r.report('WA604', f.cta!.span, 'the Flow button text contains emoji; Meta advises against them', { help: 'use words only' });
      }
    }
    enumValue(r, f.mode, LIMITS.flowMode, 'mode');
    const actionOk = enumValue(r, f.action, LIMITS.flowAction, 'action');
    const action = actionOk && f.action ? f.action.value : 'navigate';
    if (action !== 'navigate') {
      for (const [key, span] of [['screen', f.screen?.span], ['data', f.dataKeySpan]] as const) {
        if (span) {
          r.report('WA606', span, `\`${key}\` is only for the navigate action; this Flow's action is \`${action}\``, {
            help: `remove \`${key}\`: with data_exchange the Flow's endpoint chooses the first screen`,
          });
        }
      }
    }
    if (f.data && f.data.entries.length === 0) {
      r.report('WA607', f.data.span, 'Flow `data` is empty; give at least one value or leave it out', { help: 'remove `data:`' });
    }
    // `data` as a text: a JSON object serialized to a string, as the newest "Sending a Flow" page sends it.
    if (f.dataText && !f.dataText.templated) {
      const problem = jsonObjectProblem(f.dataText.value);
      if (problem) {
        r.report('WA212', f.dataText.span, `Flow \`data\` written as a text must be a JSON object serialized to a string; this ${problem}`, {
          help: `write the mapping itself, or its JSON text such as '{"product_name": "name"}' (${LIMITS.flowDataText.source})`,
        });
      }
    }
  },
};

/** Why a text is not a non-empty JSON object, or undefined. */
function jsonObjectProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is JSON, but not an object';
  if (Object.keys(value).length === 0) return 'is an empty object';
  return undefined;
}

function enumValue(r: Reporter, text: Text | undefined, limit: Limit, key: string): boolean {
  if (!text) return true;
  const values = limit.values ?? [];
  if (values.includes(text.value)) return true;
  const guess = suggest(text.value, values);
  r.report('WA605', text.span, `unknown Flow ${key} \`${text.value}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, {
    help: `use ${listOr(values)} (${limit.source})`,
  });
  return false;
}
