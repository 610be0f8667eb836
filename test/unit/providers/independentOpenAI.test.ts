// The OpenAI provider against an OpenAI fake written from the Chat Completions reference, not from our provider.

import * as assert from 'node:assert/strict';
import { IndependentOpenAI, type IndependentOpenAIOptions } from '../../fakes/independent';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { assertFailure, chatBody, drain, never, sealed, testKey } from './helpers';

const MODEL = 'gpt-4.1';
const ANSWER = 'Independent GPT streams this answer in chunks.';

suite('providers/openai against the independent Chat Completions fake', () => {
  const fake = new IndependentOpenAI();
  let url = '';
  const key = testKey();
  const provider = (location: 'cloud' | 'local' = 'cloud') =>
    createOpenAIProvider({ baseUrl: url, apiKey: key, maxRetries: 0, location, firstByteTimeoutMs: 5000, idleTimeoutMs: 5000 });
  const run = (opts: IndependentOpenAIOptions, signal = never()) => {
    fake.opts = opts;
    fake.seen.length = 0;
    return drain(provider().stream(sealed(MODEL), signal));
  };

  suiteSetup(async () => { url = await fake.listen(); });
  suiteTeardown(() => fake.close());

  test('role-only first chunk, usage:null chunks, final usage chunk with empty choices: text, finish and the dated model', async () => {
    const d = await run({ usage: { prompt: 1200, cached: 1024, reasoning: 0 } });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.model, `${MODEL}-2025-04-14`);
    // prompt_tokens include the cached ones, which bill apart.
    assert.deepEqual(d.result.usage, { input: 176, output: 7, cacheRead: 1024, cacheWrite: 0, source: 'provider' });
    const body = fake.seen[0]!.json as { stream_options?: { include_usage?: boolean } };
    assert.equal(body.stream_options?.include_usage, true);
  });

  test('a usage chunk without a choices key (some compatible servers) still gives the usage', async () => {
    const d = await run({ usageChunkWithoutChoices: true, usage: { prompt: 90, cached: 0, reasoning: 0 } });
    assert.equal(d.text, ANSWER);
    assert.deepEqual(d.result.usage, { input: 90, output: 7, cacheRead: 0, cacheWrite: 0, source: 'provider' });
  });

  test('reasoning tokens are part of completion_tokens and billed as output', async () => {
    const d = await run({ usage: { prompt: 50, cached: 0, reasoning: 320 } });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.usage.output, 327);
  });

  test('a refusal streams as delta.refusal and is shown, not swallowed', async () => {
    const d = await run({ refusal: true });
    assert.equal(d.text, "I'm sorry, I can't help with that.");
    assert.equal(d.result.finish, 'stop');
  });

  test('finish_reason "length" → finish "length"', async () => {
    fake.opts = {};
    const d = await drain(provider().stream(sealed(MODEL, { maxTokens: 2 }), never()));
    assert.equal(d.text, 'Independent GPT ');
    assert.equal(d.result.finish, 'length');
  });

  for (const [name, cuts, eol] of [['1-byte, CRLF', [1], '\r\n'], ['odd sizes, LF', [9, 2, 77, 4], '\n'], ['odd sizes, CRLF', [3, 5, 1, 120], '\r\n']] as const) {
    test(`frames cut at ${name} boundaries stream the same answer`, async () => {
      const answer = 'Grüße — naïve café ✓ 你好 answer.';
      const d = await run({ answer, eol, delivery: { cuts: [...cuts], gapMs: 0 } });
      assert.equal(d.text, answer);
      assert.equal(d.result.finish, 'stop');
      assert.equal(d.result.usage.source, 'provider');
    });
  }

  test('a bare origin as base URL reaches /v1/chat/completions', async () => {
    fake.opts = {};
    fake.seen.length = 0;
    const bare = url.replace(/\/v1$/, '/');
    const d = await drain(createOpenAIProvider({ baseUrl: bare, apiKey: key, maxRetries: 0 }).stream(sealed(MODEL), never()));
    assert.equal(d.text, ANSWER);
    assert.equal(fake.seen[0]!.path, '/v1/chat/completions');
  });

  test('Connection: close still streams', async () => {
    const d = await run({ delivery: { close: true } });
    assert.equal(d.text, ANSWER);
  });

  test('a compatible server that ignores include_usage → estimated usage, marked as such', async () => {
    fake.opts = { noUsage: true };
    const d = await drain(provider('local').stream(chatBody('qwen2.5-coder'), never()));
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.usage.source, 'estimate');
  });

  test('a data: {"error"} frame mid-stream → server failure, answer marked incomplete', async () => {
    const d = await run({ errorAfter: 2 });
    assert.equal(d.text, 'Independent GPT ');
    assert.equal(d.result.failure?.code, 'server');
    assert.match(d.result.failure!.message, /server_error.*incomplete/);
  });

  const statuses: Array<[number, string, string | null, string, string]> = [
    [401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided: sk-abc***xyz.', 'auth'],
    [404, 'invalid_request_error', 'model_not_found', 'The model `gpt-9` does not exist or you do not have access to it.', 'modelMissing'],
    [400, 'invalid_request_error', 'context_length_exceeded', "This model's maximum context length is 128000 tokens.", 'tooLarge'],
    [429, 'insufficient_quota', 'insufficient_quota', 'You exceeded your current quota, please check your plan and billing details.', 'quota'],
    [500, 'server_error', null, 'The server had an error while processing your request.', 'server'],
  ];
  for (const [status, type, code_, message, expected] of statuses) {
    test(`HTTP ${status} ${code_ ?? type} → ${expected}`, async () => {
      const d = await run({ status: { code: status, type, code_, message } });
      assertFailure(d, expected);
      assert.ok(!d.result.failure!.message.includes(key));
    });
  }

  for (const [status, type, code_, message, expected] of [
    [401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.', 'auth'],
    [429, 'insufficient_quota', 'insufficient_quota', 'You exceeded your current quota, please check your plan and billing details.', 'quota'],
    [429, 'requests', 'rate_limit_exceeded', 'Rate limit reached for gpt-4.1 on requests per min (RPM): Limit 500.', 'rateLimited'],
  ] as const) {
    test(`gzip-encoded ${status} ${code_} body → ${expected}`, async () => {
      const d = await run({ gzip: true, retryAfter: 60, status: { code: status, type, code_, message } });
      assertFailure(d, expected);
      if (expected === 'rateLimited') assert.match(d.result.failure!.message, /60 s/);
    });
  }

  test('cancel mid-stream aborts the connection', async () => {
    const ac = new AbortController();
    fake.opts = { delivery: { gapMs: 40 } };
    fake.seen.length = 0;
    const d = await drain(provider().stream(sealed(MODEL), ac.signal), { onChunk: (_c, i) => { if (i === 1) ac.abort(); } });
    assert.equal(d.result.finish, 'cancelled');
    await Promise.race([fake.seen[0]!.hungUp, new Promise((_, r) => setTimeout(() => r(new Error('server never saw the hang-up')), 2000))]);
  });
});
