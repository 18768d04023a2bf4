/**
 * The shape of a document: its symbols (params and messages, by name and type), the ranges
 * an editor folds, and the ranges "expand selection" walks through.
 */
import type { LNode } from '../load/tree.js';
import type { Span } from '../source.js';
import type { Analysis } from './analysis.js';
import { usesOf } from './navigation.js';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'message' | 'param' | 'group';
  span: Span;
  nameSpan: Span;
  children: OutlineSymbol[];
}

/** Document symbols: `params` and each message (its type as detail), with their own params. */
export function symbols(a: Analysis): OutlineSymbol[] {
  const file = a.file;
  const root = a.root;
  if (!file || !root) return [];
  const out: OutlineSymbol[] = [];
  const params = (ps: typeof file.params): OutlineSymbol[] =>
    Object.entries(ps).map(([name, p]) => ({ name, detail: p.kind, kind: 'param' as const, span: { start: p.nameSpan.start, end: Math.max(p.span.end, p.nameSpan.end) }, nameSpan: p.nameSpan, children: [] }));
  const top = root.entries.find((e) => e.key === 'params');
  if (top && Object.keys(file.params).length > 0) out.push({ name: 'params', detail: '', kind: 'group', span: { start: top.keySpan.start, end: top.value.span.end }, nameSpan: top.keySpan, children: params(file.params) });
  for (const m of file.messages) {
    out.push({ name: m.name, detail: m.type ?? '', kind: 'message', span: { start: m.nameSpan.start, end: Math.max(m.span.end, m.nameSpan.end) }, nameSpan: m.nameSpan, children: params(m.params) });
  }
  return out;
}

/** Messages of a file for workspace symbols: name, type, where the name stands. */
export function messageSymbols(a: Analysis): { name: string; type: string; nameSpan: Span }[] {
  return (a.file?.messages ?? []).map((m) => ({ name: m.name, type: m.type ?? '', nameSpan: m.nameSpan }));
}

/** Folding: every mapping or list over several lines, from its key; runs of comment lines. */
export function folding(a: Analysis): { start: number; end: number; comment?: boolean }[] {
  const root = a.root;
  if (!root) return [];
  const out: { start: number; end: number; comment?: boolean }[] = [];
  const text = a.text;
  const lastChar = (span: Span) => {
    let end = span.end;
    while (end > span.start && /\s/.test(text[end - 1]!)) end--;
    return end;
  };
  // An alias shares its anchor's node: each node is walked once, where it is written.
  const seen = new Set<LNode>();
  const walk = (node: LNode, from: number, depth: number): void => {
    if (seen.has(node) || node.span.start < from) return;
    seen.add(node);
    if (node.kind === 'scalar' || depth > 100) {
      if (node.kind === 'scalar' && text.slice(node.span.start, lastChar(node.span)).includes('\n')) out.push({ start: from, end: lastChar(node.span) });
      return;
    }
    const end = lastChar(node.span);
    if (text.slice(from, end).includes('\n')) out.push({ start: from, end });
    if (node.kind === 'map') for (const e of node.entries) walk(e.value, e.keySpan.start, depth + 1);
    else for (const item of node.items) walk(item, item.span.start, depth + 1);
  };
  for (const e of root.entries) walk(e.value, e.keySpan.start, 0);
  // Comment blocks: two or more lines that start with `#`.
  let runStart = -1;
  let runEnd = -1;
  let lines = 0;
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const comment = /^\s*#/.test(text.slice(at, end));
    if (comment) {
      if (lines === 0) runStart = at;
      runEnd = end;
      lines++;
    }
    if (!comment || nl === -1) {
      if (lines >= 2) out.push({ start: runStart, end: runEnd, comment: true });
      lines = 0;
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  return out;
}

/** Expand selection: from the name under the cursor out through its placeholder, value, entry, mapping… to the file. */
export function selection(a: Analysis, offset: number): Span[] {
  const root = a.root;
  if (!root) return [];
  const chain: Span[] = [{ start: 0, end: a.text.length }];
  let node: LNode = root;
  for (let depth = 0; depth < 200; depth++) {
    chain.push(node.span);
    let next: LNode | undefined;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        if (offset >= e.keySpan.start && offset <= Math.max(e.value.span.end, e.keySpan.end)) {
          chain.push({ start: e.keySpan.start, end: Math.max(e.value.span.end, e.keySpan.end) });
          if (offset <= e.keySpan.end) chain.push(e.keySpan);
          else next = e.value;
          break;
        }
      }
    } else if (node.kind === 'seq') next = node.items.find((i) => offset >= i.span.start && offset <= i.span.end);
    if (!next) break;
    node = next;
  }
  // Inside a placeholder: the name, then the whole `{{ … }}`.
  const m = a.messageAt(offset);
  if (m) {
    const use = usesOf(a, m).find((u) => offset >= u.span.start && offset <= u.span.end);
    if (use) {
      const open = a.text.lastIndexOf('{{', use.span.start);
      const close = a.text.indexOf('}}', use.span.end);
      if (open !== -1 && close !== -1) chain.push({ start: open, end: close + 2 });
      chain.push(use.span);
    }
  }
  // Outermost first, each range inside the one before.
  const out: Span[] = [];
  for (const s of chain) {
    const last = out[out.length - 1];
    if (!last || (s.start >= last.start && s.end <= last.end && (s.start !== last.start || s.end !== last.end))) out.push(s);
  }
  return out;
}
