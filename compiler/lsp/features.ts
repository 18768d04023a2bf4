/**
 * What the language server answers, as pure functions of one document's text: diagnostics,
 * hover, completion, go to definition and quick fixes. Positions here are offsets; the server
 * turns them into LSP positions (lines and UTF-16 characters).
 */
import { FILTER_NAMES } from '../../runtime/template.js';
import { compile } from '../compile.js';
import { Reporter, type Diagnostic } from '../diagnostics/diagnostic.js';
import { load } from '../load/load.js';
import type { LMap, LNode } from '../load/tree.js';
import { buildFile } from '../model/build.js';
import { textSpan } from '../model/spans.js';
import type { Message, Text } from '../model/types.js';
import schema from '../schema/waml.schema.json' with { type: 'json' };
import type { Span } from '../source.js';
import { checkTemplates } from '../templates/check.js';
import type { Param, Params } from '../templates/params.js';
import { length } from '../text.js';

export function diagnose(path: string, text: string): Diagnostic[] {
  return compile([{ path, text }]).diagnostics.filter((d) => d.file === path);
}

type SchemaNode = { [key: string]: unknown; properties?: Record<string, SchemaNode>; $ref?: string; description?: string; items?: SchemaNode; additionalProperties?: SchemaNode | boolean; enum?: unknown[]; examples?: unknown[] };
const defs = (schema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n?.$ref && i < 5; i++) n = defs[n.$ref.replace('#/$defs/', '')];
  // Keep the description written beside a $ref.
  return node?.$ref && n ? { ...n, description: node.description ?? n.description } : n;
}

/** The schema of the value at a path; a message's keys depend on its `type`. */
function schemaAt(path: (string | number)[], root: LMap | undefined): SchemaNode | undefined {
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
    const next: SchemaNode | undefined = node.properties?.[step] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
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
function nodeAt(root: LNode, offset: number): { node: LNode; path: (string | number)[]; onKey?: string } | undefined {
  const walk = (node: LNode, path: (string | number)[]): { node: LNode; path: (string | number)[]; onKey?: string } | undefined => {
    if (node.kind === 'map') {
      for (const e of node.entries) {
        if (offset >= e.keySpan.start && offset <= e.keySpan.end) return { node: e.value, path: [...path, e.key], onKey: e.key };
        if (offset >= e.value.span.start && offset <= e.value.span.end) return walk(e.value, [...path, e.key]) ?? { node: e.value, path: [...path, e.key] };
      }
    } else if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        if (offset >= item.span.start && offset <= item.span.end) return walk(item, [...path, i]) ?? { node: item, path: [...path, i] };
      }
    }
    return node.kind === 'scalar' ? { node, path } : undefined;
  };
  return walk(root, []);
}

function parseTree(text: string): LMap | undefined {
  return load(text, new Reporter('doc')).root;
}

/** Hover: what the key or value is, its limit, and the live count of a text (`Track order`: 11 of 20). */
export function hover(text: string, offset: number): { markdown: string; span: Span } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const at = nodeAt(root, offset);
  if (!at || at.path.length === 0) return undefined;
  const s = schemaAt(at.path, root);
  if (!s?.description) return undefined;
  const lines = [`**${at.path.filter((p) => typeof p === 'string').slice(-1)[0]}**: ${s.description}`];
  if (at.node.kind === 'scalar' && at.node.value !== null && !at.onKey) {
    const value = typeof at.node.value === 'string' ? at.node.value : at.node.source;
    const limit = /at most (\d+) characters/i.exec(s.description)?.[1];
    if (value.includes('{{')) lines.push('', 'A template: its length depends on its params (see the diagnostics).');
    else lines.push('', `\`${value.length > 40 ? `${value.slice(0, 37)}…` : value}\`: ${length(value)}${limit ? ` of ${limit}` : ''} characters`);
  }
  return { markdown: lines.join('\n'), span: at.node.span };
}

export interface Completion {
  label: string;
  kind: 'key' | 'value' | 'param' | 'field' | 'filter';
  detail?: string;
  insertText?: string;
}

/** Where a line stands: its key path, found through the lines above with less indentation. */
function linePath(text: string, offset: number): { path: (string | number)[]; indent: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const current = text.slice(lineStart, offset);
  const indent = /^ */.exec(current)![0].length + (/^ *- /.test(current) ? 2 : 0);
  const path: (string | number)[] = [];
  let want = indent;
  let cursor = lineStart - 1;
  while (cursor > 0 && want > 0) {
    const start = text.lastIndexOf('\n', cursor - 1) + 1;
    const line = text.slice(start, cursor);
    cursor = start - 1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const ind = /^ */.exec(line)![0].length;
    const dash = /^( *)- +(.*)$/.exec(line);
    if (dash && ind + 2 <= want && ind < want) {
      path.unshift(0); // an item of a list (which one does not change the schema)
      const key = /^([A-Za-z_][\w-]*):/.exec(dash[2]!);
      if (key && ind + 2 < want) {
        path.unshift(key[1]!);
        want = ind + 2;
        continue;
      }
      want = ind;
      continue;
    }
    const key = /^ *([A-Za-z_][\w-]*):/.exec(line);
    if (key && ind < want) {
      path.unshift(key[1]!);
      want = ind;
    }
  }
  return { path, indent };
}

/** The message (of the built model) that an offset falls in. */
function messageAt(text: string, offset: number): { message: Message; file: ReturnType<typeof buildFile> } | undefined {
  const r = new Reporter('doc');
  const root = load(text, r).root;
  if (!root) return undefined;
  const file = buildFile('doc', root, text, r);
  for (const m of file.messages) checkTemplates(m, r);
  // The last message that starts before the offset (while typing, its span may end early).
  const message = [...file.messages].reverse().find((m) => m.nameSpan.start <= offset);
  return message ? { message, file } : undefined;
}

/** Completion: keys by context, message types and known values, and inside `{{ }}` params, fields and filters. */
export function complete(text: string, offset: number): Completion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('{{');
  if (open !== -1 && before.indexOf('}}', open) === -1) {
    const inside = before.slice(open + 2);
    // The line being typed is rarely valid YAML yet: read the file without it.
    const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
    const found = messageAt(text.slice(0, lineStart) + ' '.repeat(lineEnd - lineStart) + text.slice(lineEnd), offset);
    const scope: Params = found ? found.message.scope : (Object.create(null) as Params);
    if (/\|\s*[A-Za-z_]*$/.test(inside)) return FILTER_NAMES.map((f) => ({ label: f, kind: 'filter' as const }));
    const dotted = /([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*|\[\d+\])*)\.([A-Za-z_]\w*)?$/.exec(inside);
    if (dotted) {
      let fields: Params | undefined;
      let p: Param | undefined;
      for (const step of dotted[1]!.split('.')) {
        const name = step.replace(/\[\d+\]$/, '');
        p = fields ? fields[name] : scope[name];
        fields = p?.kind === 'array' ? p.items : p?.kind === 'object' ? p.fields : undefined;
      }
      return Object.entries(fields ?? {}).map(([name, f]) => ({ label: name, kind: 'field' as const, detail: f.kind }));
    }
    return Object.entries(scope).map(([name, p]) => ({ label: name, kind: 'param' as const, detail: p.kind }));
  }
  const valueOf = /^( *-? *)([A-Za-z_][\w-]*): *\S*$/.exec(before);
  const { path } = linePath(text, offset);
  const root = parseTree(text);
  if (valueOf) {
    const s = schemaAt([...path, valueOf[2]!], root);
    const values = (s?.enum ?? s?.examples ?? []) as unknown[];
    return values.map((v) => ({ label: String(v), kind: 'value' as const }));
  }
  const s = schemaAt(path, root);
  const props = s?.properties ?? {};
  return Object.entries(props).map(([key, p]) => ({ label: key, kind: 'key' as const, detail: deref(p)?.description ?? p.description, insertText: `${key}: ` }));
}

/** Go to definition: from a name in `{{ }}` (or after `each:`) to its declaration. */
export function definition(text: string, offset: number): Span | undefined {
  const found = messageAt(text, offset);
  if (!found) return undefined;
  const { message } = found;
  const texts: Text[] = [];
  const collect = (v: unknown, depth = 0): void => {
    if (!v || typeof v !== 'object' || depth > 8) return;
    if ('templated' in v && 'parts' in v) {
      texts.push(v as Text);
      return;
    }
    for (const x of Object.values(v as object)) collect(x, depth + 1);
  };
  collect(message);
  for (const t of texts) {
    if (offset < t.span.start || offset > t.span.end || !t.templated) continue;
    for (const part of t.parts) {
      if (part.kind !== 'expr' || !part.pipe || part.pipe.primary.kind !== 'path') continue;
      const head = part.pipe.primary.head;
      const at = textSpan(t, head.start, head.end);
      if (offset >= at.start && offset <= at.end) return message.scope[head.name]?.nameSpan;
    }
  }
  return undefined;
}

/** Quick fixes: those of the diagnostics that touch the range, where the fix is certain. */
export function fixes(path: string, text: string, range: Span): { title: string; diagnostic: Diagnostic; edits: { span: Span; text: string }[] }[] {
  return diagnose(path, text)
    .filter((d) => d.fixes && d.span.start <= range.end && d.span.end >= range.start)
    .flatMap((d) => d.fixes!.map((f) => ({ title: f.title, diagnostic: d, edits: f.edits })));
}
