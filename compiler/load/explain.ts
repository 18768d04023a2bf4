/**
 * YAML mistakes in plain words. The yaml library reports what its grammar saw ("nested
 * mappings are not allowed in compact mappings"); these functions recognise the few mistakes
 * behind most such errors in a message file and say what happened and what to write:
 *
 * - `header: Note: we are open`: a `: ` inside unquoted text starts a mapping (WA120);
 * - `footer: Call us #24h`: ` #` starts a comment, which silently cuts the text (WA121);
 * - a key indented more, or less, than the key above it (WA122), at the key's real column.
 *
 * Pure functions of the text and yaml's errors and nodes; linear in the text.
 */
import { isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { Code } from '../diagnostics/codes.js';
import type { Span } from '../source.js';

export interface Explained {
  code: Code;
  span: Span;
  message: string;
  help: string;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return { start, end, text: text.slice(start, end) };
}

/** The next line after `line` that holds more than spaces and a comment. */
function nextContentLine(text: string, line: Line): Line | undefined {
  let at = line.end + 1;
  while (at < text.length) {
    const next = lineAt(text, at);
    if (!/^\s*(#.*)?$/.test(next.text)) return next;
    at = next.end + 1;
  }
  return undefined;
}

/** The previous line before `line` that holds more than spaces and a comment. */
function previousContentLine(text: string, line: Line): Line | undefined {
  // `end` is the line break that ends the line looked at.
  for (let end = line.start - 1; end >= 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const previous = { start, end, text: text.slice(start, end) };
    if (!/^\s*(#.*)?$/.test(previous.text)) return previous;
    end = start - 1;
  }
  return undefined;
}

/** `  - key: value  # note` → the key, its offset in the line, and the value without the comment. */
const KEY_LINE = /^([ ]*)((?:-[ ]+)*)([A-Za-z_$][\w$-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*(?:[ \t]#.*)?$/;

function keyOf(line: Line): { key: string; column: number; valueStart: number; value: string } | undefined {
  const m = KEY_LINE.exec(line.text);
  if (!m) return undefined;
  const column = m[1]!.length + m[2]!.length;
  const value = m[4] ?? '';
  const valueStart = value === '' ? line.end : line.start + line.text.indexOf(value, column + m[3]!.length + 1);
  return { key: m[3]!, column, valueStart, value };
}

/** `"text"`, or `'text'` when the text holds a double quote. */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

const IMPLICIT_KEY = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/**
 * yaml's syntax errors that one of the mistakes above explains, as diagnostics in words.
 * `consumed` holds the indices of the errors explained (and their follow-ons on the same
 * line), which the caller does not report again.
 */
export function explainErrors(text: string, errors: readonly YAMLError[]): { explained: Explained[]; consumed: Set<number> } {
  const explained: Explained[] = [];
  const consumed = new Set<number>();
  const lines = new Set<number>();
  // Each line is examined once per error code (and each explanation scans a few lines), so
  // many errors on one line stay linear.
  const examined = new Set<string>();
  errors.forEach((error, i) => {
    const at = Math.min(Math.max(error.pos[0], 0), text.length);
    const line = lineAt(text, at);
    if (lines.has(line.start)) {
      if (IMPLICIT_KEY.has(error.code) || error.code === 'BAD_INDENT') consumed.add(i);
      return;
    }
    const key = `${line.start}:${error.code}`;
    if (examined.has(key)) return;
    examined.add(key);
    const found = explainOne(text, error, line);
    if (!found) return;
    explained.push(found);
    consumed.add(i);
    lines.add(line.start);
  });
  return { explained, consumed };
}

function explainOne(text: string, error: YAMLError, line: Line): Explained | undefined {
  if (error.code === 'BLOCK_IN_FLOW') {
    // `{ id: a, title: Note: open }`: the text holds `: `.
    const raw = text.slice(error.pos[0], error.pos[1]).trim();
    if (!/:[ \t]/.test(raw)) return undefined;
    const start = error.pos[0] + text.slice(error.pos[0], error.pos[1]).indexOf(raw);
    return colonInText({ start, end: start + raw.length }, raw);
  }
  if (error.code === 'BAD_INDENT' && /same column/.test(error.message)) {
    const here = keyOf(line);
    const above = previousContentLine(text, line);
    const sibling = above && keyOf(above);
    if (!here || !sibling || sibling.column === here.column) return undefined;
    return misindented(line, here, sibling);
  }
  if (!IMPLICIT_KEY.has(error.code)) return undefined;
  const here = keyOf(line);
  if (!here) return undefined;
  if (/:([ \t]|$)/.test(here.value)) return colonInText({ start: here.valueStart, end: here.valueStart + here.value.length }, here.value, here.key);
  const next = nextContentLine(text, line);
  const nextKey = next && keyOf(next);
  if (next && nextKey && nextKey.column > here.column) return misindented(next, nextKey, here);
  return undefined;
}

function colonInText(span: Span, value: string, key?: string): Explained {
  return {
    code: 'WA120',
    span,
    message: `\`${value}\` holds a colon that YAML reads as the end of a key (\`key: value\`), not as text`,
    help: `quote the text: ${key ? `\`${key}: ${quoted(value)}\`` : `\`${quoted(value)}\``}`,
  };
}

function misindented(line: Line, key: { key: string; column: number }, sibling: { key: string; column: number }): Explained {
  const deeper = key.column > sibling.column;
  return {
    code: 'WA122',
    span: { start: line.start + key.column, end: line.start + key.column + key.key.length },
    message: deeper
      ? `\`${key.key}\` is indented more than \`${sibling.key}\` above it, so YAML reads it as part of \`${sibling.key}\`'s value`
      : `\`${key.key}\` is indented less than \`${sibling.key}\` above it; the keys of one mapping start in the same column`,
    help: `indent \`${key.key}\` like the key above: ${sibling.column} space${sibling.column === 1 ? '' : 's'}, in column ${sibling.column + 1}`,
  };
}

/**
 * Plain texts cut short by a comment: in `footer: Call us #24h` the text is `Call us`, since
 * a `#` after a space starts a comment. Warned when the comment begins right at a word
 * (`#24h`, `#1`), as text does, unlike a note (`# the footer`).
 */
export function commentsInText(doc: Document, text: string): Explained[] {
  const out: Explained[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || node.type !== 'PLAIN' || !node.range) return;
      const end = node.range[1];
      let hash = end;
      while (text[hash] === ' ' || text[hash] === '\t') hash++;
      if (hash === end || text[hash] !== '#' || /[\s#]/.test(text[hash + 1] ?? ' ')) return;
      const lineEnd = text.indexOf('\n', hash);
      // The comment runs to the line's end; in a flow collection it also took the `,`, `}`
      // or `]` that followed, which the text meant is cut before.
      const rest = text.slice(hash + 1, lineEnd === -1 ? text.length : lineEnd).split(/[,}\]]/)[0]!.trimEnd();
      const source = text.slice(node.range[0], end);
      out.push({
        code: 'WA121',
        span: { start: node.range[0], end: hash + 1 + rest.length },
        message: `\`#${rest}\` starts a comment here, so the text is only \`${source}\``,
        help: `quote the text to keep the \`#\`: \`${quoted(`${text.slice(node.range[0], hash)}#${rest}`)}\``,
      });
    },
  });
  return out;
}
