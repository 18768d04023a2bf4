import { FORMATS, type Format } from '../diagnostics/render.js';
import { LANGUAGE_CODE, normalCode } from '../languages/declare.js';

export const EMITS = ['json', 'ts', 'js', 'types'] as const;
export type Emit = (typeof EMITS)[number];

export interface Args {
  command: 'check' | 'build' | 'schema' | 'init' | 'import' | 'lsp' | 'preview' | 'help' | 'version';
  png?: string;
  serve?: boolean;
  port?: number;
  name?: string;
  paths: string[];
  format?: Format;
  maxWarnings?: number;
  out?: string;
  emit: Emit[];
  to?: string;
  data?: string;
  /** `--language de,es`: the languages to check and build (messages with `languages:`). */
  languages?: string[];
  maxFileSize?: number;
  jobs?: number;
  watch: boolean;
  debug: boolean;
}

export class UsageError extends Error {}

/**
 * The words after a subcommand's action (`waml templates push …`), in order: a path, a flag
 * of `flags` (never with `=`), or an option of `valued` with its value (`--name value` or
 * `--name=value`), each handed to `path` or `set`; `--help` anywhere is 'help'. Anything else
 * starting with `--` is a usage error naming it.
 */
export function subcommandWords(
  command: string,
  rest: readonly string[],
  allowed: { flags?: readonly string[]; valued: readonly string[] },
  path: (word: string) => void,
  set: (name: string, value: string | true) => void,
): 'help' | undefined {
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) {
      path(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (eq === -1 && allowed.flags?.includes(name)) {
      set(name, true);
      continue;
    }
    if (!allowed.valued.includes(name)) throw new UsageError(`unknown option \`${name}\` for \`waml ${command}\``);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`\`${name}\` needs a value`);
    set(name, value);
  }
  return undefined;
}

/**
 * The opening every subcommand (`waml templates`, `waml translations`) shares: its
 * arguments parsed, or its exit status when they were a usage error (exit 2, one line and
 * where to look) or `--help` (exit 0, the help printed).
 */
export function subcommandArgs<A>(
  name: string,
  argv: readonly string[],
  io: { stdout(text: string): void; stderr(text: string): void },
  parse: (argv: readonly string[]) => A | 'help',
  help: string,
): { ok: true; args: A } | { ok: false; code: number } {
  let args: A | 'help';
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`waml: ${error.message}\nRun \`waml ${name} --help\` for usage.\n`);
    return { ok: false, code: 2 };
  }
  if (args === 'help') {
    io.stdout(help);
    return { ok: false, code: 0 };
  }
  return { ok: true, args };
}

const TAKES_VALUE = new Set(['--format', '--max-warnings', '--out', '--emit', '--to', '--data', '--language', '--max-file-size', '--jobs']);
/** The options each batch command takes (its usage line in `--help` names each but --debug). */
export const FLAGS: Record<string, readonly string[]> = {
  check: ['--format', '--max-warnings', '--data', '--language', '--max-file-size', '--jobs', '--debug'],
  build: ['--format', '--max-warnings', '--out', '--emit', '--to', '--data', '--language', '--max-file-size', '--jobs', '--watch', '--debug'],
};

/** Parses `waml <command> [PATH ...] [--flag value | --flag=value]`. */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: 'help', paths: [], emit: ['json'], watch: false, debug: false };
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return args;
  if (command === 'version' || command === '--version' || command === '-v') return { ...args, command: 'version' };
  if (command === 'preview') {
    const out: Args = { ...args, command: 'preview' };
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--serve') out.serve = true;
      else if (a === '--out' || a === '--png' || a === '--data' || a === '--port') {
        const v = rest[++i];
        if (!v) throw new UsageError(`\`${a}\` needs a value`);
        if (a === '--out') out.out = v;
        else if (a === '--png') out.png = v;
        else if (a === '--data') out.data = v;
        else if (/^\d{1,5}$/.test(v) && Number(v) <= 65535) out.port = Number(v);
        else throw new UsageError(`\`--port\` takes a port number, 0 to 65535 (0: any free port); not \`${v}\``);
      } else if (a.startsWith('--')) throw new UsageError(`unknown option \`${a}\` for \`waml preview\``);
      else out.paths.push(a);
    }
    if (!out.serve && !out.out && !out.png) throw new UsageError('`waml preview` needs `--out page.html`, `--png FILE` or `--serve`');
    return out;
  }
  if (command === 'lsp') {
    if (rest.some((a) => a !== '--stdio')) throw new UsageError('`waml lsp` speaks over stdio: `waml lsp --stdio`');
    return { ...args, command: 'lsp' };
  }
  if (command === 'schema') {
    if (rest.length > 0) throw new UsageError('`waml schema` takes no arguments');
    return { ...args, command: 'schema' };
  }
  if (command === 'init') {
    if (rest.length > 1 || rest.some((a) => a.startsWith('--'))) throw new UsageError('`waml init` takes at most one folder');
    return { ...args, command: 'init', paths: rest };
  }
  if (command === 'import') {
    const out: Args = { ...args, command: 'import' };
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--name' || a === '--out') {
        const v = rest[++i];
        if (!v) throw new UsageError(`\`${a}\` needs a value`);
        if (a === '--name') out.name = v;
        else out.out = v;
      } else if (a.startsWith('--')) throw new UsageError(`unknown option \`${a}\` for \`waml import\``);
      else out.paths.push(a);
    }
    if (out.paths.length !== 1) throw new UsageError('`waml import` takes one body file: `waml import BODY.json [--name NAME] [--out FILE]`');
    return out;
  }
  if (command !== 'check' && command !== 'build') throw new UsageError(`unknown command \`${command}\`; use \`check\`, \`build\`, \`import\`, \`schema\`, \`init\`, \`lsp\` or \`preview\``);
  args.command = command;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { ...args, command: 'help' };
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!FLAGS[command]!.includes(name)) throw new UsageError(`unknown option \`${name}\` for \`waml ${command}\``);
    let value: string | undefined;
    if (TAKES_VALUE.has(name)) {
      value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`\`${name}\` needs a value`);
    } else if (eq !== -1) throw new UsageError(`\`${name}\` takes no value`);
    switch (name) {
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value!)) throw new UsageError(`\`--format\` takes ${FORMATS.join(', ')}; not \`${value}\``);
        args.format = value as Format;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value!)) throw new UsageError(`\`--max-warnings\` takes a whole number; not \`${value}\``);
        args.maxWarnings = Number(value);
        break;
      case '--out':
        args.out = value!;
        break;
      case '--emit': {
        const emits = value!.split(',').map((s) => s.trim());
        for (const e of emits) {
          if (!(EMITS as readonly string[]).includes(e)) throw new UsageError(`\`--emit\` takes ${EMITS.join(', ')}; not \`${e}\``);
        }
        args.emit = [...new Set(emits as Emit[])];
        break;
      }
      case '--to':
        args.to = value!;
        break;
      case '--data':
        args.data = value!;
        break;
      case '--language': {
        // A comma list, as --emit takes; repeating the option adds to it.
        const codes = value!.split(',').map((s) => s.trim());
        for (const c of codes) {
          if (!LANGUAGE_CODE.test(c)) {
            const fixed = normalCode(c);
            throw new UsageError(`\`--language\` takes language codes such as en_US,de; not \`${c}\`${LANGUAGE_CODE.test(fixed) ? ` (did you mean \`${fixed}\`?)` : ''}`);
          }
        }
        args.languages = [...new Set([...(args.languages ?? []), ...codes])];
        break;
      }
      case '--jobs':
        if (!/^[1-9]\d*$/.test(value!)) throw new UsageError(`\`--jobs\` takes a number of threads (the main one included), 1 or more; not \`${value}\``);
        args.jobs = Number(value);
        break;
      case '--max-file-size':
        if (!/^[1-9]\d*$/.test(value!)) throw new UsageError(`\`--max-file-size\` takes a number of bytes; not \`${value}\``);
        args.maxFileSize = Number(value);
        break;
      case '--debug':
        args.debug = true;
        break;
      case '--watch':
        args.watch = true;
        break;
    }
  }
  // Declarations beside the sources (`--emit types` alone) need no output folder.
  const onlyTypes = args.emit.length === 1 && args.emit[0] === 'types';
  if (command === 'build' && args.out === undefined && !onlyTypes) throw new UsageError('`waml build` needs `--out DIR`');
  return args;
}

export { HELP } from './help.js';
