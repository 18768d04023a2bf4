import type { Reporter } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import type { Span } from '../source.js';
import { mapScalar } from './scalar-map.js';
import type { LNode } from './tree.js';

/**
 * Characters a YAML 1.2 stream may not hold (the complement of its `c-printable`, section
 * 5.1): C0 controls other than tab, line feed and carriage return; DEL; C1 controls other
 * than NEL (U+0085); the noncharacters U+FFFE and U+FFFF; and surrogates that are not part
 * of a pair (which no UTF-8 file can hold, only a string handed to compile()).
 */
const NOT_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_PRINTABLE_ALL = new RegExp(NOT_PRINTABLE.source, 'g');

/** `U+0000 (NUL, a control character)`. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0) return `${hex} (NUL, a control character)`;
  if (cp === 0x1b) return `${hex} (ESC, a control character)`;
  if (cp === 0x7f) return `${hex} (DEL, a control character)`;
  if (cp < 0x20 || (cp >= 0x80 && cp < 0xa0)) return `${hex} (a control character)`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex} (half of a surrogate pair, alone)`;
  return `${hex} (a noncharacter)`;
}

/**
 * Raw characters that YAML does not allow in a file: one WA112 per line that has any, at its
 * first run of them. Linear in the text (one pass of one regular expression).
 */
export function checkRawCharacters(text: string, r: Reporter): void {
  NOT_PRINTABLE_ALL.lastIndex = 0;
  let reportedLineEnd = -1;
  for (let m = NOT_PRINTABLE_ALL.exec(text); m; m = NOT_PRINTABLE_ALL.exec(text)) {
    const start = m.index;
    if (start < reportedLineEnd) continue;
    let end = start + m[0].length;
    // The run of such characters that starts here.
    for (let next = NOT_PRINTABLE.exec(text.slice(end, end + 2)); next && next.index === 0; next = NOT_PRINTABLE.exec(text.slice(end, end + 2))) end += next[0].length;
    const count = [...text.slice(start, end)].length;
    r.report('WA112', { start, end }, count === 1 ? `the character ${describeCharacter(m[0])} is not allowed in a YAML file` : `${count} characters that YAML does not allow, the first ${describeCharacter(m[0])}`, {
      help: `remove it (${LIMITS.printable.source})`,
    });
    const lineEnd = text.slice(end).search(/[\n\r]/);
    reportedLineEnd = lineEnd === -1 ? text.length : end + lineEnd;
    NOT_PRINTABLE_ALL.lastIndex = Math.max(end, reportedLineEnd);
  }
}

/**
 * Values that hold such a character through an escape (`"\0"`, `"\e"`, `"\uFFFE"`): valid
 * YAML, but no text a phone shows. A warning (WA113) at each such escape: the value is sent
 * as written for whoever really means it. Raw characters are WA112's. Where the value cannot
 * be mapped back to its source, one warning at the whole value.
 */
export function checkEscapedCharacters(text: string, root: LNode, r: Reporter): void {
  const seen = new Set<LNode>();
  const say = (span: Span, ch: string): void =>
    r.report('WA113', span, `this escape writes ${describeCharacter(ch)}, which no message text can show`, {
      help: `remove it; write line breaks as \`\\n\` and tabs as \`\\t\` (${LIMITS.printableEscaped.source})`,
    });
  const walk = (node: LNode): void => {
    if (seen.has(node)) return; // An alias shares its anchor's node.
    seen.add(node);
    if (node.kind === 'map') for (const e of node.entries) walk(e.value);
    else if (node.kind === 'seq') for (const item of node.items) walk(item);
    else if (typeof node.value === 'string') {
      const value = node.value;
      const first = NOT_PRINTABLE.exec(value);
      if (!first) return;
      const map = mapScalar(text, node.node, node.span);
      if (!map) {
        if (!NOT_PRINTABLE.test(text.slice(node.span.start, node.span.end))) say(node.span, first[0]); // Raw: WA112 says it.
        return;
      }
      // One pass over the value; a character that does not come from an escape is raw (WA112's).
      let lastStart = -1;
      NOT_PRINTABLE_ALL.lastIndex = first.index;
      for (let m = NOT_PRINTABLE_ALL.exec(value); m; m = NOT_PRINTABLE_ALL.exec(value)) {
        const start = map.starts[m.index]!;
        if (start === lastStart || text[start] !== '\\') continue;
        lastStart = start;
        say({ start, end: map.ends[m.index]! }, m[0]);
      }
    }
  };
  walk(root);
}
