/**
 * How waml counts characters: in Unicode code points, what JSON Schema's `maxLength` and
 * Meta's OpenAPI description count. This is the one place that decides it; every length
 * check calls `length`.
 */
export const LENGTH_UNIT: 'code points' | 'UTF-16 code units' = 'code points';

export function length(s: string): number {
  if (LENGTH_UNIT === 'UTF-16 code units') return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** "1 character", "23 characters". */
export function characters(n: number): string {
  return n === 1 ? '1 character' : `${n} characters`;
}

/** True when the text is empty or only white space. */
export function isBlank(s: string): boolean {
  return s.trim() === '';
}

/**
 * Emoji, as WhatsApp renders them: pictographic characters, regional-indicator flags and
 * keycaps.
 */
export function hasEmoji(s: string): boolean {
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(s);
}

/** Line breaks in a text: "\n", "\r\n" and "\r" count once each. */
export function lineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}
