/**
 * Hover, completion and signature help, as pure functions of one analysed document version
 * and an offset. Positions are offsets here; the server turns them into LSP positions.
 */
import { FILTER_NAMES } from '../../runtime/template.js';
import type { LMap, LNode } from '../load/tree.js';
import type { Message } from '../model/types.js';
import schema from '../schema/waml.schema.json' with { type: 'json' };
import type { Span } from '../source.js';
import { FILTERS } from '../templates/filters.js';
import type { Param, Params } from '../templates/params.js';
import { textBounds } from '../templates/bounds.js';
import { characters, length } from '../text.js';
import type { Analysis } from './analysis.js';
import { aliasesAt, fieldsOf, resolve, type Binding } from './model.js';
import { placeholderAt } from './navigation.js';

type SchemaNode = {
  [key: string]: unknown;
  title?: string;
  properties?: Record<string, SchemaNode | boolean>;
  $ref?: string;
  description?: string;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  enum?: unknown[];
  examples?: unknown[];
};
const defs = (schema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

function deref(node: SchemaNode | boolean | undefined): SchemaNode | undefined {
  if (typeof node !== 'object') return undefined;
  let n: SchemaNode | undefined = node;
  for (let i = 0; n?.$ref && i < 5; i++) n = defs[n.$ref.replace('#/$defs/', '')];
  // Keep what is written beside a $ref (its description, its examples).
  if (!node.$ref || !n) return n;
  const { $ref: _ref, ...beside } = node;
  return { ...n, ...beside };
}

/** The schema of the value at a path; a message's keys depend on its `type`. */
export function schemaAt(path: readonly (string | number)[], root: LMap | undefined): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema as unknown as SchemaNode;
  let value: LNode | undefined = root;
  for (const step of path) {
    node = deref(node);
    if (!node) return undefined;
    if (typeof step === 'number') {
      node = node.items;
      value = value?.kind === 'seq' ? value.items[step] : undefined;
      continue;
    }
    const own = node.properties?.[step];
    if (own === false) return undefined;
    const next: SchemaNode | undefined = typeof own === 'object' ? own : typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    value = value?.kind === 'map' ? value.entries.find((e) => e.key === step)?.value : undefined;
    node = next;
    // A message: its type chooses the definition.
    if (node?.$ref === '#/$defs/message' && value?.kind === 'map') {
      const type = value.entries.find((e) => e.key === 'type')?.value;
      if (type?.kind === 'scalar' && typeof type.value === 'string' && defs[type.value]) node = defs[type.value];
    }
  }
  return deref(node);
}

/** The deepest node at an offset, with its path and whether the offset is on a key. */
export function nodeAt(root: LNode, offset: number): { node: LNode; path: (string | number)[]; onKey?: string; keySpan?: Span } | undefined {
  let node: LNode = root;
  const path: (string | number)[] = [];
  for (let depth = 0; depth < 200; depth++) {
    let next: LNode | undefined;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        if (offset >= e.keySpan.start && offset <= e.keySpan.end) return { node: e.value, path: [...path, e.key], onKey: e.key, keySpan: e.keySpan };
        if (offset >= e.value.span.start && offset <= e.value.span.end) {
          path.push(e.key);
          next = e.value;
          break;
        }
      }
    } else if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        if (offset >= item.span.start && offset <= item.span.end) {
          path.push(i);
          next = item;
          break;
        }
      }
    }
    if (!next) return path.length > 0 || node.kind === 'scalar' ? { node, path } : undefined;
    node = next;
  }
  return undefined;
}

/** At most `n` code points of a text, never half of a surrogate pair. */
export function clip(s: string, n: number): string {
  const cps = [...s];
  return cps.length > n ? `${cps.slice(0, n - 1).join('')}…` : s;
}

function describeParam(name: string, p: Param): string {
  const bits: string[] = [p.kind];
  if (p.optional) bits.push('optional');
  if ((p.kind === 'string' || p.kind === 'url') && p.maxLength !== undefined) bits.push(`at most ${characters(p.maxLength)}`);
  if (p.kind === 'array') bits.push(`items: ${Object.keys(p.items).join(', ') || 'none'}`);
  if (p.kind === 'object') bits.push(`fields: ${Object.keys(p.fields).join(', ') || 'none'}`);
  return `**${name}**: ${bits.join(', ')}`;
}

function describeBinding(b: Binding): string {
  if (b.kind === 'param') return describeParam(b.name, b.param);
  const fields = Object.keys(b.alias.fields ?? {});
  return `**${b.name}**: the current item of an \`each\`${fields.length > 0 ? `; fields: ${fields.join(', ')}` : ''}`;
}

/** Hover: what the key or value is, its limit, the live count of a text; on a placeholder name, its declaration. */
export function hover(a: Analysis, offset: number): { markdown: string; span: Span } | undefined {
  const root = a.root;
  if (!root) return undefined;
  const place = placeholderAt(a, offset);
  if (place?.binding) return { markdown: describeBinding(place.binding), span: place.span };
  const at = nodeAt(root, offset);
  if (!at || at.path.length === 0) return undefined;
  const s = schemaAt(at.path, root);
  if (!s?.description) return undefined;
  const lines = [`**${at.path.filter((p) => typeof p === 'string').slice(-1)[0]}**: ${s.description}`];
  if (at.node.kind === 'scalar' && at.node.value !== null && !at.onKey) {
    const value = typeof at.node.value === 'string' ? at.node.value : at.node.source;
    const m = a.messageAt(offset);
    const scoped = m ? a.view(m).texts.find((t) => t.text.scalar === at.node) : undefined;
    const limit = scoped?.limit?.max ?? Number(/at most (\d+) characters/i.exec(s.description)?.[1] ?? NaN);
    const of = Number.isFinite(limit) ? ` of ${limit}` : '';
    if (scoped?.text.templated) {
      const b = textBounds(scoped.text);
      lines.push('', `A template: ${b.min} to ${Number.isFinite(b.max) ? b.max : 'any number of'}${of} characters, by its params.`);
    } else if (value.includes('{{')) lines.push('', 'A template: its length depends on its params (see the diagnostics).');
    else lines.push('', `\`${clip(value, 40).replace(/`/g, 'ˋ')}\`: ${length(value)}${of} characters`);
  }
  return { markdown: lines.join('\n'), span: at.onKey && at.keySpan ? at.keySpan : at.node.span };
}

export interface Completion {
  label: string;
  kind: 'key' | 'value' | 'param' | 'field' | 'filter';
  detail?: string;
  insertText?: string;
}

/** Where a line stands: the key path of its content, found through the lines above with less indentation. */
function linePath(text: string, lineStart: number): (string | number)[] {
  const lineEnd = text.indexOf('\n', lineStart);
  const current = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const head = /^( *)(- +)?/.exec(current)!;
  const path: (string | number)[] = [];
  let want = head[1]!.length;
  let cursor = lineStart - 1;
  while (cursor > 0 && want > 0) {
    const start = text.lastIndexOf('\n', cursor - 1) + 1;
    const line = text.slice(start, cursor).replace(/\r$/, '');
    cursor = start - 1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const ind = /^ */.exec(line)![0].length;
    if (ind >= want) continue;
    const dash = /^( *)- +(.*)$/.exec(line);
    if (dash) {
      // The item of a list (which one does not change the schema); a key on the dash line
      // holds the lines indented past it.
      const key = /^([A-Za-z_][\w-]*):/.exec(dash[2]!);
      const content = line.length - dash[2]!.length;
      if (key && content < want) {
        path.unshift(0, key[1]!);
        want = ind;
        continue;
      }
      path.unshift(0);
      want = ind;
      continue;
    }
    const key = /^ *([A-Za-z_][\w-]*):/.exec(line);
    if (key) {
      path.unshift(key[1]!);
      want = ind;
    } else want = ind;
  }
  if (head[2]) path.push(0);
  return path;
}

/** The state of a line's text before the cursor: inside quotes, and the innermost open `{`. */
function scan(before: string): { quoted: boolean; brace: number } {
  let quote: string | undefined;
  const braces: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '#' && (i === 0 || before[i - 1] === ' ')) {
      return { quoted: true, brace: -1 }; // a comment: nothing completes
    } else if ((c === '"' || c === "'") && /(^|[\s:,[{-])$/.test(before.slice(0, i))) quote = c;
    else if (c === '{') braces.push(i);
    else if (c === '}') braces.pop();
  }
  return { quoted: quote !== undefined, brace: braces.length > 0 ? braces[braces.length - 1]! : -1 };
}

function keyCompletions(path: readonly (string | number)[], root: LMap | undefined, present: ReadonlySet<string>): Completion[] {
  const s = schemaAt(path, root);
  const out: Completion[] = [];
  for (const [key, p] of Object.entries(s?.properties ?? {})) {
    if (p === false || present.has(key)) continue; // a key the type refuses is never offered
    const d = deref(p);
    out.push({ label: key, kind: 'key', ...(d?.description ? { detail: d.description } : {}), insertText: `${key}: ` });
  }
  return out;
}

function valueCompletions(path: readonly (string | number)[], root: LMap | undefined): Completion[] {
  // A message's `type`: every type, even when one is written already.
  const s = path.length === 3 && path[0] === 'messages' && path[2] === 'type' ? deref(defs['message']?.properties?.['type']) : schemaAt(path, root);
  const values = (s?.enum ?? s?.examples ?? []) as unknown[];
  return values.map((v) => ({ label: String(v), kind: 'value' as const }));
}

/**
 * Completion: keys by context (a message's keys depend on its `type`), in block and flow
 * mappings; message types and known values; inside `{{ }}` the params and `each` items in
 * scope, their fields after a `.`, and filters after a `|`. A space only ever completes a
 * value after `key: `, never keys, and nothing completes inside quoted or plain text.
 * `previous` is the last version that parsed, used while the line being typed is not YAML yet.
 */
export function complete(a: Analysis, offset: number, previous?: Analysis, trigger?: string): Completion[] {
  if (a.tooLarge) return [];
  const text = a.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('{{');
  if (open !== -1 && before.indexOf('}}', open) === -1) return templateCompletions(a.file ? a : (previous ?? a), offset, before.slice(open + 2));
  const root = a.root ?? previous?.root;
  const { quoted, brace } = scan(before);
  if (quoted) return [];
  if (brace !== -1) {
    // Inside a flow mapping, `- { id: a, | }`: the keys of the mapping it stands for.
    const prefix = before.slice(0, brace);
    const owner = /^ *(- +)?(?:([A-Za-z_][\w-]*): *)?$/.exec(prefix);
    if (!owner) return [];
    const path = linePath(text, lineStart);
    if (owner[2]) path.push(owner[2]);
    const segment = before.slice(Math.max(before.lastIndexOf(','), brace) + 1);
    const valueOf = /^ *([A-Za-z_][\w-]*): *([^\s,}]*)$/.exec(segment);
    if (valueOf) return valueCompletions([...path, valueOf[1]!], root);
    if (!/^ *[\w-]*$/.test(segment) || trigger === ' ') return [];
    const lineEnd = text.indexOf('\n', offset);
    const flow = text.slice(lineStart + brace, lineEnd === -1 ? text.length : lineEnd);
    const present = new Set([...flow.matchAll(/[{,] *([A-Za-z_][\w-]*) *:/g)].map((m) => m[1]!));
    return keyCompletions(path, root, present);
  }
  const valueOf = /^ *(?:- +)?([A-Za-z_][\w-]*): +([^\s]*)$/.exec(before);
  if (valueOf) return valueCompletions([...linePath(text, lineStart), valueOf[1]!], root);
  if (/^ *(- +)?[\w-]*$/.test(before) && trigger !== ' ') return keyCompletions(linePath(text, lineStart), root, new Set());
  return [];
}

function templateCompletions(a: Analysis, offset: number, inside: string): Completion[] {
  const m: Message | undefined = a.messageAt(offset);
  if (/\|\s*[A-Za-z_]*$/.test(inside)) return FILTER_NAMES.map((f) => ({ label: f, kind: 'filter' as const, detail: FILTERS[f].description }));
  if (!m) return [];
  const aliases = aliasesAt(a.view(m), offset);
  const dotted = /([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*|\[\d+\])*)\.([A-Za-z_]\w*)?$/.exec(inside);
  if (dotted) {
    let fields = fieldsOf(resolve(m, aliases, dotted[1]!));
    for (const step of dotted[2]!.split('.').filter((x) => x !== '')) {
      const name = step.replace(/\[\d+\]$/, '');
      const p: Param | undefined = fields?.[name];
      fields = p?.kind === 'array' && !/\[\d+\]$/.test(step) ? undefined : fieldsOf(p);
    }
    return Object.entries(fields ?? {}).map(([name, f]) => ({ label: name, kind: 'field' as const, detail: f.kind }));
  }
  const out: Completion[] = [];
  const seen = new Set<string>();
  for (let i = aliases.length - 1; i >= 0; i--) {
    const al = aliases[i]!;
    if (seen.has(al.name)) continue;
    seen.add(al.name);
    out.push({ label: al.name, kind: 'param', detail: 'item of each' });
  }
  for (const [name, p] of Object.entries(m.scope as Params)) if (!seen.has(name)) out.push({ label: name, kind: 'param', detail: p.kind });
  return out;
}

/** Names of the filters' arguments, for signature help (a filter missing here shows `arg1`…). */
const ARG_NAMES: Record<string, readonly string[]> = { truncate: ['length', 'suffix'], default: ['value'], number: ['decimals'] };

export interface Signature {
  label: string;
  documentation: string;
  parameters: string[];
  active: number;
}

/** Signature help inside a filter's parentheses: `{{ name | truncate(20, |`. */
export function signatureHelp(a: Analysis, offset: number): Signature | undefined {
  const text = a.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('{{');
  if (open === -1 || before.indexOf('}}', open) !== -1) return undefined;
  const call = /\|\s*([A-Za-z_]\w*)\s*\(([^()]*)$/.exec(before.slice(open + 2));
  if (!call) return undefined;
  const name = call[1]!;
  const f = (FILTERS as Record<string, (typeof FILTERS)[keyof typeof FILTERS]>)[name];
  if (!f) return undefined;
  const names = ARG_NAMES[name] ?? f.args.map((_, i) => `arg${i + 1}`);
  const parameters = f.args.map((t, i) => `${names[i] ?? `arg${i + 1}`}${i >= f.required ? '?' : ''}: ${t}`);
  const commas = call[2]!.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').split(',').length - 1;
  return { label: `${name}(${parameters.join(', ')})`, documentation: f.description, parameters, active: Math.min(commas, Math.max(0, parameters.length - 1)) };
}
