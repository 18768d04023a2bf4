import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import type { Media, MediaKind } from '../model/types.js';
import { checkPresent, checkUrl, type Rule } from './rule.js';

/**
 * Media references (message headers and carousel cards): exactly one of `link` or `id`, a
 * link that is an absolute http(s) URL, and `filename` only for documents.
 */
export const media: Rule = {
  name: 'media',
  description: 'Each media reference has exactly one of `link` or `id`, an http(s) link, and `filename` only for documents.',
  codes: ['WA403', 'WA404', 'WA405', 'WA303', 'WA520', 'WA521'],
  check(m, r) {
    const h = m.header;
    if (h && h.kind !== 'text') checkMedia(r, h.media, h.kind);
    for (const card of m.cards?.items ?? []) {
      if (card.image) checkMedia(r, card.image, 'image');
      if (card.video) checkMedia(r, card.video, 'video');
    }
  },
};

export function checkMedia(r: Reporter, media: Media, kind: MediaKind): void {
  if (media.link && media.id) {
    r.report('WA403', media.id.span, `${kind} has both \`link\` and \`id\`; give one`, { help: 'keep `link` for a URL, or `id` for uploaded media' });
  } else if (!media.link && !media.id) {
    r.report('WA403', media.span, `${kind} needs a \`link\` or an \`id\``, { help: 'add `link: https://...` or the `id` of uploaded media' });
  }
  if (checkPresent(r, media.link, `${kind} link`)) checkUrl(r, media.link, `${kind} link`, LIMITS.mediaSchemes, false);
  checkPresent(r, media.id, `${kind} id`);
  if (media.filename && kind !== 'document') {
    r.report('WA404', media.filename.span, `\`filename\` is only for documents, not for ${kind} media`, { help: 'remove `filename`' });
  }
}
