// Team10, written after the fixes: the neighbours of what the first run found. Each pushes one fix from the side it
// did not test (an honest answer the new checks must not stop, another spelling of the same attack, the other path).
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import { judgePrivateGroup } from '../../../src/core/team/gateway';
import { isLocalEndpoint } from '../../../src/core/route/locality';
import type { LedgerRecord } from '../../../src/core/request';
import { answer, chunk, proxyError, ScriptedGateway, type Scripted } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';
import { sealForEgress } from '../../../src/core/wire/seal';

const INFO = { data: [
  { model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', api_base: 'http://10.0.0.7:8000/v1' }, model_info: { id: 'p-1' } },
  { model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', api_base: 'http://10.0.0.8:8000/v1' }, model_info: { id: 'p-2' } },
  { model_name: 'claude-sonnet-4-6', litellm_params: { model: 'anthropic/claude-sonnet-4-6' }, model_info: { id: 'c-1' } },
] };
const M = 'Qwen/Qwen2.5-Coder-32B-Instruct';
const USAGE = { prompt_tokens: 40, completion_tokens: 8, total_tokens: 48 };
const base: LedgerRecord = {
  v: 1, id: 'x1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm',
  model: 'claude-sonnet-4-6', tokens: { input: 9, output: 3, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0.001, ttftMs: 10, totalMs: 20, status: 'ok', outcome: 'stop', reasons: [],
};

suite('team10 after the fixes: neighbours', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let onChat: () => Scripted = () => ({ sse: answer(M, ['ok'], USAGE) });
  let onInfo: () => Scripted = () => ({ json: INFO });
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => {
    gw.requests.length = 0;
    onInfo = () => ({ json: INFO });
    gw.handler = (r) => (r.path === '/model/info' ? onInfo() : r.path === '/v1/metrics' ? { json: {} } : onChat());
  });
  const key = `sk-${randomBytes(12).toString('hex')}`;
  const group = () => createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7', '10.0.0.8'],
    info: createGatewayInfo({ baseUrl: url, apiKey: async () => key }), apiKey: async () => key, firstByteTimeoutMs: 5_000 });
  const ask = () => drain(group().stream(chatBody('team-coder'), never()));

  test('api_base sent twice, both trusted boxes of the group: answered (the split does not stop honest answers)', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-api-base': ['http://10.0.0.7:8000/v1', 'http://10.0.0.8:8000/v1'] as unknown as string }, sse: answer(M, ['fine'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
  });

  test('an api_base with a comma in its path (one URL) on a trusted box: answered', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-api-base': 'http://10.0.0.7:8000/v1,beta' }, sse: answer(M, ['fine'], USAGE) });
    assert.equal((await ask()).result.finish, 'stop');
  });

  test('x-litellm-model-id sent twice (private, then cloud): stopped before any text', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': ['p-1', 'c-1'] as unknown as string }, sse: answer(M, ['cloud words'], USAGE) });
    const d = await ask();
    assert.equal(d.text, '');
    assert.equal(d.result.failure?.code, 'notLocal');
  });

  test('x-litellm-attempted-fallbacks: 0 with no other header (no fallback ran): answered', async () => {
    onChat = () => ({ headers: { 'x-litellm-attempted-fallbacks': '0' }, sse: answer(M, ['fine'], USAGE) });
    assert.equal((await ask()).result.finish, 'stop');
  });

  test('x-litellm-attempted-fallbacks: 2 with only a trusted api_base: the header names where it ran, answered', async () => {
    onChat = () => ({ headers: { 'x-litellm-attempted-fallbacks': '2', 'x-litellm-model-api-base': 'http://10.0.0.8:8000/v1' }, sse: answer(M, ['fine'], USAGE) });
    assert.equal((await ask()).result.finish, 'stop');
  });

  test('a key revoked mid-stream (auth_error "Invalid proxy server token passed"): "Set API Key", the text shown is billed', async () => {
    onChat = () => ({ sse: [chunk(M, { content: 'some text that was generated' }), { error: { message: 'Authentication Error, Invalid proxy server token passed.', type: 'auth_error', param: 'None', code: '401' } }], noDone: true });
    const d = await ask();
    assert.equal(d.result.failure?.fix, 'setApiKey', JSON.stringify(d.result.failure));
    assert.ok(d.result.usage.output > 0, 'the generated text was billed as nothing');
    assert.ok(!d.result.failure!.message.includes(key));
  });

  test('an expired key on /model/info as a 401 "Expired Key" message: the refusal says expired', async () => {
    onInfo = () => ({ status: 401, json: proxyError('Authentication Error - Expired Key. Key Expiry time 2026-12-01', 'auth_error', 401) });
    const d = await ask();
    assert.equal(d.result.failure?.fix, 'setApiKey');
    assert.match(d.result.failure!.message, /expired/i);
    assert.equal(gw.chats().length, 0);
  });

  test('FIM: vLLM\'s finish_reason "abort" on /v1/completions is not a whole completion', async () => {
    gw.handler = (r) => (r.path === '/model/info' ? { json: INFO } : { sse: [{ id: 'cmpl-1', object: 'text_completion', created: 1, model: M, choices: [{ index: 0, text: 'return a +', logprobs: null, finish_reason: null }] }, { id: 'cmpl-1', object: 'text_completion', created: 1, model: M, choices: [{ index: 0, text: '', logprobs: null, finish_reason: 'abort' }] }] });
    const d = await drain(group().complete!({ model: 'team-coder', prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 16 }, never()));
    assert.notEqual(d.result.finish, 'stop');
  });

  test('vLLM tool-call name streamed in pieces ("read_", "file"): assembled, not replaced', async () => {
    const t = (o: Record<string, unknown>) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: M, choices: [{ index: 0, delta: { tool_calls: [o] }, finish_reason: null }] });
    onChat = () => ({ sse: [t({ index: 0, id: 'call_9', type: 'function', function: { name: 'read_', arguments: '' } }), t({ index: 0, function: { name: 'file', arguments: '{"p":1}' } }), chunk(M, { finish: 'tool_calls' })] });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(chatBody(M, { tools: [{ name: 'read_file', description: 'r' }] }), never()));
    assert.equal(d.result.toolCalls?.[0]?.name, 'read_file');
  });

  test('a length cut after a whole first call and inside the second: the whole one is kept, the cut one left out', async () => {
    const t = (o: Record<string, unknown>) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: M, choices: [{ index: 0, delta: { tool_calls: [o] }, finish_reason: null }] });
    onChat = () => ({ sse: [t({ index: 0, id: 'a', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }), t({ index: 1, id: 'b', type: 'function', function: { name: 'write_file', arguments: '{"path":"b.ts","content":"x' } }), chunk(M, { finish: 'length' })] });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(chatBody(M, { tools: [{ name: 'read_file', description: 'r' }, { name: 'write_file', description: 'w' }] }), never()));
    assert.deepEqual(d.result.toolCalls?.map((c) => c.name), ['read_file']);
  });

  test('OTLP: OTEL_EXPORTER_OTLP_COMPRESSION=gzip and _TIMEOUT=1 meant for another backend change neither our encoding nor our bound', async () => {
    const saved = { c: process.env['OTEL_EXPORTER_OTLP_COMPRESSION'], t: process.env['OTEL_EXPORTER_OTLP_TIMEOUT'] };
    process.env['OTEL_EXPORTER_OTLP_COMPRESSION'] = 'gzip';
    process.env['OTEL_EXPORTER_OTLP_TIMEOUT'] = '1';
    const logs: string[] = [];
    try {
      gw.handler = () => ({ json: {}, delayMs: 200 });
      const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 3_000, log: (m) => logs.push(m) });
      otel.record(base);
      await otel.flush();
      await otel.shutdown();
    } finally {
      if (saved.c === undefined) delete process.env['OTEL_EXPORTER_OTLP_COMPRESSION']; else process.env['OTEL_EXPORTER_OTLP_COMPRESSION'] = saved.c;
      if (saved.t === undefined) delete process.env['OTEL_EXPORTER_OTLP_TIMEOUT']; else process.env['OTEL_EXPORTER_OTLP_TIMEOUT'] = saved.t;
    }
    assert.ok(gw.requests.some((r) => typeof r.body === 'object' && r.body !== null && 'resourceMetrics' in r.body), 'the collector got no readable JSON export');
    assert.ok(!logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
  });

  test('OTLP: a redirect is named as such in the log, with the fix', async () => {
    const logs: string[] = [];
    gw.handler = () => ({ status: 308, headers: { location: 'https://collector.elsewhere.example/v1/metrics' }, text: '' });
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 2_000, log: (m) => logs.push(m) });
    otel.record(base);
    await otel.flush();
    await otel.shutdown();
    assert.ok(logs.some((l) => /redirect/i.test(l) && /otlpEndpoint/.test(l)), JSON.stringify(logs));
  });

  test('user.id pseudonym: stable for one address, different for another, and never the address', () => {
    const a = `${randomBytes(4).toString('hex')}@corp.example`;
    const b = `${randomBytes(4).toString('hex')}@corp.example`;
    const id = (u: string) => measurementsOf(base, { userId: u })[0]!.attributes['user.id'];
    assert.equal(id(a), id(a));
    assert.notEqual(id(a), id(b));
    assert.ok(!id(a)!.includes('@'));
  });

  test('models named like private files but not file paths or names of secrets stay readable (credentials-classifier-v2, secretary-7b)', () => {
    for (const m of ['credentials-classifier-v2', 'secretary-7b', 'private-llm-13b', 'envoy-coder']) {
      assert.equal(measurementsOf({ ...base, model: m })[0]!.attributes['gen_ai.request.model'], m);
    }
  });

  test('trustedHosts: an IPv4-mapped entry with a port restricts that port; a URL-form entry with userinfo trusts nothing', () => {
    assert.equal(isLocalEndpoint('http://10.0.0.9:8000', ['[::ffff:10.0.0.9]:8000']), true);
    assert.equal(isLocalEndpoint('http://10.0.0.9:8001', ['[::ffff:10.0.0.9]:8000']), false);
    assert.equal(judgePrivateGroup('team-coder', 'https://llm.corp.internal', ['team-coder'], ['llm.corp.internal', 'https://admin@gpu.corp'], [{ group: 'team-coder', apiBase: 'https://gpu.corp/v1', model: 'x' }]).private, false);
  });

  // --- second batch, written after the first batch passed ---
  test('api_base sent twice, the second without a scheme ("…/v1, api.openai.com/v1"): not read as one trusted URL', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-api-base': 'http://10.0.0.7:8000/v1, api.openai.com/v1' }, sse: answer(M, ['words'], USAGE) });
    const d = await ask();
    assert.equal(d.text, '');
    assert.equal(d.result.failure?.code, 'notLocal');
  });

  test('a clear-text gateway written as its IPv4-mapped address, with the admin\'s http://10.0.0.5 entry: the choice holds', () => {
    const v = judgePrivateGroup('team-coder', 'http://[::ffff:10.0.0.5]:4000', ['team-coder'], ['http://10.0.0.5', '10.0.0.7'], [{ group: 'team-coder', apiBase: 'http://10.0.0.7:8000', model: 'x' }]);
    assert.equal(v.private, true, JSON.stringify(v));
  });

  test('OTLP: a 303 See Other to another host is not followed either', async () => {
    const other = new ScriptedGateway();
    const otherUrl = await other.start();
    try {
      other.handler = () => ({ json: {} });
      gw.handler = () => ({ status: 303, headers: { location: `${otherUrl}/v1/metrics` }, text: '' });
      const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 2_000 });
      otel.record(base);
      await otel.flush();
      await otel.shutdown();
      assert.equal(other.requests.length, 0);
    } finally { await other.close(); }
  });

  test('a JWT-shaped model name (a server that echoed a bearer token) is not exported', () => {
    const b64 = (n: number) => randomBytes(n).toString('base64url');
    const jwt = `eyJ${b64(24)}.eyJ${b64(48)}.${b64(32)}`;
    const attrs = JSON.stringify(measurementsOf({ ...base, model: jwt }).map((m) => m.attributes));
    assert.ok(!attrs.includes(jwt.slice(0, 20)) && !attrs.includes(jwt.slice(-16)), attrs);
  });

  test('cloud tier through the gateway: a key that expires mid-answer says "Set API Key" and bills the text shown', async () => {
    onChat = () => ({ sse: [chunk('claude-sonnet-4-6', { content: 'part of an answer' }), { error: { message: 'Authentication Error - Expired Key. Key Expiry time 2026-12-07', type: 'expired_key', param: 'key', code: '400' } }], noDone: true });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey: async () => key, name: 'The LiteLLM gateway', firstByteTimeoutMs: 5_000 }).stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
    assert.equal(d.result.failure?.fix, 'setApiKey', JSON.stringify(d.result.failure));
    assert.ok(d.result.usage.output > 0);
    assert.equal(gw.chats().length, 1);
  });
});
