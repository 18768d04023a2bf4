import { LIMITS } from '../limits.js';
import type { Card } from '../model/types.js';
import { place, writtenBounds, writtenCount, writtenSpans } from '../model/written.js';
import { checkCount, checkIdSpacing, checkLength, checkPresent, checkUnique, checkUrl, messageContext, type Rule } from './rule.js';

type Kind = 'url' | 'quick-reply';
const KIND_WORDS: Record<Kind, string> = { url: 'a URL button', 'quick-reply': 'quick-reply buttons' };

function kindOf(card: Card): Kind | undefined {
  if (card.keys['button'] && card.keys['buttons']) return undefined;
  if (card.keys['button']) return 'url';
  if (card.keys['buttons']) return 'quick-reply';
  return undefined;
}

/**
 * `carousel` messages: each card has a URL button (exactly one) or quick replies (one or
 * more; over 3, pywa's number, a warning);
 * every card the same kind and the same number of buttons; URL button texts at most 20
 * characters with http(s) URLs; quick-reply ids at most 256 and unique across all cards,
 * titles at most 20.
 */
export const carouselButtons: Rule = {
  name: 'carousel-buttons',
  description: 'Carousel cards all carry the same kind and number of buttons, each valid, with quick-reply ids unique across cards.',
  codes: ['WA412', 'WA413', 'WA414', 'WA304', 'WA305', 'WA515', 'WA213', 'WA301', 'WA514', 'WA303', 'WA520', 'WA306', 'WA405', 'WA406', 'WA521', 'WA407'],
  check(m, r) {
    if (m.type !== 'carousel' || !m.cards) return;
    const cards = m.cards.items;
    let firstKind: { kind: Kind; card: Card; index: number } | undefined;
    let firstCount: { count: number; card: Card; index: number } | undefined;
    // Some card's buttons come from `each` or `when`: only the values say whether every card has as many.
    let varying = false;
    cards.forEach((card, index) => {
      // The card's number among those written (`i`, as every message here says it).
      const i = place(m.cards!, index);
      const both = card.keys['button'] && card.keys['buttons'];
      if (both) {
        r.report('WA412', card.keys['buttons']!, `card ${i + 1} has both \`button\` and \`buttons\`; a card takes one`, {
          help: '`button` is a URL button; `buttons` are quick replies',
        });
        return;
      }
      const kind = kindOf(card);
      if (!kind) {
        r.report('WA412', card.span, `card ${i + 1} has no button; a card needs \`button\` (a URL) or \`buttons\` (quick replies)`, {
          help: `add \`button: { text: ..., url: ... }\` (${LIMITS.cardUrlButtons.source}) or \`buttons:\` with quick replies`,
        });
        return;
      }
      if (!firstKind) firstKind = { kind, card, index: i };
      else if (firstKind.kind !== kind) {
        r.report('WA413', card.keys[kind === 'url' ? 'button' : 'buttons']!, `card ${i + 1} has ${KIND_WORDS[kind]}, but card ${firstKind.index + 1} has ${KIND_WORDS[firstKind.kind]}; every card must have the same kind`, {
          related: [r.related(firstKind.card.keys[firstKind.kind === 'url' ? 'button' : 'buttons']!, `card ${firstKind.index + 1}`)],
        });
      }
      if (kind === 'url' && card.button) {
        const b = card.button;
        if (checkPresent(r, b.text, 'button text')) checkLength(r, b.text, LIMITS.ctaDisplayText);
        if (checkPresent(r, b.url, 'button URL')) checkUrl(r, b.url, 'button URL', LIMITS.urlSchemes, true);
      }
      if (kind === 'quick-reply' && card.buttons) {
        checkCount(r, card.buttons, LIMITS.cardQuickReplies, `card ${i + 1}`);
        const bounds = writtenBounds(card.buttons);
        const advised = LIMITS.cardQuickRepliesAdvised;
        if (bounds.max > advised.max) {
          // Meta gives no maximum: more than pywa's 3 is a warning naming both, not an error.
          const fixed = bounds.min === bounds.max && writtenCount(card.buttons) === bounds.min;
          r.report('WA213', fixed ? writtenSpans(card.buttons)[advised.max]! : card.buttons.keySpan, `card ${i + 1} ${fixed ? 'has' : 'may have'} ${Number.isFinite(bounds.max) ? bounds.max : 'any number of'} ${advised.label}; pywa allows ${advised.max}, Meta gives no number`, {
            help: `keep ${advised.max} or fewer to be safe (${advised.source})`,
          });
        }
        const count = bounds.min === bounds.max ? bounds.min : -1;
        if (count === -1) varying = true;
        else if (!firstCount) firstCount = { count, card, index: i };
        else if (firstCount.count !== count && firstKind?.kind === 'quick-reply') {
          r.report('WA414', card.buttons.keySpan, `card ${i + 1} has ${count} buttons, but card ${firstCount.index + 1} has ${firstCount.count}; every card must have the same number`, {
            related: [r.related(firstCount.card.buttons!.keySpan, `card ${firstCount.index + 1}`)],
          });
        }
        for (const b of card.buttons.items) {
          if (checkPresent(r, b.id, 'quick-reply id')) {
            checkIdSpacing(r, b.id, 'quick-reply id');
            checkLength(r, b.id, LIMITS.cardQuickReplyId);
          }
          if (checkPresent(r, b.title, 'quick-reply title')) checkLength(r, b.title, LIMITS.cardQuickReplyTitle);
        }
      }
    });
    const ids = cards.flatMap((c) => (kindOf(c) === 'quick-reply' ? (c.buttons?.items ?? []).map((b) => ({ text: b.id, repeats: c.repeat?.each !== undefined || b.repeat?.each !== undefined })) : []));
    checkUnique(r, ids, 'WA407', 'quick-reply id', messageContext(m), { seq: m.cards, path: ['*', 'action', 'buttons', '*', 'quick_reply', 'id'] });
    if (varying && firstKind?.kind === 'quick-reply') {
      r.check(m.cards, { kind: 'sameCount', path: ['*', 'action', 'buttons'], label: LIMITS.cardQuickReplies.label, field: LIMITS.cardQuickReplies.field, span: m.cards.keySpan });
    }
  },
};
