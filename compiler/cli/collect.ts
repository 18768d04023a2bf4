import { runInNewContext } from 'node:vm';

/**
 * How many batches a thread compiles between two full garbage collections of its heap.
 * A build promotes about 1.6 MB of each batch's short-lived data to V8's old generation
 * (10,000 files: 63 MB over 40 batches, `--trace-gc-nvp`), which V8 collects only when the
 * old generation reaches a limit it sets from its own timing: the same build of 50,000
 * files peaked anywhere from 152 to 201 MB. Collecting every 10 batches (2,500 files, a few
 * milliseconds each time) keeps what is garbage there to about 16 MB, however many files.
 */
export const COLLECT_EVERY = 10;

/**
 * A full collection, where V8 allows one: the command (bin/waml.cjs) runs V8 with
 * `--expose-gc`, which gives each new context a `gc` function. Elsewhere (the API, the
 * tests), nothing: V8 collects as it always does. The function is looked for on the first
 * collection, not before: a new context costs a cold start several milliseconds, and a run
 * of fewer than COLLECT_EVERY batches (every check of a few files) never collects.
 */
export function collector(): () => void {
  let gc: (() => void) | null | undefined;
  return () => {
    if (gc === undefined) gc = find();
    if (gc) gc();
  };
}

function find(): (() => void) | null {
  try {
    const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
    return gc ?? null;
  } catch {
    // No `gc` in a new context: nothing to do.
    return null;
  }
}
