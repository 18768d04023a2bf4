/**
 * What an editor paints over the text: semantic tokens for placeholders inside YAML strings
 * (names, fields, filters, literals, the braces) and inlay hints with the live count of each
 * text against its limit (`14/20`; over-limit ones marked).
 */
import type { Literal } from '../../grammar/index.js';
import { textSpan } from '../model/spans.js';
import type { Message, Text } from '../model/types.js';
import type { Span } from '../source.js';
import { textBounds } from '../templates/bounds.js';
import { characters, length } from '../text.js';
import type { Analysis } from './analysis.js';
import { resolve, type Alias } from './model.js';

export const TOKEN_TYPES = ['parameter', 'variable', 'property', 'function', 'string', 'number', 'keyword', 'operator'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface Token {
  span: Span;
  type: TokenType;
  declaration?: boolean;
}

function literalType(l: Literal): TokenType {
  return typeof l.value === 'string' ? 'string' : typeof l.value === 'number' ? 'number' : 'keyword';
}

function textTokens(t: Text, aliases: readonly Alias[], out: Token[], m: Message): void {
  const at = (from: number, to: number) => textSpan(t, from, to);
  for (const part of t.parts) {
    if (part.kind !== 'expr') continue;
    out.push({ span: at(part.start, part.start + 2), type: 'operator' });
    const pipe = part.pipe;
    if (pipe) {
      const p = pipe.primary;
      if (p.kind === 'path') {
        const b = resolve(m, aliases, p.head.name);
        out.push({ span: at(p.head.start, p.head.end), type: b?.kind === 'alias' ? 'variable' : 'parameter' });
        for (const seg of p.segments) {
          if (seg.kind !== 'field') continue;
          const s = at(seg.start, seg.end);
          out.push({ span: { start: s.end - seg.name.length, end: s.end }, type: 'property' });
        }
      } else out.push({ span: at(p.start, p.end), type: literalType(p) });
      for (const f of pipe.filters) {
        out.push({ span: at(f.name.start, f.name.end), type: 'function' });
        for (const arg of f.args) out.push({ span: at(arg.start, arg.end), type: literalType(arg) });
      }
    }
    out.push({ span: at(part.end - 2, part.end), type: 'operator' });
  }
}

/** Semantic tokens, in document order, none overlapping. */
export function semanticTokens(a: Analysis): Token[] {
  const file = a.file;
  if (!file) return [];
  const out: Token[] = [];
  for (const p of Object.values(file.params)) out.push({ span: p.nameSpan, type: 'parameter', declaration: true });
  for (const m of file.messages) {
    for (const p of Object.values(m.params)) out.push({ span: p.nameSpan, type: 'parameter', declaration: true });
    const view = a.view(m);
    for (const e of view.eaches) if (e.alias.nameSpan) out.push({ span: e.alias.nameSpan, type: 'variable', declaration: true });
    for (const t of view.texts) if (t.text.templated) textTokens(t.text, t.aliases, out, m);
  }
  out.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const kept: Token[] = [];
  for (const t of out) {
    const last = kept[kept.length - 1];
    if (t.span.end <= t.span.start || (last && t.span.start < last.span.end)) continue;
    if (a.text.slice(t.span.start, t.span.end).includes('\n')) continue; // a token is on one line
    kept.push(t);
  }
  return kept;
}

export interface Hint {
  offset: number;
  label: string;
  tooltip: string;
  over: boolean;
}

/** Inlay hints: each limited text's count against its limit, at the end of its first line. */
export function inlayHints(a: Analysis, range?: Span): Hint[] {
  const file = a.file;
  if (!file) return [];
  const out: Hint[] = [];
  for (const m of file.messages) {
    for (const t of a.view(m).texts) {
      const max = t.limit?.max;
      if (max === undefined || !t.limit) continue;
      const span = t.text.span;
      if (range && (span.end < range.start || span.start > range.end)) continue;
      const nl = a.text.indexOf('\n', span.start);
      let offset = nl === -1 || nl > span.end ? span.end : nl;
      while (offset > span.start && /[\s\r]/.test(a.text[offset - 1]!)) offset--;
      const advised = t.advised?.max;
      if (t.text.templated) {
        const b = textBounds(t.text);
        const over = b.max > max || (advised !== undefined && b.max > advised);
        const most = Number.isFinite(b.max) ? String(b.max) : '∞';
        out.push({ offset, label: `${over ? '⚠ ' : ''}≤${most}/${max}`, tooltip: `${t.limit.label}: ${b.min} to ${Number.isFinite(b.max) ? characters(b.max) : 'any length'} by its params; the limit is ${max} (${t.limit.source})`, over });
      } else {
        const n = length(t.text.value);
        const over = n > max || (advised !== undefined && n > advised);
        out.push({ offset, label: `${over ? '⚠ ' : ''}${n}/${max}`, tooltip: `${t.limit.label}: ${characters(n)}; the limit is ${max}${advised !== undefined ? ` (${advised} advised)` : ''} (${t.limit.source})`, over });
      }
    }
  }
  return out.sort((x, y) => x.offset - y.offset);
}
