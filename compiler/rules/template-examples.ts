import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { templateTexts } from '../message-templates/model.js';
import { paramOf, placeholders } from '../message-templates/variables.js';
import { textSpan } from '../model/spans.js';
import type { Rule } from './rule.js';

/**
 * Every param a template uses has an `example:`: Meta reviews a template with an example of
 * each variable and of each media header, and waml submits the params' examples.
 */
export const templateExamples: Rule = {
  name: 'template-examples',
  description: 'Every param a template uses declares an `example`, which the creation body submits.',
  codes: ['WA712'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    const reported = new Set<string>();
    for (const text of templateTexts(t)) {
      for (const p of placeholders(text)) {
        // Placeholders that are not bare params are the placeholder rule's finding (WA706).
        const name = paramOf(p.pipe);
        if (name === undefined) continue;
        const param = m.scope[name];
        if (!param || param.example || reported.has(name)) continue;
        reported.add(name);
        r.report('WA712', textSpan(text, p.start, p.end), `the param \`${name}\` has no \`example\`; Meta requires an example of every variable`, {
          related: [r.related(param.nameSpan, 'declared here')],
          help: `add \`example:\` to its declaration (${LIMITS.tplExample.source})`,
        });
      }
    }
  },
};
