import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';

/**
 * Whether a number as written survives JSON and JavaScript unchanged. A double keeps about 17
 * significant digits and integers up to 2^53 exactly; `.inf` and `.nan` have no JSON form.
 * Returns what would be sent instead, or undefined when the number is exact. `1.50` is exact
 * (the same number as 1.5); `9007199254740993` and `0.10000000000000000001` are not.
 */
export function inexactNumber(written: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'nothing: JSON has no such number';
  const t = written.trim().replace(/^\+/, '').replace(/_/g, '');
  if (/^-?0[xob]/i.test(t)) return Number.isSafeInteger(value) ? undefined : String(value);
  const a = decimal(t);
  const b = decimal(String(value));
  if (!a || !b) return undefined;
  return a.digits === b.digits && a.exp === b.exp && (a.negative === b.negative || a.digits === '') ? undefined : String(value);
}

/** A decimal as its significant digits and the power of ten of the last one. */
function decimal(s: string): { negative: boolean; digits: string; exp: number } | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(s);
  if (!m) return undefined;
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  digits = digits.replace(/^0+/, '');
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exp += trailing;
  return { negative: m[1] === '-', digits, exp: digits === '' ? 0 : exp };
}

/** Reports a number that JSON or JavaScript would change (WA210); true when it is exact. */
export function checkNumber(scalar: { value: unknown; source: string; span: Span }, r: Reporter): boolean {
  if (typeof scalar.value !== 'number') return true;
  return checkWrittenNumber(scalar.source, scalar.value, scalar.span, r);
}

export function checkWrittenNumber(written: string, value: number, span: Span, r: Reporter): boolean {
  const instead = inexactNumber(written, value);
  if (instead === undefined) return true;
  const shown = written.length > 40 ? `${written.slice(0, 37)}...` : written;
  const why = !Number.isFinite(value)
    ? 'is not a finite number, which JSON cannot carry'
    : Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER
      ? `is an integer past 2^53, which JavaScript rounds to ${instead}`
      : `has more digits than a double keeps; it would be sent as ${instead}`;
  r.report('WA210', span, `the number \`${shown}\` ${why}`, { help: 'write it as a string (in quotes), or with fewer digits' });
  return false;
}
