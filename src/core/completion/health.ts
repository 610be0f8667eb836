// Whether the local model can answer completions. Transitions only — the adapter shows one notice per outage,
// not one per keystroke — and a retry interval so a dead server is not hit on every pause in typing.

import type { FailureCode, ProviderFailure } from '../providers/types';

export type CompletionHealthState = 'ready' | 'offline' | 'modelMissing' | 'notLocal';

export interface CompletionHealth {
  state: CompletionHealthState;
  /** Present when not ready: the provider's failure (message and fix, e.g. `ollama pull <model>`). */
  failure?: ProviderFailure;
  model: string;
}

const OFFLINE_CODES: ReadonlySet<FailureCode> = new Set(['connection', 'timeout']);

export function healthFor(failure: ProviderFailure | undefined): CompletionHealthState | undefined {
  if (!failure) return 'ready';
  if (failure.code === 'modelMissing') return 'modelMissing';
  if (failure.code === 'notLocal') return 'notLocal';
  if (OFFLINE_CODES.has(failure.code)) return 'offline';
  return undefined; // other failures (5xx, protocol) say nothing about whether the next request can succeed
}

export class HealthMonitor {
  private current: CompletionHealth = { state: 'ready', model: '' };
  private downSince = 0;

  constructor(
    private readonly onChange: (h: CompletionHealth) => void,
    private readonly retryMs: number,
  ) {}

  get health(): CompletionHealth {
    return this.current;
  }

  /** False while down and the retry interval has not passed. */
  mayRequest(now: number): boolean {
    return this.current.state === 'ready' || now - this.downSince >= this.retryMs;
  }

  /** Forget the outage (settings changed, user asked to retry): the next completion tries the server again. */
  reset(now: number): void {
    this.downSince = now - this.retryMs;
  }

  report(failure: ProviderFailure | undefined, model: string, now: number): void {
    const state = healthFor(failure);
    if (!state) return;
    if (state !== 'ready') this.downSince = now;
    if (state === this.current.state && model === this.current.model) return;
    const wasReady = this.current.state === 'ready';
    this.current = state === 'ready' ? { state, model } : { state, model, failure };
    // A model change while ready is not news; everything else is.
    if (!(wasReady && state === 'ready')) this.onChange(this.current);
  }
}
