import { isAlias, isCollection, isScalar, parseDocument, type Scalar, visit } from 'yaml';
import type { Span } from '../source.js';

/** A new value for the scalar that starts at `start`. */
export interface Replacement {
  kind: 'replace';
  start: number;
  text: string;
}

/** A new entry `key: text` in the language mapping at `map` (a language the source lacks). */
export interface Insertion {
  kind: 'insert';
  map: Span;
  key: string;
  text: string;
}

export type Edit = Replacement | Insertion;

/** What YAML's core schema would read as something other than a string, and YAML 1.1's booleans. */
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.inf|\.nan|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?)$/i;

/** Whether a character must be escaped in YAML (not printable, or a line break YAML 1.1 knew). */
function needsEscape(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || cp === 0x0d || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || cp === 0xfffe || cp === 0xffff || (cp >= 0xd800 && cp <= 0xdfff);
}

function printable(text: string, allowBreaks: boolean): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (needsEscape(cp) || cp === 0x09 || (!allowBreaks && cp === 0x0a)) return false;
  }
  return true;
}

/** A double-quoted YAML scalar: always possible, on one line. */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0d) out += '\\r';
    else if (needsEscape(cp)) out += cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Whether a text can be written as a plain scalar and read back as the same string. */
export function plainOk(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || !printable(text, false)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/:(?:\s|$)|\s#/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  return !NOT_A_STRING.test(text);
}

interface Place {
  /** Where the scalar's text stands (trailing white space of a block scalar left outside). */
  start: number;
  end: number;
  /** `ALIAS`: an alias (`*g`) that the new text replaces, its anchor's owner left as it is. */
  style: Scalar['type'] | 'ALIAS';
  flow: boolean;
  /** The indentation of a block scalar's content lines. */
  indent: string;
}

/** The scalars of a document by where they start, with their style and surroundings. */
function places(text: string): Map<number, Place> {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const out = new Map<number, Place>();
  visit(doc, {
    Scalar(_key, node, path) {
      if (!node.range) return;
      let end = node.range[1];
      while (end > node.range[0] && /\s/.test(text.charAt(end - 1))) end--;
      const flow = path.some((p) => isCollection(p) && p.flow === true);
      let indent = '';
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        const firstBreak = text.indexOf('\n', node.range[0]);
        const m = /^([ ]*)\S/m.exec(text.slice(firstBreak + 1, end));
        indent = m ? m[1]! : '';
      }
      out.set(node.range[0], { start: node.range[0], end, style: node.type, flow, indent });
    },
    Alias(_key, node, path) {
      if (!node.range) return;
      let end = node.range[1];
      while (end > node.range[0] && /\s/.test(text.charAt(end - 1))) end--;
      const flow = path.some((p) => isCollection(p) && p.flow === true);
      out.set(node.range[0], { start: node.range[0], end, style: 'ALIAS', flow, indent: '' });
    },
  });
  return out;
}

/**
 * The entries of language mappings whose value is an alias (`de: *g`), by the mapping's
 * start and the key: where the alias stands. Such an entry is replaced by its own scalar,
 * so that the anchor's owner (another language's text) never changes.
 */
export function aliasedEntries(text: string): Map<string, number> {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const out = new Map<string, number>();
  visit(doc, {
    Map(_key, node) {
      if (!node.range) return;
      for (const pair of node.items) {
        if (isScalar(pair.key) && isAlias(pair.value) && pair.value.range) out.set(`${node.range[0]}\u0000${String(pair.key.value)}`, pair.value.range[0]);
      }
    },
  });
  return out;
}

/** The text of a block scalar for `text` with the given style, or undefined when that style cannot hold it. */
function block(text: string, style: 'BLOCK_LITERAL' | 'BLOCK_FOLDED', indent: string, newline: string): string | undefined {
  if (indent === '' || !printable(text, true) || text === '' || /^[ \n]/.test(text) || text.endsWith('\n\n')) return undefined;
  const chomp = text.endsWith('\n') ? '' : '-';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (style === 'BLOCK_FOLDED') {
    // Folding turns one line break into a space, so each run of k line breaks of the text is
    // k empty lines; a line that starts with white space is not folded, so it cannot be one.
    const lines = body.split('\n');
    if (lines.some((l) => /^[ \t]/.test(l))) return undefined;
    let out = `>${chomp}`;
    let breaks = -1; // before the first line: one line break only
    for (const l of lines) {
      if (l === '') {
        breaks++;
        continue;
      }
      out += newline.repeat(breaks + 2) + indent + l;
      breaks = 0;
    }
    return out;
  }
  return `|${chomp}${newline}${body
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join(newline)}`;
}

/** The scalar for `text` where `place` stands, keeping the style the author chose where it can hold the text. */
function render(text: string, place: Place, safe: boolean, newline: string): string {
  if (safe) return doubleQuoted(text);
  switch (place.style) {
    case 'PLAIN':
    case 'ALIAS':
      return plainOk(text, place.flow) ? text : doubleQuoted(text);
    case 'QUOTE_SINGLE':
      return printable(text, false) ? `'${text.replace(/'/g, "''")}'` : doubleQuoted(text);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const b = place.flow ? undefined : block(text, place.style, place.indent, newline);
      if (b !== undefined) return b;
      return text.includes('\n') && !place.flow ? (block(text, 'BLOCK_LITERAL', place.indent, newline) ?? doubleQuoted(text)) : plainOk(text, false) ? text : doubleQuoted(text);
    }
    default:
      return doubleQuoted(text);
  }
}

interface Op {
  start: number;
  end: number;
  text: string;
  /** Where, inside `text`, the new value's scalar starts, and the value it must read as. */
  valueAt: number;
  expected: string;
  /** The scalar's key, for an insertion (checked too). */
  keyAt?: number;
  key?: string;
  /** The edit's index in the list given. */
  index: number;
}

function ops(source: string, edits: readonly Edit[], safe: ReadonlySet<number>, where: Map<number, Place>, unplaced: Set<number>): Op[] {
  const out: Op[] = [];
  // The file's own line ends, for what spans lines (block scalars, an added entry).
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  edits.forEach((e, i) => {
    if (e.kind === 'replace') {
      const place = where.get(e.start);
      if (!place) {
        unplaced.add(i);
        return;
      }
      out.push({ start: place.start, end: place.end, text: render(e.text, place, safe.has(i), newline), valueAt: 0, expected: e.text, index: i });
      return;
    }
    const key = plainOk(e.key, true) ? e.key : doubleQuoted(e.key);
    const flow = source.charAt(e.map.start) === '{';
    const value = safe.has(i) ? doubleQuoted(e.text) : plainOk(e.text, flow) ? e.text : doubleQuoted(e.text);
    if (flow) {
      const close = source.lastIndexOf('}', e.map.end - 1);
      let before = close;
      while (before > e.map.start + 1 && /\s/.test(source.charAt(before - 1))) before--;
      const empty = before === e.map.start + 1;
      if (!empty && source.charAt(before - 1) === ',') {
        // A trailing comma (`{ en_US: Foot, de: Fuß, }`): the new entry goes after it, with
        // its own, on the next line at the last entry's indentation when the mapping spans lines.
        const lines = source.slice(before, close).includes('\n');
        const lineStart = source.lastIndexOf('\n', before - 1) + 1;
        const indent = /^[ \t]*/.exec(source.slice(lineStart, before))![0];
        const prefix = lines ? `${newline}${indent}${key}: ` : ` ${key}: `;
        out.push({ start: before, end: before, text: `${prefix}${value},`, valueAt: prefix.length, expected: e.text, keyAt: prefix.length - key.length - 2, key: e.key, index: i });
        return;
      }
      const prefix = `${empty ? '' : ', '}${key}: `;
      out.push({ start: before, end: before, text: prefix + value, valueAt: prefix.length, expected: e.text, keyAt: empty ? 0 : 2, key: e.key, index: i });
    } else {
      const lineStart = source.lastIndexOf('\n', e.map.start - 1) + 1;
      const lead = source.slice(lineStart, e.map.start);
      if (!/^[ -]*$/.test(lead)) {
        unplaced.add(i);
        return;
      }
      // After the mapping's last line (and its comment), with the file's own line ends.
      let at = e.map.end;
      while (at > e.map.start && /\s/.test(source.charAt(at - 1))) at--;
      const eol = source.indexOf('\n', at);
      const lineEnd = eol === -1 ? source.length : eol > 0 && source.charAt(eol - 1) === '\r' ? eol - 1 : eol;
      if (/^[ \t]*(?:#.*)?$/.test(source.slice(at, lineEnd))) at = lineEnd;
      const prefix = `${newline}${' '.repeat(lead.length)}${key}: `;
      out.push({ start: at, end: at, text: prefix + value, valueAt: prefix.length, expected: e.text, keyAt: prefix.length - key.length - 2, key: e.key, index: i });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Applies the operations and reads the result back: the operations whose value did not read back as intended, and whether YAML errors appeared. */
function apply(source: string, list: Op[]): { text: string; wrong: Set<Op>; broken: boolean } {
  let text = '';
  let last = 0;
  const at = new Map<Op, number>();
  for (const op of list) {
    text += source.slice(last, op.start);
    at.set(op, text.length);
    text += op.text;
    last = op.end;
  }
  text += source.slice(last);
  const doc = parseDocument(text);
  const values = new Map<number, unknown>();
  visit(doc, {
    Scalar(_k, node) {
      if (node.range) values.set(node.range[0], node.value);
    },
  });
  const wrong = new Set<Op>();
  for (const op of list) {
    const base = at.get(op)!;
    if (values.get(base + op.valueAt) !== op.expected) wrong.add(op);
    if (op.keyAt !== undefined && values.get(base + op.keyAt) !== op.key) wrong.add(op);
  }
  const before = parseDocument(source).errors.length;
  return { text, wrong, broken: doc.errors.length > before };
}

/**
 * The source with each edit made and every other byte as it was: a replaced scalar keeps
 * its style (plain, single- or double-quoted, literal or folded block) where that style can
 * hold the new text, else it becomes double-quoted; an inserted language goes at the end of
 * its mapping, on a line of its own in a block mapping. The result is read back with the
 * YAML parser, and any edit that does not read back as its text is made again double-quoted
 * (which always does). An edit that cannot be placed even so (a mapping laid out in a way
 * this does not know, an offset at no scalar) is named by its index in `failed`.
 */
export function mergeEdits(source: string, edits: readonly Edit[]): { text: string; failed: number[] } {
  if (edits.length === 0) return { text: source, failed: [] };
  const where = places(source);
  const safe = new Set<number>();
  let failed: number[] = [];
  for (let round = 0; round < 2; round++) {
    const unplaced = new Set<number>();
    const list = ops(source, edits, safe, where, unplaced);
    const result = apply(source, list);
    if (unplaced.size === 0 && result.wrong.size === 0 && !result.broken) return { text: result.text, failed: [] };
    failed = [...unplaced, ...[...result.wrong].map((op) => op.index)];
    if (failed.length === 0) failed = edits.map((_, i) => i); // the file broke, no one edit to blame
    // Round two: every edit double-quoted.
    edits.forEach((_, i) => safe.add(i));
  }
  return { text: source, failed: [...new Set(failed)].sort((a, b) => a - b) };
}

/** mergeEdits for edits known to be placeable; throws only on a compiler bug. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const r = mergeEdits(source, edits);
  if (r.failed.length > 0) throw new Error(`edits ${r.failed.join(', ')} cannot be placed`);
  return r.text;
}
