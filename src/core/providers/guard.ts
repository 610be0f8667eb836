// One guard per request, handed to the official clients as their `fetch`. It adds what the clients lack:
// - a first-byte deadline that fails once instead of being retried (the SDKs retry time-outs, so a 30 s time-out
//   would become ~90 s before the user hears anything);
// - an idle deadline on the body (the SDKs arm their timer around fetch only, so a stream stalled after the
//   headers hangs forever: anthropic-sdk-typescript#867);
// - a cap on Retry-After (the Anthropic SDK would sleep for any retry-after, e.g. 10 minutes) and no retry for
//   spend-cap 429s, both by adding `x-should-retry: false`, which the SDKs obey before anything else;
// - a per-request abort: Ollama's client aborts every stream of a client, so each request binds its own signal;
// - NDJSON validation, because the Ollama client only console.warns and skips a malformed line;
// - with `answerDeadlines`, deadlines on the answer itself: a server that sends its headers (and keep-alives:
//   Anthropic's `ping`, the `: keep-alive` comments of OpenRouter and proxies) but no answer would otherwise keep
//   every byte-level timer fed forever. The provider reports each answer event with `progress()`.
// Every deadline aborts through one controller, and the flags say which deadline it was.

import type { HoldableFetch } from './loopbackFetch';
import { BodyWatch, wrapBody, type BodyWatchPorts } from './bodyWatch';
import { parseRetryAfter, webPageType } from './responseChecks';


type Timer = ReturnType<typeof setTimeout>;

export interface GuardOptions {
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  maxRetryAfterMs: number;
  /** True for an error body that retrying cannot fix (insufficient_quota, spend limit). */
  isQuotaBody?: (status: number, text: string) => boolean;
  /**
   * Told when a 429 / 503 / 529 will be retried by the SDK (within `maxRetries` and the Retry-After cap, not a
   * quota): `retryAfterMs` as the server asked, if it said.
   */
  onWait?: (wait: { status: number; retryAfterMs?: number; attempt: number }) => void;
  /** The SDK's retry budget, so a wait is reported only when a retry will come. */
  maxRetries?: number;
  /** Check each NDJSON line of 2xx bodies and fail the request on one that is not JSON. */
  validateNdjson?: boolean;
  /**
   * The first-byte deadline runs until the first `progress()` (not just the headers), and after it the idle
   * deadline runs between `progress()` calls, whatever other bytes arrive. For streamed answers only: a request
   * whose caller never reports progress would time out.
   */
  answerDeadlines?: boolean;
  /**
   * Looks at each answer's status line and headers before its body is read: a string stops the request there (no
   * retry, nothing of the body read) and becomes `state.misrouted` — a gateway saying it sent a private request to
   * a deployment nobody trusted.
   */
  checkResponse?: (res: Response) => string | undefined | Promise<string | undefined>;
  /** Hold every request until this settles (prepared ahead, sent later); deadlines start when it is sent. */
  sendWhen?: Promise<unknown>;
  fetch?: typeof fetch;
}

export interface GuardState {
  /** HTTP attempts made (retries included). */
  attempts: number;
  timedOut: boolean;
  stalled: boolean;
  malformed: boolean;
  quota: boolean;
  /** Last Retry-After seen, in ms. */
  retryAfterMs?: number;
  /** The current attempt's HTTP status; undefined while it waits for an answer (billing: spend/billing.ts). */
  lastStatus?: number;
  /** A 2xx response's headers arrived (a time-out after them is "no answer", not "no response"). */
  headersSeen?: boolean;
  /** The refusal's body when `quota` is set: the SDK keeps none of a body without `error` (LiteLLM's `{detail}`). */
  quotaBody?: string;
  /**
   * The last refusal's body (first 2,000 chars), whatever its status: the SDKs keep only a body's `error` member, so
   * FastAPI's `{detail}` (LiteLLM) and vLLM's top-level `{object: "error", message}` would otherwise be lost.
   */
  errorBody?: string;
  /** Why `checkResponse` stopped the request. */
  misrouted?: string;
  /**
   * A 2xx answer that is a web page (its content type): the base URL reaches a web UI, a login or captive portal,
   * not the API. The SDKs read it as an empty stream and end quietly, so it is stopped here and named.
   */
  notApi?: string;
}

export class RequestGuard {
  readonly state: GuardState = { attempts: 0, timedOut: false, stalled: false, malformed: false, quota: false };
  private readonly controller = new AbortController();
  private readonly timers = new Set<Timer>();
  private readonly onUserAbort = (): void => this.controller.abort();
  private readonly base: typeof fetch;
  /** Settles when a held request may go: sent (opts.sendWhen) or aborted, whichever comes first. */
  private readonly hold: Promise<unknown> | undefined;
  /** answerDeadlines: the first-answer deadline (until the first progress), then the quiet deadline between events. */
  private answerTimer: Timer | undefined;
  private answered = false;
  /** The current attempt's body: whether its consumer waits for bytes (silence then is the server's, not a slow consumer's). */
  private watch: BodyWatch | undefined;
  private readonly watchPorts: BodyWatchPorts;

  constructor(private readonly userSignal: AbortSignal, private readonly opts: GuardOptions) {
    this.base = opts.fetch ?? globalThis.fetch;
    this.watchPorts = {
      idleTimeoutMs: opts.idleTimeoutMs, validateNdjson: opts.validateNdjson ?? false, answerDeadlines: opts.answerDeadlines ?? false,
      timer: (ms, fn) => this.timer(ms, fn),
      stalled: () => { this.state.stalled = true; this.controller.abort(); },
      malformed: () => { this.state.malformed = true; this.controller.abort(); },
      failure: () => (this.state.stalled || this.state.timedOut ? new Error(this.state.stalled ? 'stream stalled' : 'no answer in time') : undefined),
    };
    if (userSignal.aborted) this.controller.abort();
    else userSignal.addEventListener('abort', this.onUserAbort, { once: true });
    const sendWhen = opts.sendWhen;
    this.hold = sendWhen && new Promise((go) => {
      sendWhen.then(go, go);
      if (this.controller.signal.aborted) go(undefined);
      else this.controller.signal.addEventListener('abort', go, { once: true });
    });
  }

  /** Pass to the client as the request's signal: aborted by the user or by a deadline. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelledByUser(): boolean {
    return this.userSignal.aborted;
  }

  /** Ends the request (closing its connection if still open) and clears every timer. */
  dispose(): void {
    this.userSignal.removeEventListener('abort', this.onUserAbort);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.controller.abort();
  }

  /**
   * The answer is complete (Ollama's `done: true`): stop the deadlines, but leave the response a moment to end
   * before aborting what is left. The client stops reading at its final chunk, and the response's end may arrive a
   * moment later; aborting at once would close the connection instead of keeping it for the next request.
   */
  finish(lingerMs = 1000): void {
    this.userSignal.removeEventListener('abort', this.onUserAbort);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    setTimeout(() => this.controller.abort(), lingerMs).unref();
  }

  readonly fetch: typeof fetch = async (input, init) => {
    // Everything that does not need the send is done while a prepared request is held; a base that can hold
    // the request opens it now and sends it when the hold settles, and reads the body through the watch's hooks
    // instead of a second stream (loopbackFetch.ts). It also listens to the client's signal itself: a combined
    // signal (AbortSignal.any) costs tens of µs and weak references per request.
    const held = (this.base as HoldableFetch).held;
    const watch = new BodyWatch(this.watchPorts);
    this.watch = watch;
    const sendInit = held || !init?.signal ? { ...init, signal: this.controller.signal } : { ...init, signal: AbortSignal.any([this.controller.signal, init.signal]) };
    if (this.hold && !held) await this.hold;
    this.state.attempts++;
    this.state.lastStatus = undefined; // a retry in flight has no answer yet, whatever the last one was
    let firstByte: Timer | undefined;
    let ended = false;
    const arm = (): void => { if (!ended) firstByte = this.timer(this.opts.firstByteTimeoutMs, () => { this.state.timedOut = true; this.controller.abort(); }); };
    let res: Response;
    try {
      // The deadline counts from the send: armed before the held request's own callback writes it.
      if (held) {
        if (this.hold) void this.hold.then(arm); else arm();
        res = await held(input, sendInit, this.hold, { watch, ...(init?.signal ? { alsoAbortOn: init.signal } : {}) });
      } else { arm(); res = wrapBody(await this.base(input, sendInit), watch); }
    } catch (err) {
      ended = true;
      this.clear(firstByte);
      throw err;
    }
    ended = true;
    // With answer deadlines, a 2xx stream's first-byte deadline runs on until the answer's first event.
    if (this.opts.answerDeadlines && res.ok && !this.answered) { this.clear(this.answerTimer); this.answerTimer = firstByte; } else this.clear(firstByte);
    if (res.ok) this.state.headersSeen = true;
    this.state.lastStatus = res.status;
    const misrouted = await this.opts.checkResponse?.(res);
    if (misrouted) {
      this.state.misrouted = misrouted;
      await res.body?.cancel().catch(() => undefined);
      this.controller.abort();
      // Aborted by its own signal, the client gives up without a retry, as for a deadline.
      throw new DOMException(misrouted, 'AbortError');
    }
    const page = res.ok ? webPageType(res.headers) : undefined;
    if (page) {
      this.state.notApi = page;
      await res.body?.cancel().catch(() => undefined);
      this.controller.abort();
      throw new DOMException(`${page} instead of the API`, 'AbortError');
    }
    if (res.ok) return res;
    if (res.status !== 429 && res.status !== 503 && res.status !== 529) {
      const body = await res.text().catch(() => '');
      this.state.errorBody = body.slice(0, 2_000);
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    }

    const text = await res.text();
    this.state.errorBody = text.slice(0, 2_000);
    const retryAfterMs = parseRetryAfter(res.headers);
    if (retryAfterMs !== undefined) this.state.retryAfterMs = retryAfterMs;
    const quota = this.opts.isQuotaBody?.(res.status, text) ?? false;
    if (quota) { this.state.quota = true; this.state.quotaBody = text.slice(0, 2_000); }
    const headers = new Headers(res.headers);
    const refused = quota || (retryAfterMs !== undefined && retryAfterMs > this.opts.maxRetryAfterMs);
    if (refused) headers.set('x-should-retry', 'false');
    else if (this.state.attempts <= (this.opts.maxRetries ?? 0)) {
      this.opts.onWait?.({ status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), attempt: this.state.attempts });
    }
    return new Response(text, { status: res.status, statusText: res.statusText, headers });
  };

  /**
   * The provider saw an answer event (text, a tool call's piece, a final event): ends the first-answer deadline
   * and restarts the quiet one. Only with `answerDeadlines`.
   */
  progress(): void {
    if (!this.opts.answerDeadlines || this.controller.signal.aborted) return;
    this.answered = true;
    this.clear(this.answerTimer);
    this.answerTimer = this.quietTimer();
  }

  /** Fires after idleTimeoutMs with no progress — while the consumer waits; a slow consumer only postpones it. */
  private quietTimer(): Timer {
    return this.timer(this.opts.idleTimeoutMs, () => {
      if (!this.watch?.waiting) { this.answerTimer = this.quietTimer(); return; }
      this.state.stalled = true;
      this.controller.abort();
    });
  }

  private timer(ms: number, fn: () => void): Timer {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
    return t;
  }

  private clear(t: Timer | undefined): void {
    if (!t) return;
    clearTimeout(t);
    this.timers.delete(t);
  }
}
