import { LIMITS } from '../limits.js';
import { checkLength, checkPresent, type Rule } from './rule.js';

/**
 * `voice_call` messages: the button text at most 20 characters, `ttl_minutes` a whole number
 * from 1 to 43200, the payload (returned as `cta_payload`) at most 512 characters.
 */
export const voiceCall: Rule = {
  name: 'voice-call',
  description: 'A call button has a text, a ttl_minutes and a payload within their limits.',
  codes: ['WA301', 'WA303', 'WA418', 'WA514', 'WA520', 'WA720'],
  check(m, r) {
    if (m.type !== 'voice_call' || !m.call) return;
    const c = m.call;
    if (checkPresent(r, c.text, 'call button text')) checkLength(r, c.text, LIMITS.voiceCallDisplayText);
    if (checkPresent(r, c.payload, 'call payload')) checkLength(r, c.payload, LIMITS.voiceCallPayload);
    const ttl = c.ttlMinutes;
    if (!ttl) return;
    const { min, max, source } = LIMITS.voiceCallTtl;
    if (!Number.isInteger(ttl.value)) {
      r.report('WA418', ttl.span, `ttl_minutes is ${ttl.value}; it must be a whole number of minutes`, { help: source });
    } else if (ttl.value < min || ttl.value > max) {
      r.report('WA720', ttl.span, `ttl_minutes is ${ttl.value}; it must be from ${min} to ${max} minutes`, { help: source });
    }
  },
};
