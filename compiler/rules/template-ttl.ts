import { LIMITS, type Limit } from '../limits.js';
import { templateOf } from '../message-templates/checks.js';
import { categoryOf, type TemplateCategory } from '../message-templates/model.js';
import type { Rule } from './rule.js';

const RANGES: Record<TemplateCategory, Limit> = {
  authentication: LIMITS.tplTtlAuthentication,
  utility: LIMITS.tplTtlUtility,
  marketing: LIMITS.tplTtlMarketing,
};

/** `ttl_seconds` (message_send_ttl_seconds) within its category's range; -1 (30 days) for authentication and utility. */
export const templateTtl: Rule = {
  name: 'template-ttl',
  description: "A template's time-to-live is within its category's range.",
  codes: ['WA720'],
  check(m, r) {
    const t = templateOf(m);
    const category = t ? categoryOf(t) : undefined;
    const ttl = t?.ttlSeconds;
    if (!category || !ttl) return;
    const range = RANGES[category];
    if (ttl.value === -1 && category !== 'marketing') return;
    if (!Number.isInteger(ttl.value) || ttl.value < range.min! || ttl.value > range.max!) {
      r.report('WA720', ttl.span, `ttl_seconds is ${ttl.value}; a ${category} template takes ${range.wording ?? `${range.min}–${range.max}`}`, { help: range.source });
    }
  },
};
