/** A timer, injected so that tests count the delays requested instead of waiting for them. */
export interface Timer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Node's timers. A delay of 0 runs on the next turn of the event loop (setImmediate), after
 * the messages already read: setTimeout(run, 0) would wait a whole millisecond more.
 */
export const REAL_TIMER: Timer = {
  set: (run, ms) => (ms <= 0 ? { immediate: setImmediate(run) } : setTimeout(run, ms)),
  clear: (handle) => {
    if (typeof handle === 'object' && handle !== null && 'immediate' in handle) clearImmediate((handle as { immediate: ReturnType<typeof setImmediate> }).immediate);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Runs a job `ms` after the last time it was asked for, per key: a burst of edits to one
 * document is checked once, after the burst.
 */
export class Debouncer {
  private readonly pending = new Map<string, unknown>();
  constructor(
    private readonly timer: Timer,
    private readonly ms: number,
  ) {}

  schedule(key: string, run: () => void): void {
    const old = this.pending.get(key);
    if (old !== undefined) this.timer.clear(old);
    this.pending.set(
      key,
      this.timer.set(() => {
        this.pending.delete(key);
        run();
      }, this.ms),
    );
  }

  cancel(key: string): void {
    const old = this.pending.get(key);
    if (old !== undefined) this.timer.clear(old);
    this.pending.delete(key);
  }
}
