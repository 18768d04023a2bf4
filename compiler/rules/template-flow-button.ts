import { LIMITS } from '../limits.js';
import { checkEnum, templateOf } from '../message-templates/checks.js';
import type { TemplateButton } from '../message-templates/model.js';
import type { Rule } from './rule.js';

/**
 * Flow buttons: exactly one of `flow: { id | name | json }`; `screen` only with the
 * navigate action; `data`, when given, not empty.
 */
export const templateFlowButton: Rule = {
  name: 'template-flow-button',
  description: 'A template Flow button names its Flow once, takes a screen only with navigate, and no empty data.',
  codes: ['WA723', 'WA605'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    const all: TemplateButton[] = t.buttons?.items ?? [];
    for (const b of all) {
      if (b.kind !== 'flow' || !b.flow) continue;
      const targets = [b.flow.id, b.flow.name, b.flow.json].filter((x) => x !== undefined);
      if (targets.length !== LIMITS.tplFlowTarget.max) {
        r.report('WA723', targets[1]?.span ?? b.flow.keySpan, `a Flow button needs exactly one of \`id\`, \`name\` or \`json\`; it has ${targets.length}`, { help: LIMITS.tplFlowTarget.source });
      }
      checkEnum(r, b.action, LIMITS.tplFlowAction, 'Flow action');
      checkEnum(r, b.icon, LIMITS.tplFlowIcon, 'Flow button icon');
      if (b.screen && b.action && b.action.value !== 'navigate') {
        r.report('WA723', b.screen.span, '`screen` is only for the navigate action', { help: `remove it, or write \`action: navigate\` (${LIMITS.tplFlowAction.source})` });
      }
      if (b.data && b.data.entries.length === 0) r.report('WA723', b.data.span, 'Flow `data` is empty', { help: 'give at least one value, or remove it' });
    }
  },
};
