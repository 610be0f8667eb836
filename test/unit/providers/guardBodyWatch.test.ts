// The guard watches a loopback body through hooks in the body's own stream (bodyWatch.ts) instead of a second
// stream around it, with one idle timer per body instead of one per chunk, and listens to the client's own signal
// instead of combining it with AbortSignal.any. What must still hold, against a real node:http server on loopback:
// either signal ends the HTTP request for real (the server sees its connection close); a server that goes quiet
// while the client waits is a stall, however many deadlines a steady stream lasts and however long a slow
// consumer takes; a line that is not JSON fails the body and closes the connection; and a holdable fetch that
// falls back to global fetch (another host) honours the client's signal and the hooks too.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoopbackFetch, type LoopbackFetch } from '../../../src/core/providers/loopbackFetch';
import { RequestGuard } from '../../../src/core/providers/guard';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const OPTS = { firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetryAfterMs: 10_000, validateNdjson: true };
/** Taken before any test replaces the global: the server's own timers are not the guard's. */
const serverTimeout = globalThis.setTimeout;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const line = (i: number): string => `${JSON.stringify({ response: `t${i}`, done: false })}\n`;

async function readAll(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let text = '';
  for (;;) { const { done, value } = await reader.read(); if (done) return text; text += dec.decode(value, { stream: true }); }
}

suite('providers/guard: the body watched in the loopback stream', () => {
  let server: http.Server;
  let base: string;
  let handler: Handler;
  /** Resolves when the server sees the current request's connection close. */
  let closed: Promise<void>;
  let lf: LoopbackFetch;

  suiteSetup(async () => {
    server = http.createServer((req, res) => {
      closed = new Promise((r) => res.on('close', () => r()));
      req.resume();
      req.on('end', () => handler(req, res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  suiteTeardown(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });
  setup(() => { lf = createLoopbackFetch(() => Promise.reject(new Error('fallback used'))); });
  teardown(() => { lf.dispose(); server.closeAllConnections(); });

  test('one idle timer per body, not one per chunk: 40 chunks arm no more timers than 2', async () => {
    const chunks = async (n: number): Promise<number> => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        let i = 0;
        const tick = (): void => { if (i < n) { res.write(line(i++)); serverTimeout(tick, 2); } else res.end(`${JSON.stringify({ done: true })}\n`); };
        tick();
      };
      const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: lf.fetch });
      const real = globalThis.setTimeout;
      let armed = 0;
      const res = await guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: new AbortController().signal });
      globalThis.setTimeout = ((...a: Parameters<typeof setTimeout>) => { armed++; return real(...a); }) as typeof setTimeout;
      try {
        const text = await readAll(res);
        assert.equal(text.split('\n').filter(Boolean).length, n + 1, 'every line arrives');
      } finally { globalThis.setTimeout = real; }
      guard.finish(0);
      return armed;
    };
    const few = await chunks(2);
    const many = await chunks(40);
    assert.ok(many <= few + 1, `timers armed while reading: ${few} for 2 chunks, ${many} for 40`);
  });

  test('the client\'s own signal ends the request at the server, before the headers and mid-body', async () => {
    handler = (_req, res) => { setTimeout(() => { res.writeHead(200); res.write(line(0)); }, 150); };
    const early = new AbortController();
    const g1 = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: lf.fetch });
    const pending = g1.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: early.signal });
    await sleep(40);
    early.abort(new Error('client gave up'));
    await assert.rejects(pending, /client gave up/);
    await closed;
    g1.dispose();

    handler = (_req, res) => { res.writeHead(200); res.write(line(0)); };
    const late = new AbortController();
    const g2 = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: lf.fetch });
    const res = await g2.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: late.signal });
    const reader = res.body!.getReader();
    await reader.read();
    const next = reader.read();
    late.abort(new Error('client gave up mid-body'));
    await assert.rejects(next, /client gave up mid-body/);
    await closed;
    assert.equal(g2.state.stalled, false);
    g2.dispose();
  });

  test('the user\'s signal ends a streaming request at the server', async () => {
    handler = (_req, res) => { res.writeHead(200); res.write(line(0)); };
    const user = new AbortController();
    const guard = new RequestGuard(user.signal, { ...OPTS, fetch: lf.fetch });
    const res = await guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: new AbortController().signal });
    const reader = res.body!.getReader();
    await reader.read();
    const next = reader.read();
    user.abort();
    await assert.rejects(next);
    await closed;
    assert.equal(guard.cancelledByUser, true);
    guard.dispose();
  });

  test('a steady stream over many idle deadlines is no stall; a wait longer than one is, and closes the request', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      let i = 0;
      const tick = (): void => { if (i < 10) { res.write(line(i++)); setTimeout(tick, 50); } }; // then silence
      tick();
    };
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, idleTimeoutMs: 120, fetch: lf.fetch });
    const res = await guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: new AbortController().signal });
    const reader = res.body!.getReader();
    const started = Date.now();
    let lines = 0;
    const failure = await (async () => {
      try { for (;;) { const { done, value } = await reader.read(); if (done) return undefined; lines += new TextDecoder().decode(value).split('\n').length - 1; } } catch (err) { return err; }
    })();
    assert.ok(failure, 'the silence failed the read');
    assert.equal(lines, 10, 'all ten lines (500 ms, four deadlines) came through first');
    assert.equal(guard.state.stalled, true);
    assert.ok(Date.now() - started >= 450 + 120 - 20, 'not before the deadline after the last line');
    await closed;
    guard.dispose();
  });

  test('a slow consumer is no stall: bytes waiting unread for longer than the deadline are read intact', async () => {
    handler = (_req, res) => { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); res.write(line(0)); setTimeout(() => res.end(line(1)), 20); };
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, idleTimeoutMs: 80, fetch: lf.fetch });
    const res = await guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: new AbortController().signal });
    await sleep(250);
    assert.equal(await readAll(res), line(0) + line(1));
    assert.equal(guard.state.stalled, false);
    guard.finish(0);
  });

  test('a line that is not JSON fails the body with "malformed", marks the guard and closes the connection', async () => {
    handler = (_req, res) => { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); res.write(line(0)); setTimeout(() => res.write('{"response": "cut\n'), 20); };
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: lf.fetch });
    const res = await guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}', signal: new AbortController().signal });
    await assert.rejects(readAll(res), /malformed NDJSON line/);
    await closed;
    await sleep(0);
    assert.equal(guard.state.malformed, true);
    guard.dispose();
  });

  test('a holdable fetch that falls back (https on another host) still honours the client\'s signal and the hooks', async () => {
    let seen: AbortSignal | undefined;
    const fallback = (async (_i: string | URL | Request, init?: RequestInit) => {
      seen = init?.signal ?? undefined;
      return new Response(`${line(0)}${String(_i).includes('bad') ? 'not json\n' : ''}`, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
    }) as typeof fetch;
    const other = createLoopbackFetch(fallback);
    try {
      const client = new AbortController();
      const g1 = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: other.fetch });
      await g1.fetch('https://models.example.test/api/generate', { method: 'POST', body: '{}', signal: client.signal });
      assert.ok(seen && !seen.aborted);
      client.abort();
      assert.equal(seen.aborted, true, 'the fallback\'s signal follows the client\'s');
      g1.dispose();
      const g2 = new RequestGuard(new AbortController().signal, { ...OPTS, fetch: other.fetch });
      const res = await g2.fetch('https://models.example.test/bad/api/generate', { method: 'POST', body: '{}', signal: new AbortController().signal });
      await assert.rejects(readAll(res), /malformed NDJSON line/);
      await sleep(0);
      assert.equal(g2.state.malformed, true);
      g2.dispose();
    } finally { other.dispose(); }
  });
});
