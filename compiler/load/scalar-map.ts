import type { Scalar } from 'yaml';
import type { Span } from '../source.js';

/**
 * Where each character of a scalar's value stands in the source. For every UTF-16 unit `i`
 * of the value, `starts[i]`..`ends[i]` is the source text it came from: one character for
 * plain text, the whole escape for `\u00e9`, the line break for a folded space.
 *
 * The map is rebuilt from the source for each YAML style (plain, single- and double-quoted,
 * literal `|` and folded `>` blocks, in LF or CRLF files) and then checked against the value
 * yaml itself produced. Where they differ (a YAML corner this code does not model), there is
 * no map and callers fall back to the whole scalar's span; that is the only inexact case.
 */
export interface ScalarMap {
  starts: number[];
  ends: number[];
}

type Out = { chars: string[]; starts: number[]; ends: number[] };

function push(out: Out, s: string, start: number, end: number): void {
  for (let i = 0; i < s.length; i++) {
    out.chars.push(s[i]!);
    out.starts.push(start);
    out.ends.push(end);
  }
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Length of a line break at `i` ("\r\n" is one break of two). */
function breakLength(src: string, i: number): number {
  if (src[i] === '\r' && src[i + 1] === '\n') return 2;
  return isBreak(src[i]) ? 1 : 0;
}

/**
 * Folds a line break inside a flow scalar (plain or quoted) starting at `i` (which is at the
 * break): trailing blanks were already dropped by the caller; leading blanks of the following
 * lines are skipped; empty lines become "\n", and a single break becomes a space. Returns the
 * index after the folded run.
 */
function foldFlow(src: string, i: number, end: number, out: Out): number {
  const at = i;
  i += breakLength(src, i);
  let empty = 0;
  for (;;) {
    while (i < end && isBlank(src[i])) i++;
    const n = breakLength(src, i);
    if (n > 0 && i < end) {
      empty++;
      i += n;
    } else break;
  }
  if (empty === 0) push(out, ' ', at, i);
  else for (let k = 0; k < empty; k++) push(out, '\n', at, i);
  return i;
}

/** Skips blanks before a break: in flow scalars trailing white space on a line is dropped. */
function blanksThenBreak(src: string, i: number, end: number): number {
  let j = i;
  while (j < end && isBlank(src[j])) j++;
  return j < end && isBreak(src[j]) ? j : -1;
}

function plain(src: string, start: number, end: number): Out {
  const out: Out = { chars: [], starts: [], ends: [] };
  let i = start;
  while (i < end) {
    const brk = isBlank(src[i]) || isBreak(src[i]) ? blanksThenBreak(src, i, end) : -1;
    if (brk !== -1) {
      i = foldFlow(src, brk, end, out);
      continue;
    }
    const c = src[i]!;
    push(out, c, i, i + 1);
    i++;
  }
  return out;
}

function singleQuoted(src: string, start: number, end: number): Out {
  const out: Out = { chars: [], starts: [], ends: [] };
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    if (src[i] === "'" && src[i + 1] === "'") {
      push(out, "'", i, i + 2);
      i += 2;
      continue;
    }
    const brk = isBlank(src[i]) || isBreak(src[i]) ? blanksThenBreak(src, i, stop) : -1;
    if (brk !== -1) {
      i = foldFlow(src, brk, stop, out);
      continue;
    }
    push(out, src[i]!, i, i + 1);
    i++;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuoted(src: string, start: number, end: number): Out | undefined {
  const out: Out = { chars: [], starts: [], ends: [] };
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    const c = src[i]!;
    if (c === '\\') {
      const e = src[i + 1];
      if (e !== undefined && isBreak(e)) {
        // An escaped line break: the break and the next line's indentation vanish.
        i += 1 + breakLength(src, i + 1);
        while (i < stop && isBlank(src[i])) i++;
        continue;
      }
      if (e !== undefined && e in SIMPLE_ESCAPES) {
        push(out, SIMPLE_ESCAPES[e]!, i, i + 2);
        i += 2;
        continue;
      }
      const digits = e === undefined ? undefined : HEX_ESCAPES[e];
      if (digits === undefined) return undefined;
      const hex = src.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
      push(out, String.fromCodePoint(parseInt(hex, 16)), i, i + 2 + digits);
      i += 2 + digits;
      continue;
    }
    const brk = isBlank(c) || isBreak(c) ? blanksThenBreak(src, i, stop) : -1;
    if (brk !== -1) {
      i = foldFlow(src, brk, stop, out);
      continue;
    }
    push(out, c, i, i + 1);
    i++;
  }
  return out;
}

/** A block scalar: `|` keeps line breaks, `>` folds them; chomping `-`, `+` or clip. */
function block(src: string, start: number, end: number, folded: boolean): Out | undefined {
  // The header: indicator, then chomping and indentation indicators in any order, a comment.
  const header = /^[|>]([-+]?)([1-9]?)([-+]?)[ \t]*(?:#[^\n\r]*)?(\r\n|\r|\n|$)/.exec(src.slice(start, end));
  if (!header) return undefined;
  const chomp = header[1] || header[3] || '';
  let indent = header[2] ? Number(header[2]) : 0;
  let i = start + header[0].length;
  // Lines of the block: [contentStart, contentEnd, breakEnd]
  const lines: { text: number; end: number; brk: number; blank: boolean; lead: number }[] = [];
  let scan = i;
  while (scan < end) {
    let e = scan;
    while (e < end && !isBreak(src[e])) e++;
    const brk = e + breakLength(src, e);
    let lead = 0;
    while (scan + lead < e && src[scan + lead] === ' ') lead++;
    lines.push({ text: scan, end: e, brk, blank: src.slice(scan, e).trim() === '', lead });
    scan = brk;
    if (brk === e) break;
  }
  if (indent === 0) {
    const first = lines.find((l) => !l.blank);
    if (!first) return { chars: [], starts: [], ends: [] };
    // A block's own indentation is relative to its parent; yaml's range starts at the header,
    // so the detected indentation is absolute here, which is what stripping needs.
    indent = first.lead;
  } else {
    const parentIndent = lineIndent(src, start);
    indent += parentIndent;
  }
  const out: Out = { chars: [], starts: [], ends: [] };
  // Content lines end where the trailing blank lines begin.
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.blank) last--;
  let prevMoreIndented = false;
  for (let n = 0; n <= last; n++) {
    const line = lines[n]!;
    const from = Math.min(line.text + indent, line.end);
    const moreIndented = !line.blank && (isBlank(src[from]));
    if (n > 0) {
      // The break that ended the previous line.
      const prev = lines[n - 1]!;
      if (folded && !line.blank && !moreIndented && !prevMoreIndented && !prev.blank) {
        // Join with a space, unless empty lines came between (they were emitted already).
        push(out, ' ', prev.end, prev.brk);
      } else if (!(folded && prev.blank && !line.blank && !moreIndented && !prevMoreIndented && precededByText(lines, n - 1))) {
        push(out, '\n', prev.end, prev.brk);
      }
    }
    for (let k = from; k < line.end; k++) push(out, src[k]!, k, k + 1);
    if (!line.blank) prevMoreIndented = moreIndented;
  }
  // Chomping.
  if (last >= 0 && chomp !== '-') {
    const lastLine = lines[last]!;
    if (lastLine.brk > lastLine.end) push(out, '\n', lastLine.end, lastLine.brk);
    if (chomp === '+') for (let n = last + 1; n < lines.length; n++) if (lines[n]!.brk > lines[n]!.end) push(out, '\n', lines[n]!.end, lines[n]!.brk);
  }
  return out;
}

/** In folded blocks, the first of a run of empty lines after text folds away (its break is the join). */
function precededByText(lines: { blank: boolean }[], n: number): boolean {
  return n > 0 && !lines[n - 1]!.blank && lines[n]!.blank;
}

function lineIndent(src: string, at: number): number {
  let s = at;
  while (s > 0 && !isBreak(src[s - 1])) s--;
  let n = 0;
  while (src[s + n] === ' ') n++;
  return n;
}

/** Builds the map of a scalar, or undefined where this code cannot reproduce yaml's value. */
export function mapScalar(src: string, node: Scalar, span: Span): ScalarMap | undefined {
  const value = node.value;
  if (typeof value !== 'string') return undefined;
  let out: Out | undefined;
  switch (node.type) {
    case 'PLAIN':
      out = plain(src, span.start, span.end);
      break;
    case 'QUOTE_SINGLE':
      out = singleQuoted(src, span.start, span.end);
      break;
    case 'QUOTE_DOUBLE':
      out = doubleQuoted(src, span.start, span.end);
      break;
    case 'BLOCK_LITERAL':
      out = block(src, span.start, node.range?.[1] ?? span.end, false);
      break;
    case 'BLOCK_FOLDED':
      out = block(src, span.start, node.range?.[1] ?? span.end, true);
      break;
    default:
      out = undefined;
  }
  if (!out || out.chars.join('') !== value) return undefined;
  return { starts: out.starts, ends: out.ends };
}

/** The source span of the value's characters `[from, to)`, through the map. */
export function mapSpan(map: ScalarMap, from: number, to: number): Span {
  const n = map.starts.length;
  if (n === 0) return { start: 0, end: 0 };
  const start = from < n ? map.starts[from]! : map.ends[n - 1]!;
  const end = to > from ? map.ends[Math.min(to, n) - 1]! : start;
  return { start, end };
}
