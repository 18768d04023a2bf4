import type { Param, StringParam } from './params.js';

/** The smallest and largest length (in code points) a value can render to; `max` may be Infinity. */
export interface Bounds {
  min: number;
  max: number;
}

export type ValueKind = 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/**
 * What the compiler knows of an expression's value: its kind, whether it may be missing,
 * and the bounds of its text. `source` names the string param whose `maxLength` decides the
 * upper bound, and `factor` how many code points each of its characters may become (3 after
 * `upper`, for `ß` → `SS` and the like), so a warning can say which declaration makes it safe.
 */
export interface ValueType {
  kind: ValueKind;
  optional: boolean;
  bounds: Bounds;
  param?: Param;
  /** How the value is named in messages: `name`, `p.sku`. */
  label: string;
  source?: { param: StringParam; label: string; factor: number };
  /** For arrays and objects: the fields of an item, or of the object. */
  fields?: Record<string, Param>;
  minItems?: number;
  maxItems?: number;
}

const INF = Number.POSITIVE_INFINITY;

/** Text length of a number written with `toFixed(decimals)`. */
function fixedLength(x: number, decimals: number): number {
  return x.toFixed(decimals).length;
}

/** Bounds of a number in [lo, hi] written with `decimals` fixed decimals (integers: 0). */
export function numberBounds(lo: number | undefined, hi: number | undefined, decimals: number): Bounds {
  if (lo === undefined || hi === undefined || Math.abs(lo) >= 1e21 || Math.abs(hi) >= 1e21) {
    // One side open: at least one digit (and the decimals), no upper bound.
    return { min: decimals > 0 ? 2 + decimals : 1, max: INF };
  }
  const ends = [fixedLength(lo, decimals), fixedLength(hi, decimals)];
  const min = lo <= 0 && hi >= 0 ? fixedLength(0, decimals) : Math.min(...ends);
  return { min, max: Math.max(...ends) };
}

/** The shortest absolute http(s) URL, `http://a`. */
export const MIN_URL_LENGTH = 8;

/** The most characters `String(x)` gives for a finite double: `-1.7976931348623157e+308`. */
export const MAX_NUMBER_TEXT = 25;

/** The type of a declared param's value. */
export function paramType(param: Param, label: string): ValueType {
  const optional = param.optional;
  const min0 = (b: Bounds): Bounds => (optional ? { min: 0, max: b.max } : b);
  switch (param.kind) {
    case 'string':
    case 'url': {
      let bounds: Bounds;
      if (param.enum && param.enum.length > 0) {
        const lengths = param.enum.map((v) => [...v].length);
        bounds = { min: Math.min(...lengths), max: Math.max(...lengths) };
      } else {
        // A pattern bounds the length too (`^[A-Z0-9-]{4,12}$` is 4 to 12).
        const fromPattern = param.pattern?.bounds;
        bounds = {
          // A url value is an absolute http(s) URL: at least `http://a`.
          min: Math.max(param.minLength ?? 0, fromPattern?.min ?? 0, param.kind === 'url' ? MIN_URL_LENGTH : 0),
          max: Math.min(param.maxLength ?? INF, fromPattern?.max ?? INF),
        };
      }
      const t: ValueType = { kind: param.kind, optional, bounds: min0(bounds), param, label };
      if (!param.enum) t.source = { param, label, factor: 1 };
      return t;
    }
    case 'integer':
      return { kind: 'integer', optional, bounds: min0(numberBounds(param.minimum, param.maximum, 0)), param, label };
    case 'number':
      return { kind: 'number', optional, bounds: min0({ min: 1, max: MAX_NUMBER_TEXT }), param, label };
    case 'boolean':
      return { kind: 'boolean', optional, bounds: min0({ min: 4, max: 5 }), param, label };
    case 'array': {
      const t: ValueType = { kind: 'array', optional, bounds: { min: 0, max: INF }, param, label, fields: param.items };
      if (param.minItems !== undefined) t.minItems = param.minItems;
      if (param.maxItems !== undefined) t.maxItems = param.maxItems;
      return t;
    }
    case 'object':
      return { kind: 'object', optional, bounds: { min: 0, max: INF }, param, label, fields: param.fields };
  }
}

/** The type of a literal in an expression. */
export function literalType(value: string | number | boolean): ValueType {
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : Object.is(value, -0) ? '0' : String(value);
  const n = [...text].length;
  const kind: ValueKind = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : Number.isInteger(value) ? 'integer' : 'number';
  return { kind, optional: false, bounds: { min: n, max: n }, label: JSON.stringify(value) };
}

export function describeKind(t: ValueType): string {
  switch (t.kind) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'url':
      return 'a URL';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'a boolean';
    default:
      return `a ${t.kind}`;
  }
}
