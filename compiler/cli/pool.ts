import type { Worker } from 'node:worker_threads';
import { runBatch, type BatchInput, type BatchResult } from './batch.js';
import { EnvironmentError } from './environment.js';
import { batchFiles } from './files.js';
import { collector, COLLECT_EVERY } from './collect.js';

/** The argument a worker thread of `--jobs` is started with (its first, where a command would be). */
export const WORKER = '--waml-worker';

/** What every batch of a run shares: everything of a batch's input but its files. */
export type Shared = Omit<BatchInput, 'files'>;

/**
 * What a worker thread of `--jobs` is sent, once: every batch (its files' shown paths joined
 * by NUL), the working folder, what the batches share, and the counter of batches taken,
 * which every thread of the run (the main one too) takes its next batch from.
 */
export interface Start {
  batches: string[];
  cwd: string;
  shared: Shared;
  next: Int32Array;
}

/** A failure in a worker thread, as data: the main thread reports it as it would its own. */
export interface Failed {
  message: string;
  stack?: string;
  code?: string;
  environment?: boolean;
}

/** What a worker thread says: a batch's result, that no batch is left, or its failure. */
export type FromWorker = { batch: number; result: BatchResult } | { done: true } | { failed: Failed };

/** The next batch not yet taken by any thread of the run (the counter only grows). */
function take(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
}

/**
 * A worker thread's work: batch after batch, each the next one no thread has taken, until
 * none is left. Each result goes back as soon as it is ready; a failure ends the thread's work.
 */
export async function workBatches(start: Start, post: (message: FromWorker) => void, failed: (error: unknown) => Failed): Promise<void> {
  const collect = collector();
  let ran = 0;
  try {
    for (let i = take(start.next); i < start.batches.length; i = take(start.next)) {
      post({ batch: i, result: await runBatch({ ...start.shared, files: batchFiles(start.batches[i]!, start.cwd) }) });
      if (++ran % COLLECT_EVERY === 0) collect();
    }
    post({ done: true });
  } catch (error) {
    post({ failed: failed(error) });
  }
}

/**
 * Runs every batch exactly once, on `jobs` threads: the main thread and `jobs - 1` worker
 * threads. No thread is handed its batches: each takes the next batch not yet taken from a
 * counter they share (an `Int32Array` on a `SharedArrayBuffer`, `Atomics.add`), so a thread
 * that is given less of the machine simply takes fewer batches, and none waits on another
 * to be told what to do next. The main thread computes a share too, rather than wait: a run
 * with two threads has two isolates, not three. Results reach `use` in batch order (those
 * that arrive early wait for the ones before them), so what the run prints does not depend
 * on which thread compiled what. A failure in any thread stops the others and is thrown.
 */
export async function runAll(batches: string[], cwd: string, shared: Shared, jobs: number, url: URL | undefined, Thread: (() => Promise<typeof Worker>) | undefined, use: (result: BatchResult) => void): Promise<void> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const early = new Map<number, BatchResult>();
  let inOrder = 0;
  const settle = (i: number, result: BatchResult) => {
    // Each batch is taken once; a second result for one would be a bug, said rather than dropped.
    if (i < inOrder || early.has(i)) throw new Error(`batch ${i} of ${batches.length} gave two results`);
    early.set(i, result);
    for (let r = early.get(inOrder); r !== undefined; r = early.get(inOrder)) {
      early.delete(inOrder);
      inOrder++;
      use(r);
    }
  };
  const workers: Worker[] = [];
  const finished: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    // No thread takes another batch, and the workers are stopped.
    Atomics.store(next, 0, batches.length);
    for (const w of workers) void w.terminate();
  };
  const threads = Math.min(jobs, batches.length) - 1;
  if (threads > 0 && url && Thread) {
    const Worker = await Thread();
    const start: Start = { batches, cwd, shared, next };
    for (let j = 0; j < threads; j++) {
      const w = new Worker(url, { argv: [WORKER] });
      workers.push(w);
      finished.push(
        new Promise<void>((resolve) => {
          w.on('message', (m: FromWorker) => {
            if ('batch' in m) {
              try {
                settle(m.batch, m.result);
              } catch (error) {
                fail(error);
              }
            } else {
              if ('failed' in m) fail(rebuild(m.failed));
              void w.terminate();
              resolve();
            }
          });
          w.on('error', (error) => {
            fail(error);
            resolve();
          });
          w.on('exit', () => resolve());
        }),
      );
      w.postMessage(start);
    }
  }
  const collect = collector();
  let ran = 0;
  try {
    for (let i = take(next); i < batches.length; i = take(next)) {
      settle(i, await runBatch({ ...shared, files: batchFiles(batches[i]!, cwd) }));
      // Each thread's heap is collected in full every few batches (see COLLECT_EVERY).
      if (++ran % COLLECT_EVERY === 0) collect();
      // A turn of the event loop: the workers' results and failures come in between batches.
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    fail(error);
  }
  await Promise.all(finished);
  if (failure) throw failure.error;
  // Every batch was taken; one taken by a thread that then stopped without a result or a
  // failure (it cannot, short of a crash that 'error' reports) would be a bug, said plainly.
  if (inOrder !== batches.length) throw new Error(`${batches.length - inOrder} of ${batches.length} batches gave no result`);
}

/**
 * A worker's failure, as the main thread would have met it: what the system refused (a full
 * disk, a read-only folder) is an EnvironmentError again, said in one plain line.
 */
function rebuild(failed: Failed): Error {
  const error = Object.assign(failed.environment ? new EnvironmentError(failed.message) : new Error(failed.message), failed.code !== undefined ? { code: failed.code } : {});
  if (failed.stack !== undefined) error.stack = failed.stack;
  return error;
}
