// A completion to Ollama on this machine is read straight off node:http (ollamaStream.ts), not through the official
// client. It must end exactly as the client's path ends, fault by fault: the same text and usage when it works,
// the same failure code, message and fix when it does not, the same connection closed on a cancel. Each case
// runs the same request both ways against the fake Ollama: `lean` (the provider as the extension builds it) and
// `client` (a provider given a fetch, which keeps the official client's path).

import * as assert from 'node:assert/strict';
import type { Fault, StartedServer } from '../../fakes/base';
import { FakeOllama } from '../../fakes/ollama';
import { createOllamaProvider, type OllamaProviderOptions } from '../../../src/core/providers/ollama';
import { createLoopbackFetch } from '../../../src/core/providers/loopbackFetch';
import type { FimBody } from '../../../src/core/wire/types';
import { drain, never, type Drained } from './helpers';

const FIM = 'qwen2.5-coder:1.5b';
const NO_INSERT = 'starcoder2:3b';
const body = (model = FIM): FimBody => ({ model, prefix: 'def add(a, b):\n    ', suffix: '\n\nprint(add(1, 2))', maxTokens: 64, stop: ['\n\n'] });

suite('providers/ollamaStream: the lean completion path ends as the official client does', () => {
  const fake = new FakeOllama();
  let server: StartedServer;
  const clientFetch = createLoopbackFetch();
  const make = (path: 'lean' | 'client', o: Partial<OllamaProviderOptions> = {}) => createOllamaProvider({
    baseUrl: server.url, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, ...(path === 'client' ? { fetch: clientFetch.fetch } : {}), ...o,
  });
  const generations = () => fake.requests.filter((r) => r.path === '/api/generate');
  const both = async (fault: Fault | undefined, o: Partial<OllamaProviderOptions> = {}, model = FIM): Promise<Record<'lean' | 'client', Drained>> => {
    const out = {} as Record<'lean' | 'client', Drained>;
    for (const path of ['lean', 'client'] as const) {
      const p = make(path, o);
      try {
        await drain(p.complete(body(model), never())); // /api/show cached, so the fault meets /api/generate
        fake.reset();
        fake.setFault(fault);
        out[path] = await drain(p.complete(body(model), never()));
        fake.setFault(undefined);
        assert.equal(generations().length, 1, `${path}: one request`);
        const ua = String(generations()[0]!.headers['user-agent'] ?? '');
        assert.equal(/ollama-js/.test(ua), path === 'client', `${path} path taken (user-agent "${ua}")`);
      } finally { p.dispose(); }
    }
    return out;
  };
  const same = (d: Record<'lean' | 'client', Drained>, code: string | undefined): void => {
    assert.equal(d.lean.result.failure?.code, code, d.lean.result.failure?.message);
    assert.deepEqual({ ...d.lean.result.failure }, { ...d.client.result.failure });
    assert.equal(d.lean.result.finish, d.client.result.finish);
    assert.equal(d.lean.text, d.client.text);
    assert.deepEqual(d.lean.result.usage, d.client.result.usage);
  };

  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { clientFetch.dispose(); await fake.close(); });
  setup(() => {
    fake.reset();
    fake.setFault(undefined);
    fake.setReply({ ttftMs: 0, perTokenMs: 0 });
    fake.setModels([
      { name: FIM, capabilities: ['completion', 'insert'], family: 'qwen2' },
      { name: NO_INSERT, capabilities: ['completion'], family: 'starcoder2' },
    ]);
  });

  test('an answer: the same text, usage and request body (suffix, keep_alive, options; the template with raw: true)', async () => {
    for (const model of [FIM, NO_INSERT]) {
      const d = await both(undefined, { numCtx: 8192 }, model);
      same(d, undefined);
      assert.equal(d.lean.result.finish, 'stop');
      assert.ok(d.lean.text.length > 0);
      assert.equal(d.lean.result.usage.source, 'provider');
    }
    fake.reset();
    const p = make('client', { numCtx: 8192 });
    const q = make('lean', { numCtx: 8192 });
    await drain(p.complete(body(), never()));
    await drain(q.complete(body(), never()));
    const [a, b] = generations().map((r) => r.body);
    assert.deepEqual(b, a, 'the lean request sends what the client sent');
    p.dispose(); q.dispose();
  });

  test('HTTP errors: 404 model text → modelMissing, 500 / 503 → server, a text body → its text', async () => {
    same(await both({ kind: 'status', status: 404, body: { error: `model "${FIM}" not found, try pulling it first` } }), 'modelMissing');
    same(await both({ kind: 'status', status: 500 }), 'server');
    same(await both({ kind: 'status', status: 503 }), 'server');
    same(await both({ kind: 'status', status: 502, body: '<html>bad gateway</html>' }), 'server');
    const notFound = await both({ kind: 'status', status: 404, body: { error: 'page not found' } });
    same(notFound, 'unknown');
    assert.match(notFound.lean.result.failure!.message, /page not found/);
  });

  test('deadlines: a slow first byte → timeout, a stall after the headers → stalled; the fake sees each closed', async () => {
    const slow = await both({ kind: 'delayFirstByte', ms: 3000 }, { firstByteTimeoutMs: 200 });
    same(slow, 'timeout');
    await fake.waitForClientClose(0, 2000);
    const stalled = await both({ kind: 'stallAfterHeaders', afterTokens: 2 }, { idleTimeoutMs: 200 });
    same(stalled, 'stalled');
    assert.equal(stalled.lean.chunks.length, 2);
    await fake.waitForClientClose(0, 2000);
  });

  test('broken streams: an {"error"} line → server, no done:true → protocol, a line that is not JSON → protocol, a reset → connection', async () => {
    same(await both({ kind: 'errorEvent', afterTokens: 2 }), 'server');
    same(await both({ kind: 'truncate', afterTokens: 2 }), 'protocol');
    same(await both({ kind: 'malformedChunk', afterTokens: 1 }), 'protocol');
    const reset = await both({ kind: 'reset', afterTokens: 2 });
    same(reset, 'connection');
    assert.match(reset.lean.result.failure!.message, /in the middle of the answer/);
  });

  test('cancel mid-stream: finish cancelled, and the fake sees that request closed; a run of answers keeps one connection', async () => {
    fake.setReply({ perTokenMs: 40 });
    const p = make('lean', { idleTimeoutMs: 2000 });
    await drain(p.complete(body(), never()));
    fake.reset();
    const ctl = new AbortController();
    const d = await drain(p.complete(body(), ctl.signal), { onChunk: () => ctl.abort() });
    assert.equal(d.result.finish, 'cancelled');
    assert.equal(d.result.failure, undefined);
    await fake.waitForClientClose(0, 2000);

    fake.setReply({ perTokenMs: 0 });
    const before = fake.connections;
    for (let i = 0; i < 5; i++) assert.equal((await drain(p.complete(body(), never()))).result.finish, 'stop');
    // The response's end comes a moment after done: true; the next request still finds the connection kept.
    assert.equal(fake.connections - before, 1, 'five completions, one new connection (the cancel closed the last)');
    p.dispose();
  });

  test('a consumer that stops iterating (return()) ends the request and its connection', async () => {
    fake.setReply({ perTokenMs: 100 });
    const p = make('lean', { idleTimeoutMs: 2000 });
    await drain(p.complete(body(), never()));
    fake.reset();
    const gen = p.complete(body(), never());
    assert.equal((await gen.next()).done, false);
    await gen.return(undefined as never);
    await fake.waitForClientClose(0, 2000);
    p.dispose();
  });
});
