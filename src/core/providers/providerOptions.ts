// The options every provider takes (endpoint, deadlines, retry cap, logger, clock) and their defaults.

import { monotonicClock, nullLogger, systemClock, type Clock, type Logger } from '../ports';

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
  /** For days, not durations: whether a model has reached its end-of-life date. Default Date.now. */
  wallClock?: Clock;
  /**
   * The setting that names a cloud model ("hybrid.cloud.lightModel" for the light tier's), for failure messages that
   * say what to change. Default "hybrid.cloud.model".
   */
  modelSetting?: (model: string) => string;
  /** Replaces global fetch underneath the guard (tests, proxies). */
  fetch?: typeof fetch;
  /**
   * The environment variable the key came from when none is stored: a rejected key is then named by where it
   * lives (after "Clear API Key" the environment's key is used, and "run Set API Key" alone hid that).
   */
  keyFromEnv?: string;
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
  wallClock: Clock;
  modelSetting: (model: string) => string;
  fetch?: typeof fetch;
  keyFromEnv?: string;
}

export function resolveCommon(o: CommonProviderOptions, defaultFirstByteMs: number): Resolved {
  return {
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    firstByteTimeoutMs: o.firstByteTimeoutMs ?? defaultFirstByteMs,
    idleTimeoutMs: o.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxRetryAfterMs: o.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    logger: o.logger ?? nullLogger,
    clock: o.clock ?? monotonicClock,
    wallClock: o.wallClock ?? systemClock,
    modelSetting: o.modelSetting ?? (() => 'hybrid.cloud.model'),
    fetch: o.fetch,
    ...(o.keyFromEnv ? { keyFromEnv: o.keyFromEnv } : {}),
  };
}
