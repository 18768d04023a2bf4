import type { Code } from '../diagnostics/codes.js';
import type { CheckPath, Reporter } from '../diagnostics/diagnostic.js';
import type { Limit } from '../limits.js';
import type { Message, Repeat, Seq, Text } from '../model/types.js';
import { safeDeclaration, textBounds, unresolved } from '../templates/bounds.js';
import { writtenBounds, writtenCount, writtenSpans } from '../model/written.js';
import { maxLengthEdit } from '../templates/params.js';
import { characters, isBlank } from '../text.js';

/**
 * A rule: one check of the API's limits, in one file, with its own table test. It reads
 * its numbers from the limits table and reports through the reporter; it never throws and
 * copes with any part of the message being absent (the structure check reports those).
 *
 * Rules work on bounds: a fixed text has one length, a template a [min, max] range. Always
 * over a limit is an error; possibly over is a warning and a runtime check recorded for the
 * sender; provably within is silent. Rendered messages (`--data`) are all fixed texts.
 */
export interface Rule {
  name: string;
  /** What the rule checks, for the documentation. */
  description: string;
  /** The codes the rule may raise. */
  codes: readonly Code[];
  check(message: Message, reporter: Reporter): void;
}

function upTo(n: number): string {
  return Number.isFinite(n) ? characters(n) : 'any length';
}

/**
 * Too long: an error over `limit.max`; with `advised`, a warning over the smaller limit that
 * other sources give (the conflict policy of the limits table). For templates: an error when
 * even the shortest values are over, a warning (and a runtime check) when the longest may be.
 */
export function checkLength(r: Reporter, text: Text | undefined, limit: Limit, advised?: Limit): void {
  if (!text || limit.max === undefined) return;
  r.measure(text, limit.max);
  if (unresolved(text)) return;
  const { min, max } = textBounds(text);
  if (min > limit.max) {
    const is = text.templated ? `is at least ${characters(min)}` : `is ${characters(min)}`;
    r.report('WA301', text.span, `${limit.label} ${is}; the limit is ${limit.max}`, {
      help: `shorten it by ${characters(min - limit.max)} (limit: ${limit.source})`,
    });
  } else if (max > limit.max) {
    const fix = safeDeclaration(text, limit.max);
    r.report('WA514', text.span, `${limit.label} may be ${upTo(max)}; the limit is ${limit.max}`, {
      help: fix
        ? `declare \`maxLength: ${fix.maxLength}\` on \`${fix.label}\` to make it safe; until then it is checked before sending`
        : `bound the params it uses (\`maxLength\`), or \`truncate\` them; until then it is checked before sending`,
      ...(fix && fix.param.kind !== 'object' ? { fixes: [{ title: `Declare maxLength: ${fix.maxLength} on ${fix.label}`, edits: [maxLengthEdit(fix.param, fix.maxLength, text.fileText)] }] } : {}),
    });
    r.check(text, { kind: 'maxLength', label: limit.label, limit: limit.max, field: limit.field, span: text.span });
  } else if (advised?.max !== undefined && min > advised.max) {
    r.report('WA302', text.span, `${advised.label} is ${text.templated ? 'at least ' : ''}${characters(min)}; the API accepts ${limit.max}, but some sources say ${advised.max}`, {
      help: `${advised.source}; keep it to ${advised.max} to be safe everywhere`,
    });
  }
}

/** Text that must be present must not be empty or only white space. */
export function checkPresent(r: Reporter, text: Text | undefined, label: string, field = label): boolean {
  if (!text) return false;
  if (unresolved(text)) return false;
  const literalsBlank = text.parts.every((p) => p.kind !== 'literal' || isBlank(p.value));
  if (!text.templated) {
    if (isBlank(text.value)) {
      r.report('WA303', text.span, `${label} is empty`, { help: `write a ${label}` });
      return false;
    }
    return true;
  }
  if (literalsBlank && textBounds(text).max === 0) {
    r.report('WA303', text.span, `${label} is always empty`, { help: `write a ${label}` });
    return false;
  }
  if (literalsBlank) {
    // Even values of minLength 1 may be only white space, which the API refuses as blank:
    // such a text is always checked before sending; a warning when it may be outright empty.
    if (textBounds(text).min === 0) {
      r.report('WA520', text.span, `${label} may be empty: the values it is built from may be`, {
        help: 'declare `minLength: 1` on the params it uses, or give a `default(...)`; until then it is checked before sending',
      });
    }
    r.check(text, { kind: 'notBlank', label, field, span: text.span });
  }
  return true;
}

/** Ids must not begin or end with white space (the API trims nothing, the reply would differ). */
export function checkIdSpacing(r: Reporter, text: Text | undefined, label: string): void {
  if (!text || unresolved(text)) return;
  if (text.templated) {
    const first = text.parts[0];
    const last = text.parts[text.parts.length - 1];
    const fixedEdges = first?.kind === 'literal' && last?.kind === 'literal' && first.value.trim() !== '' && last.value.trim() !== '';
    const bad = (first?.kind === 'literal' && /^\s/.test(first.value)) || (last?.kind === 'literal' && /\s$/.test(last.value));
    if (bad) r.report('WA306', text.span, `${label} \`${text.value}\` begins or ends with white space`);
    else if (!fixedEdges) r.check(text, { kind: 'trimmed', label, field: label, span: text.span });
    return;
  }
  if (isBlank(text.value)) return;
  if (text.value.trim() !== text.value) {
    r.report('WA306', text.span, `${label} \`${text.value}\` begins or ends with white space`, {
      help: `write \`${text.value.trim()}\``,
    });
  }
}

/**
 * Counts a list against `limit.min`..`limit.max`: too many points at the first item over the
 * limit, too few at the list's key. Items with `each` or `when` make the count a range:
 * always out of bounds is an error, possibly out of bounds a warning and a runtime check.
 */
export function checkCount<T extends { span: { start: number; end: number }; repeat?: Repeat }>(
  r: Reporter,
  list: Seq<T> | undefined,
  limit: Limit,
  context: string,
): void {
  if (!list) return;
  // What is written counts, items that could not be read as items too (model/written.ts).
  const { min, max } = writtenBounds(list);
  // Point at the item over the limit only when every item is written out.
  const fixed = min === max && writtenCount(list) === min;
  if (limit.max !== undefined && min > limit.max) {
    const at = fixed ? writtenSpans(list)[limit.max]! : list.keySpan;
    r.report('WA304', at, `${context} has ${fixed ? '' : 'at least '}${min} ${limit.label}; the limit is ${limit.max}`, {
      help: `remove ${min - limit.max} (limit: ${limit.source})`,
    });
  } else if (limit.min !== undefined && max < limit.min) {
    r.report('WA305', list.keySpan, `${context} has ${fixed ? '' : 'at most '}${max} ${limit.label}; at least ${limit.min} ${limit.min === 1 ? 'is' : 'are'} required`, {
      help: `add ${limit.min - max} (limit: ${limit.source})`,
    });
  } else {
    if (limit.max !== undefined && max > limit.max) {
      r.report('WA515', list.keySpan, `${context} may have ${Number.isFinite(max) ? max : 'any number of'} ${limit.label}; the limit is ${limit.max}`, {
        help: `declare \`maxItems\` on the array it repeats over so that it fits; until then it is checked before sending`,
      });
      r.check(list, { kind: 'maxItems', label: limit.label, limit: limit.max, field: limit.field, span: list.keySpan });
    }
    if (limit.min !== undefined && min < limit.min) {
      r.report('WA515', list.keySpan, `${context} may have only ${min} ${limit.label}; at least ${limit.min} ${limit.min === 1 ? 'is' : 'are'} required`, {
        help: `declare \`minItems\` on the array it repeats over; until then it is checked before sending`,
      });
      r.check(list, { kind: 'minItems', label: limit.label, limit: limit.min, field: limit.field, span: list.keySpan });
    }
  }
}

/**
 * Reports every fixed text whose value repeats an earlier one, pointing back at the first.
 * Templated texts, and any text of a repeating item, are checked before sending instead.
 */
export function checkUnique(
  r: Reporter,
  texts: readonly { text: Text | undefined; repeats: boolean }[],
  code: 'WA407' | 'WA408',
  label: string,
  scope: string,
  /** The list the values are built in, and where the texts are in it, for the check before sending. */
  list?: { seq: Seq<unknown>; path: CheckPath },
): void {
  const first = new Map<string, Text>();
  let names: FreeNames | undefined;
  let dynamic = false;
  for (const { text: t, repeats } of texts) {
    if (!t) continue;
    if (t.templated || repeats) {
      dynamic = true;
      continue;
    }
    const earlier = first.get(t.value);
    if (earlier) {
      // The first free `<id>_<n>`, for the rename fix: one set of every id, built once.
      names ??= new FreeNames(texts.map((x) => x.text?.value));
      const renamed = names.next(t.value);
      r.report(code, t.span, `${label} \`${t.value}\` is used twice in ${scope}`, {
        related: [r.related(earlier.span, `first used here`)],
        help: code === 'WA407' ? 'replies are routed by id: give each a different id' : 'give each a different title',
        ...(code === 'WA407' && t.scalar.node?.type === 'PLAIN' ? { fixes: [{ title: `Rename this id to ${renamed}`, edits: [{ span: t.span, text: renamed }] }] } : {}),
      });
    } else first.set(t.value, t);
  }
  if (dynamic && list) r.check(list.seq, { kind: 'unique', path: list.path, label, field: label, span: list.seq.keySpan });
}

/**
 * Fresh names `<base>_<n>` that no text uses and no earlier suggestion took. Each base keeps
 * its own counter, so that 40,000 copies of one id cost 40,000 steps, not 40,000 squared:
 * `tries` counts the candidates looked at (never more than the suggestions given plus the
 * names that were already taken).
 */
export class FreeNames {
  private readonly taken: Set<string>;
  private readonly counters = new Map<string, number>();
  tries = 0;

  constructor(names: Iterable<string | undefined>) {
    this.taken = new Set();
    for (const n of names) if (n !== undefined) this.taken.add(n);
  }

  next(base: string): string {
    let n = this.counters.get(base) ?? 1;
    let name: string;
    do {
      this.tries++;
      name = `${base}_${++n}`;
    } while (this.taken.has(name));
    this.counters.set(base, n);
    this.taken.add(name);
    return name;
  }
}

/**
 * An absolute http(s) URL. `warnHttp`: a plain-http link gets a warning (WhatsApp shows
 * such links as not secure). A template is fine when its fixed start already is such a URL
 * (`https://shop.example.com/{{ sku }}`) or it is one `url` param; otherwise it is checked
 * before sending.
 */
export function checkUrl(r: Reporter, text: Text | undefined, label: string, schemes: Limit, warnHttp: boolean): void {
  if (!text || unresolved(text)) return;
  if (text.templated) {
    const first = text.parts[0];
    const onlyUrlParam = text.parts.length === 1 && first?.kind === 'expr' && first.type?.kind === 'url' && first.type.optional === false;
    const prefix = first?.kind === 'literal' ? first.value : '';
    // The fixed start already names a scheme and a host (`https://host/…`).
    const prefixOk = /^[a-z]+:\/\/[^/\s{}]+\//i.test(prefix);
    if (text.parts.some((p) => p.kind === 'literal' && /\s/.test(p.value))) {
      r.report('WA405', text.span, `${label} \`${text.value}\` is not an absolute http or https URL: it contains white space`, {
        help: 'remove the spaces; encode a space in a URL as %20',
      });
      return;
    }
    if (prefixOk) checkUrlText(r, text, prefix.replace(/\/?$/, '/'), label, schemes, warnHttp);
    else if (!onlyUrlParam) {
      r.report('WA521', text.span, `${label} may not be an absolute http or https URL`, {
        help: 'start it with the fixed `https://host/` part, or use one param of type `url`; until then it is checked before sending',
      });
    }
    // The values may still bring white space or worse: checked before sending.
    r.check(text, { kind: 'url', label, field: label, span: text.span });
    return;
  }
  if (isBlank(text.value)) return;
  checkUrlText(r, text, text.value, label, schemes, warnHttp);
}

function checkUrlText(r: Reporter, text: Text, value: string, label: string, schemes: Limit, warnHttp: boolean): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const scheme = url?.protocol.slice(0, -1);
  if (!url || !scheme || !schemes.values?.includes(scheme) || url.host === '' || /\s/.test(value)) {
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

/** "message `help_menu`" */
export function messageContext(m: Message): string {
  return `message \`${m.name}\``;
}

/** The items of a list with whether each repeats, for uniqueness checks. */
export function unique<T extends { repeat?: Repeat }>(items: readonly T[], pick: (item: T) => Text | undefined): { text: Text | undefined; repeats: boolean }[] {
  return items.map((item) => ({ text: pick(item), repeats: item.repeat?.each !== undefined }));
}
