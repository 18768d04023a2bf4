import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LMap, LNode } from '../load/tree.js';
import { entry } from '../load/tree.js';
import type { Span } from '../source.js';
import { checkParams, type ParamSpec, type ParamSpecs } from '../../runtime/params.js';
import { compilePattern, type Pattern } from '../../runtime/pattern.js';
import { suggest } from '../suggest.js';
import { checkNumber } from '../load/numbers.js';

/**
 * Param declarations: the typed inputs of templates, declared under `params:` in a file (for
 * all its messages) or in a message (for that message only).
 *
 *   name: { type: string, maxLength: 30 }    city: string    # shorthand: an unbounded string
 */

export const PARAM_TYPES = ['string', 'integer', 'number', 'boolean', 'url', 'array', 'object'] as const;
export type ParamKind = (typeof PARAM_TYPES)[number];

interface ParamBase {
  name: string;
  /** Where the name is declared. */
  nameSpan: Span;
  /** The declaration's value (the shorthand or the mapping). */
  span: Span;
  optional: boolean;
  /** Where a `maxLength` (or the shorthand) would go, for suggestions. */
  declSpan: Span;
  /** The declaration as written, for quick fixes that edit it. */
  decl: LNode;
  /** A sample value (`example:`), which message templates submit for review. */
  example?: { value: string | number | boolean; span: Span };
}
export interface StringParam extends ParamBase {
  kind: 'string' | 'url';
  minLength?: number;
  maxLength?: number;
  /** Matched against the whole value, in linear time (runtime/pattern.ts). */
  pattern?: Pattern;
  enum?: string[];
}
export interface NumberParam extends ParamBase {
  kind: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
}
export interface BooleanParam extends ParamBase {
  kind: 'boolean';
}
export interface ArrayParam extends ParamBase {
  kind: 'array';
  /** An array's items are records of named fields. */
  items: Record<string, Param>;
  minItems?: number;
  maxItems?: number;
}
export interface ObjectParam extends ParamBase {
  kind: 'object';
  fields: Record<string, Param>;
}
export type Param = StringParam | NumberParam | BooleanParam | ArrayParam | ObjectParam;

/** Params by name, without a prototype (a param may be called `constructor`). */
export type Params = Record<string, Param>;

export function emptyParams(): Params {
  return Object.create(null) as Params;
}

const CONSTRAINTS: Record<string, readonly ParamKind[]> = {
  minLength: ['string', 'url'],
  maxLength: ['string', 'url'],
  pattern: ['string', 'url'],
  enum: ['string'],
  minimum: ['integer', 'number'],
  maximum: ['integer', 'number'],
  items: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  fields: ['object'],
};

/** Reads a `params:` mapping. Problems are reported; a faulty declaration is left out. */
export function readParams(node: LNode | undefined, r: Reporter): Params {
  const out = emptyParams();
  if (!node || node.kind !== 'map') return out;
  for (const e of node.entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) continue; // The structure check reports the name.
    const p = readParam(e.key, e.keySpan, e.value, r);
    if (p) {
      checkExample(p, r);
      out[e.key] = p;
    }
  }
  return out;
}

function nonNegativeInteger(node: LNode | undefined, key: string, r: Reporter): number | undefined {
  if (!node) return undefined;
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0) {
    r.report('WA512', node.span, `\`${key}\` must be a whole number, 0 or more`);
    return undefined;
  }
  return node.value;
}

function numberValue(node: LNode | undefined, key: string, r: Reporter): number | undefined {
  if (!node) return undefined;
  if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
    r.report('WA512', node.span, `\`${key}\` must be a number`);
    return undefined;
  }
  // A bound is carried into generated code: it must be the number written.
  return checkNumber(node, r) ? node.value : undefined;
}

/** A lower bound over its upper bound: reported at the lower, with the upper as related. */
function contradiction(r: Reporter, name: string, map: LMap, loKey: string, lo: number | undefined, hiKey: string, hi: number | undefined): void {
  if (lo === undefined || hi === undefined || lo <= hi) return;
  r.report('WA502', entry(map, loKey)!.value.span, `param \`${name}\`: ${loKey} ${lo} is more than ${hiKey} ${hi}`, {
    related: [r.related(entry(map, hiKey)!.value.span, `the ${hiKey} it contradicts`)],
  });
}

function readParam(name: string, nameSpan: Span, node: LNode, r: Reporter): Param | undefined {
  let typeNode: LNode | undefined;
  let map: LMap | undefined;
  if (node.kind === 'scalar') typeNode = node;
  else if (node.kind === 'map') {
    map = node;
    typeNode = entry(node, 'type')?.value;
    if (!typeNode) {
      r.report('WA512', nameSpan, `param \`${name}\` needs a \`type\``, { help: `one of ${PARAM_TYPES.join(', ')}` });
      return undefined;
    }
  } else return undefined; // The structure check reports a list.
  const typeName = typeNode.kind === 'scalar' ? String(typeNode.value ?? '') : '';
  if (!(PARAM_TYPES as readonly string[]).includes(typeName)) {
    const guess = suggest(typeName, PARAM_TYPES);
    r.report('WA501', typeNode.span, `unknown param type \`${typeName}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, {
      help: `use one of ${PARAM_TYPES.join(', ')}`,
    });
    return undefined;
  }
  const kind = typeName as ParamKind;
  const base = { name, nameSpan, span: node.span, declSpan: node.span, decl: node, optional: false };
  if (!map) {
    if (kind === 'array' || kind === 'object') {
      r.report('WA512', node.span, `an ${kind} param needs ${kind === 'array' ? '`items`' : '`fields`'}; write it as a mapping`, {
        help: kind === 'array' ? `${name}: { type: array, items: { id: string } }` : `${name}: { type: object, fields: { id: string } }`,
      });
      return undefined;
    }
    return { ...base, kind } as Param;
  }
  const optional = entry(map, 'optional')?.value;
  if (optional && optional.kind === 'scalar' && optional.value === true) base.optional = true;
  const example = entry(map, 'example')?.value;
  if (example && example.kind === 'scalar' && example.value !== null) {
    // Like texts, a string example is taken as written (`example: 0042` is the text 0042).
    const value = (kind === 'string' || kind === 'url') && typeof example.value !== 'string' ? example.source : example.value;
    (base as ParamBase).example = { value, span: example.span };
  }
  for (const e of map.entries) {
    const allowed = CONSTRAINTS[e.key];
    if (allowed && !allowed.includes(kind)) {
      r.report('WA512', e.keySpan, `\`${e.key}\` does not apply to a param of type ${kind}`, {
        help: `\`${e.key}\` is for ${allowed.join(' and ')} params`,
      });
    }
  }
  const get = (key: string) => entry(map!, key)?.value;
  switch (kind) {
    case 'string':
    case 'url': {
      const p: StringParam = { ...base, kind };
      const minLength = nonNegativeInteger(get('minLength'), 'minLength', r);
      const maxLength = nonNegativeInteger(get('maxLength'), 'maxLength', r);
      if (minLength !== undefined) p.minLength = minLength;
      if (maxLength !== undefined) p.maxLength = maxLength;
      contradiction(r, name, map, 'minLength', minLength, 'maxLength', maxLength);
      const pattern = get('pattern');
      if (pattern && pattern.kind === 'scalar' && kind === 'string') {
        const source = String(pattern.value ?? '');
        const compiled = compilePattern(source);
        if ('test' in compiled) p.pattern = compiled;
        else if (compiled.kind === 'syntax') r.report('WA503', pattern.span, `param \`${name}\`: \`${source}\` is not a valid regular expression (${compiled.message})`);
        else if (compiled.kind === 'unsafe') {
          r.report('WA523', pattern.span, `param \`${name}\`: the pattern \`${source}\` uses ${compiled.message}, which a matcher that never backtracks cannot run`, { help: 'patterns are matched without backtracking: write it with classes, groups, alternatives and repetition only' });
        } else r.report('WA524', pattern.span, `param \`${name}\`: the pattern \`${source}\` is too large to match quickly: ${compiled.message}`, { help: 'repeat less, or bound the length with maxLength instead' });
      }
      const values = get('enum');
      if (values && values.kind === 'seq' && kind === 'string') {
        p.enum = values.items.map((v) => (v.kind === 'scalar' ? (typeof v.value === 'string' ? v.value : v.source) : ''));
        values.items.forEach((v, i) => {
          const value = p.enum![i]!;
          const n = [...value].length;
          const bad = (p.minLength !== undefined && n < p.minLength) || (p.maxLength !== undefined && n > p.maxLength) || (p.pattern && !p.pattern.test(value));
          if (bad) r.report('WA502', v.span, `param \`${name}\`: the enum value \`${value}\` breaks the param's own constraints`);
        });
      }
      return p;
    }
    case 'integer':
    case 'number': {
      const p: NumberParam = { ...base, kind };
      const minimum = numberValue(get('minimum'), 'minimum', r);
      const maximum = numberValue(get('maximum'), 'maximum', r);
      if (minimum !== undefined) p.minimum = minimum;
      if (maximum !== undefined) p.maximum = maximum;
      contradiction(r, name, map, 'minimum', minimum, 'maximum', maximum);
      return p;
    }
    case 'boolean':
      return { ...base, kind };
    case 'array': {
      const itemsNode = get('items');
      if (!itemsNode || itemsNode.kind !== 'map') {
        if (!itemsNode) r.report('WA512', nameSpan, `array param \`${name}\` needs \`items\`: the fields of each item`, { help: 'items: { id: string, title: { type: string, maxLength: 24 } }' });
        return undefined;
      }
      const p: ArrayParam = { ...base, kind, items: readParams(itemsNode, r) };
      const minItems = nonNegativeInteger(get('minItems'), 'minItems', r);
      const maxItems = nonNegativeInteger(get('maxItems'), 'maxItems', r);
      if (minItems !== undefined) p.minItems = minItems;
      if (maxItems !== undefined) p.maxItems = maxItems;
      contradiction(r, name, map, 'minItems', minItems, 'maxItems', maxItems);
      return p;
    }
    case 'object': {
      const fieldsNode = get('fields');
      if (!fieldsNode || fieldsNode.kind !== 'map') {
        if (!fieldsNode) r.report('WA512', nameSpan, `object param \`${name}\` needs \`fields\``, { help: 'fields: { street: string, city: string }' });
        return undefined;
      }
      return { ...base, kind, fields: readParams(fieldsNode, r) };
    }
  }
}

/** A param's `example` must be a value the param accepts (message templates submit it). */
function checkExample(p: Param, r: Reporter): void {
  if (!p.example) return;
  const [problem] = checkParams(toSpecs({ [p.name]: p }), { [p.name]: p.example.value });
  if (problem) r.report('WA713', p.example.span, `the example of \`${p.name}\` ${problem.problem}`, { help: 'give an example that the declaration accepts' });
}

/**
 * The edit that declares `maxLength: n` on a string param: in its mapping (replacing one that
 * is there), or turning the shorthand `name: string` into `{ type: string, maxLength: n }`.
 */
export function maxLengthEdit(p: Param, n: number, text: string): { span: Span; text: string } {
  const decl = p.decl;
  if (decl.kind === 'scalar') return { span: decl.span, text: `{ type: ${p.kind}, maxLength: ${n} }` };
  if (decl.kind !== 'map') return { span: decl.span, text: text.slice(decl.span.start, decl.span.end) };
  const existing = decl.entries.find((e) => e.key === 'maxLength');
  if (existing) return { span: existing.value.span, text: String(n) };
  if (text[decl.span.start] === '{') {
    // A flow mapping: before its closing brace.
    let at = decl.span.end - 1;
    while (at > decl.span.start && /\s/.test(text[at - 1]!)) at--;
    return { span: { start: at, end: at }, text: `, maxLength: ${n}` };
  }
  // A block mapping: a new line after its last entry, at its keys' indentation.
  const last = decl.entries[decl.entries.length - 1]!;
  const lineStart = text.lastIndexOf('\n', decl.entries[0]!.keySpan.start - 1) + 1;
  const indent = ' '.repeat(decl.entries[0]!.keySpan.start - lineStart);
  return { span: { start: last.value.span.end, end: last.value.span.end }, text: `\n${indent}maxLength: ${n}` };
}

/** Declarations in the runtime's form: what generated senders validate with, and data files too. */
export function toSpecs(params: Params): ParamSpecs {
  // Without a prototype: a param may be called `__proto__`.
  const out = Object.create(null) as { [name: string]: ParamSpec };
  for (const [name, p] of Object.entries(params)) out[name] = toSpec(p);
  return out;
}

function toSpec(p: Param): ParamSpec {
  const spec: ParamSpec = { type: p.kind };
  if (p.optional) spec.optional = true;
  switch (p.kind) {
    case 'string':
    case 'url':
      if (p.minLength !== undefined) spec.minLength = p.minLength;
      if (p.maxLength !== undefined) spec.maxLength = p.maxLength;
      if (p.pattern) spec.pattern = p.pattern.source;
      if (p.enum) spec.enum = p.enum;
      break;
    case 'integer':
    case 'number':
      if (p.minimum !== undefined) spec.minimum = p.minimum;
      if (p.maximum !== undefined) spec.maximum = p.maximum;
      break;
    case 'array':
      spec.items = toSpecs(p.items);
      if (p.minItems !== undefined) spec.minItems = p.minItems;
      if (p.maxItems !== undefined) spec.maxItems = p.maxItems;
      break;
    case 'object':
      spec.fields = toSpecs(p.fields);
      break;
    default:
      break;
  }
  return spec;
}
