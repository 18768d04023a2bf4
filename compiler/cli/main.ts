// The `waml` executable: runs the command line and turns an internal failure into one line
// that says it is a bug (the stack only with --debug), with exit status 2.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import pkg from '../../package.json' with { type: 'json' };
import { runBatch, type BatchInput } from './batch.js';
import { run } from './run.js';

const argv = process.argv.slice(2);
if (!isMainThread && (workerData as { waml?: string } | null)?.waml === 'batch') {
  // A worker thread of `--jobs`: it compiles the batches it is given.
  parentPort!.on('message', async (input: BatchInput) => parentPort!.postMessage(await runBatch(input)));
} else try {
  process.exitCode = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    version: pkg.version,
    workerUrl: new URL(import.meta.url),
    lspUrl: new URL('./lsp.js', import.meta.url),
  });
} catch (error) {
  const detail = argv.includes('--debug') && error instanceof Error ? `\n${error.stack}` : '';
  process.stderr.write(
    `waml: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
      `This is a bug in waml ${pkg.version}; please report it with the input that caused it (run with --debug for the stack).${detail}\n`,
  );
  process.exitCode = 2;
}
