// A completion prepared during the debounce is opened at once (request built, socket bound) and written only when
// the debounce ends. What must hold, against a real node:http server on loopback: no byte of the request reaches
// the server before the release; an abort while held sends nothing at all; a kept-alive socket the server closes
// during the hold costs nothing (the request goes on a new one); a server that is down fails the held request
// without arming a deadline; and the first-byte deadline counts from the release, not from the prepare.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLoopbackFetch, type LoopbackFetch } from '../../../src/core/providers/loopbackFetch';
import { RequestGuard } from '../../../src/core/providers/guard';
import { closedPort } from './helpers';

const OPTS = { firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetryAfterMs: 10_000 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function gate(): { when: Promise<void>; open: () => void } {
  let open!: () => void;
  const when = new Promise<void>((r) => { open = r; });
  return { when, open };
}

suite('providers/loopbackFetch: a request held until its release', () => {
  let server: http.Server;
  let base: string;
  let connections = 0;
  let sockets: Socket[] = [];
  /** Bytes each connection received, in arrival order. */
  let received: string[] = [];
  let bodies: string[] = [];
  let answerDelayMs = 0;
  let lf: LoopbackFetch;

  suiteSetup(async () => {
    server = http.createServer((req, res) => {
      let b = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => { b += d; });
      req.on('end', () => {
        bodies.push(b);
        setTimeout(() => { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); res.end('{"done":true}\n'); }, answerDelayMs);
      });
    });
    server.keepAliveTimeout = 60_000;
    server.on('connection', (s: Socket) => {
      connections++;
      sockets.push(s);
      s.prependListener('data', (d: Buffer) => { received.push(d.toString('latin1')); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  suiteTeardown(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });
  setup(() => {
    connections = 0; sockets = []; received = []; bodies = []; answerDelayMs = 0;
    server.closeAllConnections();
    lf = createLoopbackFetch(() => Promise.reject(new Error('fallback used')));
  });
  teardown(() => lf.dispose());

  test('nothing reaches the server before the release; then headers and body arrive whole', async () => {
    const g = gate();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{"prompt":"ä"}', headers: { 'content-type': 'application/json' } });
    await sleep(60);
    assert.equal(connections, 1, 'the connection is opened while held');
    assert.deepEqual(received, [], 'no byte of the request is written while held');
    g.open();
    const answer = await res;
    assert.equal(answer.status, 200);
    assert.equal(await answer.text(), '{"done":true}\n');
    assert.deepEqual(bodies, ['{"prompt":"ä"}']);
    assert.match(received.join(''), /^POST \/api\/generate HTTP\/1\.1\r\n[\s\S]*content-length: 15\r\n/i);
    guard.finish(0);
  });

  test('aborted while held: rejects with the reason, and the server never sees a request', async () => {
    const g = gate();
    const user = new AbortController();
    const guard = new RequestGuard(user.signal, { ...OPTS, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}' });
    await sleep(30);
    const reason = new Error('superseded by the next keystroke');
    user.abort(reason);
    await assert.rejects(res, (e: unknown) => e === reason || (e as Error).name === 'AbortError');
    g.open(); // the engine releases an aborted flight too: it must still send nothing
    await sleep(60);
    assert.deepEqual(received, []);
    assert.deepEqual(bodies, []);
    guard.dispose();
  });

  test('a kept-alive socket the server closes during the hold: the request goes on a new connection', async () => {
    // A first request leaves a kept-alive socket in the pool.
    assert.equal((await lf.fetch(`${base}/api/ps`)).status, 200);
    const g = gate();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{"n":2}' });
    await sleep(20);
    for (const s of sockets) s.destroy(); // the server drops its idle connections (its keep-alive timeout)
    await sleep(40);
    g.open();
    const answer = await res;
    assert.equal(answer.status, 200);
    await answer.text();
    assert.deepEqual(bodies, ['', '{"n":2}']);
    assert.equal(connections, 2);
    guard.finish(0);
  });

  test('a server that is down fails the held request, and no deadline is left armed', async () => {
    const port = await closedPort();
    const g = gate();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, firstByteTimeoutMs: 40, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`http://127.0.0.1:${port}/api/generate`, { method: 'POST', body: '{}' });
    const failed = await Promise.race([res.then(() => 'answered', (e: unknown) => (e as Error).message), sleep(500).then(() => 'hung')]);
    assert.equal(failed, 'fetch failed', 'the refusal is known while still held');
    g.open();
    await sleep(80);
    assert.equal(guard.state.timedOut, false, 'no first-byte deadline fired for a request that had already failed');
    guard.dispose();
  });

  test('the first-byte deadline counts from the release, not from the prepare', async () => {
    answerDelayMs = 60;
    const g = gate();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, firstByteTimeoutMs: 150, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}' });
    await sleep(200); // held longer than the deadline
    g.open();
    const answer = await res;
    assert.equal(answer.status, 200);
    assert.equal(guard.state.timedOut, false);
    await answer.text();
    guard.finish(0);
  });

  test('the first-byte deadline still fires for a released request the server never answers', async () => {
    answerDelayMs = 2_000;
    const g = gate();
    const guard = new RequestGuard(new AbortController().signal, { ...OPTS, firstByteTimeoutMs: 80, sendWhen: g.when, fetch: lf.fetch });
    const res = guard.fetch(`${base}/api/generate`, { method: 'POST', body: '{}' });
    await sleep(30);
    g.open();
    await assert.rejects(res);
    assert.equal(guard.state.timedOut, true);
    guard.dispose();
  });
});
