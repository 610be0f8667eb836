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
  /** What the server said, after loading if the model was cold; `loadFailure` only when the server went away. */
  onResidency?: (model: string, residency: ModelResidency, loadFailure: ProviderFailure | undefined) => void;
  /** The model would not load (the cause and the fix), or `undefined` once it loaded or answered after that. */
  onLoadFailed?: (model: string, failure: ProviderFailure | undefined) => void;
  /** The load time-out from the settings (hybrid.timeouts.localLoadMs); without it, `loadTimeoutMs` below. */
  loadTimeoutMs?: () => number;
}

export interface WarmthOptions {
  /** Typing after this long without a completion request re-asks whether the model is still loaded. */
  idleMs: number;
  /** Time allowed for loading the model into memory (separate from the first-byte time-out of a request); default when the ports give none. */
  loadTimeoutMs: number;
  /** After a failed load, completion waits this long before it loads (or asks) again. */
  holdAfterFailureMs: number;
}

export const DEFAULT_WARMTH: Readonly<WarmthOptions> = Object.freeze({ idleMs: 120_000, loadTimeoutMs: 120_000, holdAfterFailureMs: 10_000 });

const SHARED: ReadonlySet<ProviderFailure['code']> = new Set(['connection', 'modelMissing', 'notLocal']);

export class ModelWarmth {
  private model = '';
  private lastTouch = -Infinity;
  private pending: Promise<void> | undefined;
  private residency: ModelResidency | undefined;
  /** The last load failed and nothing has loaded or answered since (what onLoadFailed last said). */
  private failed = false;
  /** When a load last failed, for the hold; -Infinity once it is over or the user retried. */
  private failedAt = -Infinity;
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
    this.loaded(model);
  }

  /**
   * True for a while after the model failed to load: no keystroke starts another load (or a request that would
   * make the server load it) until then, so a model that cannot load is not reloaded on every keystroke.
   */
  get holding(): boolean {
    return this.ports.now() - this.failedAt < this.opts.holdAfterFailureMs;
  }

  /** The user retried or the settings changed: the failure is forgotten, and the next keystroke may load at once. */
  forgetFailure(): void {
    this.loaded(this.model);
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
    // A server gone, a model not pulled or not local: local health's business, which its probe sees too. A model
    // that would not load (out of memory, past hybrid.timeouts.localLoadMs) is completion's own state: the chat
    // model may be fine, and the server still answers the health probe, which would call it "ready" a second later.
    const gone = failure !== undefined && SHARED.has(failure.code);
    this.ports.onResidency?.(model, this.residency ?? r, gone ? failure : undefined);
    if (failure && !gone) { this.failed = true; this.failedAt = this.ports.now(); this.ports.onLoadFailed?.(model, failure); }
    else if (!failure) this.loaded(model);
  }

  private loaded(model: string): void {
    if (!this.failed) return;
    this.failed = false;
    this.failedAt = -Infinity;
    this.ports.onLoadFailed?.(model, undefined);
  }
}
