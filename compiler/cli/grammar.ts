import { useTemplateParser } from '../templates/grammar.js';

/**
 * Loads the template grammar (a chunk of its own) when some text needs it: the one place the
 * shells decide it, so that a run without placeholders never loads Chevrotain.
 */
export async function loadGrammarFor(texts: Iterable<string>): Promise<void> {
  for (const t of texts) {
    if (t.includes('{{')) {
      useTemplateParser((await import('../../grammar/index.js')).parseTemplate);
      return;
    }
  }
}
