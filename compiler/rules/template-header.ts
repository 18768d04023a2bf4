import { LIMITS } from '../limits.js';
import { checkTemplateText, templateOf } from '../message-templates/checks.js';
import { mediaSample } from '../message-templates/creation.js';
import { examples, submitted } from '../message-templates/variables.js';
import { formatOf } from '../message-templates/model.js';
import { textSpan } from '../model/spans.js';
import { hasEmoji } from '../text.js';
import { checkMedia } from './media.js';
import type { Rule } from './rule.js';

/**
 * The template header: a text of at most 60 characters as submitted and as sent, with at
 * most one placeholder and no markdown characters (emoji and line breaks are a warning); a
 * media header with a valid reference and a sample to submit.
 */
export const templateHeader: Rule = {
  name: 'template-header',
  description: 'A text header is within its length, has at most one placeholder and no markdown; a media header has a sample to submit.',
  codes: ['WA301', 'WA303', 'WA514', 'WA520', 'WA707', 'WA717', 'WA718', 'WA403', 'WA404', 'WA405', 'WA521'],
  check(m, r) {
    const t = templateOf(m);
    const h = t?.header;
    if (!t || !h) return;
    if (h.kind === 'text') {
      const text = h.text;
      checkTemplateText(r, t, text, 'template header', LIMITS.tplHeaderText);
      const over = submitted(text, formatOf(t)).variables[LIMITS.tplHeaderVariables.max];
      if (over) r.report('WA707', textSpan(text, over.part.start, over.part.end), `a template header takes at most ${LIMITS.tplHeaderVariables.max} placeholder`, { help: `move it to the body (${LIMITS.tplHeaderVariables.source})` });
      for (const p of text.parts) {
        if (p.kind !== 'literal') continue;
        const md = [...p.value.matchAll(/[*_~`]/g)][0];
        if (md) r.report('WA717', textSpan(text, p.start + md.index, p.start + md.index + 1), `\`${md[0]}\` in a template header: Meta refuses markdown characters there`, { help: `remove it (${LIMITS.tplHeaderMarkdown.source})` });
        if (/[\r\n]/.test(p.value) || hasEmoji(p.value)) {
          r.report('WA717', text.span, 'the template header has emoji or line breaks, which some providers refuse', { severity: 'warning', help: LIMITS.tplHeaderAdvice.source });
          break;
        }
      }
      return;
    }
    if (h.kind === 'location') return;
    if (h.media) checkMedia(r, h.media, h.kind);
    if (h.media && !mediaSample(h.media, h.handle, examples(m))) {
      r.report('WA718', h.kindSpan, `the ${h.kind} header has no sample to submit`, { help: `give a \`link\`, a url param with an \`example\`, or \`handle:\` from the Resumable Upload API (${LIMITS.tplMediaSample.source})` });
    }
  },
};
