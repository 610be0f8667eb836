// Last-writer-wins debounce: each call supersedes the one before it, which resolves `false` at once instead of
// hanging until its timer. Nothing reaches the model while the user is still typing.

import type { Timers } from './timers';

export class Debouncer {
  private pending: { handle: unknown; resolve: (go: boolean) => void } | undefined;

  constructor(private readonly timers: Timers) {}

  /** Resolves true after `ms` unless superseded by a newer call, `cancel()`, or `signal`. */
  wait(ms: number, signal: AbortSignal): Promise<boolean> {
    this.cancel();
    if (signal.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const onAbort = (): void => this.settle(entry, false);
      const finish = (go: boolean): void => { signal.removeEventListener('abort', onAbort); resolve(go); };
      const entry = { handle: undefined as unknown, resolve: finish };
      this.pending = entry;
      signal.addEventListener('abort', onAbort, { once: true });
      entry.handle = ms > 0 ? this.timers.setTimeout(() => this.settle(entry, true), ms) : undefined;
      if (ms <= 0) this.settle(entry, true);
    });
  }

  /** Drops the pending wait (it resolves false). */
  cancel(): void {
    if (this.pending) this.settle(this.pending, false);
  }

  private settle(entry: { handle: unknown; resolve: (go: boolean) => void }, go: boolean): void {
    if (this.pending !== entry) return;
    this.pending = undefined;
    if (entry.handle !== undefined) this.timers.clearTimeout(entry.handle);
    entry.resolve(go);
  }
}

/**
 * Debounce that grows with the model's observed latency: when answers are slow, a request sent mid-word is
 * more likely to be wasted, so wait longer (up to 2× the base); a fast model keeps the base delay.
 */
export class AdaptiveDelay {
  private readonly samples: number[] = [];

  constructor(private readonly window = 10) {}

  observe(latencyMs: number): void {
    this.samples.push(latencyMs);
    if (this.samples.length > this.window) this.samples.shift();
  }

  delay(baseMs: number): number {
    if (!this.samples.length || baseMs <= 0) return baseMs;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return Math.round(Math.min(baseMs * 2, Math.max(baseMs, baseMs + (median - 500) / 4)));
  }
}
