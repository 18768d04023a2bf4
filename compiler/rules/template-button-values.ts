import { LIMITS } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import type { TemplateButton } from '../message-templates/model.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/**
 * The values buttons carry: a phone number of at most 20 characters; a coupon code of at
 * most 20 (15 in older pages: a warning); a voice call's ttl_minutes (1–43200) and payload
 * (at most 512).
 */
export const templateButtonValues: Rule = {
  name: 'template-button-values',
  description: 'Phone numbers, coupon codes and voice-call values of template buttons are within their limits.',
  codes: ['WA301', 'WA302', 'WA303', 'WA514', 'WA720'],
  check(m, r) {
    const t = templateOf(m);
    if (!t) return;
    const all: TemplateButton[] = [...(t.buttons?.items ?? []), ...(t.cards?.items.flatMap((c) => c.buttons?.items ?? []) ?? [])];
    for (const b of all) {
      if (b.kind === 'phone' && checkPresent(r, b.phone, 'phone number')) checkLength(r, b.phone, LIMITS.tplPhone);
      if (b.kind === 'copy_code') {
        if (checkPresent(r, b.example, 'coupon code')) checkLength(r, b.example, LIMITS.tplCopyCode, LIMITS.tplCopyCodeAdvised);
        if (b.code) checkLength(r, b.code, LIMITS.tplCopyCode);
      }
      if (b.kind === 'voice_call') {
        const ttl = b.ttlMinutes;
        if (ttl && !ttl.templated) {
          const n = Number(ttl.value);
          const { min, max } = LIMITS.tplVoiceCallTtl;
          if (!Number.isInteger(n) || n < min || n > max) r.report('WA720', ttl.span, `ttl_minutes is ${ttl.value}; it must be a whole number from ${min} to ${max}`, { help: LIMITS.tplVoiceCallTtl.source });
        }
        if (b.payload) checkLength(r, b.payload, LIMITS.tplVoiceCallPayload);
      }
    }
  },
};
