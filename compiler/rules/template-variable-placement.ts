import { LIMITS } from '../limits.js';
import { META_ERRORS, templateOf } from '../message-templates/checks.js';
import { textSpan } from '../model/spans.js';
import type { Text } from '../model/types.js';
import type { Rule } from './rule.js';

/** Words of literal text: runs with a letter or digit. */
function words(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function check(r: Parameters<typeof templateVariablePlacement.check>[1], text: Text, label: string): void {
  const parts = text.parts;
  const exprs = parts.filter((p) => p.kind === 'expr');
  if (exprs.length === 0) return;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const leading = first.kind === 'expr' || (first.kind === 'literal' && first.value.trim() === '' && parts[1]?.kind === 'expr') ? exprs[0]! : undefined;
  if (leading) r.report('WA708', textSpan(text, leading.start, leading.end), `the ${label} starts with a placeholder, which Meta refuses (${META_ERRORS.leadingOrTrailing})`, { help: `put words before it (${LIMITS.tplVariableEdges.source})` });
  const end = exprs[exprs.length - 1]!;
  if (last.kind === 'expr' || (last.kind === 'literal' && last.value.trim() === '')) {
    r.report('WA708', textSpan(text, end.start, end.end), `the ${label} ends with a placeholder, which Meta refuses (${META_ERRORS.leadingOrTrailing})`, { help: `put words after it (${LIMITS.tplVariableEdges.source})` });
  } else if (last.kind === 'literal' && words(last.value) === 0 && parts.at(-1 - 1)?.kind === 'expr') {
    r.report('WA708', textSpan(text, end.start, end.end), `the ${label} ends with a placeholder and punctuation, which review may treat as trailing`, { severity: 'warning', help: LIMITS.tplVariableTrailingPunctuation.source });
  }
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const before = parts[i - 1]!;
    const between = before.kind === 'literal' && before.value.trim() === '' ? parts[i - 1 - 1] : before;
    if (p.kind === 'expr' && between?.kind === 'expr') {
      r.report('WA709', textSpan(text, p.start, p.end), `two placeholders side by side in the ${label}`, { help: `put words between them (${LIMITS.tplVariableAdjacent.source})` });
    }
  }
  const n = new Set(exprs.map((p) => text.value.slice(p.start, p.end))).size;
  const w = parts.reduce((sum, p) => sum + (p.kind === 'literal' ? words(p.value) : 0), 0);
  const need = LIMITS.tplVariableRatio.min * n + 1;
  if (w < need) {
    r.report('WA710', text.span, `the ${label} has ${n} variables and ${w} other words; Meta refuses too many variables for the text (${META_ERRORS.ratio})`, { help: `write at least ${need} words besides the variables (${LIMITS.tplVariableRatio.source})` });
  }
}

/**
 * Where body variables stand: not at the start or the end (2388299), not side by side, and
 * not more than the words can carry (2388293). Card bodies too.
 */
export const templateVariablePlacement: Rule = {
  name: 'template-variable-placement',
  description: "Body placeholders are not at the start or end, not side by side, and not more than the body's words can carry.",
  codes: ['WA708', 'WA709', 'WA710'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    if (t.body) check(r, t.body, 'template body');
    for (const c of t.cards?.items ?? []) if (c.body) check(r, c.body, 'card body');
  },
};
