import * as assert from 'node:assert/strict';
import { FakeAnthropic, anthropicSpendLimitBody } from '../../fakes/anthropic';
import type { StartedServer } from '../../fakes/base';
import { createAnthropicProvider, type AnthropicProviderOptions } from '../../../src/core/providers/anthropic';
import { assertFailure, chatBody, closedPort, drain, never, recordCase, sealed, testKey } from './helpers';

suite('providers/anthropic against the fake Messages API', () => {
  const fake = new FakeAnthropic();
  let server: StartedServer;
  let key: string;
  const provider = (o: Partial<AnthropicProviderOptions> = {}) => createAnthropicProvider({
    baseUrl: server.url, apiKey: key, firstByteTimeoutMs: 500, idleTimeoutMs: 400, maxRetryAfterMs: 10_000, ...o,
  });
  const run = async (name: string, o: Partial<AnthropicProviderOptions> = {}, signal = never()) => {
    const d = await drain(provider(o).stream(sealed('claude-sonnet-4-6'), signal));
    assert.ok(!JSON.stringify(d.result).includes(key), 'the key never appears in a result');
    recordCase('anthropic', name, d);
    return d;
  };

  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => { key = testKey(); fake.reset(); fake.setFault(undefined); fake.setReply({ ttftMs: 0, perTokenMs: 0 }); fake.usage = { cacheCreationInputTokens: 0, cacheReadInputTokens: 0 }; });

  test('streams text, reports usage with cache reads/writes, and caches the system prompt', async () => {
    fake.usage = { cacheCreationInputTokens: 120, cacheReadInputTokens: 3000 };
    const d = await drain(provider().stream(sealed('claude-sonnet-4-6'), never()));
    assert.ok(d.text.startsWith('[fake-anthropic]'));
    assert.ok(d.chunks.length > 1, 'streamed in pieces');
    const { usage, finish, model, timing } = d.result;
    assert.equal(finish, 'stop');
    assert.equal(model, 'claude-sonnet-4-6');
    assert.deepEqual({ ...usage, input: usage.input > 0 }, { input: true, output: d.chunks.length, cacheRead: 3000, cacheWrite: 120, source: 'provider' });
    assert.ok(timing.ttftMs !== null && timing.ttftMs <= timing.totalMs);
    const req = fake.requests[0]!;
    const body = req.body as { system: Array<{ text: string; cache_control?: unknown }>; stream: boolean; max_tokens: number };
    assert.deepEqual(body.system, [{ type: 'text', text: 'You are a careful reviewer.', cache_control: { type: 'ephemeral' } }]);
    assert.equal(body.stream, true);
    assert.equal(body.max_tokens, 200);
    assert.ok(req.headers['x-api-key'] === '[redacted]' || req.headers['authorization'] === '[redacted]', 'key sent, not recorded');
    assert.ok(!JSON.stringify(fake.requests).includes(key));
  });

  test('max_tokens reached → finish "length"', async () => {
    const d = await drain(provider().stream(sealed('claude-sonnet-4-6', { maxTokens: 2 }), never()));
    assert.equal(d.result.finish, 'length');
    assert.equal(d.chunks.length, 2);
  });

  test('an unsealed body is refused with no network call', async () => {
    const d = await drain(provider().stream(chatBody('claude-sonnet-4-6'), never()));
    recordCase('anthropic', 'unsealed body', d);
    assertFailure(d, 'blocked');
    assert.equal(fake.requests.length, 0);
  });

  test('no API key → auth failure pointing at "Hybrid: Set API Key", no network call', async () => {
    const d = await run('no API key', { apiKey: async () => undefined });
    assertFailure(d, 'auth');
    assert.equal(d.result.failure?.fix, 'setApiKey');
    assert.match(d.result.failure!.message, /Hybrid: Set API Key/);
    assert.equal(fake.requests.length, 0);
  });

  test('connection refused → connection failure', async () => {
    const port = await closedPort();
    const d = await run('connection refused', { baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    assertFailure(d, 'connection');
    assert.match(d.result.failure!.message, /connection refused/);
  });

  test('connection refused with the SDK default of 2 retries → still bounded, connection failure', async () => {
    const port = await closedPort();
    const d = await run('refused, SDK retries x2', { baseUrl: `http://127.0.0.1:${port}` });
    assertFailure(d, 'connection');
    assert.ok(d.ms < 5000);
  });

  test('DNS failure (.invalid host) → connection failure naming the host', async () => {
    const d = await run('DNS failure', { baseUrl: 'http://hybrid-test.invalid', maxRetries: 0 });
    assertFailure(d, 'connection');
    assert.match(d.result.failure!.message, /hybrid-test\.invalid.*DNS/);
  });

  test('slow first byte → timeout once (no retries), and the fake sees the connection closed', async () => {
    fake.setFault({ kind: 'delayFirstByte', ms: 3000 });
    const d = await run('slow first byte', { firstByteTimeoutMs: 300 });
    assertFailure(d, 'timeout');
    assert.equal(fake.requests.length, 1, 'a time-out is not retried');
    await fake.waitForClientClose(0, 2000);
  });

  test('stalled after headers → stalled via the idle timer, partial text kept, connection closed', async () => {
    fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 2 });
    const d = await run('stalled after headers', { idleTimeoutMs: 300 });
    assertFailure(d, 'stalled');
    assert.equal(d.chunks.length, 2);
    assert.ok(d.result.usage.output > 0, 'output estimated from streamed text');
    await fake.waitForClientClose(0, 2000);
  });

  test('401 → auth + setApiKey, never retried, key not in the message', async () => {
    fake.setFault({ kind: 'status', status: 401 });
    const d = await run('401 invalid key');
    assertFailure(d, 'auth');
    assert.equal(d.result.failure?.fix, 'setApiKey');
    assert.match(d.result.failure!.message, /Hybrid: Set API Key/);
    assert.ok(!d.result.failure!.message.includes(key));
    assert.equal(fake.requests.length, 1);
  });

  test('the log line names the code, status, attempts and request id — never the key or prompt text', async () => {
    fake.setFault({ kind: 'status', status: 401 });
    const lines: string[] = [];
    const log = (m: unknown, ...a: unknown[]) => { lines.push([m, ...a].map(String).join(' ')); };
    await drain(provider({ logger: { trace: log, debug: log, info: log, warn: log, error: log } }).stream(sealed('claude-sonnet-4-6'), never()));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^anthropic: auth 401 after 1 attempt\(s\) \(request req_[0-9a-f]+\)$/);
    assert.ok(!lines.join('').includes(key));
  });

  test('403 → auth', async () => {
    fake.setFault({ kind: 'status', status: 403 });
    const d = await run('403 permission');
    assertFailure(d, 'auth');
    assert.equal(fake.requests.length, 1);
  });

  test('404 model → modelMissing naming the model setting', async () => {
    fake.setFault({ kind: 'status', status: 404 });
    const d = await run('404 model');
    assertFailure(d, 'modelMissing');
    assert.match(d.result.failure!.message, /claude-sonnet-4-6.*hybrid\.cloud\.model/);
  });

  test('400 prompt too long and 413 → tooLarge, not retried', async () => {
    fake.setFault({ kind: 'status', status: 400 });
    assertFailure(await run('400 prompt too long'), 'tooLarge');
    fake.setFault({ kind: 'status', status: 413 });
    assertFailure(await run('413 request too large'), 'tooLarge');
    assert.equal(fake.requests.length, 2);
  });

  test('429 with a short retry-after → retried by the SDK and answered', async () => {
    fake.setFault({ kind: 'status', status: 429, retryAfter: 0.2, once: true });
    const d = await run('429 retry-after 0.2 s');
    assert.equal(d.result.finish, 'stop');
    assert.ok(d.text.startsWith('[fake-anthropic]'));
    assert.equal(fake.requests.length, 2);
    assert.ok(d.ms >= 150, 'the retry waited for retry-after');
  });

  test('429 with retry-after beyond the cap → rateLimited at once, saying when to retry', async () => {
    fake.setFault({ kind: 'status', status: 429, retryAfter: 60 });
    const d = await run('429 retry-after 60 s (> cap)');
    assertFailure(d, 'rateLimited');
    assert.equal(d.result.failure?.retryAfterMs, 60_000);
    assert.match(d.result.failure!.message, /try again in 60 s/);
    assert.equal(fake.requests.length, 1);
  });

  test('spend-limit 429 → quota, never retried', async () => {
    fake.setFault({ kind: 'status', status: 429, body: anthropicSpendLimitBody() });
    const d = await run('429 spend limit');
    assertFailure(d, 'quota');
    assert.equal(fake.requests.length, 1);
  });

  test('500 and 529 → retried twice by the SDK, then server', async () => {
    fake.setFault({ kind: 'status', status: 500, retryAfterMs: 10 });
    const d = await run('500 x3');
    assertFailure(d, 'server');
    assert.equal(fake.requests.length, 3);
    assert.match(d.result.failure!.message, /3 attempts/);
    fake.reset();
    fake.setFault({ kind: 'status', status: 529, retryAfterMs: 10 });
    const o = await run('529 overloaded x3');
    assertFailure(o, 'server');
    assert.match(o.result.failure!.message, /overloaded/);
    assert.equal(fake.requests.length, 3);
  });

  test('one 500 then success → answered', async () => {
    fake.setFault({ kind: 'status', status: 500, retryAfterMs: 10, once: true });
    const d = await drain(provider().stream(sealed('claude-sonnet-4-6'), never()));
    assert.equal(d.result.finish, 'stop');
    assert.equal(fake.requests.length, 2);
  });

  test('error event mid-stream (overloaded) → server, partial text kept', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 2 });
    const d = await run('error event mid-stream');
    assertFailure(d, 'server');
    assert.equal(d.chunks.length, 2);
  });

  test('200 with an error event before any text (overloaded) → retried, then answered', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 0, once: true });
    const d = await run('error event before text, once');
    assert.equal(d.result.finish, 'stop');
    assert.ok(d.text.startsWith('[fake-anthropic]'));
    assert.equal(fake.requests.length, 2);
  });

  test('200 with an error event before any text, every time → server after the retry budget', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 0 });
    const d = await run('error event before text, always', { maxRetries: 1 });
    assertFailure(d, 'server');
    assert.equal(fake.requests.length, 2);
  });

  test('stream ending without message_stop → protocol', async () => {
    fake.setFault({ kind: 'truncate', afterTokens: 3 });
    const d = await run('ended without message_stop');
    assertFailure(d, 'protocol');
  });

  test('malformed chunk → protocol', async () => {
    fake.setFault({ kind: 'malformedChunk', afterTokens: 1 });
    const d = await run('malformed chunk');
    assertFailure(d, 'protocol');
  });

  test('user cancel mid-stream → finish cancelled, no failure, the fake sees the abort', async () => {
    fake.setReply({ perTokenMs: 100 });
    const ctl = new AbortController();
    const d = await drain(provider().stream(sealed('claude-sonnet-4-6'), ctl.signal), { onChunk: () => ctl.abort() });
    recordCase('anthropic', 'user cancel', d);
    assert.equal(d.result.finish, 'cancelled');
    assert.equal(d.result.failure, undefined);
    assert.equal(d.result.usage.source, 'estimate');
    await fake.waitForClientClose(0, 2000);
  });
});
