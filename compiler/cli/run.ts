import { resolve } from 'node:path';
import { compile, DEFAULT_MAX_FILE_SIZE, isValidRecipient, type CompileOptions, type Source } from '../compile.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { render, SourceMap, summarize } from '../diagnostics/render.js';
import { HELP, parseArgs, UsageError, type Args } from './args.js';
import { discover, displayPath, readSource } from './files.js';
import { useTemplateParser } from '../templates/grammar.js';
import { writeOutputs } from './write.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (for colour). */
  isTTY: boolean;
  version: string;
}

/** Exit statuses. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/**
 * The command line, as a function of its arguments and surroundings: it finds and reads the
 * files, calls compile(), prints the diagnostics and writes the outputs. Returns the exit
 * status. Internal errors propagate to the caller (main.ts), which reports them as bugs.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.to !== undefined && !isValidRecipient(args.to)) {
      throw new UsageError(`\`--to ${args.to}\` is not a phone number: digits with an optional leading +, 7 to 15 digits`);
    }
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

  let found;
  try {
    found = discover(args.paths, io.cwd, args.out !== undefined ? [args.out] : []);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`waml: ${error.message}\n`);
    return EXIT.usage;
  }
  if (found.length === 0) {
    io.stderr(`waml: no .wa.yaml files found in ${args.paths.length > 0 ? args.paths.join(', ') : 'the current folder'}\n`);
    return EXIT.usage;
  }

  const sources: Source[] = [];
  const sourceMap = new SourceMap();
  const unreadable: Diagnostic[] = [];
  const limit = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const f of found) {
    const read = readSource(f.absolute, limit);
    if (read.ok) {
      sources.push({ path: f.display, text: read.text });
      sourceMap.add(f.display, read.text);
    } else if (read.size !== undefined) {
      unreadable.push(diagnostic(f.display, 'WA903', { start: 0, end: 0 }, `${f.display} was not read: ${read.reason}`, {
        help: 'split it into several files, or raise the limit with --max-file-size',
      }));
    } else {
      unreadable.push(diagnostic(f.display, 'WA902', { start: 0, end: 0 }, `${f.display} was not compiled: ${read.reason}`, {
        help: 'save the file as UTF-8 text',
      }));
    }
  }

  // --emit js: the TypeScript module compiled by esbuild, with declarations beside it.
  const emit = new Set<'json' | 'ts' | 'dts'>();
  if (args.emit.includes('json')) emit.add('json');
  if (args.emit.includes('ts') || args.emit.includes('js')) emit.add('ts');
  if (args.emit.includes('js')) emit.add('dts');
  const options: CompileOptions = { emit: [...emit], maxFileSize: limit };
  if (args.to !== undefined) options.to = args.to;
  if (args.data !== undefined) {
    const absolute = resolve(io.cwd, args.data);
    const read = readSource(absolute, limit);
    if (!read.ok) {
      io.stderr(`waml: the data file ${args.data} cannot be used: ${read.reason}\n`);
      return EXIT.usage;
    }
    const path = displayPath(io.cwd, absolute);
    options.data = { path, text: read.text };
    sourceMap.add(path, read.text);
  }
  // The template grammar is the largest part of waml: load it only when a file needs it.
  if (sources.some((s) => s.text.includes('{{'))) useTemplateParser((await import('../../grammar/index.js')).parseTemplate);
  const result = compile(sources, options);
  const skipped =
    args.command === 'build' && args.emit.includes('json')
      ? result.unbuilt.map((u) =>
          diagnostic(u.file, 'WA516', u.nameSpan, `message \`${u.name}\` has params, so no JSON was built for it`, {
            help: 'give `--data FILE` with their values to build it',
          }),
        )
      : [];
  const diagnostics = sortDiagnostics([...unreadable, ...result.diagnostics, ...skipped]);
  const format = args.format ?? 'pretty';
  const color = format === 'pretty' && colorWanted(io);
  const shown = render(diagnostics, sourceMap, format, { color, files: found.length });
  if (shown !== '') io.stdout(shown);

  if (args.command === 'build') {
    let outputs = result.outputs;
    if (args.emit.includes('js')) {
      const { transformSync } = await import('esbuild');
      const js = outputs.filter((o) => o.path.endsWith('.wa.ts')).map((o) => ({ ...o, path: o.path.replace(/\.ts$/, '.js'), text: `${o.text.slice(0, o.text.indexOf('\n') + 1)}${transformSync(o.text, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: o.path }).code}` }));
      outputs = [...outputs.filter((o) => !o.path.endsWith('.wa.ts') || args.emit.includes('ts')), ...js];
    }
    const { written, unchanged } = writeOutputs(resolve(io.cwd, args.out!), outputs);
    const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
    const parts = [`wrote ${plural(written.length, 'file')} to ${args.out}`];
    if (unchanged.length > 0) parts.push(`${unchanged.length} unchanged`);
    if (failed > 0) parts.push(`${plural(failed, 'source')} with errors not built`);
    if (skipped.length > 0) parts.push(`${plural(skipped.length, 'message')} with params skipped (no --data)`);
    io.stderr(`waml: ${parts.join('; ')}\n`);
  }

  const { errors, warnings } = summarize(diagnostics, found.length);
  if (errors > 0) return EXIT.problems;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`waml: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
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
