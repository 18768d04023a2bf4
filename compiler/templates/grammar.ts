import type { Parsed } from '../../grammar/index.js';

/**
 * The template parser, bound late: the grammar (Chevrotain) is the largest part of waml, and
 * most files have no placeholder. The API binds it on import (compiler/index.ts); the CLI
 * imports it only when some file contains `{{`, so that a plain check never loads it.
 */
let parser: ((text: string) => Parsed) | undefined;

export function useTemplateParser(parse: (text: string) => Parsed): void {
  parser = parse;
}

export function parseTemplateText(text: string): Parsed {
  if (!parser) throw new Error('the template grammar is not loaded: import it before compiling templates');
  return parser(text);
}
