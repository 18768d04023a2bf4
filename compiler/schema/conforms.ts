/**
 * A quick answer to "does this value satisfy the language's JSON Schema?", read straight from
 * the schema, for the common case of a file that does. It knows the few keywords the schema
 * uses, with ajv's meaning for each (draft-07, unicode patterns, union types); on anything
 * else (another keyword, a number that is not finite, a reference it cannot follow, nesting
 * deeper than any message) it gives up and says no. So `true` means the schema holds; `false`
 * means "ask the real validator", which is loaded only then and finds the errors in words.
 */
export type Schema = boolean | { [keyword: string]: unknown };

/** Keywords that only annotate (editors read them); they never fail a value. */
const ANNOTATIONS = new Set(['$schema', '$defs', '$comment', 'title', 'description', 'examples', 'default', 'defaultSnippets', 'markdownDescription', 'deprecated']);

/** Deeper than this is no message: leave it to the validator (it also keeps shared, cyclic aliases finite). */
const MAX_DEPTH = 64;

class Unsure extends Error {}

export function conforms(root: Schema, value: unknown): boolean {
  try {
    return new Checker(root).check(root, value, 0);
  } catch (error) {
    if (error instanceof Unsure) return false;
    throw error;
  }
}

class Checker {
  private readonly patterns = new Map<string, RegExp>();
  constructor(private readonly root: Schema) {}

  check(schema: Schema, value: unknown, depth: number): boolean {
    if (schema === true) return true;
    if (schema === false) return false;
    if (depth > MAX_DEPTH) throw new Unsure();
    for (const keyword in schema) {
      if (!this.keyword(schema, keyword, value, depth)) return false;
    }
    return true;
  }

  private keyword(schema: { [keyword: string]: unknown }, keyword: string, value: unknown, depth: number): boolean {
    const arg = schema[keyword];
    switch (keyword) {
      case '$ref':
        return this.check(this.resolve(arg), value, depth + 1);
      case 'type':
        return (Array.isArray(arg) ? arg : [arg]).some((t) => hasType(t, value));
      case 'enum':
        if (!Array.isArray(arg)) throw new Unsure();
        return arg.some((x) => same(x, value));
      case 'const':
        return same(arg, value);
      case 'required':
        if (!isObject(value)) return true;
        return (arg as string[]).every((k) => k in value);
      case 'properties': {
        if (!isObject(value)) return true;
        const props = arg as Record<string, Schema>;
        for (const k in props) if (k in value && !this.check(props[k]!, value[k], depth + 1)) return false;
        return true;
      }
      case 'additionalProperties': {
        if (!isObject(value)) return true;
        if ('patternProperties' in schema) throw new Unsure();
        const props = (schema['properties'] ?? {}) as Record<string, unknown>;
        for (const k in value) {
          if (Object.prototype.hasOwnProperty.call(props, k)) continue;
          if (!this.check(arg as Schema, value[k], depth + 1)) return false;
        }
        return true;
      }
      case 'propertyNames':
        if (!isObject(value)) return true;
        for (const k in value) if (!this.check(arg as Schema, k, depth + 1)) return false;
        return true;
      case 'minProperties':
        return !isObject(value) || Object.keys(value).length >= (arg as number);
      case 'maxProperties':
        return !isObject(value) || Object.keys(value).length <= (arg as number);
      case 'minItems':
        return !Array.isArray(value) || value.length >= (arg as number);
      case 'pattern':
        return typeof value !== 'string' || this.regex(arg as string).test(value);
      case 'items':
        if (Array.isArray(arg)) throw new Unsure(); // the tuple form is not used
        if (!Array.isArray(value)) return true;
        return value.every((item) => this.check(arg as Schema, item, depth + 1));
      case 'allOf':
        return (arg as Schema[]).every((s) => this.check(s, value, depth + 1));
      case 'if': {
        const holds = this.check(arg as Schema, value, depth + 1);
        const next = holds ? schema['then'] : schema['else'];
        return next === undefined || this.check(next as Schema, value, depth + 1);
      }
      case 'then':
      case 'else':
        return true; // read with `if`
      default:
        if (ANNOTATIONS.has(keyword)) return true;
        throw new Unsure();
    }
  }

  private resolve(ref: unknown): Schema {
    if (ref === '#') return this.root;
    const m = typeof ref === 'string' ? /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref) : null;
    const defs = typeof this.root === 'object' ? (this.root['$defs'] as Record<string, Schema> | undefined) : undefined;
    const target = m && defs && Object.prototype.hasOwnProperty.call(defs, m[1]!) ? defs[m[1]!] : undefined;
    if (target === undefined) throw new Unsure();
    return target;
  }

  private regex(source: string): RegExp {
    let r = this.patterns.get(source);
    if (!r) this.patterns.set(source, (r = new RegExp(source, 'u')));
    return r;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(type: unknown, value: unknown): boolean {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Unsure();
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    default:
      throw new Unsure();
  }
}

/** Equality for enum and const, which here hold only plain values. */
function same(expected: unknown, value: unknown): boolean {
  if (expected !== null && typeof expected === 'object') throw new Unsure();
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Unsure();
  return expected === value;
}
