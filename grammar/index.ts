import type { Template, TemplateError } from './ast.js';
import { toTemplate } from './cst.js';
import { templateLexer } from './lexer.js';
import { templateParser } from './parser.js';

export type * from './ast.js';

export interface Parsed {
  template: Template;
  /** Every lexing and parsing error of the string, in order. */
  errors: TemplateError[];
}

/** Whether a string holds a placeholder at all: only those are parsed. */
export function isTemplate(text: string): boolean {
  return text.includes('{{');
}

/**
 * Parses a template string: literal text and `{{ … }}` placeholders. Errors are collected,
 * not thrown; with error recovery the parser goes on after each one, so several errors in
 * one string are all found.
 */
export function parseTemplate(text: string): Parsed {
  const lexed = templateLexer().tokenize(text);
  const errors: TemplateError[] = lexed.errors.map((e) => ({ start: e.offset, end: e.offset + e.length, message: e.message }));
  const parser = templateParser();
  parser.input = lexed.tokens;
  const cst = parser.template();
  for (const e of parser.errors) {
    const t = e.token;
    const atEnd = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
    const start = atEnd ? text.length : t.startOffset;
    const end = atEnd ? text.length : t.startOffset + t.image.length;
    errors.push({ start, end, message: e.message });
  }
  errors.sort((a, b) => a.start - b.start || a.end - b.end);
  return { template: toTemplate(cst, text), errors: dedupe(errors) };
}

function dedupe(errors: TemplateError[]): TemplateError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.start}:${e.end}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
