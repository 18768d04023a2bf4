import { compileWith, type CompileOptions, type Output } from '../pipeline.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateClaim } from '../message-templates/compile.js';
import { grammarFor } from './grammar.js';
import { readSource, type Found } from './files.js';
import { writeOutputs } from './write.js';
import { basename, dirname } from 'node:path';

/** What one batch of files needs: the files, the options, and the data file's text. */
export interface BatchInput {
  files: Found[];
  options: Omit<CompileOptions, 'data'> & { maxFileSize: number };
  data?: { path: string; text: string };
  /** For a build: where the outputs go, and whether the sender modules are also compiled to JavaScript. */
  build?: { out?: string; label?: string; js: boolean; ts: boolean; json: boolean; types: boolean };
  /** Whether to give back which source each output comes from (watch mode needs it; nothing else does). */
  produced?: boolean;
  /** Whether to give back the outputs themselves (for a command that reads them rather than writes them). */
  keepOutputs?: boolean;
}

/** What a batch gives back: only what the CLI still needs once the batch is written. */
export interface BatchResult {
  diagnostics: Diagnostic[];
  /** The texts of the files that diagnostics point into, for rendering. */
  texts: [string, string][];
  written: number;
  unchanged: number;
  /** Messages with params not built for want of --data. */
  skipped: number;
  /** Output path and the source it comes from, when asked for. */
  produced: [string, string][];
  /** The outputs, when asked for (`keepOutputs`); otherwise empty. */
  outputs: Output[];
  /** The languages the batch's messages declare (to tell a `--language` no message has). */
  languages: string[];
  /**
   * The message templates of each file the batch built, a list per file in path order: a
   * template's name and language are unique in a run, across batches too, and the run claims
   * them in batch order (WA728).
   */
  claims: TemplateClaim[][];
  /**
   * A build's outputs of the files that define message templates, not yet written: the run
   * writes them once their templates are claimed, so that a file that loses a claim to an
   * earlier batch writes nothing, as it would in one batch.
   */
  held: Output[];
}

/**
 * Reads, compiles and (for a build) writes one batch of files: in the main thread or in a
 * worker, which takes and returns plain data. The whole of a file's work happens here, so
 * that with worker threads the main thread only puts the results in order.
 *
 * Output names are flat (`<file stem>.<message>.json`, `<file stem>.wa.ts`), so two files can
 * write the same output only when they have the same stem; the CLI puts such files in the
 * same batch, and compile() settles their claims in path order there.
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
  const claims = new Map<string, TemplateClaim[]>();
  for (const t of result.templates) {
    const claim: TemplateClaim = { file: t.file, name: t.name, message: t.message, nameSpan: t.nameSpan, language: t.language };
    const mine = claims.get(t.file);
    if (mine) mine.push(claim);
    else claims.set(t.file, [claim]);
  }
  const out: BatchResult = { diagnostics, texts: [], written: 0, unchanged: 0, skipped: 0, produced: [], outputs: input.keepOutputs ? result.outputs : [], languages: result.languageCodes ?? [], claims: [...claims.values()], held: [] };
  const build = input.build;
  if (build) {
    let outputs: Output[] = result.outputs;
    if (build.js) {
      // --emit js: the TypeScript module compiled by esbuild, with declarations beside it.
      const { transformSync } = await import('esbuild');
      const js: Output[] = [];
      for (const o of outputs) {
        if (!o.path.endsWith('.wa.ts')) continue;
        const code = transformSync(o.text, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: o.path }).code;
        js.push({ ...o, path: o.path.replace(/\.ts$/, '.js'), text: `${o.text.slice(0, o.text.indexOf('\n') + 1)}${code}` });
      }
      outputs = [...outputs.filter((o) => !o.path.endsWith('.wa.ts') || build.ts), ...js];
    }
    // --emit types: each source's declarations beside it, named for the bundler's import
    // (`./menu.wa.yaml` is typed by `menu.wa.d.yaml.ts`).
    if (build.types) {
      const absolute = new Map(input.files.map((f) => [f.display, f.absolute]));
      for (const o of outputs.filter((x) => x.path.endsWith('.wa.d.ts'))) {
        const source = absolute.get(o.file);
        if (!source) continue;
        const name = basename(source).replace(/(\.[^.]*)?$/, (ext) => `.d${ext}.ts`);
        const w = writeOutputs(dirname(source), [{ path: name, text: o.text }], { removeStale: false });
        out.written += w.written.length;
        out.unchanged += w.unchanged.length;
      }
      if (!build.js) outputs = outputs.filter((x) => !x.path.endsWith('.wa.d.ts'));
    }
    if (build.out !== undefined) {
      out.held = outputs.filter((o) => claims.has(o.file));
      const free = out.held.length > 0 ? outputs.filter((o) => !claims.has(o.file)) : outputs;
      const w = writeOutputs(build.out, free, { removeStale: false, ...(build.label !== undefined ? { label: build.label } : {}) });
      out.written += w.written.length;
      out.unchanged += w.unchanged.length;
    }
    if (input.produced) for (const o of outputs) out.produced.push([o.path, o.file]);
    if (build.json) {
      for (const u of result.unbuilt) {
        diagnostics.push(diagnostic(u.file, 'WA516', u.nameSpan, `message \`${u.name}\` has params, so no JSON was built for it`, { help: 'give `--data FILE` with their values to build it' }));
        out.skipped++;
      }
    }
  }
  // Only the texts that diagnostics point into go back, for rendering.
  if (diagnostics.length > 0) {
    const wanted = new Set<string>();
    for (const d of diagnostics) {
      wanted.add(d.file);
      for (const r of d.related ?? []) wanted.add(r.file);
    }
    for (const s of sources) if (wanted.has(s.path)) out.texts.push([s.path, s.text]);
  }
  return out;
}
