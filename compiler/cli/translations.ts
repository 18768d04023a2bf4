import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { FORMATS, render, SourceMap, type Format } from '../diagnostics/render.js';
import { DEFAULT_MAX_FILE_SIZE } from '../pipeline.js';
import { analyze } from '../translations/analyze.js';
import { exportXliff } from '../translations/export.js';
import { importTranslations } from '../translations/import.js';
import type { TextFile } from '../translations/model.js';
import { readXliff } from '../translations/read.js';
import { subcommandArgs, subcommandWords, UsageError } from './args.js';
import { discover, displayPath, readSource } from './files.js';
import type { Io } from './run.js';
import { writeOutputs } from './write.js';

/**
 * `waml translations export | import`: the shell around compiler/translations (pure): it
 * reads the sources and translation files, prints the diagnostics and writes atomically.
 *
 * Exit status: 0 done; 1 problems (import: an error in a translation file, nothing written);
 * 2 bad usage, or a file that cannot be read or written.
 */

export const TRANSLATIONS_HELP = `waml translations: XLIFF 2.0 files for translators, and back

Usage:
  waml translations export [PATH ...] --out DIR [--language LIST]
  waml translations import FILE ... [--format F]

export  write DIR/<source language>.<target language>.xlf for each language of the
        messages with \`languages:\`: a unit per text, with its limit and its current
        length as notes, placeholders protected as <ph/>
import  merge translated .xlf files (or the .xlf files in a folder) back into the
        .wa.yaml sources named in them: only the translated texts change; a text over
        its limit, a missing placeholder, an unknown unit or language is reported at its
        line in the translation file, and then nothing is written

Options:
  --out DIR         export: where to write the .xlf files
  --language LIST   export: only these target languages (comma-separated)
  --format F        import: pretty (default), json, gcc, github or sarif

Exit status: 0 done, 1 problems in a translation file (nothing written), 2 bad usage or
a file that cannot be read or written.
`;

interface TranslationArgs {
  action: 'export' | 'import';
  paths: string[];
  out?: string;
  languages?: string[];
  format: Format;
}

function parse(argv: readonly string[]): TranslationArgs | 'help' {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') return 'help';
  if (action !== 'export' && action !== 'import') throw new UsageError(`unknown translations command \`${action}\`; use \`export\` or \`import\``);
  const args: TranslationArgs = { action, paths: [], format: 'pretty' };
  const valued = action === 'export' ? ['--out', '--language'] : ['--format'];
  const help = subcommandWords(`translations ${action}`, rest, { valued }, (p) => args.paths.push(p), (name, value) => {
    if (value === true) return;
    if (name === '--out') args.out = value;
    else if (name === '--language') {
      const list = value.split(',').map((s) => s.trim());
      const bad = list.find((l) => !/^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/.test(l));
      if (bad !== undefined) throw new UsageError(`\`--language\` takes language codes such as de or pt_BR; not \`${bad}\``);
      args.languages = list;
    } else {
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`\`--format\` takes ${FORMATS.join(', ')}; not \`${value}\``);
      args.format = value as Format;
    }
  });
  if (help) return help;
  if (action === 'export' && args.out === undefined) throw new UsageError('`waml translations export` needs `--out DIR`');
  if (action === 'import' && args.paths.length === 0) throw new UsageError('`waml translations import` needs the translation files: `waml translations import FILE ...`');
  return args;
}

/** Runs `waml translations …`; returns the exit status. */
export async function translationsCommand(argv: readonly string[], io: Io): Promise<number> {
  const parsed = subcommandArgs('translations', argv, io, parse, TRANSLATIONS_HELP);
  if (!parsed.ok) return parsed.code;
  const args = parsed.args;
  return args.action === 'export' ? exportCommand(args, io) : importCommand(args, io);
}

function exportCommand(args: TranslationArgs, io: Io): number {
  let found;
  try {
    found = discover(args.paths, io.cwd, [args.out!]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`waml: ${error.message}\n`);
    return 2;
  }
  if (found.length === 0) {
    io.stderr(`waml: no .wa.yaml files found in ${args.paths.length > 0 ? args.paths.join(', ') : 'the current folder'}\n`);
    return 2;
  }
  const sources: TextFile[] = [];
  for (const f of found) {
    const read = readSource(f.absolute, DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      io.stderr(`waml: ${f.display} cannot be read: ${read.reason}\n`);
      return 2;
    }
    sources.push({ path: f.display, text: read.text });
  }
  const { index, diagnostics } = analyze(sources);
  const files = exportXliff(index, args.languages);
  if (files.length === 0) {
    io.stderr(`waml: no message has ${args.languages ? `the language${args.languages.length > 1 ? 's' : ''} ${args.languages.join(', ')}` : 'several languages (declare `languages:`)'}; nothing to export\n`);
    // A language no message has is bad usage (as `check --language` says); no message in several languages is the sources' state.
    return args.languages ? 2 : 1;
  }
  const written = writeOutputs(resolve(io.cwd, args.out!), files, { removeStale: false, label: args.out! });
  for (const f of files) io.stdout(`${args.out!.replace(/[\\/]+$/, '')}/${f.path}: ${f.units} unit${f.units === 1 ? '' : 's'}, ${f.untranslated} untranslated\n`);
  const withErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  const notes = [`wrote ${written.written.length} translation file${written.written.length === 1 ? '' : 's'} to ${args.out}`];
  if (written.unchanged.length > 0) notes.push(`${written.unchanged.length} unchanged`);
  if (withErrors > 0) notes.push(`${withErrors} source${withErrors === 1 ? ' has' : 's have'} errors (\`waml check\` shows them)`);
  io.stderr(`waml: ${notes.join('; ')}\n`);
  return 0;
}

/** The .xlf files a PATH names: the file itself, or the .xlf/.xliff files of a folder (not below). */
function translationFiles(paths: readonly string[], cwd: string): { display: string; absolute: string }[] | string {
  const out: { display: string; absolute: string }[] = [];
  for (const p of paths) {
    const absolute = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      return `no such file or folder: ${p}`;
    }
    if (stat.isDirectory()) {
      const names = readdirSync(absolute).filter((n) => /\.(?:xlf|xliff)$/i.test(n)).sort();
      for (const n of names) out.push({ absolute: join(absolute, n), display: displayPath(cwd, join(absolute, n)) });
    } else out.push({ absolute, display: displayPath(cwd, absolute) });
  }
  return out.length > 0 ? out : `no .xlf files found in ${paths.join(', ')}`;
}

function importCommand(args: TranslationArgs, io: Io): number {
  const listed = translationFiles(args.paths, io.cwd);
  if (typeof listed === 'string') {
    io.stderr(`waml: ${listed}\n`);
    return 2;
  }
  const translations: TextFile[] = [];
  for (const f of listed) {
    const read = readSource(f.absolute, DEFAULT_MAX_FILE_SIZE * 16);
    if (!read.ok) {
      io.stderr(`waml: ${f.display} cannot be read: ${read.reason}\n`);
      return 2;
    }
    translations.push({ path: f.display, text: read.text });
  }
  // The sources the files name, relative to the working folder (as export wrote them).
  const originals = new Set<string>();
  for (const t of translations) for (const file of readXliff(t.path, t.text).document?.files ?? []) originals.add(file.original);
  const sources: TextFile[] = [];
  const unreadable = new Map<string, string>();
  const bom = new Set<string>();
  for (const original of [...originals].sort()) {
    const absolute = resolve(io.cwd, original);
    const read = readSource(absolute, DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      unreadable.set(original, read.reason);
      continue;
    }
    sources.push({ path: original, text: read.text });
    if (readFileSync(absolute).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) bom.add(original);
  }
  const result = importTranslations({ translations, sources, unreadable, analyze });
  const map = new SourceMap();
  for (const f of [...translations, ...sources]) map.add(f.path, f.text);
  const shown = render(sortDiagnostics(result.diagnostics), map, args.format, { files: translations.length, version: io.version });
  if (shown !== '') io.stdout(shown);
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`waml: nothing imported: the translation files have errors\n`);
    return 1;
  }
  for (const c of result.changed) {
    const absolute = resolve(io.cwd, c.path);
    writeOutputs(dirname(absolute), [{ path: basename(absolute), text: bom.has(c.path) ? `\uFEFF${c.text}` : c.text }], { removeStale: false, label: dirname(c.path) });
  }
  io.stderr(
    result.changed.length === 0
      ? `waml: nothing to import: the sources already have every translated text (${result.units} unit${result.units === 1 ? '' : 's'} read)\n`
      : `waml: imported ${result.texts} text${result.texts === 1 ? '' : 's'} into ${result.changed.map((c) => c.path).join(', ')}\n`,
  );
  return 0;
}
