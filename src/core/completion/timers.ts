// Timers and time as a port, so debounce and grace periods run on a fake clock in tests.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Monotonic milliseconds with sub-millisecond precision (latency figures, not wall time). */
export const monotonicNow = (): number => performance.now();

/** Resolves true when `p` settles, false if `signal` aborts first. */
export function untilDone(p: Promise<void>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(() => { signal.removeEventListener('abort', onAbort); resolve(true); });
  });
}
