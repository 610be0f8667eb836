// What the request guard watches on a response body: the consumer waiting for bytes longer than the idle deadline
// (the server stalled), and NDJSON lines that are not JSON. A fetch that makes the body stream itself (the
// loopback fetch) calls these hooks from that stream, so the body reaches the client without a second web stream
// around it: one stream, one promise hop and one Response fewer per chunk, which is most of what a completion
// pays after the last chunk arrives. For any other fetch, `wrapBody` drives the same hooks from a wrapper stream.
// The idle deadline is one timer per body, armed on the first wait and re-armed only when it fires early, not a
// setTimeout and clearTimeout per chunk: the wait start is a timestamp, and the timer checks it when it fires.

import { ndjsonValidator } from './responseChecks';

type Timer = ReturnType<typeof setTimeout>;

/** Called by the stream that reads the body, in this order: open once, then pull / chunk as bytes are asked for. */
export interface BodyHooks {
  /** The response's status, before the first chunk. */
  open(status: number): void;
  /** The consumer asks for bytes: it waits from now until the next chunk, end or failure. */
  pull(): void;
  /** A chunk arrived; an Error fails the body with it (nothing of the chunk is passed on). */
  chunk(bytes: Uint8Array): Error | undefined;
  /** The body ended; an Error fails it instead of closing. */
  end(): Error | undefined;
  /** The body failed or was cancelled: nobody waits any more. */
  settle(): void;
}

export interface BodyWatchPorts {
  idleTimeoutMs: number;
  validateNdjson: boolean;
  /** With answer deadlines a 2xx body has no byte-level idle deadline (keep-alive bytes must not feed it). */
  answerDeadlines: boolean;
  /** Arms a timer the guard clears when it ends. */
  timer(ms: number, fn: () => void): Timer;
  /** The idle deadline passed while the consumer waited. */
  stalled(): void;
  /** A line that is not JSON: the guard marks the request and ends it (after the body has failed). */
  malformed(): void;
  /** Set when a deadline already ended the request: the consumer gets this instead of the bytes that came after. */
  failure(): Error | undefined;
}

export class BodyWatch implements BodyHooks {
  private validate: ReturnType<typeof ndjsonValidator> | undefined;
  private idle = false;
  /** performance.now() when the consumer began to wait; -1 while it does not. */
  private waitingSince = -1;
  private timer: Timer | undefined;

  constructor(private readonly ports: BodyWatchPorts) {}

  /** The consumer is waiting for bytes now (the guard's quiet deadline asks: silence while nobody reads is no stall). */
  get waiting(): boolean {
    return this.waitingSince >= 0;
  }

  open(status: number): void {
    const ok = status >= 200 && status < 300;
    this.validate = this.ports.validateNdjson && ok ? ndjsonValidator() : undefined;
    this.idle = !(this.ports.answerDeadlines && ok);
  }

  pull(): void {
    this.waitingSince = performance.now();
    if (this.idle && this.timer === undefined) this.timer = this.ports.timer(this.ports.idleTimeoutMs, this.check);
  }

  chunk(bytes: Uint8Array): Error | undefined {
    this.waitingSince = -1;
    const failure = this.ports.failure();
    if (failure) return failure;
    return this.validate && !this.validate.push(bytes) ? this.invalid() : undefined;
  }

  end(): Error | undefined {
    this.waitingSince = -1;
    const failure = this.ports.failure();
    if (failure) return failure;
    return this.validate && !this.validate.end() ? this.invalid() : undefined;
  }

  settle(): void {
    this.waitingSince = -1;
  }

  private readonly check = (): void => {
    this.timer = undefined;
    if (this.waitingSince < 0) return; // re-armed by the next wait
    const left = this.ports.idleTimeoutMs - (performance.now() - this.waitingSince);
    if (left > 0) { this.timer = this.ports.timer(left, this.check); return; }
    this.ports.stalled();
  };

  private invalid(): Error {
    // After the stream that reads the body has failed it with this error: aborting first would fail it with the
    // abort's reason instead.
    queueMicrotask(() => this.ports.malformed());
    return new Error('malformed NDJSON line');
  }
}

/** For a fetch that does not take hooks: the body re-wrapped in a stream that drives them. */
export function wrapBody(res: Response, watch: BodyHooks): Response {
  if (!res.body) return res;
  const reader = res.body.getReader();
  watch.open(res.status);
  const body = new ReadableStream<Uint8Array>({
    pull: async (ctrl) => {
      watch.pull();
      try {
        const { done, value } = await reader.read();
        const failure = done ? watch.end() : watch.chunk(value);
        if (failure) { ctrl.error(failure); reader.cancel().catch(() => undefined); return; }
        if (done) ctrl.close(); else ctrl.enqueue(value);
      } catch (err) {
        watch.settle();
        ctrl.error(err);
      }
    },
    cancel: async (reason) => {
      watch.settle();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
