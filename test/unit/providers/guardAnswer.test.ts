import * as assert from 'node:assert/strict';
import { RequestGuard } from '../../../src/core/providers/guard';

const OPTS = { firstByteTimeoutMs: 200, idleTimeoutMs: 200, maxRetryAfterMs: 10_000, answerDeadlines: true };
const enc = new TextEncoder();

/** A 2xx streamed body whose bytes the test pushes: `beat` a keep-alive, `end` the body. */
function pushedBody(): { response: Response; push(s: string): void; end(): void } {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { ctrl = c; } });
  return { response: new Response(body, { status: 200 }), push: (s) => ctrl.enqueue(enc.encode(s)), end: () => ctrl.close() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('providers/guard: answer deadlines (keep-alives are not an answer)', () => {
  test('keep-alive bytes without progress end at the first-byte deadline, as a time-out after the headers', async () => {
    const b = pushedBody();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: async () => b.response });
    const res = await guard.fetch('http://127.0.0.1:1/v1/messages');
    const beat = setInterval(() => b.push(': keep-alive\n\n'), 50);
    const reader = res.body!.getReader();
    const began = Date.now();
    await assert.rejects(async () => { for (;;) { const r = await reader.read(); if (r.done) break; } });
    clearInterval(beat);
    assert.ok(Date.now() - began < 1_000, `ended after ${Date.now() - began} ms`);
    assert.equal(guard.state.timedOut, true);
    assert.equal(guard.state.headersSeen, true);
    assert.equal(guard.state.stalled, false);
    guard.dispose();
  });

  test('after progress, keep-alives only end at the idle deadline as a stall', async () => {
    const b = pushedBody();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: async () => b.response });
    const res = await guard.fetch('http://127.0.0.1:1/v1/messages');
    const reader = res.body!.getReader();
    b.push('data: {"text":"hi"}\n\n');
    await reader.read();
    guard.progress();
    const beat = setInterval(() => b.push(': keep-alive\n\n'), 50);
    await assert.rejects(async () => { for (;;) { const r = await reader.read(); if (r.done) break; } });
    clearInterval(beat);
    assert.equal(guard.state.stalled, true);
    assert.equal(guard.state.timedOut, false);
    guard.dispose();
  });

  test('a consumer that stops reading for longer than the idle deadline is not a stalled server', async () => {
    const b = pushedBody();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: async () => b.response });
    const res = await guard.fetch('http://127.0.0.1:1/v1/messages');
    const reader = res.body!.getReader();
    b.push('data: 1\n\n');
    await reader.read();
    guard.progress();
    b.push('data: 2\n\n');
    await sleep(600); // the consumer is busy; the server's next chunk waits in the buffer
    const r = await reader.read();
    guard.progress();
    assert.equal(r.done, false);
    assert.equal(guard.state.stalled, false, 'a slow consumer was taken for a stalled server');
    b.end();
    assert.equal((await reader.read()).done, true);
    guard.dispose();
  });

  test('an error status ends the first-byte deadline at its headers (its body is read under the byte idle deadline)', async () => {
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: async () => new Response('{"error":{"message":"bad"}}', { status: 400 }) });
    const res = await guard.fetch('http://127.0.0.1:1/v1/messages');
    await sleep(400);
    assert.equal(guard.state.timedOut, false);
    assert.match(await res.text(), /bad/);
    guard.dispose();
  });

  test('without answerDeadlines, headers end the first-byte deadline (FIM, tags, embeddings)', async () => {
    const b = pushedBody();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, answerDeadlines: false, idleTimeoutMs: 5_000, fetch: async () => b.response });
    await guard.fetch('http://127.0.0.1:1/v1/completions');
    await sleep(400);
    assert.equal(guard.state.timedOut, false);
    guard.dispose();
  });
});
