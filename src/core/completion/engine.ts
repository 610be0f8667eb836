// The inline-completion pipeline, editor-free. Order per call: settings gate → typed-ahead (the user is typing
// what the last suggestion said) → LRU cache → join the in-flight stream if the new prefix extends it →
// otherwise debounce (the new request is prepared in its last moments and held), abort the in-flight request and
// send the new one. At most one request is ever in flight, and it is really aborted (its AbortController), so
// Ollama never queues stale generations.

import type { StreamResult } from '../wire/types';
import { nullLogger, type Logger } from '../ports';
import { LruCache, cacheKey } from './cache';
import type { SuggestionOutcome } from './acceptance';
import { cacheHitRecord, flightRecord, suggestionRecord } from './completionRecords';
import { AdaptiveDelay, Debouncer } from './debounce';
import {
  DEFAULT_ENGINE_OPTIONS, type CompletionEngineDeps, type CompletionInput, type CompletionResult, type CompletionSettings,
  type CompletionTrace, type EngineOptions,
} from './engineTypes';
import { buildFimRequest, type FimBody, type FimRequest, type PostprocessArgs } from './fimRequest';
import { canJoin, flightEnd, heldFlight, typedAhead, type Flight, type Meta, type Recent } from './flight';
import { LocalHealthMonitor } from '../route/localHealth';
import { BudgetMemo, splitContext, type FittedBudget } from './contextFit';
import { postprocess, streamHasEnough } from './postprocess';
import { monotonicNow, systemTimers, untilDone, type Timers } from './timers';
import { DEFAULT_WARMTH, ModelWarmth } from './warmth';
import { buildWindow } from './window';

export { DEFAULT_ENGINE_OPTIONS } from './engineTypes';
export type {
  CompletionEngineDeps, CompletionInput, CompletionResult, CompletionSettings, CompletionSource, CompletionTrace, EngineOptions,
} from './engineTypes';

/** How long before the debounce ends the prompt is built. */
const PREPARE_LEAD_MS = 40;

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
  private readonly healthMonitor: LocalHealthMonitor;
  private readonly warmth: ModelWarmth;
  private readonly budgets: BudgetMemo;
  private flight: Flight | undefined;
  /** The request prepared during the debounce and not yet sent, if any. */
  private held: Flight | undefined;
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
    this.budgets = new BudgetMemo(this.opts, (n) => { this.log.warn(`completion: ${n}`); deps.onNote?.(n); });
    // Standalone (bench, tests) the engine keeps its own; the extension passes the one every feature shares.
    this.healthMonitor = deps.health ?? new LocalHealthMonitor({ now: this.now, logger: this.log }, this.opts.retryWhileDownMs);
    this.warmth = new ModelWarmth({
      provider: () => deps.provider, now: this.now, onLoading: (m) => deps.onLoading?.(m),
      onResidency: (model, _r, failure) => { if (failure) this.healthMonitor.reportOutcome(failure, model); },
      onLoadFailed: (model, failure) => deps.onLoadFailed?.(model, failure),
      loadTimeoutMs: () => deps.settings()['timeouts.localLoadMs'], // read per load: a change applies to the next
    }, { ...DEFAULT_WARMTH, idleMs: this.opts.idleMs, holdAfterFailureMs: this.opts.retryWhileDownMs });
  }

  /** The next completion tries the local model again even inside the retry interval (settings changed, Retry). */
  retryNow(): void {
    this.healthMonitor.forgetOutage();
    this.warmth.forgetFailure();
  }

  /** Settings that change the answer (model, windows) make cached suggestions stale. */
  clearCache(): void {
    // A request prepared for the old settings (or provider) is not sent: the debounce's end prepares it afresh.
    if (this.held) this.abortFlight(this.held, 'superseded');
    this.cache.clear();
    this.recent = undefined;
    this.warmth.invalidate();
  }

  async provide(input: CompletionInput, signal: AbortSignal): Promise<CompletionResult | undefined> {
    const startedAt = this.now();
    const trace = (t: Omit<CompletionTrace, 'startedAt' | 'returnedAt'>): void =>
      this.deps.onTrace?.({ ...t, startedAt, returnedAt: this.now() });
    const s = this.deps.settings();
    // Any newer call makes a pending debounce pointless, even one answered from the cache below.
    this.debouncer.cancel();
    if (this.disposed || signal.aborted || !s['completion.enabled'] || s['completion.disabledLanguages'].includes(input.languageId) || this.warmth.holding) {
      trace({ outcome: 'skipped' });
      return undefined;
    }

    this.warmth.touch(s['local.completionModel']);
    // After a pause the server is asked whether the model is loaded (and its window); a cold one is loaded first.
    // Wait for that (the next keystroke cancels this call, not the load) rather than time out on it; a load that
    // failed sends no request either (it would only make the server try the same load again).
    const warming = this.warmth.whenReady();
    const warmed = !warming || (await untilDone(warming, signal));
    if (!warmed || this.warmth.holding) {
      trace({ outcome: warmed ? 'skipped' : 'cancelled' });
      return undefined;
    }
    const ahead = this.opts.reuse ? typedAhead(this.recent, input) : undefined;
    if (ahead) {
      trace({ outcome: 'shown', id: ahead.id, source: 'typed-ahead' });
      return ahead;
    }

    const budget = this.budgets.fit(s, this.warmth.known);
    const win = buildWindow(input.prefix, input.suffix, budget.prefixTokens, budget.suffixTokens);
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
        this.issued.set(id, { model: s['local.completionModel'], wallStartedAt: this.wallNow() });
        this.deps.record?.(cacheHitRecord(id, s['local.completionModel'], this.deps.provider.id, this.wallNow()));
        this.recent = { id, docUri: input.docUri, prefix: input.prefix, suffix: input.suffix, text: hit };
        trace({ outcome: 'shown', id, source: 'cache' });
        return { text: hit, id, source: 'cache' };
      }
      const flight = this.flight;
      if (flight && canJoin(flight, input)) return this.join(flight, input, signal, 'reuse', trace);
    }

    if (this.flight) this.abortFlight(this.flight, 'superseded');
    if (!this.healthMonitor.mayRequest()) {
      trace({ outcome: 'skipped' });
      return undefined;
    }
    const base = input.force ? 0 : s['completion.debounceMs'];
    const delay = this.opts.adaptiveDebounce ? this.latency.delay(base) : base;
    // The prompt (snippets, definitions, template) is built in the debounce's last moments, not after it: the
    // wait is idle time anyway, and a keystroke in those moments wastes one build, not the user's time.
    let prepared: Flight | undefined;
    const early = delay > PREPARE_LEAD_MS ? this.timers.setTimeout(() => { prepared = this.prepare(input, key, this.request(input, win, s, budget), s); }, delay - PREPARE_LEAD_MS) : undefined;
    const go = await this.debouncer.wait(delay, signal);
    if (early !== undefined) this.timers.clearTimeout(early);
    if (!go || this.disposed) {
      if (prepared) this.abortFlight(prepared, 'superseded');
      trace({ outcome: 'debounced' });
      return undefined;
    }
    const debouncedAt = this.now();
    if (this.flight) this.abortFlight(this.flight, 'superseded');
    const ready = prepared && !prepared.abortReason ? prepared : undefined;
    const flight = this.send(ready ?? this.prepare(input, key, this.request(input, win, s, budget), s));
    return this.join(flight, input, signal, 'model', (t) => trace({ ...t, debouncedAt }));
  }

  /** What became of a suggestion the user saw (AcceptanceTracker): one `<id>:<outcome>` record, with its model. */
  onSuggestionEnded(id: string, outcome: SuggestionOutcome, language: string, latencyMs: number): void {
    const model = this.issued.get(id)?.model ?? this.deps.settings()['local.completionModel'];
    this.deps.record?.(suggestionRecord(id, outcome, { model, language, latencyMs }, this.deps.provider.id, this.wallNow()));
  }

  dispose(): void {
    this.disposed = true;
    this.warmth.dispose();
    this.debouncer.cancel();
    if (this.flight) this.abortFlight(this.flight, 'disposed');
  }

  // ── reuse ────────────────────────────────────────────────────────────────────────────────────────────────

  private async join(
    f: Flight, input: CompletionInput, signal: AbortSignal, source: 'model' | 'reuse',
    trace: (t: Omit<CompletionTrace, 'startedAt' | 'returnedAt'>) => void,
  ): Promise<CompletionResult | undefined> {
    f.waiters++;
    if (f.graceTimer !== undefined) { this.timers.clearTimeout(f.graceTimer); f.graceTimer = undefined; }
    const settled = await flightEnd(f, input, signal, source);
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

  // ── the request ──────────────────────────────────────────────────────────────────────────────────────────

  private request(input: CompletionInput, win: { prefix: string; suffix: string }, s: CompletionSettings, b: FittedBudget): FimRequest {
    return buildFimRequest(input, win, s, { ...this.opts, ...splitContext(b.contextTokens, this.opts) });
  }

  /**
   * The request made ready during the debounce's last moments (prompt, client, headers, body), held until `send`:
   * the debounce's idle time pays for it instead of the user. Aborted unsent, it leaves no trace in the ledger.
   */
  private prepare(input: CompletionInput, key: string, { mode, model, body, pp }: FimRequest, s: CompletionSettings): Flight {
    const { flight: f, sendWhen } = heldFlight(this.newId(), input, { key, mode, model, startedAt: this.now(), wallStartedAt: this.wallNow() });
    this.held = f;
    void this.run(f, body, pp, s, sendWhen);
    return f;
  }

  private send(f: Flight): Flight {
    if (this.held === f) this.held = undefined;
    f.sent = true;
    // The request's own cap counts from when it leaves, not from when it was prepared.
    f.hardStop = this.timers.setTimeout(() => this.stopEarly(f), this.opts.maxRequestMs);
    f.startedAt = this.now();
    f.wallStartedAt = this.wallNow();
    this.issued.set(f.id, { model: f.model, wallStartedAt: f.wallStartedAt });
    this.flight = f;
    f.release();
    return f;
  }

  private async run(f: Flight, body: FimBody, pp: PostprocessArgs, s: CompletionSettings, sendWhen: Promise<void>): Promise<void> {
    let result: StreamResult | undefined;
    try {
      const it = this.deps.provider.complete(body, f.controller.signal, { sendWhen });
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
    }
    // Ended while held (a check before any request failed): settle once it is sent, as if it failed then, or drop it.
    if (!f.sent && !f.abortReason) await sendWhen;
    if (f.hardStop !== undefined) this.timers.clearTimeout(f.hardStop);
    f.endedAt = this.now();
    if (this.flight === f) this.flight = undefined;
    if (f.graceTimer !== undefined) { this.timers.clearTimeout(f.graceTimer); f.graceTimer = undefined; }

    const cancelledByUs = f.abortReason !== undefined;
    if (!cancelledByUs && !f.enough && result?.finish === 'error') f.failure = result.failure ?? { code: 'unknown', message: 'completion failed' };
    if (!cancelledByUs && !f.enough && result?.finish === 'cancelled') f.abortReason = 'orphaned';
    if (!f.abortReason) {
      // A failure that is not about reachability leaves health unchanged; success or an outage updates it.
      this.healthMonitor.reportOutcome(f.failure, f.model);
      if (f.failure) this.log.debug(`completion failed: ${f.failure.code}: ${f.failure.message}`);
    }
    if (f.failure?.code === 'timeout') this.warmth.invalidate(); // perhaps unloaded meanwhile: ask /api/ps again
    if (!f.abortReason && !f.failure) {
      this.warmth.answered(f.model);
      f.final = postprocess(f.text, pp);
      this.latency.observe(f.endedAt - f.startedAt);
      if (this.opts.reuse) {
        this.cache.set(f.key, f.final);
        if (f.final) this.recent = { id: f.id, docUri: f.docUri, prefix: f.prefix, suffix: f.suffix, text: f.final };
      }
    }
    for (const settle of [...f.listeners]) settle();
    f.listeners.clear();
    if (f.sent) this.deps.record?.(flightRecord(f, result, s, this.deps.provider.id, this.now()));
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
    if (this.held === f) this.held = undefined;
    f.controller.abort();
    f.release(); // a prepared request leaves its hold only to find itself aborted
  }
}
