// The completion engine's public shapes: its settings, one call's input and result, the benchmark's trace, the
// tuning options and the ports it is built with.
import type { LedgerRecord } from '../request';
import type { FimProvider, ProviderFailure } from '../wire/types';
import type { HybridSettings } from '../settings';
import type { Logger } from '../ports';
import type { LocalHealthMonitor } from '../route/localHealth';
import type { Snippet } from './snippets';
import type { Timers } from './timers';

export type CompletionSettings = Pick<HybridSettings,
  | 'completion.enabled' | 'completion.disabledLanguages' | 'completion.debounceMs' | 'completion.maxLines'
  | 'completion.prefixTokens' | 'completion.suffixTokens' | 'completion.useSnippets'
  | 'local.completionModel' | 'local.costPerHour' | 'local.numCtx' | 'timeouts.localLoadMs'>;

export interface CompletionInput {
  docUri: string;
  languageId: string;
  /** Document text before the cursor (the engine prunes it). */
  prefix: string;
  /** Document text after the cursor (the engine prunes it). */
  suffix: string;
  position?: { line: number; character: number };
  /** Most relevant first; used when `completion.useSnippets` is on. A function is only called when a request is sent. */
  snippets?: readonly Snippet[] | (() => readonly Snippet[]);
  /** Definitions of symbols used near the cursor that live in other files, most relevant first. */
  definitions?: readonly Snippet[] | (() => readonly Snippet[]);
  /** Explicitly asked for (a command, not typing): no debounce. */
  force?: boolean;
}

/** model = a new request answered; cache = LRU hit; typed-ahead = rest of the last suggestion; reuse = joined the in-flight stream. */
export type CompletionSource = 'model' | 'cache' | 'typed-ahead' | 'reuse';

export interface CompletionResult {
  text: string;
  /** Ledger id of the request that produced the text; pass it to `onAccepted`. */
  id: string;
  source: CompletionSource;
}

/** Timestamps of one `provide` call (monotonic ms), for the benchmark. */
export interface CompletionTrace {
  id?: string;
  source?: CompletionSource;
  outcome: 'shown' | 'empty' | 'debounced' | 'cancelled' | 'failed' | 'skipped';
  startedAt: number;
  /** When the debounce let the call through (new requests only). */
  debouncedAt?: number;
  /** Request sent / first chunk / stream over, for the request this call waited on. */
  requestAt?: number;
  firstChunkAt?: number;
  streamEndAt?: number;
  chunks?: number;
  /** The request was stopped by the client because the suggestion was complete. */
  stoppedEarly?: boolean;
  returnedAt: number;
}

export interface EngineOptions {
  /** Serve typed-ahead, cache hits and in-flight reuse (off = the benchmark's baseline). */
  reuse: boolean;
  cacheSize: number;
  /**
   * How long a request with nobody waiting for it is kept alive before it is aborted. VS Code cancels the
   * previous call on every keystroke before asking again, so without this grace no stream could be reused.
   */
  orphanGraceMs: number;
  /** While the local model is down, try again at most this often. */
  retryWhileDownMs: number;
  /** Hard stop for one request, after which whatever arrived is used. */
  maxRequestMs: number;
  snippetTokens: number;
  /** Budget for definitions from other files, rendered before the snippets. */
  definitionTokens: number;
  /** Typing after this long without a completion re-asks the server whether the model is loaded. */
  idleMs: number;
  adaptiveDebounce: boolean;
  temperature: number;
  /** Stop sequences added to every request (the provider adds its family's template tokens). */
  stops: string[];
}

export const DEFAULT_ENGINE_OPTIONS: Readonly<EngineOptions> = Object.freeze({
  reuse: true,
  cacheSize: 500,
  orphanGraceMs: 150,
  retryWhileDownMs: 10_000,
  maxRequestMs: 6_000,
  snippetTokens: 384,
  definitionTokens: 320,
  idleMs: 120_000,
  adaptiveDebounce: true,
  temperature: 0.01,
  stops: ['```', '<|endoftext|>', '<|file_sep|>'],
});

export interface CompletionEngineDeps {
  provider: FimProvider;
  settings: () => CompletionSettings;
  /** Ledger port: one record per request (see `recordFor`), one more when a suggestion is accepted. */
  record?: (r: LedgerRecord) => void;
  /** The shared local-health state machine: completion outcomes feed it, and it gates requests while down. */
  health?: LocalHealthMonitor;
  onTrace?: (t: CompletionTrace) => void;
  /** The model being loaded into memory, then undefined (status bar "loading …"). */
  onLoading?: (model: string | undefined) => void;
  /** The completion model failed to load (the cause and the fix), or `undefined` once it loaded or answered. */
  onLoadFailed?: (model: string, failure: ProviderFailure | undefined) => void;
  /** Once per distinct fact, e.g. numCtx larger than the model's window. */
  onNote?: (note: string) => void;
  logger?: Logger;
  timers?: Timers;
  /** Monotonic ms (latency). */
  now?: () => number;
  /** Wall-clock ms (ledger timestamps). */
  wallNow?: () => number;
  newId?: () => string;
  options?: Partial<EngineOptions>;
}
