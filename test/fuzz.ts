// The fuzzer's engine: mutations of real sources, and the checks every input must pass.
// Used by bench/fuzz.ts (`npm run fuzz -- --cases N --seed S`), by test/fuzz.test.ts (a
// fixed-seed slice in CI) and for the saved regression cases in test/fixtures/fuzz/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { compile } from '../compiler/index.js';
import { printJson } from '../compiler/emit/json.js';
import * as runtime from '../runtime/index.js';
import { metaValidator, ORACLE_TYPES } from './oracle.js';
import fc from 'fast-check';
import { compare, record, type Subject } from './differential.js';

const ROOT = join(import.meta.dirname, '..');

/** The seeds: every example and every conformance source; with `saved`, the saved fuzz cases too. */
export function seeds(saved = false): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['examples', 'test/fixtures/conformance', ...(saved ? ['test/fixtures/fuzz', 'test/fixtures/outside'] : [])]) {
    for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.wa.yaml')).sort()) out.push({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') });
  }
  return out;
}

export const DATA = readFileSync(join(ROOT, 'examples/data.json'), 'utf8');

/** A small deterministic generator (mulberry32), so that a seed reproduces a run. */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const ODD_SCALARS = [
  '', ' ', 'x'.repeat(300), '😀'.repeat(25), 'ß'.repeat(21), 'İ', '\u0000', '\u2028', '\ud800', '{{', '}}', '{{ name }}', '{{ p.sku | upper }}', '{{ a | }}',
  '{{ products }}', '"quoted"', "it's", 'http://x', 'https://example.com/{{ order_id }}', 'null', '~', 'true', '-1', '1e309', '0x1F', '__proto__', '${x}', '`', '\\', '*/',
  // The second hardening pass: control characters and noncharacters, literal braces, huge bounds.
  '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\ufffe', '\uffff', '\udc00', '{{ "{{" }}', '{{Flow-ID}}', '{{ "SAVE10" | lower }}', '{{{x}}}', '50000000', '1000000000',
];
/** Keys a mutation may give a mapping: names that differ only in case, and names too long for a file name. */
const ODD_KEYS = ['Help', 'HELP', 'help', 'Menu', 'a'.repeat(250), 'm'.repeat(246), 'maxItems', 'maxLength', 'minItems'];
const PIECES = ['{{', '}}', '{{ x }}', '&a ', '*a', '!!binary ', '<<: ', '- ', ': ', '\t', '\n', '\r', '"', "'", '[', ']', '{', '}', '|', '>', '#', ',', '\u0000', '\ufeff', '😀', '? ',
  '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\ufffe', '\\0', '\\e', '\\x07', '\\uFFFE', '{{ "{{" }}', '{{Flow-ID}}', 'Help', 'a'.repeat(250), 'maxItems: 50000000', '- { id: a, title: t }'];

/** Mutates a YAML text: through its tree where it parses, and as bytes besides. */
export function mutate(text: string, next: (n: number) => number): string {
  const rounds = 1 + next(3);
  let out = text;
  for (let r = 0; r < rounds; r++) {
    const kind = next(10);
    if (kind < 5) out = treeMutation(out, next);
    else if (kind < 7) out = lineMutation(out, next);
    else out = byteMutation(out, next);
  }
  return out;
}

function collections(node: Node | null, out: Node[] = []): Node[] {
  if (!node) return out;
  if (isMap(node) || isSeq(node)) {
    out.push(node);
    for (const item of node.items) {
      const child = (isMap(node) ? (item as { value: Node | null }).value : item) as Node | null;
      collections(child, out);
    }
  }
  return out;
}

function scalars(node: Node | null, out: Node[] = []): Node[] {
  if (!node) return out;
  if (isScalar(node)) out.push(node);
  else if (isMap(node)) for (const p of node.items) scalars(p.value as Node | null, out);
  else if (isSeq(node)) for (const i of node.items) scalars(i as Node, out);
  return out;
}

/** Delete, duplicate or swap items of a mapping or list; make a scalar long, empty, Unicode-heavy or odd. */
function treeMutation(text: string, next: (n: number) => number): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return byteMutation(text, next);
  const op = next(5);
  if (op === 4) {
    // An anchor on a collection and an alias to it somewhere, perhaps inside itself (a cycle).
    const all = collections(doc.contents as Node);
    const targets = scalars(doc.contents as Node);
    if (all.length === 0 || targets.length === 0) return text;
    const anchored = all[next(all.length)]!;
    const alias = doc.createAlias(anchored as never, 'fz');
    const replace = targets[next(targets.length)]!;
    const swap = (node: Node | null): boolean => {
      if (isMap(node)) for (const p of node.items) if (p.value === replace) return (p.value = alias), true;
      if (isSeq(node)) {
        const i = node.items.indexOf(replace);
        if (i >= 0) return (node.items[i] = alias), true;
      }
      if (isMap(node)) return node.items.some((p) => swap(p.value as Node | null));
      if (isSeq(node)) return node.items.some((x) => swap(x as Node));
      return false;
    };
    swap(doc.contents as Node);
    return reprint(doc, text);
  }
  if (op === 3 && next(4) === 0) {
    // Rename a key: case twins of message names, names too long for a file name, bounds.
    const maps = collections(doc.contents as Node).filter(isMap) as unknown as { items: { key: unknown }[] }[];
    const pairs = maps.flatMap((m) => m.items).filter((p) => isScalar(p.key));
    if (pairs.length === 0) return text;
    (pairs[next(pairs.length)]!.key as { value: unknown }).value = ODD_KEYS[next(ODD_KEYS.length)];
    return reprint(doc, text);
  }
  if (op === 3) {
    const all = scalars(doc.contents as Node);
    if (all.length === 0) return text;
    const s = all[next(all.length)]! as { value: unknown };
    s.value = next(3) === 0 ? `${String(s.value)}${ODD_SCALARS[next(ODD_SCALARS.length)]}` : ODD_SCALARS[next(ODD_SCALARS.length)];
    return reprint(doc, text);
  }
  const all = collections(doc.contents as Node);
  if (all.length === 0) return text;
  const c = all[next(all.length)]! as unknown as { items: unknown[] };
  if (c.items.length === 0) return text;
  const i = next(c.items.length);
  if (op === 0) c.items.splice(i, 1);
  else if (op === 1) c.items.splice(i, 0, c.items[i]);
  else {
    const j = next(c.items.length);
    [c.items[i], c.items[j]] = [c.items[j], c.items[i]];
  }
  return reprint(doc, text);
}

/** The mutated document as text; yaml refuses some (an alias moved before its anchor): keep the input then. */
function reprint(doc: { toString(options: { lineWidth: number }): string }, text: string): string {
  try {
    return doc.toString({ lineWidth: 0 });
  } catch {
    return text;
  }
}

/** Break indentation, swap or repeat lines. */
function lineMutation(text: string, next: (n: number) => number): string {
  const lines = text.split('\n');
  const i = next(lines.length);
  switch (next(3)) {
    case 0:
      lines[i] = next(2) === 0 ? ` ${lines[i]}` : lines[i]!.replace(/^ /, '');
      break;
    case 1: {
      const j = next(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      break;
    }
    default:
      lines.splice(i, 0, lines[next(lines.length)]!);
  }
  return lines.join('\n');
}

function byteMutation(text: string, next: (n: number) => number): string {
  const at = next(text.length + 1);
  switch (next(3)) {
    case 0:
      return text.slice(0, at) + PIECES[next(PIECES.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + next(12));
    default:
      return text.slice(0, at) + String.fromCharCode(next(0x3000)) + text.slice(at + 1);
  }
}

export interface Failure {
  kind: 'exception' | 'range' | 'oracle' | 'typescript';
  detail: string;
  input: string;
}

let oracle: ((interactive: unknown) => string[]) | undefined;

type Sender = { build: (to: undefined, params?: unknown) => unknown };

/**
 * Runs the generated TypeScript module of a file: its senders by message name, and the param
 * specs each validates with (module-private; read out of the module's own scope). Message
 * template senders have no such specs (their params are checked by the template renderer).
 */
export function loadModule(code: string): { senders: Record<string, Sender>; specs: Record<string, runtime.ParamSpecs> } {
  const specs = `;module.exports.$specs = Object.fromEntries(Object.entries(module.exports).filter(([, v]) => v && typeof v === "object" && typeof v.build === "function").flatMap(([k, v]) => { try { return [[v.name, eval(k + "$params")]]; } catch { return []; } }));`;
  const cjs = transformSync(code, { loader: 'ts', format: 'cjs' }).code + specs;
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', cjs)((name: string) => {
    if (name !== '@waml/runtime') throw new Error(`unexpected import ${name}`);
    return runtime;
  }, module, module.exports);
  const out = Object.create(null) as Record<string, Sender>;
  for (const v of Object.values(module.exports)) {
    const sender = v as { name?: string; build?: Sender['build'] };
    if (sender && typeof sender.name === 'string' && typeof sender.build === 'function') out[sender.name] = sender as Sender;
  }
  return { senders: out, specs: module.exports['$specs'] as Record<string, runtime.ParamSpecs> };
}

/**
 * Every check of one input: compiling never throws, every range lies inside the file; and a
 * file reported clean has bodies Meta's schema accepts,
 * which its generated TypeScript builds byte for byte.
 */
export function check(input: string): Failure | undefined {
  const path = 'fuzz.wa.yaml';
  let json;
  let withData;
  let modules;
  let specs: Record<string, runtime.ParamSpecs> = {};
  try {
    json = compile([{ path, text: input }], { emit: ['json', 'ts'] });
    withData = compile([{ path, text: input }], { data: { path: 'data.json', text: DATA } });
  } catch (error) {
    return { kind: 'exception', detail: String((error as Error).stack ?? error), input };
  }
  for (const d of [...json.diagnostics, ...withData.diagnostics]) {
    if (d.file !== path) continue;
    const { start, end } = d.span;
    if (!(start >= 0 && start <= end && end <= input.length)) return { kind: 'range', detail: `${d.code} ${start}-${end} in ${input.length}`, input };
    for (const r of d.related ?? []) if (r.file === path && !(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= input.length)) return { kind: 'range', detail: `${d.code} related`, input };
  }
  if (json.diagnostics.some((d) => d.severity === 'error')) return undefined;
  oracle ??= metaValidator();
  const module = json.outputs.find((o) => o.path.endsWith('.wa.ts'));
  try {
    const loaded = module ? loadModule(module.text) : undefined;
    modules = loaded?.senders ?? {};
    specs = loaded?.specs ?? {};
  } catch (error) {
    return { kind: 'typescript', detail: `the module does not load: ${(error as Error).message}`, input };
  }
  const rendered = [...json.messages, ...withData.messages.filter((m) => !json.messages.some((x) => x.name === m.name))];
  for (const m of rendered) {
    if (ORACLE_TYPES.has(m.type)) {
      const errors = oracle(m.body.interactive);
      if (errors.length > 0) return { kind: 'oracle', detail: `${m.name}: ${errors.join('; ')}`, input };
    }
  }
  // The generated senders against the JSON output: without params, and with the examples' data.
  for (const [name, sender] of Object.entries(modules)) {
    // A message in several languages is compared in its default language, built alone
    // (`languages`): another language's refusal is not this one's.
    const language = (sender as { languages?: readonly string[] }).languages?.[0];
    const fixed = json.messages.find((m) => m.name === name);
    // The body a sender builds: a request, or a message template's send body (not its creation body).
    const rendered = language === undefined ? withData : compile([{ path, text: input }], { data: { path: 'data.json', text: DATA }, languages: [language] });
    const data = rendered.outputs.find((o) => o.message === name && (o.kind === 'request' || o.kind === 'template-send'));
    const params = fixed ? undefined : JSON.parse(DATA);
    let built: string | undefined;
    try {
      built = printJson(sender.build(undefined, params));
    } catch {
      built = undefined;
    }
    const expected = fixed ? printJson(fixed.body) : data?.text;
    if (built !== expected) return { kind: 'typescript', detail: `${name}: build() ${built === undefined ? 'threw' : 'gave'} ${built?.slice(0, 200) ?? ''} where the JSON output is ${expected?.slice(0, 200) ?? 'refused'}`, input };
    // And with values made for its own declarations (the examples' data rarely fits a mutant).
    if (fixed || Object.keys(specs[name] ?? {}).length === 0) continue;
    let values: unknown;
    try {
      [values] = fc.sample(record(specs[name]!), { numRuns: 1, seed: parseInt(caseName(input).slice(0, 8), 16) });
    } catch {
      continue; // A declaration fast-check cannot generate for (a pattern nothing matches).
    }
    const o = compare({ file: path, text: input, message: name, specs: specs[name]!, build: sender.build as Subject['build'], ...(language === undefined ? {} : { language }) }, values);
    if (!o.same) return { kind: 'typescript', detail: `${name}: ${o.detail.slice(0, 400)}`, input };
  }
  return undefined;
}

export function caseName(input: string): string {
  return createHash('sha256').update(input).digest('hex').slice(0, 12);
}

/** The case that took longest, for `npm run fuzz` to report (time is information, never a failure). */
export interface Slowest {
  ms: number;
  input: string;
}

/**
 * Runs `cases` mutations from `seed`; stops at `maxFailures`. A failure is a broken promise,
 * never a slow case: the slowest one is returned for the report.
 */
export function fuzz(cases: number, seed: number, maxFailures = 10, onProgress?: (done: number) => void): { failures: Failure[]; cases: number; slowest: Slowest } {
  const next = rng(seed);
  const all = seeds();
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const slowest: Slowest = { ms: 0, input: '' };
  for (let i = 0; i < cases; i++) {
    const input = mutate(all[next(all.length)]!.text, next);
    const started = performance.now();
    const failure = check(input);
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, input });
    if (failure && !seen.has(failure.kind + failure.detail.slice(0, 80))) {
      seen.add(failure.kind + failure.detail.slice(0, 80));
      failures.push(failure);
      if (failures.length >= maxFailures) return { failures, cases: i + 1, slowest };
    }
    if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1);
  }
  return { failures, cases, slowest };
}
