// What the three providers share: options, the meter that times a stream and counts what it yielded, estimated
// usage for streams that ended without the provider's own counts, and the endpoint locality check.

import type { Logger } from '../ports';
import { isLocalEndpoint } from '../route/locality';
import { nullLogger, systemClock, type Clock } from '../ports';
import type { ChatTurn, Finish, Usage } from '../request';
import { billedUsage } from '../spend/billing';
import type { ProviderFailure, StreamResult } from '../wire/types';

export interface CommonProviderOptions {
  baseUrl: string;
  /** Deadline for the response headers of each attempt; defaults 10 s local, 30 s cloud. */
  firstByteTimeoutMs?: number;
  /** Deadline for silence inside a stream once the headers came. Default 20 s. */
  idleTimeoutMs?: number;
  /** Longest Retry-After honoured by a retry; beyond it the request fails fast with 'rateLimited'. Default 10 s. */
  maxRetryAfterMs?: number;
  logger?: Logger;
  clock?: Clock;
  /** Replaces global fetch underneath the guard (tests, proxies). */
  fetch?: typeof fetch;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

export interface Resolved {
  baseUrl: string;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  maxRetryAfterMs: number;
  logger: Logger;
  clock: Clock;
  fetch?: typeof fetch;
}

export function resolveCommon(o: CommonProviderOptions, defaultFirstByteMs: number): Resolved {
  return {
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    firstByteTimeoutMs: o.firstByteTimeoutMs ?? defaultFirstByteMs,
    idleTimeoutMs: o.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxRetryAfterMs: o.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    logger: o.logger ?? nullLogger,
    clock: o.clock ?? systemClock,
    fetch: o.fetch,
  };
}

/** Rough count (≈ 4 characters a token); the spend helper replaces it with tiktoken where it matters. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

export function chatText(system: string, messages: readonly ChatTurn[]): string {
  return [system, ...messages.map((m) => m.content)].join('\n');
}

export class Meter {
  private readonly start: number;
  private first: number | null = null;
  chars = 0;

  constructor(private readonly clock: Clock) {
    this.start = clock.now();
  }

  onText(text: string): void {
    if (this.first === null) this.first = this.clock.now();
    this.chars += text.length;
  }

  timing(): { ttftMs: number | null; totalMs: number } {
    return { ttftMs: this.first === null ? null : this.first - this.start, totalMs: this.clock.now() - this.start };
  }

  estimated(inputText: string): Usage {
    return { input: estimateTokens(inputText), output: Math.ceil(this.chars / 4), cacheRead: 0, cacheWrite: 0, source: 'estimate' };
  }
}

/**
 * An ended-early result; `reported` is the provider's last reported usage, which wins over any estimate — for its
 * output count only when `reportedFinal` (spend/billing.ts).
 */
export function failed(
  meter: Meter, inputText: string, model: string, failure: ProviderFailure | undefined, notes?: string[], reported?: Usage,
  reportedFinal = true,
): StreamResult {
  const finish: Finish = failure ? 'error' : 'cancelled';
  const usage = billedUsage(reported, failure, () => meter.estimated(inputText), { streamedChars: meter.chars, reportedFinal });
  return { usage, timing: meter.timing(), model, finish, ...(failure ? { failure } : {}), ...(notes?.length ? { notes } : {}) };
}

/** The one "local means local" rule (src/core/route/locality.ts), kept under its old name for the providers. */
export function isLoopbackOrTrusted(url: string, trustedHosts: readonly string[] = []): boolean {
  return isLocalEndpoint(url, [...trustedHosts]);
}

/** Walks `cause` chains for a Node errno code (ECONNREFUSED, ENOTFOUND, …). */
export function errnoOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) { const inner = errnoOf(errors[0]); if (inner) return inner; }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

/** For "try again in N s": whole seconds, rounded up. */
export function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/** For time-outs: "300 ms" below a second, else whole seconds. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

/** Removes anything key-shaped from server text before it reaches a message or a log. */
export function scrub(text: string, secret?: string): string {
  let out = text;
  if (secret && secret.length >= 4) out = out.split(secret).join('[key]');
  return out
    .replace(/\b(sk|rk|pk)[-_][A-Za-z0-9_*-]{6,}/g, '[key]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [key]')
    .slice(0, 200);
}
