import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LNode, LScalar } from '../load/tree.js';
import type { Languages } from '../model/types.js';

/**
 * A language code as waml takes it: two or three lowercase letters, then optionally `_` and
 * a region (`en_US`, `pt_BR`, `es_419`). It names output files and TypeScript literal types,
 * so nothing else is allowed; message templates further take only Meta's codes (WA702).
 */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:_(?:[A-Z]{2}|[0-9]{3}))?$/;

/** `de-DE` or `en-us` as waml writes it (`de_DE`, `en_US`), for "did you mean". */
export function normalCode(code: string): string {
  const [lang, region] = code.replace('-', '_').split('_', 2) as [string, string | undefined];
  return region === undefined ? lang.toLowerCase() : `${lang.toLowerCase()}_${region.toUpperCase()}`;
}

/**
 * Reads a `languages:` list (of the file or of a message): its codes in order, the first the
 * default. A code that is not one (WA134) or repeats (WA135) is left out; an empty result is
 * no languages at all (the structure check has said why).
 */
export function readLanguages(node: LNode | undefined, from: 'file' | 'message', r: Reporter): Languages | undefined {
  if (!node || node.kind !== 'seq') return undefined;
  const codes: Languages['codes'] = [];
  const seen = new Map<string, LScalar>();
  for (const item of node.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
    const code = item.value;
    if (!LANGUAGE_CODE.test(code)) {
      const fixed = normalCode(code);
      r.report('WA134', item.span, `\`${code}\` is not a language code${LANGUAGE_CODE.test(fixed) ? `; did you mean \`${fixed}\`?` : ''}`, {
        help: 'a code is a language, optionally `_` and a region: `en_US`, `de`, `pt_BR` (underscore, not hyphen)',
      });
      continue;
    }
    const first = seen.get(code);
    if (first) {
      r.report('WA135', item.span, `the language \`${code}\` is listed twice`, { related: [r.related(first.span, 'first listed here')], help: 'remove one' });
      continue;
    }
    seen.set(code, item);
    codes.push({ code, span: item.span, scalar: item });
  }
  return codes.length > 0 ? { codes, span: node.span, from } : undefined;
}
