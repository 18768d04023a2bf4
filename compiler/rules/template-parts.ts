import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { categoryOf } from '../message-templates/model.js';
import type { Rule } from './rule.js';

const AUTH_ONLY = ['code_expires_in', 'security_recommendation', 'otp'];
const NOT_IN_AUTH = ['header', 'body', 'footer', 'buttons', 'cards', 'offer'];

/**
 * The parts each kind of template takes: an authentication template has Meta's fixed text
 * (no header, body, footer or buttons of its own), a carousel a body and cards only, an
 * offer no footer and only an image or video header; the others need a body.
 */
export const templateParts: Rule = {
  name: 'template-parts',
  description: 'Each kind of template has only the parts Meta allows: a body, and no header or text on authentication templates, no footer on offers, only a body and cards in carousels.',
  codes: ['WA704', 'WA202'],
  check(m, r) {
    const t = templateOf(m);
    const category = t ? categoryOf(t) : undefined;
    if (!t || !category) return;
    if (category === 'authentication') {
      for (const key of NOT_IN_AUTH) {
        const at = t.keys[key];
        if (at) r.report('WA704', at, `an authentication template takes no \`${key}\`: its text is Meta's preset`, { help: `remove it; set \`code_expires_in\`, \`security_recommendation\` and \`otp\` instead (${LIMITS.tplAuthParts.source})` });
      }
      return;
    }
    for (const key of AUTH_ONLY) {
      // An `otp` outside authentication is the category rule's finding.
      const at = t.keys[key];
      if (at && key !== 'otp') r.report('WA704', at, `\`${key}\` is only for authentication templates`, { help: 'remove it, or make it an authentication template' });
    }
    if (!t.keys['body']) r.report('WA202', m.nameSpan, `template \`${m.name}\` is missing \`body\``, { help: 'add `body:`, the text of the template' });
    if (t.cards) {
      for (const key of ['header', 'footer', 'buttons', 'offer']) {
        const at = t.keys[key];
        if (at) r.report('WA704', at, `a carousel template takes no \`${key}\` of its own; only a body and cards`, { help: `move it into the cards or remove it (${LIMITS.tplCarouselParts.source})` });
      }
    }
    if (t.offer) {
      if (t.footerKeySpan) r.report('WA704', t.footerKeySpan, 'a limited-time offer takes no footer', { help: `remove it (${LIMITS.tplOfferHeaderKinds.source})` });
      const h = t.header;
      if (h && !(LIMITS.tplOfferHeaderKinds.values as readonly string[]).includes(h.kind)) {
        r.report('WA704', 'kindSpan' in h ? h.kindSpan : h.span, `a limited-time offer takes an image or video header, not ${h.kind === 'text' ? 'a text' : `a ${h.kind}`} header`, { help: LIMITS.tplOfferHeaderKinds.source });
      }
    }
  },
};
