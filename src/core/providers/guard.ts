// One guard per request, handed to the official clients as their `fetch`. It adds what the clients lack:
// - a first-byte deadline that fails once instead of being retried (the SDKs retry time-outs, so a 30 s time-out
//   would become ~90 s before the user hears anything);
// - an idle deadline on the body (the SDKs arm their timer around fetch only, so a stream stalled after the
//   headers hangs forever: anthropic-sdk-typescript#867);
// - a cap on Retry-After (the Anthropic SDK would sleep for any retry-after, e.g. 10 minutes) and no retry for
//   spend-cap 429s, both by adding `x-should-retry: false`, which the SDKs obey before anything else;
// - a per-request abort: Ollama's client aborts every stream of a client, so each request binds its own signal;
// - NDJSON validation, because the Ollama client only console.warns and skips a malformed line.
// Every deadline aborts through one controller, and the flags say which deadline it was.

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
}

export class RequestGuard {
  readonly state: GuardState = { attempts: 0, timedOut: false, stalled: false, malformed: false, quota: false };
  private readonly controller = new AbortController();
  private readonly timers = new Set<Timer>();
  private readonly onUserAbort = (): void => this.controller.abort();
  private readonly base: typeof fetch;
  /** Settles when a held request may go: sent (opts.sendWhen) or aborted, whichever comes first. */
  private readonly hold: Promise<unknown> | undefined;

  constructor(private readonly userSignal: AbortSignal, private readonly opts: GuardOptions) {
    this.base = opts.fetch ?? globalThis.fetch;
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

  /**
   * Sends one attempt (`go`, which aborts with `signal`) once a held request may go, under the first-byte
   * deadline. The `fetch` below is this plus the body's watch; a caller that reads the answer itself (the lean
   * completion stream) calls it directly, with `waiting` and `malformedLine` for the body.
   */
  async attempt<T extends { status?: number; statusCode?: number }>(go: () => Promise<T>): Promise<T> {
    if (this.hold) await this.hold;
    this.state.attempts++;
    this.state.lastStatus = undefined; // a retry in flight has no answer yet, whatever the last one was
    const firstByte = this.timer(this.opts.firstByteTimeoutMs, () => { this.state.timedOut = true; this.controller.abort(); });
    try {
      const res = await go();
      this.state.lastStatus = res.status ?? res.statusCode;
      return res;
    } finally {
      this.clear(firstByte);
    }
  }

  /** Arms the idle deadline while the reader waits for bytes; call the result when they came. */
  waiting(): () => void {
    const idle = this.timer(this.opts.idleTimeoutMs, () => { this.state.stalled = true; this.controller.abort(); });
    return () => this.clear(idle);
  }

  /** A line of the answer was not JSON: the request fails as `malformed` (the Ollama client would skip it). */
  malformedLine(): Error {
    this.state.malformed = true;
    this.controller.abort();
    return new Error('malformed NDJSON line');
  }

  readonly fetch: typeof fetch = async (input, init) => {
    // Everything that does not need the send is done while a prepared request is held.
    const signal = init?.signal ? AbortSignal.any([this.controller.signal, init.signal]) : this.controller.signal;
    const sendInit = { ...init, signal };
    const res = await this.attempt(() => this.base(input, sendInit));
    const watched = this.watchBody(res);
    if (res.status !== 429 && res.status !== 503 && res.status !== 529) return watched;

    const text = await watched.text();
    const retryAfterMs = parseRetryAfter(res.headers);
    if (retryAfterMs !== undefined) this.state.retryAfterMs = retryAfterMs;
    const quota = this.opts.isQuotaBody?.(res.status, text) ?? false;
    if (quota) this.state.quota = true;
    const headers = new Headers(res.headers);
    const refused = quota || (retryAfterMs !== undefined && retryAfterMs > this.opts.maxRetryAfterMs);
    if (refused) headers.set('x-should-retry', 'false');
    else if (this.state.attempts <= (this.opts.maxRetries ?? 0)) {
      this.opts.onWait?.({ status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), attempt: this.state.attempts });
    }
    return new Response(text, { status: res.status, statusText: res.statusText, headers });
  };

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

  /** Re-wraps the body so that silence while the client waits for bytes longer than idleTimeoutMs aborts. */
  private watchBody(res: Response): Response {
    if (!res.body) return res;
    const reader = res.body.getReader();
    const validate = this.opts.validateNdjson && res.ok ? ndjsonValidator() : undefined;
    let idle: Timer | undefined;
    const body = new ReadableStream<Uint8Array>({
      pull: async (ctrl) => {
        // Armed only while the consumer waits, so a slow consumer is never mistaken for a stalled server.
        idle = this.timer(this.opts.idleTimeoutMs, () => {
          this.state.stalled = true;
          this.controller.abort();
          reader.cancel().catch(() => undefined);
        });
        try {
          const { done, value } = await reader.read();
          this.clear(idle);
          if (this.state.stalled) { ctrl.error(new Error('stream stalled')); return; }
          if (done) {
            if (validate && !validate.end()) this.malformed(ctrl, reader);
            else ctrl.close();
            return;
          }
          if (validate && !validate.push(value)) { this.malformed(ctrl, reader); return; }
          ctrl.enqueue(value);
        } catch (err) {
          this.clear(idle);
          ctrl.error(err);
        }
      },
      cancel: async (reason) => {
        this.clear(idle);
        await reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }

  private malformed(ctrl: ReadableStreamDefaultController<Uint8Array>, reader: ReadableStreamDefaultReader<Uint8Array>): void {
    this.state.malformed = true;
    ctrl.error(new Error('malformed NDJSON line'));
    reader.cancel().catch(() => undefined);
    this.controller.abort();
  }
}

/** `retry-after-ms` (ms) first, then `retry-after` as seconds or an HTTP date — the SDKs' own order. */
export function parseRetryAfter(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && Number.isFinite(parseFloat(ms))) return Math.max(0, parseFloat(ms));
  const ra = headers.get('retry-after');
  if (ra === null) return undefined;
  const secs = parseFloat(ra);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(ra);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function ndjsonValidator(): { push(chunk: Uint8Array): boolean; end(): boolean } {
  const decoder = new TextDecoder();
  let pending = '';
  const ok = (line: string): boolean => {
    if (!line.trim()) return true;
    try { JSON.parse(line); return true; } catch { return false; }
  };
  return {
    push(chunk) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return lines.every(ok);
    },
    end() {
      pending += decoder.decode();
      return ok(pending);
    },
  };
}
