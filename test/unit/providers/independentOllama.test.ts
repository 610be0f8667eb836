// The Ollama provider against an Ollama fake written from docs/api.md of ollama/ollama, not from our provider.

import * as assert from 'node:assert/strict';
import { IndependentOllama, type IndependentOllamaOptions } from '../../fakes/independent';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { assertFailure, chatBody, drain, never } from './helpers';

const CHAT = 'qwen2.5-coder:7b';
const ANSWER = 'Independent Ollama answers in several short words.';

suite('providers/ollama against the independent Ollama fake', () => {
  const fake = new IndependentOllama();
  let url = '';
  const provider = () => createOllamaProvider({ baseUrl: url, firstByteTimeoutMs: 5000, idleTimeoutMs: 5000, numCtx: 8192 });
  const run = (opts: IndependentOllamaOptions, model = CHAT, signal = never()) => {
    fake.opts = opts;
    fake.seen.length = 0;
    return drain(provider().stream(chatBody(model), signal));
  };

  suiteSetup(async () => { url = await fake.listen(); });
  suiteTeardown(() => fake.close());

  test('chat: counts only on the final line, load_duration and friends ignored; usage from the counts', async () => {
    const d = await run({});
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.usage.source, 'provider');
    assert.equal(d.result.usage.output, 7);
    assert.ok(d.result.usage.input > 0);
    assert.deepEqual(fake.seen.map((s) => s.path), ['/api/show', '/api/chat']);
  });

  test('done_reason "length" → finish "length"', async () => {
    const d = await run({ maxDeltas: 2 });
    assert.equal(d.text, 'Independent Ollama ');
    assert.equal(d.result.finish, 'length');
  });

  for (const [name, cuts] of [['1-byte', [1]], ['odd sizes', [11, 3, 97, 5]], ['mid-UTF-8', [2, 1, 1, 3]]] as const) {
    test(`NDJSON cut at ${name} boundaries streams the same answer`, async () => {
      const answer = 'Grüße — naïve café ✓ 你好 answer.';
      const d = await run({ answer, delivery: { cuts: [...cuts], gapMs: 0 } });
      assert.equal(d.text, answer);
      assert.equal(d.result.finish, 'stop');
    });
  }

  test('Connection: close on every response (show, chat) still streams', async () => {
    const d = await run({ delivery: { close: true } });
    assert.equal(d.text, ANSWER);
  });

  test('a model that is not pulled: 404 {"error":"model \'x\' not found"} → pull message', async () => {
    const d = await run({}, 'llama3.2:1b');
    assertFailure(d, 'modelMissing');
    assert.match(d.result.failure!.message, /ollama pull llama3\.2:1b/);
  });

  test('a server that does not route /api/show still chats; FIM falls back to the family template', async () => {
    const d = await run({ unrouted: ['/api/show'] });
    assert.equal(d.text, ANSWER);
    assert.equal(d.result.finish, 'stop');
    fake.seen.length = 0;
    const f = await drain(provider().complete({ model: CHAT, prefix: 'x = ', suffix: '\n', maxTokens: 20 }, never()));
    assert.equal(f.result.finish, 'stop');
    assert.equal((fake.seen.find((s) => s.path === '/api/generate')!.json as { raw?: boolean }).raw, true);
  });

  test('a bare "404 page not found" on /api/chat is not reported as "model not pulled"', async () => {
    const d = await run({ unrouted: ['/api/chat'] });
    assert.equal(d.result.finish, 'error');
    assert.doesNotMatch(d.result.failure!.message, /ollama pull/);
    assert.match(d.result.failure!.message, /404 page not found.*hybrid\.local\.baseUrl/);
  });

  test('health matches "name" and "name:latest" either way round', async () => {
    fake.opts = { models: [{ name: 'llama3.2:latest', family: 'llama' }] };
    assert.equal((await provider().health('llama3.2')).state, 'ready');
    assert.equal((await provider().health('llama3.2:latest')).state, 'ready');
    assert.equal((await provider().health('llama3.2:1b')).state, 'modelMissing');
  });

  test('an {"error"} line mid-stream → server failure', async () => {
    const d = await run({ errorAfter: 2 });
    assert.equal(d.text, 'Independent Ollama ');
    assert.equal(d.result.failure?.code, 'server');
    assert.match(d.result.failure!.message, /unexpected EOF/);
  });

  test('FIM on an older server whose /api/show has no capabilities → raw template on /api/generate', async () => {
    fake.opts = { models: [{ name: 'qwen2.5-coder:1.5b', family: 'qwen2' }] };
    fake.seen.length = 0;
    const d = await drain(provider().complete({ model: 'qwen2.5-coder:1.5b', prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 20 }, never()));
    assert.equal(d.text, ANSWER);
    const gen = fake.seen.find((s) => s.path === '/api/generate')!.json as { raw?: boolean; suffix?: string; prompt: string };
    assert.equal(gen.raw, true);
    assert.equal(gen.suffix, undefined);
    assert.match(gen.prompt, /<\|fim_prefix\|>/);
  });

  test('FIM with the insert capability → native suffix', async () => {
    fake.opts = { models: [{ name: 'qwen2.5-coder:1.5b', family: 'qwen2', capabilities: ['completion', 'insert'] }] };
    fake.seen.length = 0;
    const d = await drain(provider().complete({ model: 'qwen2.5-coder:1.5b', prefix: 'x = ', suffix: '\n', maxTokens: 20 }, never()));
    assert.equal(d.result.finish, 'stop');
    const gen = fake.seen.find((s) => s.path === '/api/generate')!.json as { raw?: boolean; suffix?: string };
    assert.equal(gen.suffix, '\n');
    assert.equal(gen.raw, undefined);
  });

  test('health: models with digests and details; the pulled model is ready, another is missing', async () => {
    fake.opts = {};
    assert.equal((await provider().health(CHAT)).state, 'ready');
    assert.equal((await provider().health('qwen2.5-coder')).state, 'modelMissing');
    assert.equal((await provider().health()).state, 'ready');
  });

  test('cancel mid-stream aborts the connection', async () => {
    const ac = new AbortController();
    fake.opts = { delivery: { gapMs: 40 } };
    fake.seen.length = 0;
    const d = await drain(provider().stream(chatBody(CHAT), ac.signal), { onChunk: (_c, i) => { if (i === 1) ac.abort(); } });
    assert.equal(d.result.finish, 'cancelled');
    const chat = fake.seen.find((s) => s.path === '/api/chat')!;
    await Promise.race([chat.hungUp, new Promise((_, r) => setTimeout(() => r(new Error('server never saw the hang-up')), 2000))]);
  });
});
