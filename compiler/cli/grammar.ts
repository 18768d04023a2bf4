import { NO_TEMPLATES, type TemplateParser } from '../templates/grammar.js';

/**
 * The template parser for a run: the grammar (a chunk of its own) when some text needs it,
 * loaded then; otherwise one that is never called. The one place the shells decide it, so
 * that a run without placeholders never loads Chevrotain.
 */
export async function grammarFor(texts: Iterable<string>): Promise<TemplateParser> {
  for (const t of texts) if (t.includes('{{')) return (await import('../../grammar/index.js')).parseTemplate;
  return NO_TEMPLATES;
}
