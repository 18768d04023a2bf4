import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { formatOf, type TemplateButton, type TemplateSpec } from '../message-templates/model.js';
import { paramOf, pipeKey, placeholders, submitted } from '../message-templates/variables.js';
import { textSpan } from '../model/spans.js';
import type { Text } from '../model/types.js';
import type { Rule } from './rule.js';

/** The texts whose placeholders become submitted variables (a URL's are the URL rule's). */
function variableTexts(t: TemplateSpec): Text[] {
  const out: (Text | undefined)[] = [t.header?.kind === 'text' ? t.header.text : undefined, t.body, ...(t.cards?.items.map((c) => c.body) ?? [])];
  return out.filter((x): x is Text => x !== undefined);
}

/** Texts submitted as written, which cannot hold a placeholder. */
function fixedTexts(t: TemplateSpec): { text: Text; what: string }[] {
  const out: { text: Text | undefined; what: string }[] = [];
  const buttons = (list: readonly TemplateButton[] | undefined) => {
    for (const b of list ?? []) {
      out.push({ text: b.title, what: 'a quick-reply title' }, { text: b.id, what: 'a quick-reply id (its payload)' }, { text: b.text, what: 'a button label' });
    }
  };
  buttons(t.buttons?.items);
  for (const c of t.cards?.items ?? []) buttons(c.buttons?.items);
  out.push({ text: t.offer?.text, what: 'the offer text' }, { text: t.otp?.text, what: 'an OTP label' }, { text: t.otp?.autofillText, what: 'an OTP label' });
  return out.filter((x): x is { text: Text; what: string } => x.text !== undefined);
}

/**
 * A template's placeholders: each is `{{ name }}` of a declared param (filters allowed);
 * named variables are lowercase letters and underscores (a warning over the libraries' 20
 * characters); one name has one value; at most 100 variables; none where the template is
 * submitted as written (labels, ids, the offer text).
 */
export const templatePlaceholders: Rule = {
  name: 'template-placeholders',
  description: "Template placeholders are bare params with names Meta accepts, one value per name, within the variable count, and only where templates take variables.",
  codes: ['WA705', 'WA706', 'WA707', 'WA710', 'WA711'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    const named = formatOf(t) === 'named';
    const seen = new Map<string, { key: string; text: Text; start: number; end: number }>();
    let count = 0;
    for (const text of variableTexts(t)) {
      for (const p of placeholders(text)) {
        const span = textSpan(text, p.start, p.end);
        const name = paramOf(p.pipe);
        if (name === undefined) {
          r.report('WA706', span, 'a template variable must be a param: write `{{ name }}`', { help: 'declare a param and use it, with filters if needed (`{{ name | upper }}`)' });
          continue;
        }
        if (!named) continue;
        if (!/^[a-z_]+$/.test(name)) {
          r.report('WA705', span, `\`${name}\` cannot be a named template variable: Meta takes lowercase letters and underscores`, { help: `rename the param, or write \`parameter_format: positional\` (${LIMITS.tplNamedVariable.source})` });
        } else if (name.length > LIMITS.tplNamedVariableAdvised.max) {
          r.report('WA705', span, `\`${name}\` is ${name.length} characters; some libraries refuse named variables over ${LIMITS.tplNamedVariableAdvised.max}`, { severity: 'warning', help: LIMITS.tplNamedVariableAdvised.source });
        }
        const key = pipeKey(p.pipe);
        const first = seen.get(name);
        if (first && first.key !== key) {
          r.report('WA711', span, `the variable \`${name}\` is written two ways; a named variable has one value`, {
            related: [r.related(textSpan(first.text, first.start, first.end), 'first written here')],
            help: 'write it the same way everywhere, or use another param',
          });
        } else if (!first) seen.set(name, { key, text, start: p.start, end: p.end });
      }
      count += submitted(text, formatOf(t)).variables.length;
    }
    if (count > LIMITS.tplVariablesMax.max) {
      r.report('WA710', m.nameSpan, `template \`${m.name}\` has ${count} variables; the limit is ${LIMITS.tplVariablesMax.max}`, { help: LIMITS.tplVariablesMax.source });
    }
    for (const { text, what } of fixedTexts(t)) {
      for (const p of placeholders(text)) r.report('WA707', textSpan(text, p.start, p.end), `${what} is submitted as written; it cannot have a placeholder`, { help: 'write it out' });
    }
  },
};
