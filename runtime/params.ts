import { pattern } from './pattern.js';
import { codePoints, type Value } from './template.js';

/** A param declaration as generated code carries it (and as the compiler's data check reads it). */
export interface ParamSpec {
  type: 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  optional?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  items?: ParamSpecs;
  minItems?: number;
  maxItems?: number;
  fields?: ParamSpecs;
}
export type ParamSpecs = { readonly [name: string]: ParamSpec };

export interface ParamProblem {
  /** Where: `['products', 2, 'name']`; for a missing value, the path of the missing key. */
  path: (string | number)[];
  /** What is wrong, to follow the path: "is 23 characters; its declaration allows 12". */
  problem: string;
  /** The name of the declaration it breaks. */
  param: string;
  /** Whether the value is missing (its path then does not exist in the data). */
  missing: boolean;
}

const isRecord = (v: unknown): v is { [key: string]: Value } => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `products[2].name` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Every way the values break their declarations. One checker for the compiler (data files)
 * and the generated senders, so both accept exactly the same values. A missing value, `null`
 * included, is fine for an optional param and a problem for a required one.
 */
export function checkParams(specs: ParamSpecs, values: unknown): ParamProblem[] {
  const problems: ParamProblem[] = [];
  record(specs, isRecord(values) ? values : {}, [], problems);
  return problems;
}

function record(specs: ParamSpecs, values: { [key: string]: Value }, at: (string | number)[], out: ParamProblem[]): void {
  for (const name of Object.keys(specs)) {
    const spec = specs[name]!;
    const path = [...at, name];
    const v = own(values, name) ? values[name] : undefined;
    if (v === undefined || v === null) {
      if (!spec.optional) out.push({ path, problem: 'is required but has no value', param: name, missing: true });
      continue;
    }
    value(spec, v, path, name, out);
  }
}

function value(spec: ParamSpec, v: Value, path: (string | number)[], param: string, out: ParamProblem[]): void {
  const fail = (problem: string) => out.push({ path, problem, param, missing: false });
  switch (spec.type) {
    case 'string':
    case 'url': {
      if (typeof v !== 'string') return void fail('must be a string');
      const n = codePoints(v);
      if (spec.minLength !== undefined && n < spec.minLength) return void fail(`is ${n} characters; its declaration asks for at least ${spec.minLength}`);
      if (spec.maxLength !== undefined && n > spec.maxLength) return void fail(`is ${n} characters; its declaration allows ${spec.maxLength}`);
      if (spec.pattern !== undefined && !pattern(spec.pattern).test(v)) return void fail(`does not match the pattern \`${spec.pattern}\``);
      if (spec.enum && !spec.enum.includes(v)) return void fail(`is \`${v}\`; its declaration allows ${spec.enum.map((e) => `\`${e}\``).join(', ')}`);
      if (spec.type === 'url' && !/^https?:\/\/[^\s/]+/i.test(v)) return void fail('is not an absolute http(s) URL');
      return;
    }
    case 'integer':
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return void fail('must be a number');
      if (spec.type === 'integer' && !Number.isInteger(v)) return void fail('must be a whole number');
      if (spec.minimum !== undefined && v < spec.minimum) return void fail(`is ${v}; its declaration's minimum is ${spec.minimum}`);
      if (spec.maximum !== undefined && v > spec.maximum) return void fail(`is ${v}; its declaration's maximum is ${spec.maximum}`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') fail('must be true or false');
      return;
    case 'array': {
      if (!Array.isArray(v)) return void fail('must be a list');
      const items = v as readonly Value[];
      if (spec.minItems !== undefined && items.length < spec.minItems) fail(`has ${items.length} items; its declaration asks for at least ${spec.minItems}`);
      if (spec.maxItems !== undefined && items.length > spec.maxItems) fail(`has ${items.length} items; its declaration allows ${spec.maxItems}`);
      items.forEach((item, i) => {
        if (!isRecord(item)) out.push({ path: [...path, i], problem: `must be a mapping of ${Object.keys(spec.items ?? {}).map((k) => `\`${k}\``).join(', ')}`, param, missing: false });
        else record(spec.items ?? {}, item, [...path, i], out);
      });
      return;
    }
    case 'object':
      if (!isRecord(v)) return void fail('must be a mapping');
      record(spec.fields ?? {}, v, path, out);
      return;
  }
}

/** A copy of the declared values only, in objects without a prototype (so `constructor` is just a name). */
export function cleanParams(specs: ParamSpecs, values: unknown): { [key: string]: Value } {
  const out = Object.create(null) as { [key: string]: Value };
  if (!isRecord(values)) return out;
  for (const name of Object.keys(specs)) {
    if (!own(values, name)) continue;
    const v = values[name];
    const spec = specs[name]!;
    if (spec.type === 'array' && Array.isArray(v)) out[name] = (v as readonly Value[]).map((item) => cleanParams(spec.items ?? {}, item));
    else if (spec.type === 'object' && isRecord(v)) out[name] = cleanParams(spec.fields ?? {}, v);
    else out[name] = v;
  }
  return out;
}
