// The inline-completion pipeline, editor-free. Order per call: settings gate → typed-ahead (the user is typing
// what the last suggestion said) → LRU cache → join the in-flight stream if the new prefix extends it →
// otherwise abort the in-flight request, debounce, and start one new request. At most one request is ever in
// flight, and it is really aborted (its AbortController), so Ollama never queues stale generations.

import { localCost } from '../spend/cost';
import type { LedgerRecord, Usage } from '../request';
import { fimTemplateFor } from '../providers/fimTemplates';
import type { FimProvider, ProviderFailure, StreamResult } from '../providers/types';
import type { HybridSettings } from '../settings';
import { nullLogger, type Logger } from '../ports';
import { LruCache, cacheKey } from './cache';
import { AdaptiveDelay, Debouncer } from './debounce';
import { HealthMonitor, type CompletionHealth } from './health';
import { decideLineMode, postprocess, streamHasEnough, type LineMode } from './postprocess';
import { renderSnippets, type Snippet } from './snippets';
import { monotonicNow, systemTimers, type Timers } from './timers';
import { buildWindow, cursorContext, estimateTokens, type CursorContext } from './window';

export type CompletionSettings = Pick<HybridSettings,
  | 'completion.enabled' | 'completion.disabledLanguages' | 'completion.debounceMs' | 'completion.maxLines'
  | 'completion.prefixTokens' | 'completion.suffixTokens' | 'completion.useSnippets'
  | 'local.completionModel' | 'local.costPerHour'>;

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
  adaptiveDebounce: true,
  temperature: 0.01,
  stops: ['```', '<|endoftext|>', '<|file_sep|>'],
});

export interface CompletionEngineDeps {
  provider: FimProvider;
  settings: () => CompletionSettings;
  /** Ledger port: one record per request (see `recordFor`), one more when a suggestion is accepted. */
  record?: (r: LedgerRecord) => void;
  onHealth?: (h: CompletionHealth) => void;
  onTrace?: (t: CompletionTrace) => void;
  logger?: Logger;
  timers?: Timers;
  /** Monotonic ms (latency). */
  now?: () => number;
  /** Wall-clock ms (ledger timestamps). */
  wallNow?: () => number;
  newId?: () => string;
  options?: Partial<EngineOptions>;
}

interface Flight {
  id: string;
  docUri: string;
  /** Full document prefix/suffix the request was made for. */
  prefix: string;
  suffix: string;
  key: string;
  mode: LineMode;
  model: string;
  controller: AbortController;
  /** Raw streamed text (frozen once the stream had enough). */
  text: string;
  enough: boolean;
  chunks: number;
  waiters: number;
  graceTimer: unknown;
  abortReason?: 'superseded' | 'orphaned' | 'disposed';
  startedAt: number;
  wallStartedAt: number;
  firstChunkAt?: number;
  endedAt?: number;
  /** Post-processed suggestion, relative to `prefix`. */
  final?: string;
  failure?: ProviderFailure;
  shown: boolean;
  /** Callers waiting for the stream's end. */
  listeners: Set<() => void>;
}

interface Recent {
  id: string;
  docUri: string;
  prefix: string;
  suffix: string;
  text: string;
}

interface Meta { model: string; wallStartedAt: number }

export class CompletionEngine {
  private readonly opts: EngineOptions;
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly wallNow: () => number;
  private readonly newId: () => string;
  private readonly debouncer: Debouncer;
  private readonly latency = new AdaptiveDelay();
  private readonly cache: LruCache<string>;
  private readonly healthMonitor: HealthMonitor;
  private flight: Flight | undefined;
  private recent: Recent | undefined;
  /** Ids handed out recently, so an acceptance can be recorded with the model that made it. */
  private readonly issued = new LruCache<Meta>(200);
  private seq = 0;
  private disposed = false;

  constructor(private readonly deps: CompletionEngineDeps) {
    this.opts = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
    this.log = deps.logger ?? nullLogger;
    this.timers = deps.timers ?? systemTimers;
    this.now = deps.now ?? monotonicNow;
    this.wallNow = deps.wallNow ?? Date.now;
    this.newId = deps.newId ?? (() => `cmp-${this.wallNow().toString(36)}-${(++this.seq).toString(36)}`);
    this.debouncer = new Debouncer(this.timers);
    this.cache = new LruCache(this.opts.reuse ? this.opts.cacheSize : 0);
    this.healthMonitor = new HealthMonitor((h) => deps.onHealth?.(h), this.opts.retryWhileDownMs);
  }

  get health(): CompletionHealth {
    return this.healthMonitor.health;
  }

  /** The next completion tries the local model again even inside the retry interval (settings changed, Retry). */
  retryNow(): void {
    this.healthMonitor.reset(this.now());
  }

  /** Settings that change the answer (model, windows) make cached suggestions stale. */
  clearCache(): void {
    this.cache.clear();
    this.recent = undefined;
  }

  async provide(input: CompletionInput, signal: AbortSignal): Promise<CompletionResult | undefined> {
    const startedAt = this.now();
    const trace = (t: Omit<CompletionTrace, 'startedAt' | 'returnedAt'>): void =>
      this.deps.onTrace?.({ ...t, startedAt, returnedAt: this.now() });
    const s = this.deps.settings();
    // Any newer call makes a pending debounce pointless, even one answered from the cache below.
    this.debouncer.cancel();
    if (this.disposed || signal.aborted || !s['completion.enabled'] || s['completion.disabledLanguages'].includes(input.languageId)) {
      trace({ outcome: 'skipped' });
      return undefined;
    }

    if (this.opts.reuse) {
      const ahead = this.typedAhead(input);
      if (ahead) {
        trace({ outcome: 'shown', id: ahead.id, source: 'typed-ahead' });
        return ahead;
      }
    }

    const win = buildWindow(input.prefix, input.suffix, s['completion.prefixTokens'], s['completion.suffixTokens']);
    const key = cacheKey(win.prefix, win.suffix);
    if (this.opts.reuse) {
      const hit = this.cache.get(key);
      if (hit === '') {
        // The model had nothing to offer here a moment ago; asking again would most likely repeat that.
        trace({ outcome: 'empty', source: 'cache' });
        return undefined;
      }
      if (hit !== undefined) {
        const id = this.newId();
        this.recordCacheHit(id, s['local.completionModel']);
        this.recent = { id, docUri: input.docUri, prefix: input.prefix, suffix: input.suffix, text: hit };
        trace({ outcome: 'shown', id, source: 'cache' });
        return { text: hit, id, source: 'cache' };
      }
      const flight = this.flight;
      if (flight && this.canJoin(flight, input)) return this.join(flight, input, signal, 'reuse', trace);
    }

    if (this.flight) this.abortFlight(this.flight, 'superseded');
    if (!this.healthMonitor.mayRequest(this.now())) {
      trace({ outcome: 'skipped' });
      return undefined;
    }
    const base = input.force ? 0 : s['completion.debounceMs'];
    const go = await this.debouncer.wait(this.opts.adaptiveDebounce ? this.latency.delay(base) : base, signal);
    if (!go || this.disposed) {
      trace({ outcome: 'debounced' });
      return undefined;
    }
    const debouncedAt = this.now();
    if (this.flight) this.abortFlight(this.flight, 'superseded');
    const flight = this.start(input, win, key, s);
    return this.join(flight, input, signal, 'model', (t) => trace({ ...t, debouncedAt }));
  }

  /**
   * Records that the suggestion with this id was accepted: a second ledger record `<id>:accepted` (outcome
   * 'accepted', no tokens) — its own id, so the ledger keeps both lines and the spend model does not count it twice.
   */
  onAccepted(id: string): void {
    const meta = this.issued.get(id);
    this.deps.record?.({
      v: 1, id: `${id}:accepted`, time: new Date(this.wallNow()).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
      provider: this.deps.provider.id, model: meta?.model ?? this.deps.settings()['local.completionModel'],
      tokens: zeroUsage(), costUsd: 0, ttftMs: null, totalMs: 0, status: 'ok', outcome: 'accepted',
      reasons: ['inline completion accepted'],
    });
  }

  dispose(): void {
    this.disposed = true;
    this.debouncer.cancel();
    if (this.flight) this.abortFlight(this.flight, 'disposed');
  }

  // ── reuse ────────────────────────────────────────────────────────────────────────────────────────────────

  private typedAhead(input: CompletionInput): CompletionResult | undefined {
    const r = this.recent;
    if (!r || r.docUri !== input.docUri || r.suffix !== input.suffix) return undefined;
    if (input.prefix.length < r.prefix.length || !input.prefix.startsWith(r.prefix)) return undefined;
    const typed = input.prefix.slice(r.prefix.length);
    if (!r.text.startsWith(typed)) return undefined;
    const rest = r.text.slice(typed.length);
    if (!rest.trim()) return undefined;
    return { text: rest, id: r.id, source: 'typed-ahead' };
  }

  /**
   * The new prefix extends the flight's and the stream has already produced what was typed since (as Continue's
   * GeneratorReuseManager), with a slack of one character not yet streamed: one keystroke during the wait for
   * the first token is usually the character the model is about to send; more, and a fresh request is better.
   */
  private canJoin(f: Flight, input: CompletionInput): boolean {
    if (f.abortReason || f.docUri !== input.docUri || f.suffix !== input.suffix) return false;
    if (input.prefix.length < f.prefix.length || !input.prefix.startsWith(f.prefix)) return false;
    const typed = input.prefix.slice(f.prefix.length);
    if (f.text.startsWith(typed)) return true;
    return !f.enough && typed.length - f.text.length <= 1 && typed.startsWith(f.text);
  }

  private async join(
    f: Flight, input: CompletionInput, signal: AbortSignal, source: 'model' | 'reuse',
    trace: (t: Omit<CompletionTrace, 'startedAt' | 'returnedAt'>) => void,
  ): Promise<CompletionResult | undefined> {
    f.waiters++;
    if (f.graceTimer !== undefined) { this.timers.clearTimeout(f.graceTimer); f.graceTimer = undefined; }
    // Settled synchronously by `run` before it writes the ledger record, so `shown` is known by then.
    const settled = await new Promise<CompletionResult | 'aborted' | undefined>((resolve) => {
      const onAbort = (): void => { f.listeners.delete(onDone); resolve('aborted'); };
      const onDone = (): void => {
        signal.removeEventListener('abort', onAbort);
        const res = this.resultFor(f, input, source);
        if (res) f.shown = true;
        resolve(res);
      };
      if (signal.aborted) { resolve('aborted'); return; }
      f.listeners.add(onDone);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    f.waiters--;
    const timing = { requestAt: f.startedAt, firstChunkAt: f.firstChunkAt, streamEndAt: f.endedAt, chunks: f.chunks, stoppedEarly: f.enough };
    if (settled === 'aborted') {
      if (f.waiters === 0 && f.endedAt === undefined && f.graceTimer === undefined) {
        f.graceTimer = this.timers.setTimeout(() => {
          f.graceTimer = undefined;
          if (f.waiters === 0) this.abortFlight(f, 'orphaned');
        }, this.opts.orphanGraceMs);
      }
      trace({ outcome: 'cancelled', id: f.id, ...timing });
      return undefined;
    }
    const outcome = settled ? 'shown' : f.failure ? 'failed' : f.abortReason ? 'cancelled' : 'empty';
    trace({ outcome, id: f.id, ...(settled ? { source } : {}), ...timing });
    return settled;
  }

  private resultFor(f: Flight, input: CompletionInput, source: 'model' | 'reuse'): CompletionResult | undefined {
    if (f.failure || f.abortReason || !f.final) return undefined;
    const typed = input.prefix.slice(f.prefix.length);
    if (!f.final.startsWith(typed)) return undefined;
    const text = f.final.slice(typed.length);
    return text.trim() ? { text, id: f.id, source } : undefined;
  }

  // ── the request ──────────────────────────────────────────────────────────────────────────────────────────

  private start(input: CompletionInput, win: { prefix: string; suffix: string }, key: string, s: CompletionSettings): Flight {
    const ctx = cursorContext(win.prefix, win.suffix);
    const mode = decideLineMode(ctx);
    const model = s['local.completionModel'];
    const list = s['completion.useSnippets'] ? (typeof input.snippets === 'function' ? input.snippets() : input.snippets) : undefined;
    const snippets = list?.length ? renderSnippets(list, input.languageId, this.opts.snippetTokens) : '';
    const f: Flight = {
      id: this.newId(), docUri: input.docUri, prefix: input.prefix, suffix: input.suffix, key, mode, model,
      controller: new AbortController(), text: '', enough: false, chunks: 0, waiters: 0, graceTimer: undefined,
      startedAt: this.now(), wallStartedAt: this.wallNow(), shown: false, listeners: new Set(),
    };
    this.issued.set(f.id, { model, wallStartedAt: f.wallStartedAt });
    this.flight = f;
    const stops = mode === 'single' ? [...this.opts.stops, '\n'] : this.opts.stops;
    // Single-line: the server stops at the newline itself (usage stays exact); the client check is a backstop.
    const body = {
      model, prefix: snippets + win.prefix, suffix: win.suffix, stop: stops,
      maxTokens: mode === 'single' ? 64 : Math.min(512, 24 * s['completion.maxLines']),
      temperature: this.opts.temperature,
    };
    // The family's template tokens are cut client-side too: a server that ignores `stop` must not leak them.
    const cut = [...this.opts.stops, ...fimTemplateFor(model).stop];
    const pp = { ctx, mode, maxLines: s['completion.maxLines'], stops: cut, prefix: win.prefix, suffix: win.suffix };
    void this.run(f, body, pp, s);
    return f;
  }

  private async run(
    f: Flight, body: Parameters<FimProvider['complete']>[0],
    pp: { ctx: CursorContext; mode: LineMode; maxLines: number; stops: string[]; prefix: string; suffix: string },
    s: CompletionSettings,
  ): Promise<void> {
    const hardStop = this.timers.setTimeout(() => this.stopEarly(f), this.opts.maxRequestMs);
    let result: StreamResult | undefined;
    try {
      const it = this.deps.provider.complete(body, f.controller.signal);
      for (;;) {
        const n = await it.next();
        if (n.done) { result = n.value; break; }
        if (f.enough) continue; // aborted for having enough; drain to get the provider's result
        f.chunks++;
        f.firstChunkAt ??= this.now();
        f.text += n.value;
        if (streamHasEnough(f.text, pp)) this.stopEarly(f);
      }
    } catch (err) {
      // Providers return failures as results; a throw is a bug somewhere, but must not break typing.
      this.log.warn('completion: provider threw', err);
      result = undefined;
      f.failure = { code: 'unknown', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.timers.clearTimeout(hardStop);
    }
    f.endedAt = this.now();
    if (this.flight === f) this.flight = undefined;
    if (f.graceTimer !== undefined) { this.timers.clearTimeout(f.graceTimer); f.graceTimer = undefined; }

    const cancelledByUs = f.abortReason !== undefined;
    if (!cancelledByUs && !f.enough && result?.finish === 'error') f.failure = result.failure ?? { code: 'unknown', message: 'completion failed' };
    if (!cancelledByUs && !f.enough && result?.finish === 'cancelled') f.abortReason = 'orphaned';
    if (!f.abortReason) {
      // A failure that is not about reachability leaves health unchanged; success or an outage updates it.
      this.healthMonitor.report(f.failure, f.model, this.now());
      if (f.failure) this.log.debug(`completion failed: ${f.failure.code}: ${f.failure.message}`);
    }
    if (!f.abortReason && !f.failure) {
      f.final = postprocess(f.text, pp);
      this.latency.observe(f.endedAt - f.startedAt);
      if (this.opts.reuse) {
        this.cache.set(f.key, f.final);
        if (f.final) this.recent = { id: f.id, docUri: f.docUri, prefix: f.prefix, suffix: f.suffix, text: f.final };
      }
    }
    for (const settle of [...f.listeners]) settle();
    f.listeners.clear();
    this.recordFlight(f, result, s);
  }

  private stopEarly(f: Flight): void {
    if (f.enough || f.endedAt !== undefined) return;
    f.enough = true;
    f.controller.abort();
  }

  private abortFlight(f: Flight, reason: NonNullable<Flight['abortReason']>): void {
    if (f.endedAt !== undefined || f.abortReason) return;
    f.abortReason = reason;
    if (this.flight === f) this.flight = undefined;
    f.controller.abort();
  }

  // ── ledger ───────────────────────────────────────────────────────────────────────────────────────────────

  private recordFlight(f: Flight, result: StreamResult | undefined, s: CompletionSettings): void {
    if (!this.deps.record) return;
    const totalMs = Math.round((f.endedAt ?? this.now()) - f.startedAt);
    const status = f.failure ? 'failed' : f.abortReason ? 'cancelled' : 'ok';
    const outcome = f.failure ? 'failed' : f.abortReason ? 'cancelled' : f.final && f.shown ? 'shown' : f.final ? 'cancelled' : 'empty';
    const tokens = result?.usage ?? { ...zeroUsage(), input: estimateTokens(f.key), output: f.chunks, source: 'estimate' as const };
    const reasons = ['inline completion always runs on the local model'];
    if (f.abortReason) reasons.push(`aborted: ${f.abortReason}`);
    if (f.enough) reasons.push('stopped early: suggestion complete');
    if (f.failure) reasons.push(`failure: ${f.failure.code}`);
    this.deps.record({
      v: 1, id: f.id, time: new Date(f.wallStartedAt).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
      provider: this.deps.provider.id, model: result?.model || f.model, tokens,
      costUsd: localCost(totalMs, s['local.costPerHour']),
      ttftMs: f.firstChunkAt !== undefined ? Math.round(f.firstChunkAt - f.startedAt) : result?.timing.ttftMs ?? null,
      totalMs, status, outcome, reasons,
    });
  }

  private recordCacheHit(id: string, model: string): void {
    this.issued.set(id, { model, wallStartedAt: this.wallNow() });
    this.deps.record?.({
      v: 1, id, time: new Date(this.wallNow()).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
      provider: this.deps.provider.id, model, tokens: zeroUsage(), costUsd: 0, ttftMs: 0, totalMs: 0,
      status: 'ok', outcome: 'cache', reasons: ['served from the completion cache; no request'],
    });
  }
}

function zeroUsage(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' };
}
