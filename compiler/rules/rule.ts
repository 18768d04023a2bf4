import type { Code } from '../diagnostics/codes.js';
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Limit } from '../limits.js';
import type { Message, Seq, Text } from '../model/types.js';
import { characters, isBlank, length } from '../text.js';

/**
 * A rule: one check of the API's limits, in one file, with its own table test. It reads
 * its numbers from the limits table and reports through the reporter; it never throws and
 * copes with any part of the message being absent (the structure check reports those).
 */
export interface Rule {
  name: string;
  /** What the rule checks, for the documentation. */
  description: string;
  /** The codes the rule may raise. */
  codes: readonly Code[];
  check(message: Message, reporter: Reporter): void;
}

/**
 * Too long: an error over `limit.max`; with `advised`, a warning over the smaller limit that
 * other sources give (the conflict policy of the limits table).
 */
export function checkLength(r: Reporter, text: Text | undefined, limit: Limit, advised?: Limit): void {
  if (!text || limit.max === undefined) return;
  const n = length(text.value);
  if (n > limit.max) {
    r.report('WA301', text.span, `${limit.label} is ${characters(n)}; the limit is ${limit.max}`, {
      help: `shorten it by ${characters(n - limit.max)} (limit: ${limit.source})`,
    });
  } else if (advised?.max !== undefined && n > advised.max) {
    r.report('WA302', text.span, `${advised.label} is ${characters(n)}; the API accepts ${limit.max}, but some sources say ${advised.max}`, {
      help: `${advised.source}; keep it to ${advised.max} to be safe everywhere`,
    });
  }
}

/** Text that must be present must not be empty or only white space. */
export function checkPresent(r: Reporter, text: Text | undefined, label: string): boolean {
  if (!text) return false;
  if (isBlank(text.value)) {
    r.report('WA303', text.span, `${label} is empty`, { help: `write a ${label}` });
    return false;
  }
  return true;
}

/** Ids must not begin or end with white space (the API trims nothing, the reply would differ). */
export function checkIdSpacing(r: Reporter, text: Text | undefined, label: string): void {
  if (!text || isBlank(text.value)) return;
  if (text.value.trim() !== text.value) {
    r.report('WA306', text.span, `${label} \`${text.value}\` begins or ends with white space`, {
      help: `write \`${text.value.trim()}\``,
    });
  }
}

/**
 * Counts a list against `limit.min`..`limit.max`: too many points at the first item over the
 * limit, too few at the list.
 */
export function checkCount<T extends { span: { start: number; end: number } }>(
  r: Reporter,
  list: Seq<T> | undefined,
  limit: Limit,
  context: string,
): void {
  if (!list) return;
  const n = list.items.length;
  if (limit.max !== undefined && n > limit.max) {
    r.report('WA304', list.items[limit.max]!.span, `${context} has ${n} ${limit.label}; the limit is ${limit.max}`, {
      help: `remove ${n - limit.max} (limit: ${limit.source})`,
    });
  } else if (limit.min !== undefined && n < limit.min) {
    r.report('WA305', list.keySpan, `${context} has ${n} ${limit.label}; at least ${limit.min} ${limit.min === 1 ? 'is' : 'are'} required`, {
      help: `add ${limit.min - n} (limit: ${limit.source})`,
    });
  }
}

/** Reports every text whose value repeats an earlier one, pointing back at the first. */
export function checkUnique(r: Reporter, texts: readonly (Text | undefined)[], code: 'WA407' | 'WA408', label: string, scope: string): void {
  const first = new Map<string, Text>();
  for (const t of texts) {
    if (!t) continue;
    const earlier = first.get(t.value);
    if (earlier) {
      r.report(code, t.span, `${label} \`${t.value}\` is used twice in ${scope}`, {
        related: [r.related(earlier.span, `first used here`)],
        help: code === 'WA407' ? 'replies are routed by id: give each a different id' : 'give each a different title',
      });
    } else first.set(t.value, t);
  }
}

/**
 * An absolute http(s) URL. `warnHttp`: a plain-http link gets a warning (WhatsApp shows
 * such links as not secure).
 */
export function checkUrl(r: Reporter, text: Text | undefined, label: string, schemes: Limit, warnHttp: boolean): void {
  if (!text || isBlank(text.value)) return;
  let url: URL | undefined;
  try {
    url = new URL(text.value);
  } catch {
    url = undefined;
  }
  const scheme = url?.protocol.slice(0, -1);
  if (!url || !scheme || !schemes.values?.includes(scheme) || url.host === '' || /\s/.test(text.value)) {
    r.report('WA405', text.span, `${label} \`${text.value}\` is not an absolute http or https URL`, {
      help: 'write the whole URL, starting with `https://`',
    });
    return;
  }
  if (warnHttp && scheme === 'http') {
    r.report('WA406', text.span, `${label} uses http; WhatsApp marks such links as not secure`, {
      help: `use \`https://${text.value.slice('http://'.length)}\``,
    });
  }
}

/** "a `button` message" */
export function messageContext(m: Message): string {
  return `message \`${m.name}\``;
}
