// One streaming interface for every model endpoint. A provider's `stream()` is an async generator that yields
// text deltas and *returns* a StreamResult; it never throws for expected failures (time-outs, HTTP errors,
// cancellation) — those come back as `finish: 'error' | 'cancelled'` with a ProviderFailure the UI can show.

import type { TokenLogprob } from '../confidence/confidenceReport';
import type { ChatTurn, Finish, Timing, ToolCall, ToolSpec, Usage } from '../request';

export interface ChatBody {
  model: string;
  system: string;
  messages: ChatTurn[];
  maxTokens: number;
  temperature?: number;
  stop?: string[];
  /** Local chat only: ask for token log-probabilities with this many alternatives per token (0 = just the token). */
  logprobs?: number;
  /** Tools the model may call (an editor agent's); the answer may then end in `StreamResult.toolCalls`. */
  tools?: ToolSpec[];
}

/** Fill-in-the-middle request for inline completion (local only). */
export interface FimBody {
  model: string;
  prefix: string;
  suffix: string;
  maxTokens: number;
  stop?: string[];
  temperature?: number;
}

export type FailureCode =
  | 'connection'    // refused / reset / DNS
  | 'timeout'       // no first byte within the time-out
  | 'stalled'       // headers came, then the stream went quiet past the idle time-out
  | 'auth'          // 401 / 403 / no key
  | 'modelMissing'  // 404 model / ollama model not pulled
  | 'tooLarge'      // 400 context length / 413
  | 'rateLimited'   // 429 with retry-after beyond our cap
  | 'quota'         // spend cap / insufficient_quota (never retried)
  | 'server'        // 5xx / 529 after the SDK's retries
  | 'protocol'      // malformed chunk, stream ended without its final event
  | 'notApi'        // the base URL answered 2xx with a web page, not the API (a web UI, a login or captive portal)
  | 'notLocal'      // the "local" endpoint is not loopback / trusted, or the model is a remote (cloud) model
  | 'blocked'       // the egress gate refused to send
  | 'budget'        // over budget and the policy says block
  | 'unknown';

/** What the UI offers as the one-click fix. */
export type FixAction = 'setApiKey' | 'startOllama' | 'pullModel' | 'openSettings' | 'retry' | 'retryLocal' | 'showLogs';

export interface ProviderFailure {
  code: FailureCode;
  /** One or two sentences naming the cause and the fix. Never contains a key or prompt text. */
  message: string;
  fix?: FixAction;
  /** e.g. `ollama pull qwen2.5-coder:1.5b` for modelMissing. */
  fixDetail?: string;
  status?: number;
  retryAfterMs?: number;
}

export interface StreamResult {
  usage: Usage;
  timing: Timing;
  /** The model that really answered (as reported by the server when it says). */
  model: string;
  finish: Finish;
  failure?: ProviderFailure;
  /** Non-fatal facts worth showing, e.g. "prompt truncated by Ollama to 2048 tokens". */
  notes?: string[];
  /** Token log-probabilities of the answer, when asked for and the server returned them. */
  tokens?: TokenLogprob[];
  /** `usage` is our chars/4 count of the prompt and the answer: the provider reported nothing (spend/billing.ts). */
  estimatedFromText?: boolean;
  /** Sides of a reported usage that left their count out, estimated from the text (spend/billing.ts fillGaps). */
  estimatedSides?: readonly ('input' | 'output')[];
  /** What a gateway (LiteLLM) says it billed for this request, USD; compared with our own price table. */
  gatewayCostUsd?: number;
  /** The tools the model asked to run, in order (the caller runs them and asks again with the results). */
  toolCalls?: ToolCall[];
}

export type ProviderLocation = 'local' | 'cloud';

export interface ChatProvider {
  readonly id: string;           // 'ollama' | 'anthropic' | 'openai' | 'openai-compatible'
  readonly location: ProviderLocation;
  stream(body: ChatBody, signal: AbortSignal, hooks?: StreamHooks): AsyncGenerator<string, StreamResult, void>;
}

/** What a provider tells its caller while a stream has not started yet. */
export interface StreamHooks {
  /** The server asked us to wait (429 / 503 / 529) and the SDK will try again: one sentence to show the user. */
  onWait?(notice: string): void;
}

/** Whether a model is in memory now (Ollama /api/ps) and the windows it has: trained and, when loaded, allocated. */
export interface ModelResidency {
  loaded: boolean;
  /** The model's trained context length (/api/show), when the server says. */
  contextLength?: number;
  /** The context the loaded instance was started with (/api/ps `context_length`), when loaded and said. */
  loadedContext?: number;
}

/** How a completion request is sent. */
export interface FimSendOptions {
  /**
   * Prepare now, send later: everything up to the first HTTP request (client, headers, body) is done at once, and
   * the request leaves when this settles. Aborting the signal meanwhile ends it without anything sent.
   */
  sendWhen?: Promise<unknown>;
}

export interface FimProvider {
  readonly id: string;
  complete(body: FimBody, signal: AbortSignal, send?: FimSendOptions): AsyncGenerator<string, StreamResult, void>;
  /** Undefined when the server cannot say (no /api/ps): callers then assume it is loaded. */
  residency?(model: string, signal: AbortSignal): Promise<ModelResidency | undefined>;
  /** Loads the model into memory, allowed `loadTimeoutMs`; a failure when it could not. */
  warm?(model: string, loadTimeoutMs: number, signal: AbortSignal): Promise<ProviderFailure | undefined>;
}
