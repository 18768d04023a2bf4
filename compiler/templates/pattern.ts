import type { Bounds } from './types.js';

/**
 * The length bounds a regular expression implies, for the simple anchored patterns that
 * declarations usually have: `^[A-Z0-9-]{4,12}$`, `^\d{6}$`, `^SKU-\d+$`. The pattern must
 * be a sequence of single-character atoms (a literal, an escape such as `\d`, `.`, or a
 * class `[…]`), each optionally quantified by `?`, `*`, `+`, `{n}`, `{m,}` or `{m,n}`.
 * Anything else (groups, alternation, back-references) gives undefined: no bound is claimed.
 */
export function patternBounds(source: string): Bounds | undefined {
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return undefined;
  const body = source.slice(1, -1);
  let i = 0;
  let min = 0;
  let max = 0;
  while (i < body.length) {
    const c = body[i]!;
    // One atom.
    if (c === '[') {
      const close = findClassEnd(body, i);
      if (close === -1) return undefined;
      i = close + 1;
    } else if (c === '\\') {
      const e = body[i + 1];
      if (e === undefined || /[1-9kbB]/.test(e)) return undefined; // back-references and word boundaries
      if (e === 'u' && body[i + 2] === '{') {
        const close = body.indexOf('}', i);
        if (close === -1) return undefined;
        i = close + 1;
      } else if (e === 'u') i += 6;
      else if (e === 'x') i += 4;
      else if (e === 'p' || e === 'P') {
        const close = body.indexOf('}', i);
        if (close === -1) return undefined;
        i = close + 1;
      } else i += 2;
    } else if ('()|^$'.includes(c)) return undefined;
    else if ('?*+{'.includes(c)) return undefined; // a quantifier with nothing before it
    else i += 1;
    // Its quantifier.
    let lo = 1;
    let hi = 1;
    const q = body[i];
    if (q === '?') [lo, hi, i] = [0, 1, i + 1];
    else if (q === '*') [lo, hi, i] = [0, Infinity, i + 1];
    else if (q === '+') [lo, hi, i] = [1, Infinity, i + 1];
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(body.slice(i));
      if (!m) return undefined;
      lo = Number(m[1]);
      hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length;
    }
    if (body[i] === '?') i += 1; // lazy quantifiers match the same lengths
    min += lo;
    max += hi;
  }
  return { min, max };
}

function findClassEnd(body: string, open: number): number {
  let i = open + 1;
  if (body[i] === '^') i++;
  if (body[i] === ']') i++;
  for (; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === ']') return i;
  }
  return -1;
}
