/**
 * Names in placeholders and `each` paths: where each is declared (a param or an `each` item),
 * every place it is used, and renaming it everywhere at once.
 */
import { textSpan } from '../model/spans.js';
import type { Message } from '../model/types.js';
import type { Span } from '../source.js';
import type { Param } from '../templates/params.js';
import type { Analysis } from './analysis.js';
import { fieldsOf, resolve, type Binding } from './model.js';

/** One name written in a placeholder or an `each` path, with what it resolves to. */
export interface Use {
  span: Span;
  binding?: Binding;
  /** For a field (`p.sku`): the field's declaration. */
  field?: Param;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

function same(x: Binding, y: Binding): boolean {
  return x.kind === 'param' && y.kind === 'param' ? x.param === y.param : x.kind === 'alias' && y.kind === 'alias' ? x.alias === y.alias : false;
}

function declaration(b: Binding): Span | undefined {
  return b.kind === 'param' ? b.param.nameSpan : b.alias.nameSpan;
}

/** Every name used in a message's placeholders and `each` paths. */
export function usesOf(a: Analysis, m: Message): Use[] {
  const out: Use[] = [];
  const view = a.view(m);
  for (const t of view.texts) {
    if (!t.text.templated) continue;
    for (const part of t.text.parts) {
      const primary = part.kind === 'expr' ? part.pipe?.primary : undefined;
      if (primary?.kind !== 'path') continue;
      const binding = resolve(m, t.aliases, primary.head.name);
      out.push({ span: textSpan(t.text, primary.head.start, primary.head.end), ...(binding ? { binding } : {}) });
      let fields = fieldsOf(binding);
      for (const seg of primary.segments) {
        if (seg.kind !== 'field') continue;
        const f: Param | undefined = fields?.[seg.name];
        const s = textSpan(t.text, seg.start, seg.end);
        // The segment may include its dot: the name is its last characters.
        out.push({ span: { start: s.end - seg.name.length, end: s.end }, ...(f ? { field: f } : {}) });
        fields = fieldsOf(f);
      }
    }
  }
  for (const e of view.eaches) {
    const head = e.path[0]!;
    const written = a.text.slice(e.span.start, e.span.end);
    const at = new RegExp(`(^|[^\\w])${head}(?![\\w])`).exec(written);
    if (!at) continue;
    const start = e.span.start + at.index + at[1]!.length;
    const binding = resolve(m, e.aliases, head);
    out.push({ span: { start, end: start + head.length }, ...(binding ? { binding } : {}) });
  }
  return out;
}

/** The name at an offset: a use, or a declaration (a param's name, an `as` value). */
export function placeholderAt(a: Analysis, offset: number): { span: Span; binding?: Binding; field?: Param } | undefined {
  const file = a.file;
  if (!file) return undefined;
  for (const [name, p] of Object.entries(file.params)) if (inside(p.nameSpan, offset)) return { span: p.nameSpan, binding: { kind: 'param', name, param: p } };
  const m = a.messageAt(offset);
  if (!m) return undefined;
  for (const [name, p] of Object.entries(m.params)) if (inside(p.nameSpan, offset)) return { span: p.nameSpan, binding: { kind: 'param', name, param: p } };
  for (const e of a.view(m).eaches) {
    const s = e.alias.nameSpan;
    if (s && inside(s, offset)) return { span: s, binding: { kind: 'alias', name: e.alias.name, alias: e.alias } };
  }
  return usesOf(a, m).find((u) => inside(u.span, offset));
}

/** Go to definition: from a name (in `{{ }}` or after `each:`) to its param or its `as`; from a field to its declaration. */
export function definition(a: Analysis, offset: number): Span | undefined {
  const at = placeholderAt(a, offset);
  if (!at) return undefined;
  if (at.field) return at.field.nameSpan;
  return at.binding ? declaration(at.binding) : undefined;
}

/** Every use of the param or item at an offset, with its declaration when asked. */
export function references(a: Analysis, offset: number, withDeclaration: boolean): Span[] {
  const at = placeholderAt(a, offset);
  const target = at?.binding;
  if (!target || !a.file) return [];
  const out: Span[] = [];
  const decl = declaration(target);
  if (withDeclaration && decl) out.push(decl);
  for (const m of a.file.messages) for (const u of usesOf(a, m)) if (u.binding && same(u.binding, target)) out.push(u.span);
  return out.sort((x, y) => x.start - y.start);
}

/** What a rename at an offset would rename: a param or a named `each` item, never a field or the default `item`. */
export function prepareRename(a: Analysis, offset: number): { span: Span; name: string } | undefined {
  const at = placeholderAt(a, offset);
  if (!at?.binding || at.field || !declaration(at.binding)) return undefined;
  return { span: at.span, name: at.binding.name };
}

/** The edits of a rename, or why it cannot be done. */
export function rename(a: Analysis, offset: number, to: string): { edits: { span: Span; text: string }[] } | { error: string } {
  const ready = prepareRename(a, offset);
  if (!ready) return { error: 'only params and `each` items (`as`) can be renamed' };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(to)) return { error: `\`${to}\` is not a valid name: use letters, digits and \`_\`, not starting with a digit` };
  const m = a.messageAt(offset);
  const taken = new Set([...Object.keys(a.file?.params ?? {}), ...Object.keys(m?.scope ?? {})]);
  if (to !== ready.name && taken.has(to)) return { error: `\`${to}\` is already a param here` };
  return { edits: references(a, offset, true).map((span) => ({ span, text: to })) };
}
