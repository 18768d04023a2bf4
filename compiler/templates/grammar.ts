import type { Parsed } from '../../grammar/index.js';

/**
 * The template parser, as the model builder takes it: passed in by whoever compiles, never
 * held in a global. compile() passes the grammar's own (grammar/index.ts); the CLI passes
 * it only when some file contains `{{`, so that a plain check never loads Chevrotain.
 */
export type TemplateParser = (text: string) => Parsed;

/** For runs in which no text holds `{{`: the builder never calls it then. */
export const NO_TEMPLATES: TemplateParser = () => {
  throw new Error('a template was parsed in a run that loaded no template grammar');
};
