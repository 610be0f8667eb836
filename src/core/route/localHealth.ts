// The one answer to "can the local model answer?", for every feature that uses it (Ask, chat, inline completion).
// Two kinds of evidence feed it: probes (at start-up, then polling — slowly while up, faster while down so it
// recovers by itself) and the outcome of real requests (a completion that could not connect is an outage now,
// not at the next poll). One notice per outage, and only once the user asked for something local.

import type { FixAction, FailureCode, ProviderFailure } from '../wire/types';
import { nullLogger, type Logger } from '../ports';
import { OutageNotice } from './outageNotice';
import type { HealthState } from '../request';

export type LocalState = HealthState['local'];

export interface LocalHealthReport {
  state: LocalState;
  message: string;
  /** e.g. `ollama pull qwen2.5-coder:1.5b` when a model is missing. */
  fixCommand?: string;
  fix?: FixAction;
}

export interface HealthTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LocalHealthPorts {
  /** Asks the server (reachability, models pulled, locality). Absent: only request outcomes move the state. */
  probe?: () => Promise<LocalHealthReport>;
  onChange?: (r: LocalHealthReport) => void;
  /** Shows the outage notice (at most once per outage). */
  notify?: (r: LocalHealthReport) => void;
  logger?: Logger;
  timers?: HealthTimers;
  /** Monotonic ms. */
  now?: () => number;
}

const RECHECK_WHEN_DOWN_MS = 15_000;
/** First re-check after an outage begins; doubles up to RECHECK_WHEN_DOWN_MS, so a server started just after
 * VS Code (a login item, a test harness) is noticed in seconds, and a long outage costs one probe per 15 s. */
const FIRST_RECHECK_WHEN_DOWN_MS = 1_000;
const RECHECK_WHEN_UP_MS = 120_000;
/** While down, a request path (completion) tries the server itself at most this often. */
export const RETRY_REQUEST_WHILE_DOWN_MS = 10_000;
/** Longest a request waits for the re-check of a known outage before it is routed (a probe to a closed port is instant). */
const FRESHEN_WAIT_MS = 2_000;

const OFFLINE_CODES: ReadonlySet<FailureCode> = new Set(['connection', 'timeout']);

/** What a request's outcome says about the local model; undefined = nothing (5xx, protocol: the next may succeed). */
export function stateFromFailure(failure: ProviderFailure | undefined): LocalState | undefined {
  if (!failure) return 'ready';
  if (failure.code === 'modelMissing') return 'modelMissing';
  if (failure.code === 'notLocal') return 'notLocal';
  if (OFFLINE_CODES.has(failure.code)) return 'offline';
  return undefined;
}

const systemHealthTimers: HealthTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LocalHealthMonitor {
  private report: LocalHealthReport = { state: 'unknown', message: 'Checking the local model…' };
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private downDelayMs = FIRST_RECHECK_WHEN_DOWN_MS;
  private downSince = -Infinity;
  private disposed = false;
  private readonly notice = new OutageNotice();
  private readonly log: Logger;
  private readonly timers: HealthTimers;
  private readonly now: () => number;

  constructor(private readonly ports: LocalHealthPorts = {}, private readonly retryRequestMs = RETRY_REQUEST_WHILE_DOWN_MS) {
    this.log = ports.logger ?? nullLogger;
    this.timers = ports.timers ?? systemHealthTimers;
    this.now = ports.now ?? (() => performance.now());
  }

  get current(): LocalHealthReport {
    return this.report;
  }

  /** First check a moment after activation finished. */
  start(delayMs = 500): void {
    this.schedule(delayMs);
  }

  /**
   * Look again now rather than at the next poll. `userAsked` false is the background poll, which never raises the
   * notice on its own.
   */
  recheck(userAsked = true): Promise<void> {
    if (!this.ports.probe || this.disposed) return Promise.resolve();
    // A probe already running may be for the old settings (e.g. hybrid.local.baseUrl just changed): run once more
    // after it rather than reporting its stale answer until the next poll.
    if (this.inFlight) {
      this.queued ??= this.inFlight.then(() => { this.queued = undefined; return this.recheck(userAsked); });
      return this.queued;
    }
    this.inFlight = this.probeOnce(userAsked).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  /**
   * The outcome of a request the user was waiting for (e.g. an inline completion). An outage moves the state at
   * once and may show the notice; a success while down says the model is back; other failures say nothing.
   */
  reportOutcome(failure: ProviderFailure | undefined, model: string): void {
    const state = stateFromFailure(failure);
    if (!state || this.disposed) return;
    if (state === 'ready') {
      this.downSince = -Infinity;
      if (this.report.state !== 'ready' && this.report.state !== 'unknown') {
        this.apply({ state: 'ready', message: `The local model ${model} is answering again.` }, false);
        void this.recheck(false); // the probe's fuller message (both models) replaces this one
      }
      return;
    }
    this.downSince = this.now();
    this.apply({
      state, message: failure!.message,
      ...(failure!.fix ? { fix: failure!.fix } : {}),
      ...(failure!.fixDetail ? { fixCommand: failure!.fixDetail } : {}),
    }, true);
    this.scheduleDown();
  }

  /**
   * Before a request the user made is routed: a known outage is looked at again first. The poll while down is up
   * to 15 s apart, so a question asked just after starting Ollama was refused on the last poll's stale "offline".
   * Ready and unknown cost nothing; a probe that hangs (a stuck server) holds the request at most `maxWaitMs`, and
   * the request is then routed on what is known.
   */
  async freshen(maxWaitMs = FRESHEN_WAIT_MS): Promise<void> {
    const s = this.report.state;
    if (s === 'ready' || s === 'unknown') return;
    let timer: unknown;
    await Promise.race([
      this.recheck(false),
      new Promise<void>((resolve) => { timer = this.timers.setTimeout(resolve, maxWaitMs); }),
    ]);
    this.timers.clearTimeout(timer);
  }

  /** False while down and the request retry interval has not passed since the last failure. */
  mayRequest(): boolean {
    const s = this.report.state;
    return s === 'ready' || s === 'unknown' || this.now() - this.downSince >= this.retryRequestMs;
  }

  /** Forget the outage for request paths (settings changed, user asked to retry): the next request tries again. */
  forgetOutage(): void {
    this.downSince = -Infinity;
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clearTimeout(this.timer);
  }

  private async probeOnce(userAsked: boolean): Promise<void> {
    let next: LocalHealthReport;
    try {
      next = await this.ports.probe!();
    } catch (err) {
      next = { state: 'offline', message: `Could not check the local model: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (this.disposed) return;
    if (next.state === 'ready') this.downSince = -Infinity;
    this.apply(next, userAsked);
    if (next.state === 'ready') {
      this.downDelayMs = FIRST_RECHECK_WHEN_DOWN_MS;
      this.schedule(RECHECK_WHEN_UP_MS);
    } else {
      this.scheduleDown();
    }
  }

  private apply(next: LocalHealthReport, userAsked: boolean): void {
    const prev = this.report;
    this.report = next;
    if (prev.state !== next.state || prev.message !== next.message) {
      this.log.info(`local health: ${next.state} — ${next.message}`);
      this.ports.onChange?.(next);
    }
    if (this.notice.onReport(next.state, userAsked)) this.ports.notify?.(next);
  }

  private scheduleDown(): void {
    this.schedule(this.downDelayMs);
    this.downDelayMs = Math.min(this.downDelayMs * 2, RECHECK_WHEN_DOWN_MS);
  }

  private schedule(ms: number): void {
    this.timers.clearTimeout(this.timer);
    if (this.disposed || !this.ports.probe) return;
    this.timer = this.timers.setTimeout(() => void this.recheck(false), ms);
  }
}
