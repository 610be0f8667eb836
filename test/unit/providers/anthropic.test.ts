import * as assert from 'node:assert/strict';
import { FakeAnthropic, anthropicSpendLimitBody } from '../../fakes/anthropic';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { defineCloudFailureSuite } from './cloudFailures';
import { assertFailure } from './helpers';

suite('providers/anthropic against the fake Messages API', () => {
  const fake = new FakeAnthropic();
  const { key, run, plain } = defineCloudFailureSuite({
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
