// Interfaces the editor adapters implement, so the core stays editor-free and testable with plain objects.

export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const nullLogger: Logger = {
  trace() {}, debug() {}, info() {}, warn() {}, error() {},
};

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * For durations only: performance.now() never steps back. Timed on the wall clock, an NTP correction mid-answer
 * gave a negative totalMs, which the ledger refuses — and the request's spend went with it.
 */
export const monotonicClock: Clock = { now: () => Math.round(performance.now()) };

/** Whose key: the cloud providers', or a team gateway's virtual key (LiteLLM). */
export type CloudProviderId = 'anthropic' | 'openai' | 'gateway';

/** API keys: SecretStorage first, then the environment (ANTHROPIC_API_KEY / OPENAI_API_KEY). */
export interface KeySource {
  get(provider: CloudProviderId): Promise<string | undefined>;
  /** The key and, when it came from the environment (nothing stored), the variable's name — read together. */
  lookup?(provider: CloudProviderId): Promise<{ key: string | undefined; fromEnv?: string }>;
}

export interface Disposable {
  dispose(): void;
}
