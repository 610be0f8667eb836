// A cold model is a state, not a failure. When the user starts typing after a pause (or for the first time, or
// with another model), ask the server once whether the model is in memory (/api/ps); if not, load it with its own,
// long time-out and tell the editor "loading …" meanwhile. Requests wait for the load instead of timing out on
// it. Nothing here runs per keystroke beyond a comparison of two numbers.

import type { FimProvider, ModelResidency, ProviderFailure } from '../wire/types';

export interface WarmthPorts {
  provider: () => FimProvider;
  /** Monotonic ms. */
  now: () => number;
  /** The model being loaded, or undefined when no load is going on. */
  onLoading?: (model: string | undefined) => void;
  /** What the server said, after loading if the model was cold (a load failure feeds local health). */
  onResidency?: (model: string, residency: ModelResidency, loadFailure: ProviderFailure | undefined) => void;
  /** The load time-out from the settings (hybrid.timeouts.localLoadMs); without it, `loadTimeoutMs` below. */
  loadTimeoutMs?: () => number;
}

export interface WarmthOptions {
  /** Typing after this long without a completion request re-asks whether the model is still loaded. */
  idleMs: number;
  /** Time allowed for loading the model into memory (separate from the first-byte time-out of a request); default when the ports give none. */
  loadTimeoutMs: number;
}

export const DEFAULT_WARMTH: Readonly<WarmthOptions> = Object.freeze({ idleMs: 120_000, loadTimeoutMs: 120_000 });

export class ModelWarmth {
  private model = '';
  private lastTouch = -Infinity;
  private pending: Promise<void> | undefined;
  private residency: ModelResidency | undefined;
  private readonly controller = new AbortController();

  constructor(private readonly ports: WarmthPorts, private readonly opts: WarmthOptions = DEFAULT_WARMTH) {}

  /** What the server said last (context lengths for fitting the prompt); undefined until it said. */
  get known(): ModelResidency | undefined {
    return this.residency;
  }

  /** Called on each completion call: after a pause, or for a new model, starts a residency check in the background. */
  touch(model: string): void {
    const now = this.ports.now();
    const stale = model !== this.model || now - this.lastTouch >= this.opts.idleMs;
    this.lastTouch = now;
    if (!stale || this.pending) return;
    this.model = model;
    this.residency = undefined;
    this.pending = this.check(model).finally(() => { this.pending = undefined; });
  }

  /** A promise to wait on before sending a request (a check or a load is running), else undefined. */
  whenReady(): Promise<void> | undefined {
    return this.pending;
  }

  /** A request answered: the model is in memory (whatever we thought). */
  answered(model: string): void {
    if (model === this.model && this.residency) this.residency = { ...this.residency, loaded: true };
  }

  /** Forget what we know (settings changed, a request timed out): the next keystroke asks again. */
  invalidate(): void {
    this.lastTouch = -Infinity;
  }

  dispose(): void {
    this.controller.abort();
  }

  private async check(model: string): Promise<void> {
    const provider = this.ports.provider();
    if (!provider.residency) return;
    const r = await provider.residency(model, this.controller.signal);
    if (model !== this.model) return;
    this.residency = r;
    if (!r) return;
    let failure: ProviderFailure | undefined;
    if (!r.loaded && provider.warm) {
      this.ports.onLoading?.(model);
      try {
        failure = await provider.warm(model, this.ports.loadTimeoutMs?.() ?? this.opts.loadTimeoutMs, this.controller.signal);
      } finally {
        this.ports.onLoading?.(undefined);
      }
      if (!failure) this.residency = { ...r, loaded: true };
      else this.invalidate();
    }
    if (this.controller.signal.aborted) return;
    this.ports.onResidency?.(model, this.residency ?? r, failure);
  }
}
