import { FILTER_NAMES, type FilterName } from '../../runtime/template.js';
import { MAX_NUMBER_TEXT, numberBounds, type ValueKind, type ValueType } from './types.js';

/**
 * What each filter accepts and what it does to a value's type and length bounds. The
 * evaluation itself is in runtime/template.ts; this is its compile-time description.
 *
 * Case mapping can lengthen text: `toUpperCase` turns one code point into up to three (`ß` →
 * `SS`, `ΐ` → `Ϊ́`), `toLowerCase` into up to two (`İ` → `i̇`). A test scans every code point to
 * keep these factors true.
 */
export const UPPER_FACTOR = 3;
export const LOWER_FACTOR = 2;

type Arg = 'integer' | 'string' | 'any';

export interface FilterSignature {
  /** Argument types: `required` of them must be given, the rest may. */
  args: readonly Arg[];
  required: number;
  /** The kinds of value it takes. */
  accepts: readonly ValueKind[];
  /** What it does; `args` are checked literals. Returns an error message when the arguments cannot work. */
  apply(input: ValueType, args: readonly (string | number | boolean)[]): ValueType | string;
  description: string;
}

const TEXT: readonly ValueKind[] = ['string', 'url'];
const SCALARS: readonly ValueKind[] = ['string', 'url', 'integer', 'number', 'boolean'];

function scaled(t: ValueType, factor: number): ValueType {
  const out: ValueType = { ...t, kind: 'string', bounds: { min: t.bounds.min, max: t.bounds.max * factor } };
  if (t.source) out.source = { ...t.source, factor: t.source.factor * factor };
  return out;
}

export const FILTERS: Record<FilterName, FilterSignature> = {
  upper: {
    args: [],
    required: 0,
    accepts: TEXT,
    description: 'upper case; a character may become up to 3 (ß → SS)',
    apply: (t) => scaled(t, UPPER_FACTOR),
  },
  lower: {
    args: [],
    required: 0,
    accepts: TEXT,
    description: 'lower case; a character may become up to 2 (İ → i̇)',
    apply: (t) => scaled(t, LOWER_FACTOR),
  },
  trim: {
    args: [],
    required: 0,
    accepts: TEXT,
    description: 'removes white space at both ends',
    apply: (t) => ({ ...t, kind: 'string', bounds: { min: 0, max: t.bounds.max } }),
  },
  truncate: {
    args: ['integer', 'string'],
    required: 1,
    accepts: TEXT,
    description: 'cuts to at most n characters, the last of them the suffix (default "…")',
    apply: (t, args) => {
      const n = Number(args[0]);
      const suffix = args.length > 1 ? String(args[1]) : '…';
      const suffixLength = [...suffix].length;
      if (!Number.isInteger(n) || n < Math.max(1, suffixLength)) return `truncate needs a length of at least ${Math.max(1, suffixLength)} (the suffix's length)`;
      const out: ValueType = { ...t, kind: 'string', bounds: { min: Math.min(t.bounds.min, n), max: Math.min(t.bounds.max, n) } };
      delete out.source;
      return out;
    },
  },
  default: {
    args: ['any'],
    required: 1,
    accepts: SCALARS,
    description: 'the given value when the value is missing or empty',
    apply: (t, args) => {
      const d = args[0]!;
      const n = [...(typeof d === 'string' ? d : String(d))].length;
      const present = Math.max(1, t.bounds.min);
      const out: ValueType = { ...t, optional: false, bounds: { min: Math.min(n, present), max: Math.max(n, t.bounds.max) } };
      return out;
    },
  },
  number: {
    args: ['integer'],
    required: 1,
    accepts: ['integer', 'number'],
    description: 'a number with exactly d decimals',
    apply: (t, args) => {
      const d = Number(args[0]);
      if (!Number.isInteger(d) || d < 0 || d > 20) return 'number needs 0 to 20 decimals';
      const p = t.param && (t.param.kind === 'integer' || t.param.kind === 'number') ? t.param : undefined;
      const b = numberBounds(p?.minimum, p?.maximum, d);
      const out: ValueType = { ...t, kind: 'string', bounds: { min: t.optional ? 0 : b.min, max: Number.isFinite(b.max) ? b.max : Math.max(b.max, MAX_NUMBER_TEXT + d) } };
      delete out.source;
      return out;
    },
  },
};

export { FILTER_NAMES };
