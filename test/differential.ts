// The differential property: for random param values, a generated sender's build() and the
// compiler's JSON output (rendered with the same values as data) give the same bytes, or
// both refuse. Shared by test/differential.test.ts (1,000 runs a message) and
// bench/differential.ts (as many as asked).
import fc from 'fast-check';
import type { ParamSpec, ParamSpecs } from '../runtime/params.js';
import { compile } from '../compiler/index.js';
import { printJson } from '../compiler/emit/json.js';
import { loadModule, seeds } from './fuzz.js';

export interface Subject {
  file: string;
  text: string;
  message: string;
  specs: ParamSpecs;
  build: (to: string | undefined, params: unknown) => unknown;
  /** For a message with `languages:`: the language built (one subject per language). */
  language?: string;
}

/**
 * Every message of every source that compiles clean (every example, every conformance source
 * and every fuzz seed, the saved fuzz cases too), with the sender its generated module exports.
 */
export function subjects(): Subject[] {
  const out: Subject[] = [];
  for (const seed of seeds(true)) {
    const path = seed.name;
    const result = compile([{ path, text: seed.text }], { emit: ['ts'] });
    if (result.diagnostics.some((d) => d.severity === 'error')) continue;
    const module = loadModule(result.outputs[0]!.text);
    const specs = module.specs;
    for (const [message, sender] of Object.entries(module.senders)) {
      if (!(message in specs)) continue; // a message template: its sends are compared in test/message-templates
      const languages = (sender as { languages?: readonly string[] }).languages;
      const build = sender.build as (to: string | undefined, params: unknown, options?: { language: string }) => unknown;
      if (!languages) out.push({ file: path, text: seed.text, message, specs: specs[message]!, build });
      // A message in several languages: each language's build() against its own JSON file.
      else for (const language of languages) out.push({ file: path, text: seed.text, message, specs: specs[message]!, language, build: (to, params) => build(to, params, { language }) });
    }
  }
  return out;
}

/** Values that fit a declaration: Unicode-heavy strings, edge numbers, empty and full lists. */
export function valid(spec: ParamSpec): fc.Arbitrary<unknown> {
  let a: fc.Arbitrary<unknown>;
  switch (spec.type) {
    case 'string':
      if (spec.enum) a = fc.constantFrom(...spec.enum);
      else if (spec.pattern) a = fc.stringMatching(new RegExp(`^(?:${spec.pattern})$`, 'u'));
      else a = fc.string({ unit: fc.oneof(fc.constantFrom('ß', 'İ', '👍🏽', '"', '\\', '`', '${', '\u2028', '\n', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: spec.minLength ?? 0, maxLength: spec.maxLength ?? 60 });
      a = a.filter((s) => {
        const n = [...(s as string)].length;
        return n >= (spec.minLength ?? 0) && n <= (spec.maxLength ?? Infinity);
      });
      break;
    case 'url':
      a = fc.webPath().map((p) => `https://shop.example.com${p}`).filter((s) => [...s].length <= (spec.maxLength ?? Infinity));
      break;
    case 'integer':
      a = fc.integer({ min: spec.minimum ?? -1_000_000, max: spec.maximum ?? 1_000_000 });
      break;
    case 'number':
      a = fc.double({ min: spec.minimum ?? -1e6, max: spec.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
      break;
    case 'boolean':
      a = fc.boolean();
      break;
    case 'array':
      a = fc.array(record(spec.items ?? {}), { minLength: spec.minItems ?? 0, maxLength: spec.maxItems ?? 5 });
      break;
    case 'object':
      a = record(spec.fields ?? {});
      break;
  }
  return a;
}

/** Sets an own key, `__proto__` included. */
function put(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Records of valid values; optional params sometimes left out. Keys are own keys, `__proto__` too. */
export function record(specs: ParamSpecs): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(specs);
  const absent = Symbol('absent');
  const arbs = names.map((name) => (specs[name]!.optional ? fc.option(valid(specs[name]!), { nil: absent }) : valid(specs[name]!)));
  return fc.tuple(...arbs).map((values) => {
    const out: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if (values[i] !== absent) put(out, name, values[i]);
    });
    return out;
  });
}

/** Valid values with one thing broken: a wrong type, a missing required value, an overlong text. */
export function invalid(specs: ParamSpecs): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(specs);
  return fc.tuple(record(specs), fc.constantFrom(...names), fc.constantFrom('type', 'missing', 'long')).map(([values, name, how]) => {
    const out = { ...values };
    const spec = specs[name]!;
    if (how === 'missing' && !spec.optional) delete out[name];
    else if (how === 'long' && spec.type === 'string' && spec.maxLength !== undefined) put(out, name, 'x'.repeat(spec.maxLength + 1));
    else put(out, name, spec.type === 'string' || spec.type === 'url' ? 12345 : 'not the right type');
    return out;
  });
}

export interface Outcome {
  same: boolean;
  detail: string;
}

/** Both outputs for one set of values: equal bytes, or both refused. */
export function compare(s: Subject, values: unknown): Outcome {
  let built: string | Error;
  try {
    built = printJson(s.build(undefined, values));
  } catch (error) {
    built = error as Error;
  }
  const data = JSON.stringify(values);
  // A message in several languages is built in the subject's language alone (`--language`):
  // another language's refusal is that language's, not this one's.
  const result = compile([{ path: s.file, text: s.text }], { data: { path: 'data.json', text: data }, ...(s.language ? { languages: [s.language] } : {}) });
  const output = result.outputs.find((o) => o.message === s.message && (s.language === undefined || o.path.endsWith(`.${s.language}.json`)));
  if (!output) {
    const refused = built instanceof Error;
    return { same: refused, detail: refused ? '' : `the compiler refused (${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}) but build() gave a body for ${data}` };
  }
  if (built instanceof Error) return { same: false, detail: `build() threw ${built.message} but the compiler built ${data}` };
  return { same: built === output.text, detail: built === output.text ? '' : `different bytes for ${data}:\n${built}\n---\n${output.text}` };
}
