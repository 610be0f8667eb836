// The official clients must read the fakes exactly as they read the real services: streams, final usage,
// error classes and statuses, request ids, retry-after handling.

import * as assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { startAll, type AllFakes } from '../../fakes/index';
import { anthropicSpendLimitBody } from '../../fakes/anthropic';
import { openaiInsufficientQuotaBody } from '../../fakes/openai';
import { FAKE_DEFAULT_NUM_CTX } from '../../fakes/ollama';
import { testKey } from './helpers';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try { await p; } catch (err) { return err; }
  throw new Error('expected a rejection');
}

suite('fakes conform to the official clients', () => {
  let fakes: AllFakes;
  suiteSetup(async () => { fakes = await startAll(); });
  suiteTeardown(async () => { await fakes.close(); });
  setup(() => {
    for (const f of [fakes.ollama!.fake, fakes.anthropic!.fake, fakes.openai!.fake]) { f.reset(); f.setFault(undefined); }
  });

  suite('ollama (Ollama class with host)', () => {
    const client = () => new Ollama({ host: fakes.urls.ollama! });

    test('generate stream with suffix: chunks, then a final chunk with counts and ns durations', async () => {
      const parts = [];
      for await (const p of await client().generate({ model: 'qwen2.5-coder:1.5b', prompt: 'def f(', suffix: ')', stream: true, options: { num_predict: 100 } })) parts.push(p);
      const last = parts[parts.length - 1]!;
      assert.equal(last.done, true);
      assert.equal(last.done_reason, 'stop');
      assert.equal(last.eval_count, parts.length - 1);
      assert.ok(last.prompt_eval_count > 0);
      assert.ok(last.total_duration >= last.load_duration + last.prompt_eval_duration);
      assert.ok(last.total_duration >= 1_000_000, 'durations are nanoseconds');
      assert.ok(parts.slice(0, -1).map((p) => p.response).join('').startsWith('[fake-ollama]'));
      assert.equal((fakes.ollama!.fake.requests[0]!.body as { suffix: string }).suffix, ')');
    });

    test('chat stream, non-streaming generate, list, show, version', async () => {
      const c = client();
      const parts = [];
      for await (const p of await c.chat({ model: 'qwen2.5-coder:7b', messages: [{ role: 'user', content: 'hi' }], stream: true })) parts.push(p);
      assert.equal(parts[parts.length - 1]!.done, true);
      assert.ok(parts.map((p) => p.message.content).join('').startsWith('[fake-ollama]'));
      const one = await c.generate({ model: 'qwen2.5-coder:1.5b', prompt: 'x', stream: false });
      assert.equal(one.done, true);
      assert.ok((one.response ?? '').startsWith('[fake-ollama]'));
      const list = await c.list();
      assert.ok(list.models.some((m) => m.name === 'qwen2.5-coder:1.5b' && m.details.family === 'qwen2'));
      const show = await c.show({ model: 'qwen2.5-coder:1.5b' });
      assert.ok(show.capabilities.includes('insert'));
      assert.ok((await c.show({ model: 'starcoder2:3b' })).capabilities.every((x) => x !== 'insert'));
      assert.equal(typeof (await c.version()).version, 'string');
    });

    test('unknown model → ResponseError 404 with the server text; suffix without insert → 400', async () => {
      const err = await rejection(client().generate({ model: 'nope:1b', prompt: 'x', stream: false })) as { name: string; status_code: number; error: string };
      assert.equal(err.name, 'ResponseError');
      assert.equal(err.status_code, 404);
      assert.equal(err.error, 'model "nope:1b" not found, try pulling it first');
      const e400 = await rejection(client().generate({ model: 'starcoder2:3b', prompt: 'x', suffix: 'y', stream: false })) as { status_code: number; error: string };
      assert.equal(e400.status_code, 400);
      assert.match(e400.error, /does not support insert/);
    });

    test('an {"error"} line throws; a stream without done:true throws; a prompt over num_ctx is truncated', async () => {
      fakes.ollama!.fake.setFault({ kind: 'errorEvent', once: true });
      const it = await client().generate({ model: 'qwen2.5-coder:1.5b', prompt: 'x', stream: true });
      const err = await rejection((async () => { for await (const _ of it) { /* drain */ } })()) as Error;
      assert.match(err.message, /unexpected EOF/);
      fakes.ollama!.fake.setFault({ kind: 'truncate', once: true });
      const it2 = await client().generate({ model: 'qwen2.5-coder:1.5b', prompt: 'x', stream: true });
      const err2 = await rejection((async () => { for await (const _ of it2) { /* drain */ } })()) as Error;
      assert.match(err2.message, /Did not receive done/);
      const big = await client().generate({ model: 'qwen2.5-coder:1.5b', prompt: 'y'.repeat(4 * 5000), stream: false });
      assert.equal(big.prompt_eval_count, FAKE_DEFAULT_NUM_CTX / 2);
    });
  });

  suite('@anthropic-ai/sdk (baseURL)', () => {
    const client = (maxRetries = 0) => new Anthropic({ apiKey: testKey(), authToken: null, baseURL: fakes.urls.anthropic!, maxRetries, logLevel: 'off' });
    const params = { model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user' as const, content: 'hi' }] };

    test('messages.stream → finalMessage with usage from message_start + message_delta', async () => {
      fakes.anthropic!.fake.usage = { cacheCreationInputTokens: 7, cacheReadInputTokens: 11 };
      const stream = client().messages.stream(params);
      const final = await stream.finalMessage();
      fakes.anthropic!.fake.usage = undefined;
      assert.equal(final.stop_reason, 'end_turn');
      assert.equal(final.model, 'claude-sonnet-4-6');
      assert.equal(final.usage.cache_creation_input_tokens, 7);
      assert.equal(final.usage.cache_read_input_tokens, 11);
      assert.ok(final.usage.input_tokens > 0);
      const text = final.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      assert.ok(text.startsWith('[fake-anthropic]'));
      assert.equal(final.usage.output_tokens, text.match(/\s*\S+/g)!.length);
      assert.match(stream.request_id ?? '', /^req_/);
    });

    test('non-streaming create parses too', async () => {
      const msg = await client().messages.create(params);
      assert.equal(msg.type, 'message');
      assert.ok(msg.usage.output_tokens > 0);
    });

    test('error statuses map to the SDK classes with status, error type and request id', async () => {
      const cases: Array<[number, new (...a: never[]) => Error, string]> = [
        [400, Anthropic.BadRequestError, 'invalid_request_error'],
        [401, Anthropic.AuthenticationError, 'authentication_error'],
        [403, Anthropic.PermissionDeniedError, 'permission_error'],
        [404, Anthropic.NotFoundError, 'not_found_error'],
        [413, Anthropic.ContentTooLargeError, 'request_too_large'],
        [429, Anthropic.RateLimitError, 'rate_limit_error'],
        [500, Anthropic.InternalServerError, 'api_error'],
        [529, Anthropic.OverloadedError, 'overloaded_error'],
      ];
      for (const [status, cls, type] of cases) {
        fakes.anthropic!.fake.setFault({ kind: 'status', status, once: true });
        const err = await rejection(client().messages.create(params)) as InstanceType<typeof Anthropic.APIError>;
        assert.ok(err instanceof cls, `${status} → ${cls.name}, got ${err.constructor.name}`);
        assert.equal(err.status, status);
        assert.equal((err.error as { error: { type: string } }).error.type, type);
        assert.match(err.requestID ?? '', /^req_/);
      }
    });

    test('429 retry-after is honoured by the SDK retry; the spend-limit body carries its error code', async () => {
      fakes.anthropic!.fake.setFault({ kind: 'status', status: 429, retryAfter: 0.3, once: true });
      const t0 = Date.now();
      await client(2).messages.create(params);
      assert.ok(Date.now() - t0 >= 250, 'waited for retry-after');
      assert.equal(fakes.anthropic!.fake.requests.length, 2);
      fakes.anthropic!.fake.setFault({ kind: 'status', status: 429, body: anthropicSpendLimitBody(), once: true });
      const err = await rejection(client().messages.create(params)) as InstanceType<typeof Anthropic.APIError>;
      assert.ok(err instanceof Anthropic.RateLimitError);
      assert.equal((err.error as { error: { details: { error_code: string } } }).error.details.error_code, 'enforced_spend_limit_reached');
    });

    test('an error event mid-stream throws APIError with the overloaded type', async () => {
      fakes.anthropic!.fake.setFault({ kind: 'errorEvent', once: true });
      const err = await rejection(client().messages.stream(params).finalMessage()) as InstanceType<typeof Anthropic.APIError>;
      assert.ok(err instanceof Anthropic.APIError);
      assert.equal(err.status, undefined);
      assert.equal((err.error as { error: { type: string } }).error.type, 'overloaded_error');
    });
  });

  suite('openai (baseURL)', () => {
    const client = (maxRetries = 0) => new OpenAI({ apiKey: testKey(), baseURL: fakes.urls.openai!, maxRetries, logLevel: 'off', organization: null, project: null });
    const params = { model: 'gpt-4.1', messages: [{ role: 'user' as const, content: 'hi' }] };

    test('stream with include_usage ends with a usage chunk (choices: []) incl. cached tokens', async () => {
      fakes.openai!.fake.usage = { cachedTokens: 5 };
      const chunks = [];
      for await (const c of await client().chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } })) chunks.push(c);
      fakes.openai!.fake.usage = { cachedTokens: 0 };
      const last = chunks[chunks.length - 1]!;
      assert.deepEqual(last.choices, []);
      assert.equal(last.usage?.prompt_tokens_details?.cached_tokens, 5);
      assert.equal(last.usage?.completion_tokens, chunks.filter((c) => c.choices[0]?.delta.content).length);
      assert.equal(chunks[chunks.length - 2]!.choices[0]!.finish_reason, 'stop');
      assert.ok(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('').startsWith('[fake-openai]'));
    });

    test('without include_usage there is no usage chunk; non-streaming parses', async () => {
      const chunks = [];
      for await (const c of await client().chat.completions.create({ ...params, stream: true })) chunks.push(c);
      assert.ok(chunks.every((c) => !c.usage));
      const one = await client().chat.completions.create(params);
      assert.equal(one.choices[0]!.finish_reason, 'stop');
      assert.ok(one.usage!.total_tokens > 0);
    });

    test('error statuses map to the SDK classes with status, type and code', async () => {
      const cases: Array<[number, new (...a: never[]) => Error, string | null]> = [
        [400, OpenAI.BadRequestError, 'context_length_exceeded'],
        [401, OpenAI.AuthenticationError, 'invalid_api_key'],
        [403, OpenAI.PermissionDeniedError, null],
        [404, OpenAI.NotFoundError, 'model_not_found'],
        [429, OpenAI.RateLimitError, 'rate_limit_exceeded'],
        [500, OpenAI.InternalServerError, null],
      ];
      for (const [status, cls, code] of cases) {
        fakes.openai!.fake.setFault({ kind: 'status', status, once: true });
        const err = await rejection(client().chat.completions.create(params)) as InstanceType<typeof OpenAI.APIError>;
        assert.ok(err instanceof cls, `${status} → ${cls.name}`);
        assert.equal(err.status, status);
        assert.equal(err.code, code);
      }
      fakes.openai!.fake.setFault({ kind: 'status', status: 429, body: openaiInsufficientQuotaBody(), once: true });
      const q = await rejection(client().chat.completions.create(params)) as InstanceType<typeof OpenAI.APIError>;
      assert.ok(q instanceof OpenAI.RateLimitError);
      assert.equal(q.code, 'insufficient_quota');
      assert.equal(q.type, 'insufficient_quota');
    });

    test('429 retry-after honoured by the SDK retry; an error chunk mid-stream throws APIError', async () => {
      fakes.openai!.fake.setFault({ kind: 'status', status: 429, retryAfter: 0.3, once: true });
      const t0 = Date.now();
      await client(2).chat.completions.create(params);
      assert.ok(Date.now() - t0 >= 250);
      assert.equal(fakes.openai!.fake.requests.length, 2);
      fakes.openai!.fake.setFault({ kind: 'errorEvent', once: true });
      const err = await rejection((async () => {
        for await (const _ of await client().chat.completions.create({ ...params, stream: true })) { /* drain */ }
      })()) as InstanceType<typeof OpenAI.APIError>;
      assert.ok(err instanceof OpenAI.APIError);
      assert.equal(err.type, 'server_error');
    });
  });
});
