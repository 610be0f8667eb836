// The local model's fetch (node:http over a kept-alive connection) must look to the official clients exactly as
// fetch does: same Response, same errors (errno on `cause`), abort with the signal's reason, and one connection
// for a run of requests. Each case runs against a real node:http server on loopback. Last, the Ollama provider on
// top of it keeps that connection across requests whose response ends a moment after its final chunk.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLoopbackFetch, type LoopbackFetch } from '../../../src/core/providers/loopbackFetch';
import { errnoOf } from '../../../src/core/providers/failureText';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { closedPort } from './helpers';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

suite('providers/loopbackFetch', () => {
  let server: http.Server;
  let base: string;
  let handler: Handler;
  let connections = 0;
  let sockets: Socket[] = [];
  let seen = 0;
  let lf: LoopbackFetch;

  suiteSetup(async () => {
    server = http.createServer((req, res) => handler(req, res, ++seen));
    server.keepAliveTimeout = 60_000;
    server.on('connection', (s: Socket) => { connections++; sockets.push(s); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  suiteTeardown(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });
  setup(() => {
    connections = 0; seen = 0; sockets = [];
    server.closeAllConnections();
    lf = createLoopbackFetch(() => Promise.reject(new Error('fallback used')));
    handler = (req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); }); };
  });
  teardown(() => lf.dispose());

  test('a run of requests shares one kept-alive connection and reads like fetch', async () => {
    const bodies: string[] = [];
    handler = (req, res) => {
      let b = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => { b += d; });
      req.on('end', () => {
        bodies.push(`${req.method} ${req.headers['content-type']} ${req.headers['content-length']} ${req.headers['x-one']} ${b}`);
        res.writeHead(201, 'Made', [['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['content-type', 'application/x-ndjson']]);
        res.end('{"n":1}\n{"n":2}\n');
      });
    };
    for (const headers of [{ 'Content-Type': 'application/json', 'X-One': '1' }, new Headers({ 'content-type': 'application/json', 'x-one': '2' }), [['Content-Type', 'application/json'], ['X-One', '3']] as [string, string][]]) {
      const res = await lf.fetch(`${base}/api/generate`, { method: 'POST', body: '{"p":"ü"}', headers });
      assert.equal(res.status, 201);
      assert.equal(res.statusText, 'Made');
      assert.equal(res.ok, true);
      assert.equal(res.headers.get('content-type'), 'application/x-ndjson');
      assert.deepEqual(res.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.equal(await res.text(), '{"n":1}\n{"n":2}\n');
    }
    // content-length counts bytes, not characters (ü is two).
    assert.deepEqual(bodies, [1, 2, 3].map((n) => `POST application/json 10 ${n} {"p":"ü"}`));
    assert.equal(connections, 1);
  });

  test('https, Request objects and streamed bodies go to the fallback fetch untouched; plain http to another host does not (a proxy would read it)', async () => {
    const calls: string[] = [];
    const f = createLoopbackFetch(async (input) => { calls.push(String(input instanceof Request ? `Request ${input.url}` : input)); return new Response('fb'); });
    try {
      await assert.rejects(f.fetch('http://gpu-box.invalid:11434/api/tags'), /fetch failed/);
      await f.fetch('https://localhost:11434/api/tags');
      await f.fetch(new Request(`${base}/x`));
      await f.fetch(`${base}/y`, { method: 'POST', body: new ReadableStream(), duplex: 'half' } as RequestInit);
      assert.equal((await f.fetch(`${base}/z`)).status, 200, 'a plain loopback GET is served here');
    } finally { f.dispose(); }
    assert.deepEqual(calls, ['https://localhost:11434/api/tags', `Request ${base}/x`, `${base}/y`]);
  });

  test('a refused connection fails as fetch does: TypeError "fetch failed" with ECONNREFUSED on its cause', async () => {
    const port = await closedPort();
    const err = await lf.fetch(`http://127.0.0.1:${port}/api/tags`).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof TypeError);
    assert.equal(err.message, 'fetch failed');
    assert.equal(errnoOf(err), 'ECONNREFUSED');
  });

  test('an abort before the headers rejects with the signal\'s reason and closes the request at the server', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((r) => { closed = r; });
    handler = (req) => { req.resume(); req.socket.on('close', closed); };
    const ctl = new AbortController();
    const pending = lf.fetch(`${base}/slow`, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 30);
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
    await serverSawClose;
    const custom = new Error('mine');
    await assert.rejects(lf.fetch(`${base}/x`, { signal: AbortSignal.abort(custom) }), (e: unknown) => e === custom);
  });

  test('an abort in the middle of the body errors the reader with the reason; the server sees the close', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((r) => { closed = r; });
    handler = (_req, res) => { res.writeHead(200); res.write('{"a":1}\n'); res.on('close', closed); };
    const ctl = new AbortController();
    const res = await lf.fetch(`${base}/stream`, { signal: ctl.signal });
    const reader = res.body!.getReader();
    assert.equal(new TextDecoder().decode((await reader.read()).value), '{"a":1}\n');
    const next = reader.read();
    ctl.abort();
    await assert.rejects(next, (e: unknown) => (e as Error).name === 'AbortError');
    await serverSawClose;
  });

  test('a server that dies mid-body ends the read with TypeError "terminated", not a clean end', async () => {
    handler = (_req, res) => { res.writeHead(200); res.write('{"a":1}\n'); setTimeout(() => res.socket?.destroy(), 20); };
    const res = await lf.fetch(`${base}/dies`);
    await assert.rejects(res.text(), (e: unknown) => e instanceof TypeError && e.message === 'terminated');
  });

  test('a kept-alive connection the server dropped while idle is retried once on a new one', async () => {
    // The second request arrives on the reused socket; the server resets it before answering (an idle close race).
    handler = (req, res, n) => {
      if (n === 2) { req.socket.resetAndDestroy(); return; }
      req.resume(); req.on('end', () => res.end(`answer ${n}`));
    };
    assert.equal(await (await lf.fetch(`${base}/a`, { method: 'POST', body: 'x' })).text(), 'answer 1');
    assert.equal(await (await lf.fetch(`${base}/b`, { method: 'POST', body: 'y' })).text(), 'answer 3');
    assert.equal(connections, 2);
    // A fresh connection is never retried: the request may have reached the server.
    handler = (req) => { req.socket.resetAndDestroy(); };
    lf.dispose();
    lf = createLoopbackFetch();
    const err = await lf.fetch(`${base}/c`).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof TypeError, String(err));
    assert.equal(errnoOf(err), 'ECONNRESET');
  });

  test('no-body statuses give a null body; a large body arrives whole when read slowly', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    handler = (req, res) => { req.resume(); if (req.url === '/none') { res.writeHead(204); res.end(); } else res.end(big); };
    const none = await lf.fetch(`${base}/none`);
    assert.equal(none.status, 204);
    assert.equal(none.body, null);
    const res = await lf.fetch(`${base}/big`);
    const reader = res.body!.getReader();
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.byteLength;
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(n, big.length);
  });

  test('dispose closes the idle connection now, and a busy one only after its request finished', async () => {
    const closedAtServer = (s: Socket) => new Promise<void>((r) => { if (s.destroyed) r(); else s.on('close', () => r()); });
    await (await lf.fetch(`${base}/a`)).text();
    lf.dispose();
    await closedAtServer(sockets[0]!);

    lf = createLoopbackFetch();
    let release!: () => void;
    handler = (req, res) => { req.resume(); release = () => res.end('late'); };
    const inFlight = lf.fetch(`${base}/b`);
    await new Promise((r) => setTimeout(r, 30));
    lf.dispose();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(sockets[1]!.destroyed, false, 'the request in flight is not cut');
    release();
    assert.equal(await (await inFlight).text(), 'late');
    await closedAtServer(sockets[1]!);
  });
});

suite('providers/ollama: a finished stream keeps its connection', () => {
  test('the end of the response may come a moment after done:true (as Ollama flushes it); the connection is reused', async () => {
    let connections = 0;
    let ended: (() => void) | undefined;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/api/show') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ capabilities: ['completion', 'insert'], model_info: {} })); return; }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        res.write(`${JSON.stringify({ model: 'm', created_at: new Date().toISOString(), response: '42', done: false })}\n`);
        res.write(`${JSON.stringify({ model: 'm', created_at: new Date().toISOString(), response: '', done: true, done_reason: 'stop', prompt_eval_count: 3, eval_count: 1 })}\n`);
        // The final chunk is flushed first; the chunked terminator follows.
        setTimeout(() => { res.end(); ended?.(); }, 20);
      });
    });
    server.on('connection', () => { connections++; });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const provider = createOllamaProvider({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      for (let i = 0; i < 5; i++) {
        // The next request waits for this one's end at the server (not a fixed pause, which a loaded machine can
        // outrun), then a moment for the client to put the socket back.
        const responseEnded = new Promise<void>((r) => { ended = r; });
        const it = provider.complete({ model: 'm', prefix: `a${i}`, suffix: '', maxTokens: 8 }, new AbortController().signal);
        let n = await it.next();
        while (!n.done) n = await it.next();
        assert.equal(n.value.finish, 'stop');
        await responseEnded;
        await new Promise((r) => setTimeout(r, 30));
      }
      assert.equal(connections, 1, 'aborting at done:true would have closed the connection before its end arrived');
    } finally {
      provider.dispose();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
