import type { Span } from '../source.js';

/**
 * The data the translation stages work on: what compile() says of every language text (the
 * shape `languageTexts()` gives, compiler/languages/texts.ts), restated here as the fields
 * these stages read, so that they can be built and tested from plain data.
 */
export interface TranslatableText {
  file: string;
  message: string;
  /** Dotted source path inside the message: `body`, `buttons.0.title`. */
  field: string;
  language: string;
  /** The text in that language; null when the mapping has no entry for it. */
  text: string | null;
  /** The language's scalar in the source (a shared text: the plain scalar). */
  span: Span | null;
  /** One plain text for every language. */
  shared: boolean;
  maxLength: number | null;
  /** Proven length bounds in code points; `max` null when unbounded. */
  length: { min: number; max: number | null };
  /** The mapping of languages the text stands in (null for a shared text): where a missing language goes. */
  mapSpan?: Span | null;
  /** The language's entry is a YAML alias: `span` is its anchor's scalar, which another entry or field owns. */
  alias?: boolean;
}

export interface TranslatableMessage {
  file: string;
  message: string;
  /** The declared languages, the default first; empty for a message in one language. */
  languages: string[];
}

export interface TranslationIndex {
  messages: TranslatableMessage[];
  texts: TranslatableText[];
}

/** A translation file, or a source, as path and text. */
export interface TextFile {
  path: string;
  text: string;
}

/** The key of one text of one language: file, message, field, language. */
export function textKey(file: string, message: string, field: string, language: string): string {
  return `${file}\u0000${message}\u0000${field}\u0000${language}`;
}

/** The unit id of a text: `<message>.<field>` (unique within its source file). */
export function unitId(message: string, field: string): string {
  return `${message}.${field}`;
}

/**
 * A language code as XLIFF wants it (BCP 47: `en-US`); WhatsApp writes `en_US`. The two are
 * compared by `sameLanguage`, so either form reads back.
 */
export function toBcp47(code: string): string {
  return code.replace(/_/g, '-');
}

export function sameLanguage(a: string, b: string): boolean {
  return toBcp47(a).toLowerCase() === toBcp47(b).toLowerCase();
}
