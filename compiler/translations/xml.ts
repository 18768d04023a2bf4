/** XML text and attribute escaping for the XLIFF writer. */

/** Whether a code point may appear in an XML 1.0 document at all. */
export function xmlAllowed(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Element content: `&`, `<` and `>` escaped, a carriage return written as `&#13;` (a reader
 * would turn a raw one into a line feed), and a character XML cannot carry (a control
 * character, a lone surrogate) written as XLIFF's `<cp hex="…"/>`.
 */
export function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x26) out += '&amp;';
    else if (c === 0x3c) out += '&lt;';
    else if (c === 0x3e) out += '&gt;';
    else if (c === 0x0d) out += '&#13;';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (!xmlAllowed(c)) out += `<cp hex="${c.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    else out += text[i]!;
  }
  return out;
}

/** Whether every character of a text can stand in an attribute. */
export function attributeSafe(text: string): boolean {
  for (const ch of text) if (!xmlAllowed(ch.codePointAt(0)!) || (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff)) return false;
  return true;
}

/** An attribute value in double quotes: white space other than a space as character references (readers normalise it). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}
