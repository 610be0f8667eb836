// One running answer per chat thread. A newer run claims the thread synchronously, so two commands started in
// quick succession cannot both see "nothing running" and stream at once: the claim aborts the run before it
// (runAsk then closes that run's provider stream) and the newer run starts only once that one has finished.
// Stop always reaches the run that holds the thread.

/** How long a newer run waits for a stopped one; a well-behaved stream ends long before this after abort. */
export const STOP_GRACE_MS = 3000;

interface Slot {
  abort: AbortController;
  finished: Promise<void>;
  release(): void;
}

export interface Claim {
  /** Resolves when the run this claim displaced has finished (or after the grace period). */
  ready: Promise<void>;
  /** Call when this run has ended, whatever the way; the thread is free again unless a newer run took it. */
  release(): void;
}

export class OneRunning {
  private current: Slot | undefined;

  constructor(private readonly graceMs = STOP_GRACE_MS) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Takes the thread for the run `abort` controls, stopping whichever run had it. */
  claim(abort: AbortController): Claim {
    const previous = this.current;
    let resolve!: () => void;
    const finished = new Promise<void>((r) => { resolve = r; });
    const slot: Slot = {
      abort, finished,
      release: () => { resolve(); if (this.current === slot) this.current = undefined; },
    };
    this.current = slot;
    previous?.abort.abort();
    return { ready: previous ? this.waitFor(previous) : Promise.resolve(), release: slot.release };
  }

  /** Stops the running answer, if any (the Stop button, a new chat). Resolves once it has finished. */
  stop(): Promise<void> {
    const slot = this.current;
    if (!slot) return Promise.resolve();
    slot.abort.abort();
    return this.waitFor(slot);
  }

  private async waitFor(slot: Slot): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([slot.finished, new Promise<void>((r) => { timer = setTimeout(r, this.graceMs); })]);
    clearTimeout(timer);
  }
}
