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

/** A schema turned into a function of the value (and its depth): see compiled. */
type Check = (value: unknown, depth: number) => boolean;

/**
 * Each schema's checks, built once per root: a function per schema object that runs its
 * keywords in order, so that a file is checked without reading the schema's keywords again.
 */
const compiledRoots = new WeakMap<object, Map<object, Check>>();

export function conforms(root: Schema, value: unknown): boolean {
  try {
    return compiled(root, root)(value, 0);
  } catch (error) {
    if (error instanceof Unsure) return false;
    throw error;
  }
}

const always: Check = () => true;
const never: Check = () => false;
const unsure: Check = () => {
  throw new Unsure();
};

function compiled(root: Schema, schema: Schema): Check {
  if (schema === true) return always;
  if (schema === false) return never;
  if (typeof root !== 'object') return new Compiler(root).schema(schema);
  let cache = compiledRoots.get(root);
  if (!cache) compiledRoots.set(root, (cache = new Map()));
  return new Compiler(root, cache).schema(schema);
}

class Compiler {
  constructor(
    private readonly root: Schema,
    private readonly cache = new Map<object, Check>(),
  ) {}

  /** The check of a schema: true and false are constant; an object runs its keywords in order. */
  schema(schema: Schema): Check {
    if (schema === true) return always;
    if (schema === false) return never;
    const done = this.cache.get(schema);
    if (done) return done;
    const parts: Check[] = [];
    const check: Check = (value, depth) => {
      if (depth > MAX_DEPTH) throw new Unsure();
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(value, depth)) return false;
      return true;
    };
    // Cached before its keywords are built: a `$ref` back to it finds it.
    this.cache.set(schema, check);
    for (const keyword in schema) {
      const part = this.keyword(schema, keyword);
      if (part !== always) parts.push(part);
    }
    return check;
  }

  private keyword(schema: { [keyword: string]: unknown }, keyword: string): Check {
    const arg = schema[keyword];
    switch (keyword) {
      case '$ref': {
        let target: Check | undefined;
        // Resolved on first use, as the reference is followed only when a value reaches it.
        return (value, depth) => (target ??= this.schema(this.resolve(arg)))(value, depth + 1);
      }
      case 'type': {
        const types = Array.isArray(arg) ? arg : [arg];
        return (value) => {
          for (const t of types) if (hasType(t, value)) return true;
          return false;
        };
      }
      case 'enum':
        if (!Array.isArray(arg)) return unsure;
        return (value) => {
          for (const x of arg) if (same(x, value)) return true;
          return false;
        };
      case 'const':
        return (value) => same(arg, value);
      case 'required': {
        const keys = arg as string[];
        return (value) => {
          if (!isObject(value)) return true;
          for (const k of keys) if (!(k in value)) return false;
          return true;
        };
      }
      case 'properties': {
        const props = arg as Record<string, Schema>;
        const keys: string[] = [];
        const checks: Check[] = [];
        for (const k in props) {
          keys.push(k);
          checks.push(this.schema(props[k]!));
        }
        return (value, depth) => {
          if (!isObject(value)) return true;
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i]!;
            if (k in value && !checks[i]!(value[k], depth + 1)) return false;
          }
          return true;
        };
      }
      case 'additionalProperties': {
        if ('patternProperties' in schema) return (value) => (isObject(value) ? unsure(value, 0) : true);
        const props = (schema['properties'] ?? {}) as Record<string, unknown>;
        const known = new Set(Object.keys(props));
        const extra = this.schema(arg as Schema);
        return (value, depth) => {
          if (!isObject(value)) return true;
          for (const k in value) {
            if (known.has(k)) continue;
            if (!extra(value[k], depth + 1)) return false;
          }
          return true;
        };
      }
      case 'propertyNames': {
        const names = this.schema(arg as Schema);
        return (value, depth) => {
          if (!isObject(value)) return true;
          for (const k in value) if (!names(k, depth + 1)) return false;
          return true;
        };
      }
      case 'minProperties':
        return (value) => !isObject(value) || Object.keys(value).length >= (arg as number);
      case 'maxProperties':
        return (value) => !isObject(value) || Object.keys(value).length <= (arg as number);
      case 'minItems':
        return (value) => !Array.isArray(value) || value.length >= (arg as number);
      case 'pattern': {
        let regex: RegExp | undefined;
        return (value) => typeof value !== 'string' || (regex ??= new RegExp(arg as string, 'u')).test(value);
      }
      case 'items': {
        if (Array.isArray(arg)) return unsure; // the tuple form is not used
        const item = this.schema(arg as Schema);
        return (value, depth) => {
          if (!Array.isArray(value)) return true;
          for (const x of value) if (!item(x, depth + 1)) return false;
          return true;
        };
      }
      case 'allOf': {
        const all = (arg as Schema[]).map((s) => this.schema(s));
        return (value, depth) => {
          for (const c of all) if (!c(value, depth + 1)) return false;
          return true;
        };
      }
      case 'if': {
        const test = this.schema(arg as Schema);
        const then = schema['then'] === undefined ? undefined : this.schema(schema['then'] as Schema);
        const otherwise = schema['else'] === undefined ? undefined : this.schema(schema['else'] as Schema);
        return (value, depth) => {
          const next = test(value, depth + 1) ? then : otherwise;
          return next === undefined || next(value, depth + 1);
        };
      }
      case 'then':
      case 'else':
        return always; // read with `if`
      default:
        if (ANNOTATIONS.has(keyword)) return always;
        return unsure;
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
