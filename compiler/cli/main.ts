// The `waml` executable: runs the command line and turns an internal failure into one line
// that says it is a bug (the stack only with --debug), with exit status 2. What the system
// refuses (a full disk, a read-only folder) is said in one plain line, exit status 2 too.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import pkg from '../../package.json' with { type: 'json' };
import { runBatch, type BatchInput } from './batch.js';
import { describeSystemError, EnvironmentError, isSystemError } from './environment.js';
import { run } from './run.js';

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
if (!isMainThread && (workerData as { waml?: string } | null)?.waml === 'batch') {
  // A worker thread of `--jobs`: it compiles the batches it is given.
  parentPort!.on('message', async (input: BatchInput) => parentPort!.postMessage(await runBatch(input)));
} else {
  // A reader that stops early (`waml check | head`) closes the pipe: stop writing, quietly.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  try {
    process.exitCode = await run(argv, {
      cwd: process.cwd(),
      env: process.env,
      stdout: (s) => void (closed || process.stdout.write(s)),
      stderr: (s) => process.stderr.write(s),
      isTTY: process.stdout.isTTY === true,
      version: pkg.version,
      workerUrl: new URL(import.meta.url),
      lspUrl: new URL('./lsp.js', import.meta.url),
    });
  } catch (error) {
    process.stderr.write(failure(error, argv.includes('--debug')));
    process.exitCode = 2;
  }
}
