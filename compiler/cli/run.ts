import { rmSync, statSync, watch as fsWatch } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { EnvironmentError } from './environment.js';
import type { ImportedSend } from '../import.js';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_FILE_SIZE, fileStem, recipientArg } from '../pipeline.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { BatchInput } from './batch.js';
import { runAll, type Shared } from './pool.js';
import { render, sarifFailure, SourceMap, summarize } from '../diagnostics/render.js';
import { HELP, parseArgs, UsageError, type Args } from './args.js';
import { batchFiles, discoverPaths, displayPath, readSource } from './files.js';
import schema from '../schema/waml.schema.json' with { type: 'json' };
import { init, nextSteps } from './init.js';
import { removeStaleTemporaries, writeOutputs } from './write.js';
import { foldName } from '../output-names.js';
import { TemplateClaims } from '../message-templates/compile.js';

export interface Io {
  cwd: string;
  /** The script a worker thread runs (the CLI's own bundle); without it, no worker threads. */
  workerUrl?: URL;
  /** Told when a check or build has compiled its files (the loader writes its code cache only after such a run). */
  compiled?: () => void;
  /** Loads the language server (a bundle of its own); without it, the source beside this file. */
  lsp?: () => Promise<{ start: (version: string) => void }>;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (for colour). */
  isTTY: boolean;
  version: string;
}

export { WORKER } from './pool.js';

/** Files per batch: read, compiled and written together. */
const BATCH = 250;

/** Exit statuses. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/**
 * The command line, as a function of its arguments and surroundings: it finds and reads the
 * files, calls compile(), prints the diagnostics and writes the outputs. Returns the exit
 * status. Internal errors propagate to the caller (main.ts), which reports them as bugs.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'templates') return (await import('./templates/command.js')).templatesCommand(argv.slice(1), io);
  if (argv[0] === 'translations') return (await import('./translations.js')).translationsCommand(argv.slice(1), io);
  let args: Args;
  try {
    args = parseArgs(argv);
    const to = args.to === undefined ? undefined : recipientArg(args.to);
    if (to && !to.ok) throw new UsageError(`\`--to ${args.to}\` ${to.problem}`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`waml: ${error.message}\nRun \`waml --help\` for usage.\n`);
    return EXIT.usage;
  }
  if (args.command === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (args.command === 'version') {
    io.stdout(`${io.version}\n`);
    return EXIT.ok;
  }
  if (args.command === 'schema') {
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  }
  if (args.command === 'import') {
    const file = args.paths[0]!;
    let body: unknown;
    const read = readSource(resolve(io.cwd, file), DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      io.stderr(`waml: ${file} cannot be imported: ${read.reason}\n`);
      return read.why === 'io' || read.why === 'special' ? EXIT.usage : EXIT.problems;
    }
    // The importer checks what it writes by compiling it, template grammar and all: loaded
    // only for this command, so that a check does not start with them.
    const { importBody, readJson } = await import('../import.js');
    const json = readJson(read.text);
    if (!json.ok) {
      io.stderr(`waml: ${file} cannot be imported: ${json.reason}${json.field ? ` [${json.code} at ${json.field}]` : ''}\n`);
      return EXIT.problems;
    }
    body = json.value;
    const stem = basename(file).replace(/\.json$/i, '').split('.').pop()!.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
    const result = importBody(body, args.name ?? stem);
    if (!result.ok) {
      io.stderr(`waml: ${file} cannot be imported: ${result.reason} [${result.code}${result.field ? ` at ${result.field}` : ''}]\n`);
      return EXIT.problems;
    }
    if (args.out) {
      const target = resolve(io.cwd, args.out);
      writeOutputs(dirname(target), [{ path: basename(target), text: result.text }], { removeStale: false, label: dirname(args.out) });
      io.stderr(`waml: wrote ${args.out}\n`);
    } else io.stdout(result.text);
    for (const note of result.notes) io.stderr(`waml: note: ${note}\n`);
    // The send-time fields are not part of a message: say how to build or send them back.
    const send = sendNote(result.send);
    if (send) io.stderr(`waml: ${send}\n`);
    return EXIT.ok;
  }
  if (args.command === 'init') {
    let lines: string[];
    try {
      lines = init(resolve(io.cwd, args.paths[0] ?? '.'));
    } catch (error) {
      io.stderr(`waml: cannot write the starter into ${args.paths[0] ?? '.'}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return EXIT.usage;
    }
    for (const line of lines) io.stdout(`${line}\n`);
    io.stdout(`${nextSteps(resolve(io.cwd, args.paths[0] ?? '.'))}\n`);
    return EXIT.ok;
  }

  if (args.command === 'preview') {
    const previewer = await import('./preview.js');
    try {
      return await previewer.previewCommand(args, io, io.env);
    } catch (error) {
      if (error instanceof UsageError || error instanceof previewer.BrowserError || error instanceof EnvironmentError) {
        io.stderr(`waml: ${error.message}\n`);
        return EXIT.usage;
      }
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('playwright-core')) {
        io.stderr('waml: --png needs playwright-core (npm install --save-dev playwright-core) and a Chromium (WAML_CHROMIUM, one on PATH, or npm install --save-dev @sparticuz/chromium)\n');
        return EXIT.usage;
      }
      throw error;
    }
  }
  if (args.command === 'lsp') {
    // The server is a bundle of its own beside this one (dist/cli/lsp.cjs), loaded only here.
    const server = io.lsp ? await io.lsp() : ((await import(new URL('../lsp/main.ts', import.meta.url).href)) as { start: (version: string) => void });
    server.start(io.version);
    return new Promise<number>(() => undefined); // the client ends it with `exit`
  }
  if (args.command === 'build' && args.watch) return watch(args, io);
  return (await checkOrBuild(args, io)).code;
}

/**
 * One check or build. Returns the exit status and, for a build, which source each output
 * it wrote (or found unchanged) comes from: watch mode removes the outputs of deleted sources.
 */
async function checkOrBuild(args: Args, io: Io): Promise<{ code: number; produced: Map<string, string>; sources: Set<string> }> {
  const produced = new Map<string, string>();
  const sources = new Set<string>();
  let found: string[];
  try {
    found = discoverPaths(args.paths, io.cwd, args.out !== undefined ? [args.out] : []);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: usageFailure(io, args, error.message), produced, sources };
  }
  if (args.watch) for (const f of found) sources.add(f);
  if (args.command === 'build' && args.out !== undefined && !isFolderOrAbsent(resolve(io.cwd, args.out))) {
    return { code: usageFailure(io, args, `--out ${args.out} is a file, not a folder`), produced, sources };
  }
  if (found.length === 0) {
    return { code: usageFailure(io, args, `no .wa.yaml files found in ${args.paths.length > 0 ? args.paths.join(', ') : 'the current folder'}`), produced, sources };
  }

  const limit = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const sourceMap = new SourceMap();
  // --emit js: the TypeScript module compiled by esbuild, with declarations beside it.
  const emit = new Set<'json' | 'ts' | 'dts'>();
  if (args.emit.includes('json')) emit.add('json');
  if (args.emit.includes('ts') || args.emit.includes('js')) emit.add('ts');
  if (args.emit.includes('js') || args.emit.includes('types')) emit.add('dts');
  const options: BatchInput['options'] = { emit: [...emit], maxFileSize: limit };
  if (args.to !== undefined) {
    const to = recipientArg(args.to);
    if (to.ok) options.to = to.to;
  }
  if (args.languages !== undefined) options.languages = args.languages;
  let data: BatchInput['data'];
  if (args.data !== undefined) {
    const absolute = resolve(io.cwd, args.data);
    const read = readSource(absolute, limit);
    if (!read.ok) {
      return { code: usageFailure(io, args, `the data file ${args.data} cannot be used: ${read.reason}`), produced, sources };
    }
    data = { path: displayPath(io.cwd, absolute), text: read.text };
    sourceMap.add(data.path, data.text);
  }

  // Files go in batches: each is read, compiled and written (by whichever thread takes it,
  // with --jobs > 1) before the next is kept in memory, so memory stays flat however many files. Files
  // that share a stem (and so could claim the same output) go in the batch of the first.
  // esbuild (an optional peer dependency) is loaded only for --emit js (by each thread that compiles).
  if (args.command === 'build' && args.emit.includes('js')) {
    try {
      await import('esbuild');
    } catch {
      io.stderr('waml: --emit js compiles with esbuild, which is not installed: npm install --save-dev esbuild (or use --emit ts)\n');
      return { code: EXIT.usage, produced, sources };
    }
  }
  const build =
    args.command === 'build'
      ? { ...(args.out !== undefined ? { out: resolve(io.cwd, args.out), label: args.out } : {}), js: args.emit.includes('js'), ts: args.emit.includes('ts'), json: args.emit.includes('json'), types: args.emit.includes('types') }
      : undefined;
  // What is kept of each batch until it runs is one string, its files' paths joined by NUL
  // (which no path holds), and the list of all files is dropped once they are in batches:
  // what is live for the whole run must not grow with the number of files, since the heap
  // V8 grows to is a multiple of what is live, and peak memory with it.
  const grouped: string[][] = [];
  const batchOfStem = new Map<string, number>();
  for (const f of found) {
    // The stem up to its first dot: `a.b.de.json` may be `a`'s message `b` in `de` or
    // `a.b`'s message `de`, so stems that share a first part share a batch.
    const stem = foldName(fileStem(f).split('.')[0]!);
    const at = batchOfStem.get(stem);
    if (at !== undefined) {
      grouped[at]!.push(f);
      continue;
    }
    if (grouped.length === 0 || grouped[grouped.length - 1]!.length >= BATCH) grouped.push([]);
    batchOfStem.set(stem, grouped.length - 1);
    grouped[grouped.length - 1]!.push(f);
  }
  batchOfStem.clear();
  const packed = grouped.map((paths) => paths.join('\0'));
  grouped.length = 0;
  const fileCount = found.length;
  found = [];
  const shared: Shared = { options, ...(data ? { data } : {}), ...(build ? { build } : {}), ...(args.watch ? { produced: true } : {}) };
  // Temporary files of killed builds are removed once, before anything is written.
  if (build?.out !== undefined) removeStaleTemporaries(build.out);
  const jobs = Math.max(1, Math.min(args.jobs ?? availableParallelism(), packed.length));

  const diagnostics: Diagnostic[] = [];
  const failedFiles = new Set<string>();
  let written = 0;
  let unchanged = 0;
  let skipped = 0;
  const seenData = new Set<string>();
  const declared = new Set<string>();
  // Message templates are claimed across the whole run, batch after batch (WA728); a file
  // that loses a claim writes nothing, so a file with templates is written only once claimed.
  const templateClaims = new TemplateClaims();
  const refused = new Set<string>();
  // The main thread compiles batches too; with --jobs N, N - 1 worker threads beside it, loaded
  // only when used (a run on one thread starts faster without them). Results come in batch order.
  await runAll(packed, io.cwd, shared, jobs, io.workerUrl, jobs > 1 ? async () => (await import('node:worker_threads')).Worker : undefined, (r) => {
    for (const code of r.languages) declared.add(code);
    for (const [path, text] of r.texts) sourceMap.add(path, text);
    for (const d of r.diagnostics) {
      // Data-file diagnostics repeat across batches; keep each once.
      if (data && d.file === data.path) {
        const key = `${d.code}:${d.span.start}:${d.message}`;
        if (seenData.has(key)) continue;
        seenData.add(key);
      }
      diagnostics.push(d);
      if (d.severity === 'error') failedFiles.add(d.file);
    }
    for (const file of r.claims) {
      const clashes = templateClaims.claim(file);
      if (clashes.length === 0) continue;
      diagnostics.push(...clashes);
      failedFiles.add(file[0]!.file);
      refused.add(file[0]!.file);
    }
    for (const [path, file] of r.produced) if (!refused.has(file)) produced.set(path, file);
    if (r.held.length > 0 && build?.out !== undefined) {
      const w = writeOutputs(build.out, r.held.filter((o) => !refused.has(o.file)), { removeStale: false, ...(build.label !== undefined ? { label: build.label } : {}) });
      written += w.written.length;
      unchanged += w.unchanged.length;
    }
    written += r.written;
    unchanged += r.unchanged;
    skipped += r.skipped;
  });

  io.compiled?.();

  // A diagnostic may point into a file whose text was not kept (one read by another batch):
  // read those few again for rendering.
  const missing = new Set<string>();
  for (const d of diagnostics) for (const file of [d.file, ...(d.related ?? []).map((r) => r.file)]) if (!sourceMap.get(file)) missing.add(file);
  for (let i = 0; missing.size > 0 && i < packed.length; i++) {
    for (const { display: file, absolute } of batchFiles(packed[i]!, io.cwd)) {
      if (missing.has(file)) {
        const read = readSource(absolute, limit);
        if (read.ok) sourceMap.add(file, read.text);
      }
    }
  }
  // A language no message has is a typo, not a build of nothing: its one line, and no report beside it.
  const unknown = (args.languages ?? []).filter((code) => !declared.has(code));
  if (unknown.length > 0) {
    const known = [...declared].sort();
    return { code: usageFailure(io, args, `--language ${unknown.join(',')}: no message has ${unknown.length === 1 ? 'this language' : 'these languages'}; ${known.length > 0 ? `the messages have ${known.join(', ')}` : 'no message declares `languages:`'}`), produced, sources };
  }
  const format = args.format ?? 'pretty';
  const color = format === 'pretty' && colorWanted(io);
  const shown = render(sortDiagnostics(diagnostics), sourceMap, format, { color, files: fileCount, version: io.version });
  if (shown !== '') io.stdout(shown);
  if (args.command === 'build') {
    const parts = [`wrote ${plural(written, 'file')}${args.out !== undefined ? ` to ${args.out}` : ' beside the sources'}`];
    if (unchanged > 0) parts.push(`${unchanged} unchanged`);
    if (failedFiles.size > 0) parts.push(`${plural(failedFiles.size, 'source')} with errors not built`);
    if (skipped > 0) parts.push(`${plural(skipped, 'message')} with params skipped (no --data)`);
    io.stderr(`waml: ${parts.join('; ')}\n`);
  }

  const { errors, warnings } = summarize(diagnostics, fileCount);
  if (errors > 0) return { code: EXIT.problems, produced, sources };
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`waml: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings}\n`);
    return { code: EXIT.problems, produced, sources };
  }
  return { code: EXIT.ok, produced, sources };
}

/** A run that cannot start: one line on stderr, and with `--format sarif` a log that says so (never an empty upload). */
function usageFailure(io: Io, args: Args, reason: string): number {
  io.stderr(`waml: ${reason}\n`);
  if (args.format === 'sarif') io.stdout(sarifFailure(reason, io.version));
  return EXIT.usage;
}

/** Whether a path is a folder or nothing yet (so that outputs can go there). */
function isFolderOrAbsent(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return true;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Colour on a terminal unless NO_COLOR is set (to anything); FORCE_COLOR (not "0") forces it. */
function colorWanted(io: Io): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0';
  return io.isTTY;
}

/**
 * `waml build --watch`: builds, then rebuilds on every change under the PATHs, printing the
 * diagnostics each time. The outputs of a source that is deleted are removed; an error never
 * ends it (a file with errors keeps its old outputs, as always). Runs until interrupted.
 */
async function watch(args: Args, io: Io): Promise<number> {
  // Without --out (only declarations beside the sources), nothing is written elsewhere.
  const out = args.out !== undefined ? resolve(io.cwd, args.out) : undefined;
  let previous = new Map<string, string>();
  const once = async (): Promise<void> => {
    let result: Awaited<ReturnType<typeof checkOrBuild>>;
    try {
      result = await checkOrBuild(args, io);
    } catch (error) {
      io.stderr(error instanceof EnvironmentError ? `waml: ${error.message}\n` : `waml: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return;
    }
    const sources = result.sources;
    for (const [path, file] of previous) {
      if (!result.produced.has(path) && !sources.has(file)) {
        if (out !== undefined) rmSync(resolve(out, path), { force: true });
        io.stderr(`waml: removed ${path} (its source ${file} is gone)\n`);
      }
    }
    // Keep what a failed source produced before: it is still on disk.
    for (const [path, file] of previous) if (!result.produced.has(path) && sources.has(file)) result.produced.set(path, file);
    previous = result.produced;
    io.stderr('waml: watching for changes (Ctrl-C to stop)\n');
  };
  // The watchers are armed before the first build, so a save made as soon as "watching for
  // changes" is printed is never missed.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  const roots = (args.paths.length > 0 ? args.paths : ['.']).map((p) => resolve(io.cwd, p));
  for (const root of roots) {
    fsWatch(root, { recursive: true }, (_event, name) => {
      const changed = name ? resolve(root, String(name)) : root;
      if (out !== undefined && (changed.startsWith(out + sep) || changed === out)) return; // our own writes
      if (/\.d\.ya?ml\.ts$/.test(changed)) return; // declarations written beside the sources
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(once);
      }, 60);
    });
  }
  running = running.then(once);
  return new Promise<number>(() => undefined);
}

/** How to give back a body's send-time fields, or undefined when it had none. */
function sendNote(send: ImportedSend): string | undefined {
  const parts: string[] = [];
  if (send.to !== undefined) {
    const to = send.to;
    const arg = typeof to === 'string' ? to : 'group' in to ? `group:${to.group}` : to.phone !== undefined && to.user !== undefined ? undefined : (to.phone ?? to.user);
    parts.push(arg !== undefined ? `build with --to ${arg}` : `send to ${JSON.stringify(to)} (a phone number and a user id: the API or a sender takes both)`);
  }
  const options: string[] = [];
  if (send.options.replyTo !== undefined) options.push(`replyTo: ${JSON.stringify(send.options.replyTo)}`);
  if (send.options.callbackData !== undefined) options.push(`callbackData: ${JSON.stringify(send.options.callbackData)}`);
  if (options.length > 0) parts.push(`send with the options { ${options.join(', ')} }`);
  return parts.length > 0 ? `the body's recipient and send options are not part of a message: ${parts.join('; ')}` : undefined;
}
