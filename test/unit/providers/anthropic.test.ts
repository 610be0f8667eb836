import * as assert from 'node:assert/strict';
import { FakeAnthropic, anthropicSpendLimitBody } from '../../fakes/anthropic';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { defineCloudFailureSuite } from './cloudFailures';
import { assertFailure, drain, sealed } from './helpers';
import { requestCost } from '../../../src/core/spend';

suite('providers/anthropic against the fake Messages API', () => {
  const fake = new FakeAnthropic();
  const { key, run, plain, provider } = defineCloudFailureSuite({
    name: 'anthropic',
    model: 'claude-sonnet-4-6',
    fake,
    baseUrl: (url) => url,
    makeProvider: createAnthropicProvider,
    resetFake: () => { fake.usage = undefined; fake.cache.clear(); },
    secondServerError: { status: 529, caseName: '529 overloaded x3', message: /overloaded/ },
    errorEventTitle: 'error event mid-stream (overloaded)',
    endOfStream: { title: 'message_stop', caseName: 'ended without message_stop' },
  });

  test('anthropic: streams text, reports usage with cache reads/writes; a short system prompt gets no breakpoint', async () => {
    fake.usage = { cacheCreationInputTokens: 120, cacheReadInputTokens: 3000 };
    const d = await plain();
    assert.ok(d.text.startsWith('[fake-anthropic]'));
    assert.ok(d.chunks.length > 1, 'streamed in pieces');
    const { usage, finish, model, timing } = d.result;
    assert.equal(finish, 'stop');
    assert.equal(model, 'claude-sonnet-4-6');
    assert.deepEqual({ ...usage, input: usage.input > 0 }, { input: true, output: d.chunks.length, cacheRead: 3000, cacheWrite: 120, source: 'provider' });
    assert.ok(timing.ttftMs !== null && timing.ttftMs <= timing.totalMs);
    const req = fake.requests[0]!;
    const body = req.body as { system: Array<{ text: string; cache_control?: unknown }>; stream: boolean; max_tokens: number };
    // Far below the minimum cacheable length: a mark there would be ignored by the API (see cache tests).
    assert.deepEqual(body.system, [{ type: 'text', text: 'You are a careful reviewer.' }]);
    assert.equal(body.stream, true);
    assert.equal(body.max_tokens, 200);
    assert.ok(req.headers['x-api-key'] === '[redacted]' || req.headers['authorization'] === '[redacted]', 'key sent, not recorded');
    assert.ok(!JSON.stringify(fake.requests).includes(key()));
  });

  const bill = (d: { result: { usage: import('../../../src/core/request').Usage; model: string } }) =>
    requestCost({ route: 'cloud', model: d.result.model, usage: d.result.usage, totalMs: 0, costPerHour: 0, cloudModel: 'x' }).costUsd;

  test('anthropic: 1-hour cache writes from cache_creation reach the bill at the 1-hour rate', async () => {
    fake.usage = { cacheCreationInputTokens: 3000, cacheCreation1hInputTokens: 1000, cacheReadInputTokens: 20_000 };
    const d = await plain();
    const u = d.result.usage;
    assert.equal(u.cacheWrite, 2000);
    assert.equal(u.cacheWrite1h, 1000);
    // Sonnet 4.6 by hand: input×$3 + 20000×$0.30 + 2000×$3.75 + 1000×$6 + output×$15, per million.
    const expected = (u.input * 3 + 20_000 * 0.3 + 2000 * 3.75 + 1000 * 6 + u.output * 15) / 1e6;
    const got = bill(d);
    assert.ok(got !== null && Math.abs(got - expected) < 1e-12, `${got} ≠ ${expected}`);
    // Priced as if every write were a 5-minute one it would be 1000 × ($6 − $3.75) / 1e6 = $0.00225 less.
    assert.ok(Math.abs(expected - (u.input * 3 + 20_000 * 0.3 + 3000 * 3.75 + u.output * 15) / 1e6 - 0.00225) < 1e-12);
  });

  test('anthropic: a cancel after message_start keeps its input-side counts; the output is estimated, labelled', async () => {
    fake.usage = { cacheCreationInputTokens: 0, cacheReadInputTokens: 5000 };
    fake.setReply({ perTokenMs: 100 });
    const ctl = new AbortController();
    const d = await drain(provider().stream(sealed('claude-sonnet-4-6'), ctl.signal), { onChunk: () => ctl.abort() });
    assert.equal(d.result.finish, 'cancelled');
    assert.equal(d.result.usage.source, 'estimate', 'message_start\'s output_tokens is not the final count');
    assert.equal(d.result.usage.cacheRead, 5000, 'the cache read message_start reported');
    assert.ok(d.result.usage.output >= Math.max(1, Math.ceil(d.text.length / 4)), 'the text streamed is billed');
    assert.ok((bill(d) ?? 0) > 0);
  });

  test('anthropic: 401 (rejected before the model ran) bills nothing: $0, not an estimate', async () => {
    fake.setFault({ kind: 'status', status: 401 });
    const d = await plain();
    assert.equal(d.result.failure?.code, 'auth');
    assert.deepEqual(d.result.usage, { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' });
    assert.equal(bill(d), 0);
  });

  test('anthropic: spend-limit 429 → quota, never retried', async () => {
    fake.setFault({ kind: 'status', status: 429, body: anthropicSpendLimitBody() });
    const d = await run('429 spend limit');
    assertFailure(d, 'quota');
    assert.equal(fake.requests.length, 1);
  });

  test('anthropic: 200 with an error event before any text (overloaded) → retried, then answered', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 0, once: true });
    const d = await run('error event before text, once');
    assert.equal(d.result.finish, 'stop');
    assert.ok(d.text.startsWith('[fake-anthropic]'));
    assert.equal(fake.requests.length, 2);
  });

  test('anthropic: 200 with an error event before any text, every time → server after the retry budget', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 0 });
    const d = await run('error event before text, always', { maxRetries: 1 });
    assertFailure(d, 'server');
    assert.equal(fake.requests.length, 2);
  });
});
