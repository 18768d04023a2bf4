import { parseTemplate } from '../grammar/index.js';
import { compileOneWith, compileWith, type CompiledSource, type CompileOptions, type CompileResult, type Source } from './pipeline.js';

export * from './pipeline.js';

/**
 * Compiles `.wa.yaml` sources with the template grammar: see compileWith. Pure, and complete
 * when imported from any module: it brings its own parser.
 *
 * @throws RangeError when `options.to` is not a valid recipient, or `options.send` is not an
 * object of known send options with valid values (see sendProblem).
 */
export function compile(sources: readonly Source[] | Source, options: CompileOptions = {}): CompileResult {
  return compileWith(parseTemplate, sources, options);
}

/** One source without data, with the template grammar: see compileOneWith. */
export function compileOne(source: Source, options: Pick<CompileOptions, 'maxFileSize' | 'emit'> = {}): CompiledSource {
  return compileOneWith(parseTemplate, source, options);
}
