// Primary local, cloud for capacity overflow: a shared private tier that is full is a capacity problem, not an
// outage. It says so with 429 (the gateway's or server's queue limit) or 503 (vLLM/SGLang/Ollama "busy"), or it
// answers, but slowly: the time to first token of recent local answers passes a threshold the user sets.
// Only non-sensitive automatic questions may overflow, and only when the user allows it; sensitive ones wait or are
// refused, never sent.

import type { ProviderFailure } from '../wire/types';

/**
 * A refusal for capacity: retrying later (or elsewhere) helps. A gateway answers a used-up budget with 429 too
 * (budget_exceeded in older LiteLLM releases): that is money, not a queue, and sending it on would only spend more.
 */
export function isSaturation(f: Pick<ProviderFailure, 'code' | 'status'>): boolean {
  if (f.code === 'budget' || f.code === 'quota') return false;
  return f.code === 'rateLimited' || f.status === 429 || f.status === 503;
}

/** The recent local times to first token, for the decide-time overflow check (a small ring, no history kept). */
export class LocalPressure {
  private readonly ttfts: number[] = [];
  constructor(private readonly size = 8) {}

  add(ttftMs: number | null): void {
    if (ttftMs === null || !Number.isFinite(ttftMs)) return;
    this.ttfts.push(ttftMs);
    if (this.ttfts.length > this.size) this.ttfts.shift();
  }

  /** Median of the recent local TTFTs; undefined until three answers are known (one slow answer is not a trend). */
  medianMs(): number | undefined {
    if (this.ttfts.length < 3) return undefined;
    const s = [...this.ttfts].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }

  /** "local answers take 7.2 s to start (median of the last 5), above hybrid.fallback.overflowTtftMs 4000" or undefined. */
  saturated(thresholdMs: number): string | undefined {
    const m = this.medianMs();
    if (!(thresholdMs > 0) || m === undefined || m <= thresholdMs) return undefined;
    return `the private tier is saturated: local answers take ${(m / 1000).toFixed(1)} s to start (median of the last ${this.ttfts.length}), above hybrid.fallback.overflowTtftMs ${thresholdMs}`;
  }
}
