import * as assert from 'node:assert/strict';
import { FakeOpenAI, openaiInsufficientQuotaBody } from '../../fakes/openai';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { defineCloudFailureSuite } from './cloudFailures';
import { assertFailure, chatBody, drain, never, recordCase } from './helpers';

suite('providers/openai against the fake Chat Completions API', () => {
  const fake = new FakeOpenAI();
  const { key, url: fakeUrl, run, plain } = defineCloudFailureSuite({
    name: 'openai',
    model: 'gpt-4.1',
    fake,
    baseUrl: (url) => `${url}/v1`,
    makeProvider: createOpenAIProvider,
    resetFake: () => { fake.usage = { cachedTokens: 0 }; },
    secondServerError: { status: 503, caseName: '503 x3' },
    errorEventTitle: 'error chunk mid-stream (server_error)',
    endOfStream: { title: 'finish_reason / [DONE]', caseName: 'ended without final chunk' },
  });

  test('openai: streams text; usage splits cached prompt tokens out of prompt_tokens', async () => {
    fake.usage = { cachedTokens: 3000 };
    const d = await plain();
    assert.ok(d.text.startsWith('[fake-openai]'), `answer: ${JSON.stringify(d.text.slice(0, 80))}, finish ${d.result.finish}, failure ${JSON.stringify(d.result.failure)}`);
    assert.ok(d.chunks.length > 1, `streamed in pieces: ${d.chunks.length}`);
    const { usage, finish, model } = d.result;
    assert.equal(finish, 'stop');
    assert.equal(model, 'gpt-4.1');
    const req = fake.requests[0]!;
    const body = req.body as { messages: Array<{ role: string; content: string }>; stream: boolean; stream_options: unknown; max_tokens: number };
    // The fake reports prompt_tokens = uncached + cached, as OpenAI does.
    const uncached = Math.ceil(JSON.stringify(body.messages).length / 4);
    assert.deepEqual(usage, { input: uncached, output: d.chunks.length, cacheRead: 3000, cacheWrite: 0, source: 'provider' });
    assert.deepEqual(body.stream_options, { include_usage: true });
    assert.equal(body.messages[0]?.role, 'system');
    assert.equal(req.headers['authorization'], '[redacted]');
    assert.ok(!JSON.stringify(fake.requests).includes(key()), 'the key was recorded by the fake');
  });

  test('openai: as the local openai-compatible tier: no seal or key needed, but the endpoint must be local', async () => {
    const url = fakeUrl();
    const local = createOpenAIProvider({ baseUrl: url, location: 'local', firstByteTimeoutMs: 5_000 });
    assert.equal(local.id, 'openai-compatible');
    assert.equal(local.location, 'local');
    const ok = await drain(local.stream(chatBody('llama3.2'), never()));
    assert.equal(ok.result.finish, 'stop');
    const remote = createOpenAIProvider({ baseUrl: 'http://10.1.2.3:8000/v1', location: 'local' });
    const d = await drain(remote.stream(chatBody('llama3.2'), never()));
    recordCase('openai', 'local tier, remote endpoint', d);
    assertFailure(d, 'notLocal');
    assert.equal(fake.requests.length, 1);
    const trusted = createOpenAIProvider({ baseUrl: url, location: 'local', isLocalEndpoint: () => false });
    assertFailure(await drain(trusted.stream(chatBody('llama3.2'), never())), 'notLocal');
  });

  test('openai: 429 insufficient_quota → quota, never retried', async () => {
    fake.setFault({ kind: 'status', status: 429, body: openaiInsufficientQuotaBody() });
    const d = await run('429 insufficient_quota');
    assertFailure(d, 'quota');
    assert.equal(fake.requests.length, 1);
  });
});
