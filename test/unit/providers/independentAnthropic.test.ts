// The Anthropic provider against an Anthropic fake written from the streaming docs, not from our provider.

import * as assert from 'node:assert/strict';
import { IndependentAnthropic, type IndependentAnthropicOptions } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { assertFailure, drain, never, sealed, testKey } from './helpers';

const MODEL = 'claude-sonnet-4-6';
const ANSWER = 'Independent Claude streams this answer word by word.';

suite('providers/anthropic against the independent Messages fake', () => {
  const fake = new IndependentAnthropic();
  let url = '';
  const key = testKey();
  const run = (opts: IndependentAnthropicOptions, signal = never(), maxRetries = 0) => {
    fake.opts = opts;
    fake.seen.length = 0;
    const p = createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries, firstByteTimeoutMs: 5000, idleTimeoutMs: 5000 });
    return drain(p.stream(sealed(MODEL), signal));
  };

  suiteSetup(async () => { url = await fake.listen(); });
  suiteTeardown(() => fake.close());

  test('pings, thinking, redacted_thinking and tool_use blocks: only the text is shown, usage from the docs shape', async () => {
    const d = await run({ blocks: ['thinking', 'redacted_thinking', 'tool_use'], usage: { input: 900, cacheWrite: 250, cacheRead: 4000 } });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'stop');
    // output counts every block's deltas (6 thinking + 8 text + 4 tool input): what the API bills.
    assert.deepEqual(d.result.usage, { input: 900, output: 18, cacheRead: 4000, cacheWrite: 250, source: 'provider' });
    assert.equal(d.result.model, MODEL);
  });

  test('cumulative message_delta usage (newer API versions) gives the same bill', async () => {
    const d = await run({ deltaUsage: 'cumulative', usage: { input: 77, cacheWrite: 5, cacheRead: 11 } });
    assert.equal(d.text, ANSWER);
    assert.deepEqual(d.result.usage, { input: 77, output: 8, cacheRead: 11, cacheWrite: 5, source: 'provider' });
  });

  for (const [name, cuts] of [['1-byte', [1]], ['odd sizes', [7, 3, 61, 2, 13]], ['mid-UTF-8', [5, 1, 1, 1]]] as const) {
    test(`SSE with CRLF line ends cut at ${name} boundaries streams the same answer`, async () => {
      const answer = 'Grüße — naïve café ✓ 你好 answer.';
      const d = await run({ eol: '\r\n', answer, delivery: { cuts: [...cuts], gapMs: 0 } });
      assert.equal(d.text, answer);
      assert.equal(d.result.finish, 'stop');
      assert.equal(d.result.usage.source, 'provider');
    });
  }

  test('a base URL typed with /v1 (as the API docs show the endpoint) still reaches /v1/messages', async () => {
    fake.opts = {};
    fake.seen.length = 0;
    const p = createAnthropicProvider({ baseUrl: `${url}/v1/`, apiKey: key, maxRetries: 0 });
    const d = await drain(p.stream(sealed(MODEL), never()));
    assert.equal(d.text, ANSWER);
    assert.equal(fake.seen[0]!.path, '/v1/messages');
  });

  test('Connection: close on every response still streams', async () => {
    const d = await run({ delivery: { close: true } });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'stop');
  });

  test('max_tokens reached → finish "length"', async () => {
    fake.opts = {};
    const p = createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries: 0 });
    const d = await drain(p.stream(sealed(MODEL, { maxTokens: 3 }), never()));
    assert.equal(d.result.finish, 'length');
    assert.equal(d.text, 'Independent Claude streams ');
  });

  test('stop_reason "model_context_window_exceeded" → finish "length" (cut off, not finished)', async () => {
    const d = await run({ stopReason: 'model_context_window_exceeded' });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'length');
  });

  test('stop_reason "refusal" → the streamed text stands, finish "stop"', async () => {
    const d = await run({ stopReason: 'refusal', answer: 'I cannot help with that request.' });
    assert.equal(d.text, 'I cannot help with that request.');
    assert.equal(d.result.finish, 'stop');
  });

  test('overloaded_error event mid-stream → server failure, the answer is marked incomplete', async () => {
    const d = await run({ overloadedAfter: 3 });
    assert.equal(d.text, 'Independent Claude streams ');
    assert.equal(d.result.finish, 'error');
    assert.equal(d.result.failure?.code, 'server');
    assert.match(d.result.failure!.message, /overloaded_error.*incomplete/);
  });

  test('overloaded_error before any text → "failed before answering", not "incomplete"', async () => {
    const d = await run({ overloadedAfter: 0 });
    assertFailure(d, 'server');
    assert.match(d.result.failure!.message, /failed before answering/);
  });

  const statuses: Array<[number, string, string, string]> = [
    [401, 'authentication_error', 'invalid x-api-key', 'auth'],
    [404, 'not_found_error', 'model: claude-nope', 'modelMissing'],
    [400, 'invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum', 'tooLarge'],
    [400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API.', 'quota'],
    [529, 'overloaded_error', 'Overloaded', 'server'],
  ];
  for (const [code, type, message, expected] of statuses) {
    test(`HTTP ${code} ${type} → ${expected}, key never in the message`, async () => {
      const d = await run({ status: { code, type, message } });
      assertFailure(d, expected);
      assert.ok(!d.result.failure!.message.includes(key));
    });
  }

  for (const [code, type, message, expected] of [
    [529, 'overloaded_error', 'Overloaded', 'server'],
    [429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', 'rateLimited'],
    [400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API.', 'quota'],
  ] as const) {
    test(`gzip-encoded ${code} ${type} body → ${expected}`, async () => {
      const d = await run({ gzip: true, retryAfter: 60, status: { code, type, message } });
      assertFailure(d, expected);
      if (expected === 'rateLimited') assert.match(d.result.failure!.message, /60 s/);
    });
  }

  test('sends x-api-key and anthropic-version; cancel mid-stream aborts the connection', async () => {
    const ac = new AbortController();
    fake.opts = { delivery: { gapMs: 40 } };
    fake.seen.length = 0;
    const p = createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries: 0 });
    const d = await drain(p.stream(sealed(MODEL), ac.signal), { onChunk: (_c, i) => { if (i === 1) ac.abort(); } });
    assert.equal(d.result.finish, 'cancelled');
    assert.ok(d.text.length < ANSWER.length);
    const seen = fake.seen[0]!;
    assert.ok(seen.headerNames.includes('x-api-key') && seen.headerNames.includes('anthropic-version'));
    await Promise.race([seen.hungUp, new Promise((_, r) => setTimeout(() => r(new Error('server never saw the hang-up')), 2000))]);
    assert.equal(seen.hungUpEarly, true);
  });
});
