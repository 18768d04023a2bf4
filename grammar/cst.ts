import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { ExprPart, Filter, Literal, Part, PathExpr, Pipe, Primary, Segment, Template } from './ast.js';

/*
 * The one place that reads the parse tree: it turns the CST into the AST. Parts that error
 * recovery left incomplete become `undefined`; the parse errors already say what is wrong.
 */

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

function tokens(node: CstNode, name: string): IToken[] {
  return ((node.children[name] ?? []) as CstElement[]).filter(isToken).filter((t) => !t.isInsertedInRecovery && !Number.isNaN(t.startOffset));
}

function nodes(node: CstNode, name: string): CstNode[] {
  return ((node.children[name] ?? []) as CstElement[]).filter((e): e is CstNode => !isToken(e));
}

/** Start offset of any element. */
function startOf(e: CstElement): number {
  return isToken(e) ? e.startOffset : (e.location?.startOffset ?? NaN);
}

/** End offset (exclusive) of a token. */
function endOf(t: IToken): number {
  return (t.endOffset ?? t.startOffset + t.image.length - 1) + 1;
}

function nodeEnd(node: CstNode): number {
  const end = node.location?.endOffset;
  return end === undefined || Number.isNaN(end) ? NaN : end + 1;
}

export function toTemplate(cst: CstNode, text: string): Template {
  const parts: Part[] = [];
  const items = [...tokens(cst, 'Text'), ...nodes(cst, 'placeholder')].sort((a, b) => startOf(a) - startOf(b));
  for (const item of items) {
    if (isToken(item)) parts.push({ kind: 'text', value: item.image, start: item.startOffset, end: endOf(item) });
    else {
      const part = placeholder(item, text);
      if (part) parts.push(part);
    }
  }
  return { parts };
}

function placeholder(node: CstNode, text: string): ExprPart | undefined {
  const open = tokens(node, 'Open')[0];
  if (!open) return undefined;
  const close = tokens(node, 'Close')[0];
  // An unclosed placeholder runs to the end of the text.
  const end = close ? endOf(close) : text.length;
  const part: ExprPart = { kind: 'expr', start: open.startOffset, end };
  const p = nodes(node, 'pipe')[0];
  const built = p ? pipe(p) : undefined;
  if (built) part.pipe = built;
  return part;
}

function pipe(node: CstNode): Pipe | undefined {
  const p = nodes(node, 'primary')[0];
  const first = p ? primary(p) : undefined;
  if (!first) return undefined;
  const filters: Filter[] = [];
  for (const f of nodes(node, 'filter')) {
    const built = filter(f);
    if (!built) return undefined;
    filters.push(built);
  }
  const end = filters.length > 0 ? filters[filters.length - 1]!.end : first.end;
  return { primary: first, filters, start: first.start, end };
}

function filter(node: CstNode): Filter | undefined {
  const name = tokens(node, 'Ident')[0];
  if (!name) return undefined;
  const args: Literal[] = [];
  for (const l of nodes(node, 'literal')) {
    const built = literal(l);
    if (!built) return undefined;
    args.push(built);
  }
  const rparen = tokens(node, 'RParen')[0];
  if (tokens(node, 'LParen').length > 0 && !rparen) return undefined;
  const end = rparen ? endOf(rparen) : endOf(name);
  return { name: { name: name.image, start: name.startOffset, end: endOf(name) }, args, start: name.startOffset, end };
}

function primary(node: CstNode): Primary | undefined {
  const p = nodes(node, 'path')[0];
  if (p) return path(p);
  const l = nodes(node, 'literal')[0];
  return l ? literal(l) : undefined;
}

function path(node: CstNode): PathExpr | undefined {
  const idents = tokens(node, 'Ident');
  const head = idents[0];
  if (!head) return undefined;
  const segments: Segment[] = [];
  const dots = tokens(node, 'Dot');
  const opens = tokens(node, 'LBracket');
  const numbers = tokens(node, 'NumberLiteral');
  const closes = tokens(node, 'RBracket');
  // Each `.name` is a Dot and the Ident after it; each `[n]` a bracket pair around a number.
  if (dots.length !== idents.length - 1 || opens.length !== numbers.length || opens.length !== closes.length) return undefined;
  dots.forEach((dot, i) => {
    const ident = idents[i + 1]!;
    segments.push({ kind: 'field', name: ident.image, start: dot.startOffset, end: endOf(ident) });
  });
  for (let i = 0; i < opens.length; i++) {
    const value = Number(numbers[i]!.image);
    if (!Number.isInteger(value) || value < 0) return undefined;
    segments.push({ kind: 'index', index: value, start: opens[i]!.startOffset, end: endOf(closes[i]!) });
  }
  segments.sort((a, b) => a.start - b.start);
  const end = segments.length > 0 ? segments[segments.length - 1]!.end : endOf(head);
  return { kind: 'path', head: { name: head.image, start: head.startOffset, end: endOf(head) }, segments, start: head.startOffset, end: Number.isNaN(nodeEnd(node)) ? end : Math.max(end, nodeEnd(node)) };
}

function literal(node: CstNode): Literal | undefined {
  const [t] = [...tokens(node, 'StringLiteral'), ...tokens(node, 'NumberLiteral'), ...tokens(node, 'True'), ...tokens(node, 'False')];
  if (!t) return undefined;
  const base = { kind: 'literal' as const, start: t.startOffset, end: endOf(t) };
  switch (t.tokenType.name) {
    case 'StringLiteral':
      return { ...base, value: unquote(t.image) };
    case 'NumberLiteral':
      return { ...base, value: Number(t.image) };
    default:
      return { ...base, value: t.tokenType.name === 'True' };
  }
}

/** A string literal's value: `\"`, `\'`, `\\`, `\n`, `\t` and `\uXXXX` are escapes. */
export function unquote(image: string): string {
  const body = image.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return e === 'n' ? '\n' : e === 't' ? '\t' : e;
  });
}
