// The node:http fetch under the Ollama client: one kept-alive connection for many requests, real cancellation
// (the server sees the connection close), fetch's own error shapes, and the global fetch for what it does not do.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartedServer } from '../../fakes/base';
import { FakeOllama } from '../../fakes/ollama';
import { createLoopbackFetch } from '../../../src/core/providers/loopbackFetch';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { closedPort } from './helpers';

const FIM = 'qwen2.5-coder:1.5b';

async function listen(handler: http.RequestListener): Promise<{ url: string; server: http.Server; connections: () => number }> {
  const server = http.createServer(handler);
  let n = 0;
  server.on('connection', () => { n++; });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections: () => n };
}

suite('providers/loopbackFetch (node:http keep-alive fetch for Ollama)', () => {
  const fake = new FakeOllama();
  let server: StartedServer;
  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => { fake.reset(); fake.setFault(undefined); fake.setReply({ ttftMs: 0, perTokenMs: 0 }); });

  test('twenty completions through the official client share one TCP connection', async () => {
    const before = fake.connections;
    const provider = createOllamaProvider({ baseUrl: server.url, fetch: createLoopbackFetch() });
    for (let i = 0; i < 20; i++) {
      const it = provider.complete({ model: FIM, prefix: `const a${i} = `, suffix: ';', maxTokens: 16 }, new AbortController().signal);
      let n = await it.next();
      let text = '';
      while (!n.done) { text += n.value; n = await it.next(); }
      assert.equal(n.value.finish, 'stop');
      assert.ok(text.length > 0);
    }
    assert.equal(fake.connections - before, 1, 'one connection for /api/show and twenty generations');
  });

  test('aborting mid-stream closes the connection at the server and errors the body with the abort reason', async () => {
    fake.setReply({ ttftMs: 0, perTokenMs: 50 });
    const f = createLoopbackFetch();
    const controller = new AbortController();
    const res = await f(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: FIM, prompt: 'x', stream: true }), signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await assert.rejects(reader.read(), (e: Error) => e.name === 'AbortError');
    const closed = await fake.waitForClientClose(fake.requests.length - 1, 2000);
    assert.equal(closed.clientClosed, true);
  });

  test('an abort before the answer rejects like fetch (AbortError) and the server sees the client leave', async () => {
    fake.setReply({ ttftMs: 2000, perTokenMs: 0 });
    const controller = new AbortController();
    const pending = createLoopbackFetch()(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: FIM, prompt: 'x', stream: true }), signal: controller.signal });
    await fake.waitForRequests(1);
    controller.abort();
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
    await fake.waitForClientClose(0, 2000);
  });

  test('connection refused is fetch\'s TypeError with the errno as cause', async () => {
    const port = await closedPort();
    await assert.rejects(createLoopbackFetch()(`http://127.0.0.1:${port}/api/tags`), (e: TypeError & { cause?: { code?: string } }) =>
      e instanceof TypeError && e.message === 'fetch failed' && e.cause?.code === 'ECONNREFUSED');
  });

  test('a kept-alive socket the server dropped unannounced is retried once on a fresh connection', async () => {
    let seen = 0;
    const s = await listen((req, res) => {
      seen++;
      // The second request arrives on the reused socket: drop it without answering, as a server that timed it out.
      if (seen === 2) { req.socket.destroy(); return; }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ n: seen }));
    });
    try {
      const f = createLoopbackFetch();
      assert.deepEqual(await (await f(`${s.url}/x`, { method: 'POST', body: '{}' })).json(), { n: 1 });
      assert.deepEqual(await (await f(`${s.url}/x`, { method: 'POST', body: '{}' })).json(), { n: 3 });
      assert.equal(s.connections(), 2);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });

  test('redirects, Request objects and non-string bodies go to the fallback fetch', async () => {
    const s = await listen((req, res) => {
      if (req.url === '/old') { res.writeHead(307, { location: '/new' }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`at ${req.url}`);
    });
    try {
      const used: string[] = [];
      const fallback = ((input: string | URL | Request, init?: RequestInit) => { used.push(String(input instanceof Request ? input.url : input)); return fetch(input, init); }) as typeof fetch;
      const f = createLoopbackFetch({ fallback });
      assert.equal(await (await f(`${s.url}/old`)).text(), 'at /new');
      assert.equal(await (await f(new Request(`${s.url}/req`))).text(), 'at /req');
      assert.equal(await (await f(`${s.url}/bytes`, { method: 'POST', body: new Uint8Array([1, 2]) })).text(), 'at /bytes');
      assert.equal(await (await f(`${s.url}/plain`)).text(), 'at /plain');
      assert.deepEqual(used, [`${s.url}/old`, `${s.url}/req`, `${s.url}/bytes`]);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });

  test('status, headers and a null-body status come through as fetch gives them', async () => {
    const s = await listen((req, res) => {
      if (req.url === '/empty') { res.writeHead(204); res.end(); return; }
      res.writeHead(404, 'Not Found', { 'content-type': 'application/json', 'x-one': 'a' });
      res.end('{"error":"model \\"m\\" not found"}');
    });
    try {
      const f = createLoopbackFetch();
      const r = await f(`${s.url}/missing`);
      assert.equal(r.status, 404);
      assert.equal(r.ok, false);
      assert.equal(r.headers.get('x-one'), 'a');
      assert.deepEqual(await r.json(), { error: 'model "m" not found' });
      const e = await f(`${s.url}/empty`);
      assert.equal(e.status, 204);
      assert.equal(e.body, null);
    } finally {
      s.server.closeAllConnections();
      s.server.close();
    }
  });
});
