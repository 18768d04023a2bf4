// The `waml` executable: runs the command line and turns an internal failure into one line
// that says it is a bug (the stack only with --debug), with exit status 2. What the system
// refuses (a full disk, a read-only folder) is said in one plain line, exit status 2 too.
// Bundled as CommonJS into dist/cli/waml.cjs, which bin/waml.cjs loads through V8's code cache.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import pkg from '../../package.json' with { type: 'json' };
import { workBatches, type Start } from './pool.js';
import { describeSystemError, EnvironmentError, isSystemError } from './environment.js';
import { run, WORKER } from './run.js';

/** The loader that started this bundle (bin/waml.cjs), when there is one: worker threads start through it too. */
declare const __wamlLoader: string | undefined;
/** The loader's way to the CLI's chunks; told when a run is one to write the code cache from. */
declare const __wamlChunk: (((name: string) => unknown) & { cacheThisRun?: () => void }) | undefined;

/** The line for an error: the surroundings' in plain words, anything else as a bug. */
function failure(error: unknown, debug: boolean): string {
  if (error instanceof EnvironmentError) return `waml: ${error.message}\n`;
  if (isSystemError(error)) {
    const where = [error.syscall, error.path].filter(Boolean).join(' ');
    return `waml: ${where ? `${where}: ` : ''}${describeSystemError(error)}\n`;
  }
  const detail = debug && error instanceof Error ? `\n${error.stack}` : '';
  return (
    `waml: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
    `This is a bug in waml ${pkg.version}; please report it with the input that caused it (run with --debug for the stack).${detail}\n`
  );
}

const argv = process.argv.slice(2);

if (argv[0] === WORKER) {
  // A worker thread of `--jobs` (worker_threads is loaded only here: a run on one thread
  // starts faster without it).
  void import('node:worker_threads').then(({ isMainThread, parentPort }) => {
    if (isMainThread || !parentPort) {
      process.stderr.write(`waml: ${WORKER} is for waml's own worker threads\n`);
      process.exitCode = 2;
      return;
    }
    serve(parentPort);
  });
} else main();

/** The command line. */
function main(): void {
  run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: writer(1, () => process.stdout),
    stderr: writer(2, () => process.stderr),
    get isTTY() {
      return stdoutIsTerminal();
    },
    version: pkg.version,
    // This file is CommonJS (dist/cli/waml.cjs): __filename is its own path.
    workerUrl: pathToFileURL(typeof __wamlLoader === 'string' ? __wamlLoader : __filename),
    // The language server is a bundle of its own beside this one, loaded only for `waml lsp`.
    lsp: () => import(join(dirname(__filename), 'lsp.cjs')),
    // A run that compiled files is one whose code the loader's code cache should hold.
    compiled: () => {
      if (typeof __wamlChunk === 'function') __wamlChunk.cacheThisRun?.();
    },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(failure(error, argv.includes('--debug')));
      process.exitCode = 2;
    },
  );
}

/**
 * A worker thread: sent the run's batches once, it reads, compiles and writes batch after
 * batch, each the next one no thread has taken. A failure goes back as data, so that the main
 * thread reports it as it would its own.
 */
function serve(port: MessagePort): void {
  port.once('message', (start: Start) => {
    void workBatches(
      start,
      (message) => port.postMessage(message),
      (error) => {
        const e = error instanceof Error ? error : new Error(String(error));
        // What the system refused is said in the main thread as it would be there: plainly.
        const environment = e instanceof EnvironmentError || isSystemError(e);
        const message = e instanceof EnvironmentError || !environment ? e.message : failure(e, false).replace(/^waml: |\n$/g, '');
        return { message, ...(e.stack !== undefined ? { stack: e.stack } : {}), ...((e as NodeJS.ErrnoException).code !== undefined ? { code: (e as NodeJS.ErrnoException).code! } : {}), environment };
      },
    );
  });
}

/**
 * Writes to stdout or stderr directly, without setting up Node's stream (which costs a
 * run of one file a noticeable part of its time). Where the descriptor cannot take the
 * text now (a non-blocking pipe that is full) or at all, the rest goes through the stream,
 * and so does everything after it, so the order is kept. A reader that stops early
 * (`waml check | head`) closes the pipe: writing stops, quietly.
 */
function writer(fd: number, stream: () => NodeJS.WriteStream): (text: string) => void {
  let direct = true;
  let closed = false;
  let listening = false;
  const viaStream = (data: string | Uint8Array) => {
    const s = stream();
    if (!listening) {
      listening = true;
      s.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    s.write(data);
  };
  return (text) => {
    if (closed) return;
    if (direct) {
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
          closed = true;
          return;
        }
        direct = false;
        viaStream(bytes.subarray(done));
        return;
      }
    }
    viaStream(text);
  };
}

/**
 * Whether stdout is a terminal, worked out without loading Node's tty module (and its
 * sockets) where the answer is plainly no: a pipe, a file, /dev/null.
 */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    const nul = statSync('/dev/null', { throwIfNoEntry: false });
    if (nul && nul.rdev === out.rdev) return false;
  } catch {
    // Ask Node below.
  }
  return process.stdout.isTTY === true;
}
