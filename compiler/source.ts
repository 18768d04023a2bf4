
/**
 * Source text and positions. Offsets (UTF-16 indices into the text, as JavaScript strings
 * index) are the truth everywhere in the compiler; lines and columns are computed here, only
 * when a diagnostic is printed.
 *
 * Lines are 1-based and end at "\n", "\r\n" or a lone "\r" (as YAML 1.2 says). Columns are
 * 1-based and count Unicode code points from the start of the line, so an emoji is one column.
 */

/** A half-open range of offsets `[start, end)` into one source text. */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in code points. */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A source file's text with its line starts, computed once. */
export class SourceText {
  readonly path: string;
  readonly text: string;
  readonly lineStarts: number[];

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
    const starts = [0];
    if (text.includes('\r')) {
      for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** The 0-based line index holding `offset`. */
  lineIndex(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineIndex(clamped);
    const start = this.lineStarts[line]!;
    // Code points = UTF-16 units minus the pairs before the offset: found by binary search in
    // the line's pairs, listed once per line, so that many positions on one long line stay
    // linear work.
    const pairs = this.pairsOf(line);
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! + 1 < clamped) lo = mid + 1;
      else hi = mid;
    }
    return { line: line + 1, column: clamped - start - lo + 1 };
  }

  private readonly pairs = new Map<number, number[]>();

  /** The offsets of the surrogate pairs (astral characters) on a 0-based line. */
  private pairsOf(line: number): number[] {
    let list = this.pairs.get(line);
    if (list) return list;
    list = [];
    const start = this.lineStarts[line]!;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    for (let i = start; i < end - 1; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) list.push(i++);
      }
    }
    this.pairs.set(line, list);
    return list;
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The text of a 0-based line, without its line break. */
  lineText(index: number): string {
    const start = this.lineStarts[index] ?? this.text.length;
    let end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1]! : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end -= 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return this.text.slice(start, end);
  }
}
