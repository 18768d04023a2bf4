import { LIMITS } from '../limits.js';
import { lineBreaks } from '../text.js';
import { place } from '../model/written.js';
import { checkCount, checkLength, checkPresent, messageContext, type Rule } from './rule.js';

/**
 * `carousel` messages: 2 to 10 cards; each card with exactly one media header (`image` or
 * `video`); a card body at most 160 characters with at most 2 line breaks.
 */
export const carouselCards: Rule = {
  name: 'carousel-cards',
  description: "A carousel has an allowed number of cards, each with one image or video header and a body within its limits.",
  codes: ['WA304', 'WA305', 'WA515', 'WA411', 'WA301', 'WA514', 'WA303', 'WA520', 'WA307'],
  check(m, r) {
    if (m.type !== 'carousel' || !m.cards) return;
    checkCount(r, m.cards, LIMITS.cardCount, messageContext(m));
    m.cards.items.forEach((card, i) => {
      const image = card.keys['image'];
      const video = card.keys['video'];
      if (image && video) {
        r.report('WA411', video, `card ${place(m.cards!, i) + 1} has both an image and a video; a card takes one`, { help: 'keep `image` or `video`' });
      } else if (!image && !video) {
        r.report('WA411', card.span, `card ${place(m.cards!, i) + 1} has no header; a card needs an \`image\` or a \`video\``, {
          help: `add \`image: https://...\` (${LIMITS.cardHeaderKinds.source})`,
        });
      }
      if (!checkPresent(r, card.body, 'card body')) return;
      checkLength(r, card.body, LIMITS.cardBody);
      const max = LIMITS.cardBodyLineBreaks.max;
      const fixedBreaks = card.body!.parts.reduce((n, p) => n + (p.kind === 'literal' ? lineBreaks(p.value) : 0), 0);
      const breaks = card.body!.templated ? fixedBreaks : lineBreaks(card.body!.value);
      if (card.body!.templated && breaks <= max && card.body!.parts.some((p) => p.kind === 'expr' && p.type?.kind === 'string')) {
        r.check(card.body!, { kind: 'maxLineBreaks', label: LIMITS.cardBodyLineBreaks.label, limit: max, field: LIMITS.cardBodyLineBreaks.field, span: card.body!.span });
      }
      if (breaks > max) {
        r.report('WA307', card.body!.span, `card body has ${breaks} line breaks; the limit is ${max}`, {
          help: `join some lines (${LIMITS.cardBodyLineBreaks.source})`,
        });
      }
    });
  },
};
