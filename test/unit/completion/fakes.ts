// Hand-made clock/timers and an in-memory FimProvider whose streams the test drives chunk by chunk.

import type { FimBody, FimProvider, FimSendOptions, ProviderFailure, StreamResult } from '../../../src/core/wire/types';
import type { Timers } from '../../../src/core/completion';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { CompletionSettings } from '../../../src/core/completion';

export class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number {
    return this.due.size;
  }

  /** Moves time forward, firing due timers in order and letting promise chains run between them. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await flush();
      let nextId: number | undefined;
      let nextAt = Infinity;
      for (const [id, t] of this.due) if (t.at <= end && t.at < nextAt) { nextAt = t.at; nextId = id; }
      if (nextId === undefined) break;
      const t = this.due.get(nextId)!;
      this.due.delete(nextId);
      this.now = t.at;
      t.fn();
    }
    this.now = end;
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((r) => setImmediate(r));
}

type Event = { chunk: string } | { end: Partial<StreamResult> } | { fail: ProviderFailure };

/** One `complete()` call: what was asked, its signal, and knobs to stream into it. */
export class FakeCall {
  private readonly queue: Event[] = [];
  private wake: (() => void) | undefined;

  constructor(readonly body: FimBody, readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.wake?.());
  }

  push(...chunks: string[]): void {
    for (const chunk of chunks) this.queue.push({ chunk });
    this.wake?.();
  }

  end(result: Partial<StreamResult> = {}): void {
    this.queue.push({ end: result });
    this.wake?.();
  }

  fail(failure: ProviderFailure): void {
    this.queue.push({ fail: failure });
    this.wake?.();
  }

  async *stream(model: string): AsyncGenerator<string, StreamResult, void> {
    let output = 0;
    const result = (finish: StreamResult['finish'], extra: Partial<StreamResult> = {}): StreamResult => ({
      usage: { input: Math.ceil((this.body.prefix.length + this.body.suffix.length) / 4), output, cacheRead: 0, cacheWrite: 0, source: 'provider' },
      timing: { ttftMs: 5, totalMs: 10 }, model, finish, ...extra,
    });
    for (;;) {
      if (this.signal.aborted) return result('cancelled');
      const ev = this.queue.shift();
      if (!ev) { await new Promise<void>((r) => { this.wake = r; }); this.wake = undefined; continue; }
      if ('chunk' in ev) { output++; yield ev.chunk; continue; }
      if ('fail' in ev) return result('error', { failure: ev.fail });
      return result('stop', ev.end);
    }
  }
}

/**
 * Answers with `script(body)` at once when set; otherwise leaves each call open for the test to drive. A request
 * prepared ahead is in `calls` only once sent, as a server sees it; `prepared` counts every complete() call.
 */
export class FakeFimProvider implements FimProvider {
  readonly id = 'fake';
  readonly calls: FakeCall[] = [];
  prepared = 0;
  script: ((body: FimBody, call: FakeCall) => void) | undefined;
  /** Fails at once, before anything is sent, as a provider whose endpoint check refuses (not local). */
  failBeforeSend: ProviderFailure | undefined;

  complete(body: FimBody, signal: AbortSignal, send?: FimSendOptions): AsyncGenerator<string, StreamResult, void> {
    this.prepared++;
    const early = this.failBeforeSend;
    if (early) return (async function* (): AsyncGenerator<string, StreamResult, void> { return unsent(body.model, 'error', early); })();
    const open = (): FakeCall => {
      const call = new FakeCall(body, signal);
      this.calls.push(call);
      this.script?.(body, call);
      return call;
    };
    if (!send?.sendWhen) return open().stream(body.model);
    const sendWhen = send.sendWhen;
    return (async function* () {
      await sendWhen;
      // Aborted while held: nothing reaches the server (the real guard's fetch rejects at once).
      if (signal.aborted) return unsent(body.model, 'cancelled');
      return yield* open().stream(body.model);
    })();
  }

  get last(): FakeCall {
    const c = this.calls[this.calls.length - 1];
    if (!c) throw new Error('no call yet');
    return c;
  }
}

/** The result of a request that never reached the server: nothing counted, nothing streamed. */
function unsent(model: string, finish: 'error' | 'cancelled', failure?: ProviderFailure): StreamResult {
  return { usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, timing: { ttftMs: null, totalMs: 0 }, model, finish, ...(failure ? { failure } : {}) };
}

export function settings(over: Partial<CompletionSettings> = {}): CompletionSettings {
  return { ...DEFAULT_SETTINGS, ...over };
}
