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
 * tests), nothing: V8 collects as it always does.
 */
export function collector(): () => void {
  try {
    const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
    if (gc) return () => gc();
  } catch {
    // No `gc` in a new context: nothing to do.
  }
  return () => undefined;
}
