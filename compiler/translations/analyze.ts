import { compile } from '../compile.js';
import { languageTexts } from '../languages/texts.js';
import type { Analysis } from './import.js';
import type { TextFile } from './model.js';

/** The language texts and diagnostics of sources, as compile() gives them: what export and import read. */
export function analyze(sources: readonly TextFile[]): Analysis {
  const result = compile(sources.map((s) => ({ path: s.path, text: s.text })), { emit: [] });
  return { index: languageTexts(result), diagnostics: result.diagnostics };
}
