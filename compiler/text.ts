import { codePoints } from '../runtime/template.js';

/**
 * How waml counts characters: in Unicode code points, what JSON Schema's `maxLength` and
 * Meta's OpenAPI description count. This is the one place that decides it; every length
 * check calls `length`.
 */
export const LENGTH_UNIT: 'code points' | 'UTF-16 code units' = 'code points';

export function length(s: string): number {
  // The runtime counts with the same function, so the compiler and the senders agree.
  return LENGTH_UNIT === 'UTF-16 code units' ? s.length : codePoints(s);
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
