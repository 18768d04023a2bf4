/**
 * Param patterns, matched in time linear in the value. A pattern is a JavaScript regular
 * expression (the `u` flag) that must match the whole value. It is parsed into a small tree and
 * run as a Thompson automaton (every state at once, no backtracking): `^(a+)+$` on 10,000
 * characters takes as long as `^a+$`. What an automaton cannot run is refused: back-references,
 * lookahead and lookbehind, word boundaries. Each character class, escape or `.` is still
 * decided by JavaScript itself, on one character at a time, so their meaning is exactly the
 * regular expression's. No dependencies; the compiler and generated senders share it.
 */

/** Why a pattern is refused: `unsafe` constructs, or a `size` past what is matched quickly. */
export interface PatternProblem {
  kind: 'unsafe' | 'size' | 'syntax';
  message: string;
  /** Offsets into the pattern. */
  start: number;
  end: number;
}

export interface Pattern {
  source: string;
  /** Whether the whole value matches. Linear in the value's length. */
  test(value: string): boolean;
  /** The fewest and most code points a matching value has; `max` may be Infinity. */
  bounds: { min: number; max: number };
  /** How many automaton states matching the value visits: at most `states` for each character, plus one round. */
  steps(value: string): number;
  /** The automaton's size. */
  states: number;
}

/** The most automaton states a pattern may have (counted repetition multiplies them). */
export const MAX_PATTERN_STATES = 10_000;

type Node =
  | { t: 'char'; test: (cp: number) => boolean }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'start' }
  | { t: 'end' };

class Refused extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem.message);
  }
}

/** Compiles a pattern, or says why it cannot be matched in linear time. */
export function compilePattern(source: string): Pattern | PatternProblem {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { kind: 'syntax', message: (error as Error).message.replace(/^Invalid regular expression: /, ''), start: 0, end: source.length };
  }
  try {
    const tree = new Parser(source).parse();
    const states = size(tree);
    if (states > MAX_PATTERN_STATES) {
      return { kind: 'size', message: `it repeats into ${Number.isFinite(states) ? states : 'too many'} states; the most is ${MAX_PATTERN_STATES}`, start: 0, end: source.length };
    }
    const program = compile(tree);
    return { source, bounds: bounds(tree), test: (value) => run(program, value).matched, steps: (value) => run(program, value).steps, states: program.length };
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    throw error;
  }
}

const cache = new Map<string, Pattern>();

/** A compiled pattern, cached by source; throws for a pattern the compiler would refuse. */
export function pattern(source: string): Pattern {
  let p = cache.get(source);
  if (!p) {
    const compiled = compilePattern(source);
    if (!('test' in compiled)) throw new TypeError(`the pattern \`${source}\` cannot be matched in linear time (${compiled.message})`);
    p = compiled;
    cache.set(source, p);
  }
  return p;
}

/** A predicate for one code point, decided by JavaScript's own regular expression for the atom. */
function atom(src: string): (cp: number) => boolean {
  const re = new RegExp(`^(?:${src})$`, 'u');
  const seen = new Map<number, boolean>();
  return (cp) => {
    let ok = seen.get(cp);
    if (ok === undefined) {
      ok = re.test(String.fromCodePoint(cp));
      if (seen.size < 4096) seen.set(cp, ok);
    }
    return ok;
  };
}

/** A parser for valid `u`-mode syntax (the RegExp constructor has checked it). */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alt();
    if (this.i < this.s.length) throw this.refuse('unsafe', 'an unexpected `)`', this.i, this.i + 1);
    return node;
  }

  private refuse(kind: PatternProblem['kind'], message: string, start: number, end: number): Refused {
    return new Refused({ kind, message, start, end });
  }

  private alt(): Node {
    const items = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.seq());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantified(node: Node): Node {
    const s = this.s;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (s[this.i] === '?') this.i++; // Lazy: the same values match.
    return { t: 'rep', node, min, max };
  }

  private atom(): Node {
    const s = this.s;
    const start = this.i;
    const c = s[start]!;
    if (c === '(') {
      this.i++;
      if (s[this.i] === '?') {
        const next = s[this.i + 1];
        if (next === ':') this.i += 2;
        else if (next === '<' && s[this.i + 2] !== '=' && s[this.i + 2] !== '!') this.i = s.indexOf('>', this.i) + 1;
        else {
          const end = s[this.i + 1] === '<' ? this.i + 3 : this.i + 2;
          throw this.refuse('unsafe', `lookaround \`${s.slice(start, end)}\``, start, end);
        }
      }
      const inner = this.alt();
      this.i++; // `)`
      return inner;
    }
    if (c === '^') {
      this.i++;
      return { t: 'start' };
    }
    if (c === '$') {
      this.i++;
      return { t: 'end' };
    }
    if (c === '.') {
      this.i++;
      return { t: 'char', test: atom('.') };
    }
    if (c === '[') {
      let j = start + 1;
      if (s[j] === '^') j++;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      return { t: 'char', test: atom(s.slice(start, this.i)) };
    }
    if (c === '\\') return { t: 'char', test: atom(this.escape()) };
    const cp = s.codePointAt(start)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { t: 'char', test: (x) => x === cp };
  }

  /** An escape outside a class: its source, or a refusal. */
  private escape(): string {
    const s = this.s;
    const start = this.i;
    const e = s[start + 1]!;
    if (e === 'b' || e === 'B') throw this.refuse('unsafe', `the word boundary \`\\${e}\``, start, start + 2);
    if (/[1-9]/.test(e) || e === 'k') {
      const end = e === 'k' ? s.indexOf('>', start) + 1 : start + 2 + (/^\d*/.exec(s.slice(start + 2))?.[0].length ?? 0);
      throw this.refuse('unsafe', `the back-reference \`${s.slice(start, end)}\``, start, end);
    }
    let end: number;
    if ((e === 'u' && s[start + 2] === '{') || e === 'p' || e === 'P') end = s.indexOf('}', start) + 1;
    else if (e === 'u') {
      end = start + 6;
      // A surrogate pair written as two escapes is one character.
      const lead = parseInt(s.slice(start + 2, start + 6), 16);
      if (lead >= 0xd800 && lead <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(s.slice(end))) end += 6;
    } else if (e === 'x') end = start + 4;
    else if (e === 'c') end = start + 3;
    else end = start + 1 + (s.codePointAt(start + 1)! > 0xffff ? 2 : 1);
    this.i = end;
    return s.slice(start, end);
  }
}

/** The automaton states a tree needs (counted repetition copies its body). */
function size(n: Node): number {
  switch (n.t) {
    case 'char':
    case 'start':
    case 'end':
      return 1;
    case 'seq':
      return n.items.reduce((sum, x) => sum + size(x), 0);
    case 'alt':
      return n.items.reduce((sum, x) => sum + size(x) + 1, 0);
    case 'rep': {
      const copies = Number.isFinite(n.max) ? n.max : n.min + 1;
      return copies * (size(n.node) + 2);
    }
  }
}

/** The lengths (in code points) of the values a tree matches; sound, as tight as it can simply be. */
function bounds(n: Node): { min: number; max: number } {
  switch (n.t) {
    case 'char':
      return { min: 1, max: 1 };
    case 'start':
    case 'end':
      return { min: 0, max: 0 };
    case 'seq':
      return n.items.map(bounds).reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), { min: 0, max: 0 });
    case 'alt': {
      const all = n.items.map(bounds);
      return { min: Math.min(...all.map((b) => b.min)), max: Math.max(...all.map((b) => b.max)) };
    }
    case 'rep': {
      const b = bounds(n.node);
      return { min: n.min * b.min, max: b.max === 0 ? 0 : n.max === Infinity ? Infinity : n.max * b.max };
    }
  }
}

type Op =
  | { op: 'char'; test: (cp: number) => boolean }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'start' }
  | { op: 'end' }
  | { op: 'match' };

function compile(tree: Node): Op[] {
  const prog: Op[] = [];
  const emit = (n: Node): void => {
    switch (n.t) {
      case 'char':
        prog.push({ op: 'char', test: n.test });
        return;
      case 'start':
      case 'end':
        prog.push({ op: n.t });
        return;
      case 'seq':
        for (const x of n.items) emit(x);
        return;
      case 'alt': {
        const jumps: { op: 'jmp'; to: number }[] = [];
        n.items.forEach((x, k) => {
          if (k < n.items.length - 1) {
            const split: Op = { op: 'split', a: prog.length + 1, b: 0 };
            prog.push(split);
            emit(x);
            const j = { op: 'jmp' as const, to: 0 };
            prog.push(j);
            jumps.push(j);
            split.b = prog.length;
          } else emit(x);
        });
        for (const j of jumps) j.to = prog.length;
        return;
      }
      case 'rep': {
        for (let k = 0; k < n.min; k++) emit(n.node);
        if (n.max === Infinity) {
          const split: Op = { op: 'split', a: prog.length + 1, b: 0 };
          const at = prog.length;
          prog.push(split);
          emit(n.node);
          prog.push({ op: 'jmp', to: at });
          split.b = prog.length;
        } else {
          const splits: { op: 'split'; a: number; b: number }[] = [];
          for (let k = n.min; k < n.max; k++) {
            const split = { op: 'split' as const, a: prog.length + 1, b: 0 };
            prog.push(split);
            splits.push(split);
            emit(n.node);
          }
          for (const s of splits) s.b = prog.length;
        }
        return;
      }
    }
  };
  emit(tree);
  prog.push({ op: 'match' });
  return prog;
}

/** Runs the automaton over the value's code points: every live state advances together. */
function run(prog: readonly Op[], value: string): { matched: boolean; steps: number } {
  const n = prog.length;
  const mark = new Int32Array(n).fill(-1);
  // An explicit stack (deep chains of empty steps must not overflow the call stack); each
  // state is pushed at most twice a round.
  const stack = new Int32Array(2 * n + 2);
  let steps = 0;
  let generation = 0;
  let current = new Int32Array(n);
  let next = new Int32Array(n);
  let currentLength = 0;
  let nextLength = 0;
  const add = (into: Int32Array, length: number, pc: number, pos: number): number => {
    let top = 0;
    stack[top++] = pc;
    while (top > 0) {
      const p = stack[--top]!;
      if (mark[p] === generation) continue;
      mark[p] = generation;
      steps++;
      const op = prog[p]!;
      if (op.op === 'jmp') stack[top++] = op.to;
      else if (op.op === 'split') {
        stack[top++] = op.b;
        stack[top++] = op.a;
      } else if (op.op === 'start') {
        if (pos === 0) stack[top++] = p + 1;
      } else if (op.op === 'end') {
        if (pos === value.length) stack[top++] = p + 1;
      } else into[length++] = p;
    }
    return length;
  };
  currentLength = add(current, 0, 0, 0);
  let i = 0;
  while (i < value.length && currentLength > 0) {
    const cp = value.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    generation++;
    nextLength = 0;
    for (let k = 0; k < currentLength; k++) {
      const pc = current[k]!;
      const op = prog[pc]!;
      if (op.op === 'char' && op.test(cp)) nextLength = add(next, nextLength, pc + 1, i + width);
    }
    const swap = current;
    current = next;
    next = swap;
    currentLength = nextLength;
    i += width;
  }
  if (i < value.length) return { matched: false, steps };
  for (let k = 0; k < currentLength; k++) if (prog[current[k]!]!.op === 'match') return { matched: true, steps };
  return { matched: false, steps };
}
