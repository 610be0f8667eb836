// Adversarial round on team mode (team9), part 4: cases written AFTER the round's fixes, beyond the ones fixed —
// neighbours of each mechanism, to see whether the mechanism or only the example was fixed (not counted in the
// first-run figure; their own first run is reported separately in docs/team.md).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { judgePrivateGroup } from '../../../src/core/team/gateway';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { modelAttribute } from '../../../src/core/team/genaiMetrics';
import { answer, chunk, proxyError, ScriptedGateway, type Scripted, type SeenRequest } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const ID_PRIVATE = 'dep-private-1';
const WITH_IDS = { data: [
  { model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-7B', api_base: 'http://10.0.0.7:8000/v1' }, model_info: { id: ID_PRIVATE } },
  { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' }, model_info: { id: 'dep-cloud-1' } },
] };
const NO_IDS = { data: WITH_IDS.data.map(({ model_name, litellm_params }) => ({ model_name, litellm_params })) };
const USAGE = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 };
const fimChunk = (model: string, text: string, finish: string | null = null) => ({ id: 'cmpl-1', object: 'text_completion', created: 1, model, choices: [{ index: 0, text, logprobs: null, finish_reason: finish }] });

suite('team9 adversarial, after the fixes: neighbours of each mechanism', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let key = '';
  let info: unknown = WITH_IDS;
  let onChat: (r: SeenRequest) => Scripted = () => ({ sse: answer('Qwen/Qwen2.5-Coder-7B', ['ok'], USAGE) });
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => {
    gw.requests.length = 0;
    key = `sk-${randomBytes(16).toString('hex')}`;
    info = WITH_IDS;
    gw.handler = (r) => (r.path === '/model/info' ? { json: info } : onChat(r));
  });
  const apiKey = async () => key;
  const group = (trusted = ['10.0.0.7']) => createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: trusted, info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey, firstByteTimeoutMs: 5_000 });

  test('FIM through the group: chunks name a model only a cloud group runs → no completion text', async () => {
    onChat = () => ({ sse: [fimChunk('gpt-4o', 'return a + b'), fimChunk('gpt-4o', '', 'stop')] });
    const d = await drain(group().complete!({ model: 'team-coder', prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 16 }, never()));
    assert.equal(d.result.failure?.code, 'notLocal', JSON.stringify(d.result.failure));
    assert.equal(d.text, '');
  });

  test('the model changes mid-stream from the private model to a cloud one: stopped at the change', async () => {
    onChat = () => ({ sse: [chunk('Qwen/Qwen2.5-Coder-7B', { content: 'first ' }), chunk('gpt-4o', { content: 'CLOUD-PART' }), chunk('gpt-4o', { finish: 'stop' })] });
    const d = await drain(group().stream(chatBody('team-coder'), never()));
    assert.equal(d.result.finish, 'error');
    assert.ok(!d.text.includes('CLOUD-PART'), d.text);
  });

  test('x-litellm-model-id from a release whose /model/info lists no ids: not checkable, the honest answer passes', async () => {
    info = NO_IDS;
    onChat = () => ({ headers: { 'x-litellm-model-id': 'whatever-hash' }, sse: answer('Qwen/Qwen2.5-Coder-7B', ['fine'], USAGE) });
    const d = await drain(group().stream(chatBody('team-coder'), never()));
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
  });

  test('x-litellm-model-api-base names api.openai.com, which trustedHosts lists by mistake: stopped', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-api-base': 'https://api.openai.com/v1' }, sse: answer('Qwen/Qwen2.5-Coder-7B', ['SECRET'], USAGE) });
    const d = await drain(group(['10.0.0.7', 'api.openai.com']).stream(chatBody('team-coder'), never()));
    assert.equal(d.result.finish, 'error');
    assert.equal(d.text, '');
  });

  test('clear text: an http:// entry with the gateway\'s port allows it; an https:// entry does not allow http', () => {
    const deps = [{ group: 'team-coder', apiBase: 'http://10.0.0.7:8000/v1', model: undefined }];
    assert.equal(judgePrivateGroup('team-coder', 'http://llm.corp.internal:4000', ['team-coder'], ['http://llm.corp.internal:4000', '10.0.0.7'], deps).private, true);
    assert.equal(judgePrivateGroup('team-coder', 'http://llm.corp.internal:4000', ['team-coder'], ['https://llm.corp.internal:4000', '10.0.0.7'], deps).private, false);
    assert.equal(judgePrivateGroup('team-coder', 'http://[::1]:4000', ['team-coder'], ['10.0.0.7'], deps).private, true);
  });

  test('a LiteLLM rate limit as a FastAPI {detail} (no ProxyException): the scope is still named', async () => {
    onChat = () => ({ status: 429, headers: { 'retry-after': '60' }, json: { detail: 'Rate limit exceeded for user: u-17. Limit type: max_parallel_requests. Current limit: 2, Remaining: 0. Limit resets at: 2026-12-07 16:31:00 UTC' } });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, name: 'The LiteLLM gateway', firstByteTimeoutMs: 5_000 }).stream(sealForEgress(chatBody('gpt-4o')), never()));
    assert.equal(d.result.failure?.code, 'rateLimited');
    assert.match(d.result.failure!.message, /user's parallel-request limit/);
  });

  test('OpenAI\'s own context wording on the cloud tier: the figures, and no vLLM advice', async () => {
    onChat = () => ({ status: 400, json: proxyError("This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens. Please reduce the length of the messages.", 'invalid_request_error', 400, 'messages') });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, firstByteTimeoutMs: 5_000 }).stream(sealForEgress(chatBody('gpt-4o')), never()));
    assert.equal(d.result.failure?.code, 'tooLarge');
    assert.match(d.result.failure!.message, /128,000/);
    assert.match(d.result.failure!.message, /130,000/);
    assert.doesNotMatch(d.result.failure!.message, /vLLM|max-model-len/);
  });

  test('usage with 0 output tokens and no text (nothing was generated): the provider\'s count stands', async () => {
    onChat = () => ({ sse: answer('Qwen/Qwen2.5-Coder-7B', [], { prompt_tokens: 40, completion_tokens: 0, total_tokens: 40 }) });
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(chatBody('m'), never()));
    assert.equal(d.result.usage.source, 'provider');
  });

  test('OTLP: real model names with letter-digit runs are exported as they are (no false "secret")', () => {
    for (const m of ['Qwen3-Coder-480B-A35B-Instruct-FP8', 'unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:UD-Q4_K_XL', 'anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet@20240620']) {
      assert.equal(modelAttribute(m), m);
    }
  });

  suite('a certificate for another host name', () => {
    let tls: https.Server | undefined;
    let tlsUrl = '';
    let dir = '';
    suiteSetup(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hybrid-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=gateway.example', '-addext', 'subjectAltName=DNS:gateway.example'], { stdio: 'ignore' });
      tls = https.createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_q, res) => res.end('{}'));
      await new Promise<void>((r) => tls!.listen(0, '127.0.0.1', () => r()));
      tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    });
    suiteTeardown(async () => { tls?.closeAllConnections(); await new Promise((r) => tls?.close(r)); rmSync(dir, { recursive: true, force: true }); });

    test('the failure names the certificate problem, never "connection failed"', async () => {
      const d = await drain(createOpenAIProvider({ baseUrl: tlsUrl, location: 'cloud', apiKey, firstByteTimeoutMs: 5_000 }).stream(sealForEgress(chatBody('gpt-4o')), never()));
      assert.match(d.result.failure?.message ?? '', /certificate/i);
      assert.doesNotMatch(d.result.failure?.message ?? '', /connection failed/);
    });
  });
});
