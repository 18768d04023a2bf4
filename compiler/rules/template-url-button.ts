import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import { checkTemplateText, templateOf } from '../message-templates/checks.js';
import type { TemplateButton, TemplateSpec } from '../message-templates/model.js';
import { placeholders } from '../message-templates/variables.js';
import { textSpan } from '../model/spans.js';
import { checkUrl, type Rule } from './rule.js';

function checkButton(r: Reporter, t: TemplateSpec, b: TemplateButton): void {
  const url = b.url;
  if (b.kind !== 'url' || !url) return;
  if (!checkTemplateText(r, t, url, 'button URL', LIMITS.tplUrl)) return;
  const vars = placeholders(url);
  const last = url.parts[url.parts.length - 1];
  vars.forEach((p, i) => {
    if (i >= LIMITS.tplUrlVariables.max) r.report('WA715', textSpan(url, p.start, p.end), `a template URL takes at most ${LIMITS.tplUrlVariables.max} placeholder`, { help: LIMITS.tplUrlVariables.source });
    else if (p !== last) r.report('WA715', textSpan(url, p.start, p.end), 'the placeholder of a template URL must be at its end', { help: `move it to the end: \`https://example.com/path/{{ id }}\` (${LIMITS.tplUrlVariables.source})` });
  });
  checkUrl(r, url, 'button URL', LIMITS.tplUrlSchemes, true);
}

/**
 * URL buttons (on the template and on carousel cards): an absolute http(s) URL of at most
 * 2000 characters (its value included) with at most one placeholder, at its end.
 */
export const templateUrlButton: Rule = {
  name: 'template-url-button',
  description: 'A template URL button has an absolute URL within its length and at most one placeholder, at its end.',
  codes: ['WA301', 'WA303', 'WA514', 'WA405', 'WA406', 'WA521', 'WA715'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    for (const b of t.buttons?.items ?? []) checkButton(r, t, b);
    for (const c of t.cards?.items ?? []) for (const b of c.buttons?.items ?? []) checkButton(r, t, b);
  },
};
