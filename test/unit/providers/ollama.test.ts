import * as assert from 'node:assert/strict';
import { ollamaDown } from '../../../src/shared/ollamaDown';
import type { StartedServer } from '../../fakes/base';
import { FakeOllama } from '../../fakes/ollama';
import { createOllamaProvider, truncationNote, type OllamaProviderOptions } from '../../../src/core/providers/ollama';
import { fimTemplateFor, FIM_TEMPLATES } from '../../../src/core/providers/fimTemplates';
import { assertFailure, chatBody, closedPort, drain, never, recordCase } from './helpers';

const CHAT = 'qwen2.5-coder:7b';
const FIM = 'qwen2.5-coder:1.5b';
const NO_INSERT = 'starcoder2:3b';

suite('providers/ollama against the fake Ollama API', () => {
  const fake = new FakeOllama();
  let server: StartedServer;
  const provider = (o: Partial<OllamaProviderOptions> = {}) => createOllamaProvider({
    baseUrl: server.url, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, numCtx: 8192, keepAlive: '30m', ...o,
  });
  const run = async (name: string, o: Partial<OllamaProviderOptions> = {}, model = CHAT) => {
    const d = await drain(provider(o).stream(chatBody(model), never()));
    recordCase('ollama', name, d);
    return d;
  };
  const generations = () => fake.requests.filter((r) => r.path === '/api/chat' || r.path === '/api/generate');

  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => {
    fake.reset();
    fake.setFault(undefined);
    fake.setReply({ ttftMs: 0, perTokenMs: 0 });
    fake.setModels([
      { name: FIM, capabilities: ['completion', 'insert'], family: 'qwen2' },
      { name: CHAT, capabilities: ['completion', 'insert', 'tools'], family: 'qwen2' },
      { name: NO_INSERT, capabilities: ['completion'], family: 'starcoder2' },
      { name: 'gpt-oss:120b-cloud', capabilities: ['completion', 'tools'], family: 'gptoss', remoteHost: 'https://ollama.com:443' },
    ]);
  });

  test('chat streams through /api/chat with keep_alive, num_predict, num_ctx; usage from the counts', async () => {
    const d = await drain(provider().stream(chatBody(CHAT, { stop: ['\n\n\n'] }), never()));
    assert.ok(d.text.startsWith('[fake-ollama]'));
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.model, CHAT);
    assert.equal(d.result.usage.source, 'provider');
    assert.equal(d.result.usage.output, d.chunks.length);
    assert.ok(d.result.usage.input > 0);
    assert.equal(d.result.notes, undefined);
    const chat = fake.requests.find((r) => r.path === '/api/chat')!;
    const body = chat.body as { keep_alive: string; stream: boolean; messages: Array<{ role: string }>; options: Record<string, unknown> };
    assert.equal(body.keep_alive, '30m');
    assert.equal(body.stream, true);
    assert.deepEqual(body.options, { num_predict: 200, stop: ['\n\n\n'], num_ctx: 8192 });
    assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
  });

  test('num_predict reached → finish "length"', async () => {
    const d = await drain(provider().stream(chatBody(CHAT, { maxTokens: 3 }), never()));
    assert.equal(d.result.finish, 'length');
    assert.equal(d.chunks.length, 3);
  });

  test('FIM uses `suffix` when /api/show lists insert, and caches the capabilities', async () => {
    const p = provider();
    const body = { model: FIM, prefix: 'def add(a, b):\n    ', suffix: '\n\nprint(add(1, 2))', maxTokens: 64, stop: ['\n\n'] };
    const a = await drain(p.complete(body, never()));
    const b = await drain(p.complete(body, never()));
    assert.equal(a.result.finish, 'stop');
    assert.equal(b.result.finish, 'stop');
    assert.equal(fake.requests.filter((r) => r.path === '/api/show').length, 1, 'capabilities cached per model');
    const gen = fake.requests.find((r) => r.path === '/api/generate')!.body as Record<string, unknown>;
    assert.equal(gen['prompt'], body.prefix);
    assert.equal(gen['suffix'], body.suffix);
    assert.equal(gen['raw'], undefined);
    assert.equal(gen['keep_alive'], '30m');
  });

  test('FIM prepared ahead is held until sendWhen settles; its first-byte deadline starts then; aborted while held, nothing is sent', async () => {
    const p = provider({ firstByteTimeoutMs: 150 });
    const body = { model: FIM, prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 16 };
    await drain(p.complete(body, never())); // /api/show answered and cached, as after the first request
    fake.reset();
    let send!: () => void;
    const sendWhen = new Promise<void>((r) => { send = r; });
    const pending = drain(p.complete(body, never(), { sendWhen }));
    await new Promise((r) => setTimeout(r, 300)); // longer than the first-byte deadline
    assert.equal(generations().length, 0, 'nothing reaches the server while held');
    send();
    const d = await pending;
    assert.equal(d.result.finish, 'stop', 'not timed out: the deadline starts when the request is sent');
    assert.equal(generations().length, 1);
    assert.ok((d.result.timing.totalMs) < 300, `timed from sending, not preparing (${d.result.timing.totalMs} ms)`);

    fake.reset();
    const held = new AbortController();
    const dropped = drain(p.complete(body, held.signal, { sendWhen: new Promise(() => undefined) }));
    await new Promise((r) => setTimeout(r, 20));
    held.abort();
    const r = await dropped;
    assert.equal(r.result.finish, 'cancelled');
    assert.equal(fake.requests.length, 0, 'aborted while held: no request at all');
  });

  test('FIM on a model without insert: the family template with raw: true and its stop tokens', async () => {
    const d = await drain(provider().complete({ model: NO_INSERT, prefix: 'int main() {', suffix: '}', maxTokens: 32 }, never()));
    assert.equal(d.result.finish, 'stop');
    const gen = fake.requests.find((r) => r.path === '/api/generate')!.body as { prompt: string; raw: boolean; suffix?: string; options: { stop: string[] } };
    assert.equal(gen.raw, true);
    assert.equal(gen.suffix, undefined);
    assert.equal(gen.prompt, '<fim_prefix>int main() {<fim_suffix>}<fim_middle>');
    assert.ok(gen.options.stop.includes('<fim_prefix>'));
  });

  test('FIM template table covers the families and picks by model name', () => {
    assert.deepEqual(FIM_TEMPLATES.map((t) => t.family), ['qwen2.5-coder', 'starcoder2', 'codestral', 'codegemma', 'codellama', 'deepseek-coder']);
    assert.equal(fimTemplateFor('qwen2.5-coder:1.5b-base').build('A', 'B'), '<|fim_prefix|>A<|fim_suffix|>B<|fim_middle|>');
    assert.equal(fimTemplateFor('deepseek-coder:6.7b-base').build('A', 'B'), '<｜fim▁begin｜>A<｜fim▁hole｜>B<｜fim▁end｜>');
    assert.equal(fimTemplateFor('codellama:7b-code').build('A', 'B'), '<PRE> A <SUF>B <MID>');
    assert.equal(fimTemplateFor('codestral:22b').build('A', 'B'), '[SUFFIX]B[PREFIX]A');
    assert.equal(fimTemplateFor('some-unknown-model').family, 'starcoder2');
    for (const t of FIM_TEMPLATES) assert.ok(t.stop.length > 0, `${t.family} has stop tokens`);
  });

  test('a prompt Ollama truncated (prompt_eval_count well below the estimate) yields a note', async () => {
    const big = 'x'.repeat(4 * 3000); // ≈ 3000 tokens against num_ctx 2048
    const d = await drain(provider({ numCtx: 2048 }).stream(chatBody(CHAT, { messages: [{ role: 'user', content: big }] }), never()));
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.usage.input, 1024, 'the fake kept half the window');
    assert.match(d.result.notes?.[0] ?? '', /truncated the prompt to 1024 of about \d+ tokens \(num_ctx 2048\)/);
    assert.equal(truncationNote(1000, 990, 8192), undefined, 'a prompt that fits gives no note');
  });

  test('missing model → modelMissing with the exact `ollama pull` command', async () => {
    const d = await run('model not pulled', {}, 'llama9:70b');
    assertFailure(d, 'modelMissing');
    assert.equal(d.result.failure?.fix, 'pullModel');
    assert.equal(d.result.failure?.fixDetail, 'ollama pull llama9:70b');
    assert.match(d.result.failure!.message, /`ollama pull llama9:70b`/);
    assert.equal(generations().length, 0);
  });

  test('a model Ollama proxies to its cloud (remote_host) → notLocal, nothing generated', async () => {
    const d = await run('remote (cloud) model', {}, 'gpt-oss:120b-cloud');
    assertFailure(d, 'notLocal');
    assert.match(d.result.failure!.message, /ollama\.com/);
    assert.equal(generations().length, 0);
  });

  test('an endpoint that is not loopback or trusted → notLocal before any request', async () => {
    const d = await run('non-loopback endpoint', { baseUrl: 'http://192.168.1.20:11434' });
    assertFailure(d, 'notLocal');
    const injected = await drain(provider({ isLocalEndpoint: () => false }).stream(chatBody(CHAT), never()));
    assertFailure(injected, 'notLocal');
    assert.equal(fake.requests.length, 0);
  });

  test('connection refused → "Ollama is not running … `ollama serve`"', async () => {
    const port = await closedPort();
    const d = await run('connection refused', { baseUrl: `http://127.0.0.1:${port}` });
    assertFailure(d, 'connection');
    assert.equal(d.result.failure?.fix, 'startOllama');
    assert.equal(d.result.failure?.message, ollamaDown(`http://127.0.0.1:${port}`).text);
  });

  test('DNS failure → connection failure naming the setting', async () => {
    const d = await run('DNS failure', { baseUrl: 'http://ollama-test.invalid:11434', isLocalEndpoint: () => true });
    assertFailure(d, 'connection');
    assert.match(d.result.failure!.message, /DNS/);
  });

  test('slow first byte → timeout, and the fake sees the connection closed', async () => {
    fake.setFault({ kind: 'delayFirstByte', ms: 3000 });
    const d = await run('slow first byte', { firstByteTimeoutMs: 300 });
    assertFailure(d, 'timeout');
    assert.match(d.result.failure!.message, /may still be loading/);
    const chat = fake.requests.findIndex((r) => r.path === '/api/chat');
    await fake.waitForClientClose(chat, 2000);
  });

  test('stalled after headers → stalled, connection closed', async () => {
    fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 2 });
    const d = await run('stalled after headers', { idleTimeoutMs: 300 });
    assertFailure(d, 'stalled');
    assert.equal(d.chunks.length, 2);
    await fake.waitForClientClose(fake.requests.findIndex((r) => r.path === '/api/chat'), 2000);
  });

  test('{"error"} line inside a 200 stream → server', async () => {
    fake.setFault({ kind: 'errorEvent', afterTokens: 2 });
    const d = await run('error line mid-stream');
    assertFailure(d, 'server');
    assert.equal(d.chunks.length, 2);
  });

  test('stream ending without done:true → protocol', async () => {
    fake.setFault({ kind: 'truncate', afterTokens: 2 });
    assertFailure(await run('ended without done:true'), 'protocol');
  });

  test('malformed NDJSON line (the client would only warn) → protocol', async () => {
    fake.setFault({ kind: 'malformedChunk', afterTokens: 1 });
    assertFailure(await run('malformed chunk'), 'protocol');
  });

  test('503 queue full and 500 → server (Ollama has no retries)', async () => {
    fake.setFault({ kind: 'status', status: 503 });
    assertFailure(await run('503 queue full'), 'server');
    fake.setFault({ kind: 'status', status: 500 });
    assertFailure(await run('500'), 'server');
    assert.equal(generations().length, 2);
  });

  test('cancel aborts exactly one of two concurrent requests; the fake sees only that one close', async () => {
    fake.setReply({ perTokenMs: 60 });
    const p = provider({ idleTimeoutMs: 2000 });
    const ctl = new AbortController();
    const [cancelled, kept] = await Promise.all([
      drain(p.stream(chatBody(CHAT), ctl.signal), { onChunk: () => ctl.abort() }),
      drain(p.stream(chatBody(CHAT), never())),
    ]);
    recordCase('ollama', 'user cancel', cancelled);
    assert.equal(cancelled.result.finish, 'cancelled');
    assert.equal(cancelled.result.failure, undefined);
    assert.equal(cancelled.result.usage.source, 'estimate');
    assert.equal(kept.result.finish, 'stop');
    assert.ok(kept.text.startsWith('[fake-ollama]'));
    const chats = fake.requests.filter((r) => r.path === '/api/chat');
    assert.equal(chats.length, 2);
    await Promise.race(chats.map((r) => r.closedByClient));
    assert.equal(chats.filter((r) => r.clientClosed).length, 1);
    assert.equal(chats.filter((r) => r.finished).length, 1);
  });

  test('a consumer that stops iterating (return()) ends the request and its connection', async () => {
    fake.setReply({ perTokenMs: 100 });
    const gen = provider({ idleTimeoutMs: 2000 }).stream(chatBody(CHAT), never());
    const first = await gen.next();
    assert.equal(first.done, false);
    await gen.return(undefined as never);
    await fake.waitForClientClose(fake.requests.findIndex((r) => r.path === '/api/chat'), 2000);
  });

  test('health: ready, modelMissing, notLocal, offline', async () => {
    const p = provider();
    const ready = await p.health(FIM);
    assert.equal(ready.state, 'ready');
    assert.ok(ready.models.includes(FIM));
    const missing = await p.health('llama9:70b');
    assert.equal(missing.state, 'modelMissing');
    assert.match(missing.message, /ollama pull llama9:70b/);
    assert.equal((await p.health('gpt-oss:120b-cloud')).state, 'notLocal');
    assert.equal((await provider({ baseUrl: 'http://192.168.1.20:11434' }).health()).state, 'notLocal');
    const port = await closedPort();
    const off = await provider({ baseUrl: `http://127.0.0.1:${port}` }).health();
    assert.equal(off.state, 'offline');
    assert.match(off.message, /ollama serve/);
    fake.setFault({ kind: 'delayFirstByte', ms: 3000, paths: ['/api/tags'] });
    const started = Date.now();
    const slow = await provider({ healthTimeoutMs: 300 }).health();
    assert.equal(slow.state, 'offline');
    assert.ok(Date.now() - started < 2500, 'health is bounded by its own short time-out');
  });
});
