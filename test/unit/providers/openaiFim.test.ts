// Fill-in-the-middle on an OpenAI-compatible private tier (vLLM / SGLang shape): the official SDK's Completions
// API against the loopback fake, which rejects `suffix` as vLLM does.
import * as assert from 'node:assert/strict';
import { FakeOpenAI } from '../../fakes/openai';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import type { FimBody } from '../../../src/core/wire/types';
import { closedPort, drain, never } from './helpers';

suite('providers/openai FIM through /v1/completions (vLLM, SGLang)', () => {
  const fake = new FakeOpenAI({ text: 'return a + b' });
  let url = '';
  suiteSetup(async () => { url = (await fake.start()).url; });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => { fake.reset(); fake.setReply({ ttftMs: 0, perTokenMs: 0, text: 'return a + b' }); });

  const local = (baseUrl = `${url}/v1`) => createOpenAIProvider({ baseUrl, location: 'local' });
  const body: FimBody = { model: 'Qwen/Qwen2.5-Coder-1.5B', prefix: 'def add(a, b):\n    ', suffix: '\n\nprint(add(1, 2))', maxTokens: 64, stop: ['\n\n'] };

  test('the suffix travels inside the family template; no `suffix` field; stops and usage from the server', async () => {
    const p = local();
    assert.equal(typeof p.complete, 'function', 'the private tier offers FIM');
    const d = await drain(p.complete!(body, never()));
    assert.equal(d.result.failure, undefined, JSON.stringify(d.result.failure));
    assert.ok(d.text.endsWith('return a + b'), d.text);
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.usage.source, 'provider');
    assert.ok(d.result.usage.input > 0 && d.result.usage.output > 0);
    const req = fake.requests.find((r) => r.path === '/v1/completions')!;
    const sent = req.body as { prompt: string; suffix?: unknown; stop: string[]; stream: boolean; stream_options: unknown; max_tokens: number };
    assert.equal(sent.prompt, `<|fim_prefix|>${body.prefix}<|fim_suffix|>${body.suffix}<|fim_middle|>`);
    assert.equal(sent.suffix, undefined, 'vLLM and SGLang reject `suffix`');
    assert.ok(sent.stop.includes('\n\n') && sent.stop.includes('<|fim_middle|>'), JSON.stringify(sent.stop));
    assert.equal(sent.stream, true);
    assert.deepEqual(sent.stream_options, { include_usage: true });
    assert.equal(sent.max_tokens, 64);
  });

  test('a stop sequence the model writes ends the answer at the server; max_tokens gives finish "length"', async () => {
    fake.setReply({ text: 'x = 1\n\ny = 2' });
    const stopped = await drain(local().complete!(body, never()));
    assert.ok(!stopped.text.includes('y = 2'), stopped.text);
    fake.setReply({ text: Array.from({ length: 40 }, (_, i) => `t${i}`).join(' ') });
    const long = await drain(local().complete!({ ...body, maxTokens: 5 }, never()));
    assert.equal(long.result.finish, 'length');
  });

  test('Stop aborts the HTTP request: the server sees the client close', async () => {
    fake.setReply({ ttftMs: 50, perTokenMs: 40, text: Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') });
    const abort = new AbortController();
    const d = await drain(local().complete!(body, abort.signal), { onChunk: (_c, i) => { if (i === 1) abort.abort(); } });
    assert.equal(d.result.finish, 'cancelled');
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(fake.requests.some((r) => r.path === '/v1/completions' && r.clientClosed), 'the request was not aborted');
  });

  test('private code never goes to a server that is not on this machine: refused before any request', async () => {
    const p = createOpenAIProvider({ baseUrl: 'http://10.20.30.40:8000/v1', location: 'local' });
    const d = await drain(p.complete!(body, never()));
    assert.equal(d.result.failure?.code, 'notLocal');
    assert.equal(fake.requests.length, 0);
  });

  test('the cloud tier has no FIM at all', () => {
    assert.equal(createOpenAIProvider({ baseUrl: `${url}/v1`, location: 'cloud', apiKey: 'k' }).complete, undefined);
  });

  test('a server that is down: a connection failure that names the setting', async () => {
    const d = await drain(local(`http://127.0.0.1:${await closedPort()}/v1`).complete!(body, never()));
    assert.equal(d.result.failure?.code, 'connection');
    assert.match(d.result.failure!.message, /hybrid\.local\.baseUrl/);
  });
});
