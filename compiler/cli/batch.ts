import { compileWith, type CompileOptions, type Output, type Unbuilt } from '../pipeline.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { grammarFor } from './grammar.js';
import { readSource, type Found } from './files.js';

/** What one batch of files needs: the files, the options, and the data file's text. */
export interface BatchInput {
  files: Found[];
  options: Omit<CompileOptions, 'data'> & { maxFileSize: number };
  data?: { path: string; text: string };
}

/** What a batch gives back: only what the CLI still needs once the batch is written. */
export interface BatchResult {
  diagnostics: Diagnostic[];
  outputs: Output[];
  unbuilt: Unbuilt[];
  /** The texts of the files that diagnostics point into, for rendering. */
  texts: [string, string][];
}

/**
 * Reads and compiles one batch of files: in the main thread or in a worker (it takes and
 * returns plain data). Reading happens here, so that a worker reads its own files.
 */
export async function runBatch(input: BatchInput): Promise<BatchResult> {
  const sources: { path: string; text: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of input.files) {
    const read = readSource(f.absolute, input.options.maxFileSize);
    if (read.ok) sources.push({ path: f.display, text: read.text });
    else if (read.why === 'size') {
      diagnostics.push(diagnostic(f.display, 'WA903', { start: 0, end: 0 }, `${f.display} was not read: ${read.reason}`, { help: 'split it into several files, or raise the limit with --max-file-size' }));
    } else {
      const help = read.why === 'encoding' ? 'save the file as UTF-8 text' : read.why === 'special' ? 'name a .wa.yaml file saved on disk; devices, FIFOs and sockets are not read' : 'check that the file exists and can be read';
      diagnostics.push(diagnostic(f.display, 'WA902', { start: 0, end: 0 }, `${f.display} was not compiled: ${read.reason}`, { help }));
    }
  }
  // The template grammar is the largest part of waml: load it only when a file needs it.
  const parse = await grammarFor(sources.map((s) => s.text));
  const result = compileWith(parse, sources, input.data ? { ...input.options, data: input.data } : input.options);
  diagnostics.push(...result.diagnostics);
  // Unbuilt messages get a note (WA516) later, at their names: their texts are needed too.
  const wanted = new Set([...diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]), ...result.unbuilt.map((u) => u.file)]);
  const texts: [string, string][] = sources.filter((s) => wanted.has(s.path)).map((s) => [s.path, s.text]);
  return { diagnostics, outputs: result.outputs, unbuilt: result.unbuilt, texts };
}
