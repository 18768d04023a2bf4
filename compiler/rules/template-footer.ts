import { LIMITS } from '../limits.js';
import { checkTemplateText, templateOf } from '../message-templates/checks.js';
import { placeholders } from '../message-templates/variables.js';
import { textSpan } from '../model/spans.js';
import type { Rule } from './rule.js';

/** The template footer: at most 60 characters and fixed text (Meta has no footer examples). */
export const templateFooter: Rule = {
  name: 'template-footer',
  description: 'The template footer is within its length and has no placeholders.',
  codes: ['WA301', 'WA303', 'WA707'],
  check(m, r) {
    const t = templateOf(m);
    if (!t || !t.footer || !t.footerKeySpan || t.offer) return;
    const vars = placeholders(t.footer);
    for (const p of vars) {
      r.report('WA707', textSpan(t.footer, p.start, p.end), 'a template footer cannot have placeholders', { help: `write it out (${LIMITS.tplFooterVariables.source})` });
    }
    if (vars.length === 0) checkTemplateText(r, t, t.footer, 'template footer', LIMITS.tplFooter);
  },
};
