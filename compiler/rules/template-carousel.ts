import { LIMITS } from '../limits.js';
import { checkTemplateText, templateOf } from '../message-templates/checks.js';
import { mediaSample } from '../message-templates/creation.js';
import { examples } from '../message-templates/variables.js';
import { checkLabels } from './template-buttons.js';
import { checkMedia } from './media.js';
import { checkCount, type Rule } from './rule.js';
import { place } from '../model/written.js';

/**
 * Carousel templates: 2 to 10 cards; each with exactly one `image` or `video` header (with a
 * sample to submit), a body of at most 160 characters, and 1 or 2 quick-reply, URL or phone
 * buttons; every card of the same shape (header kind, body or not, button kinds in order).
 */
export const templateCarousel: Rule = {
  name: 'template-carousel',
  description: 'A carousel template has a permitted number of cards of one shape, each with one media header, a short body and one or two buttons.',
  codes: ['WA304', 'WA305', 'WA722', 'WA718', 'WA721', 'WA704', 'WA301', 'WA303', 'WA514', 'WA520', 'WA403', 'WA405'],
  check(m, r) {
    const t = templateOf(m);
    if (!t || !t.cards) return;
    checkCount(r, t.cards, LIMITS.tplCards, `template \`${m.name}\``);
    const values = examples(m);
    let first: { shape: string; span: { start: number; end: number }; number: number } | undefined;
    t.cards.items.forEach((c, index) => {
      // The card's number among those written (`i`, as every message here says it).
      const i = place(t.cards!, index);
      const kinds = ['image', 'video'].filter((k) => c.keys[k]);
      if (kinds.length !== 1) {
        r.report('WA722', kinds.length > 1 ? c.keys['video']! : c.span, `card ${i + 1} needs exactly one of \`image\` or \`video\``, { help: LIMITS.tplCardHeaderKinds.source });
      }
      const h = c.header;
      if (h?.media) checkMedia(r, h.media, h.kind);
      if (h?.media && !mediaSample(h.media, h.handle, values)) {
        r.report('WA718', h.keySpan, `the ${h.kind} of card ${i + 1} has no sample to submit`, { help: `give a \`link\`, a url param with an \`example\`, or \`handle:\` (${LIMITS.tplMediaSample.source})` });
      }
      if (c.body) checkTemplateText(r, t, c.body, 'card body', LIMITS.tplCardBody);
      if (c.buttons) {
        checkCount(r, c.buttons, LIMITS.tplCardButtons, `card ${i + 1}`);
        for (const b of c.buttons.items) {
          if (!(LIMITS.tplCardButtonKinds.values as readonly string[]).includes(b.kind)) {
            r.report('WA704', b.keySpan, `a carousel card takes quick-reply, URL or phone buttons, not \`${b.kind}\``, { help: LIMITS.tplCardButtonKinds.source });
          }
        }
        checkLabels(r, c.buttons.items);
      } else r.report('WA305', c.span, `card ${i + 1} has no buttons; at least ${LIMITS.tplCardButtons.min} is required`, { help: LIMITS.tplCardButtons.source });
      const shape = `${h?.kind ?? '-'}|${c.body ? 'body' : '-'}|${(c.buttons?.items ?? []).map((b) => b.kind).join(',')}`;
      if (!first) first = { shape, span: c.span, number: i + 1 };
      else if (shape !== first.shape) {
        r.report('WA721', c.span, `card ${i + 1} differs from card ${first.number}; every card of a carousel template has the same header kind, body and buttons`, {
          related: [r.related(first.span, `card ${first.number}`)],
          help: LIMITS.tplCards.source,
        });
      }
    });
  },
};
