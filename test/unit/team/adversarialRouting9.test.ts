// Adversarial round on team mode (team9), part 1: where a private request really goes. Written before the first run.
// Expectations: an answer whose deployment (x-litellm-model-id) or model (the chunks' `model`) belongs only to a
// group that is not private is stopped before its text, also without LiteLLM's group and api_base headers; an
// honest answer is never stopped; private code never goes in clear text to a gateway off this machine unless the
// admin wrote that host with http:// on purpose; a gateway or deployment that is a provider's own cloud API is never
// private, whatever trustedHosts lists; a self-signed gateway says "certificate", not "connection failed"; IDN host
// names compare in one spelling and a look-alike never passes; a declaration changed mid-session holds at once.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import * as gateway from '../../../src/core/team/gateway';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { answer, ScriptedGateway, type Scripted, type SeenRequest } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const { judgePrivateGroup, parseModelInfo } = gateway;
const ID_PRIVATE = 'f3a1c2d4-private-0001';
const ID_CLOUD = 'a9b8c7d6-cloud-0002';
const DEPLOYMENTS = { data: [
  { model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', api_base: 'http://10.0.0.7:8000/v1' }, model_info: { id: ID_PRIVATE } },
  { model_name: 'claude-sonnet-4-6', litellm_params: { model: 'anthropic/claude-sonnet-4-6' }, model_info: { id: ID_CLOUD } },
] };
const USAGE = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };

/** A fetch for hosts a test cannot listen on: /model/info from `info`, chat answers from `chat`, every call kept. */
function fakeFetch(info: unknown, chat: () => { headers?: Record<string, string>; sse: unknown[] }) {
  const calls: string[] = [];
  const f = (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    if (url.endsWith('/model/info')) return new Response(JSON.stringify(info), { status: 200, headers: { 'content-type': 'application/json' } });
    const c = chat();
    const body = c.sse.map((x) => `data: ${JSON.stringify(x)}\n\n`).join('') + 'data: [DONE]\n\n';
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', ...c.headers } });
  }) as typeof fetch;
  return { fetch: f, calls, chats: () => calls.filter((u) => u.includes('/chat/completions')) };
}

suite('team9 adversarial: where a private request goes', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let key = '';
  let onChat: (r: SeenRequest) => Scripted = () => ({ sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['ok'], USAGE) });
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => {
    gw.requests.length = 0;
    key = `sk-${randomBytes(16).toString('hex')}`;
    gw.handler = (r) => (r.path === '/model/info' ? { json: DEPLOYMENTS } : onChat(r));
  });
  const apiKey = async () => key;
  const group = (o: { base?: string; trusted?: string[]; declared?: string[]; fetch?: typeof fetch } = {}) => {
    const base = o.base ?? url;
    return createGatewayGroupProvider({
      baseUrl: base, group: 'team-coder', declaredPrivate: o.declared ?? ['team-coder'], trustedHosts: o.trusted ?? ['10.0.0.7'],
      info: createGatewayInfo({ baseUrl: base, apiKey, ...(o.fetch ? { fetch: o.fetch } : {}) }), apiKey, firstByteTimeoutMs: 5_000, ...(o.fetch ? { fetch: o.fetch } : {}),
    });
  };
  const ask = (p = group()) => drain(p.stream(chatBody('team-coder'), never()));

  // --- the deployment that answered (x-litellm-model-id: the deployment's model_info.id in /model/info) ---
  test('x-litellm-model-id names a cloud deployment, no group or api_base header: stopped, no text', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': ID_CLOUD }, sse: answer('claude-sonnet-4-6', ['SECRET-', 'ANSWER'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'error', 'a cloud deployment\'s answer was shown for a private request');
    assert.equal(d.text, '');
  });

  test('x-litellm-model-id names the private group\'s own deployment: answered', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': ID_PRIVATE, 'x-litellm-model-group': 'team-coder' }, sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['fine'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    assert.equal(d.text, 'fine');
  });

  test('x-litellm-model-id unknown to the proof (a deployment added since): stopped, and /model/info is asked again', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': `new-${randomBytes(4).toString('hex')}` }, sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['x'], USAGE) });
    const p = group();
    const d = await ask(p);
    assert.equal(d.result.finish, 'error', 'an answer from a deployment the proof never saw was shown');
    const infos = gw.requests.filter((r) => r.path === '/model/info').length;
    await ask(p);
    assert.ok(gw.requests.filter((r) => r.path === '/model/info').length > infos, 'the proof was not asked again');
  });

  test('group header says the asked group, model id says a cloud deployment: the deployment wins, stopped', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-group': 'team-coder', 'x-litellm-model-id': ID_CLOUD }, sse: answer('claude-sonnet-4-6', ['SECRET'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'error');
    assert.equal(d.text, '');
  });

  // --- the model that answered (the chunks' `model`), for a gateway that sends no x-litellm-* header at all ---
  test('no LiteLLM headers, chunks name a model only a cloud group runs: stopped before any text', async () => {
    onChat = () => ({ sse: answer('claude-sonnet-4-6', ['SECRET-', 'ANSWER'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'error', 'a cloud model\'s answer was shown for a private request');
    assert.equal(d.text, '');
    assert.match(d.result.failure!.message, /claude-sonnet-4-6/);
  });

  test('no headers, chunks name the cloud model with LiteLLM\'s provider prefix (anthropic/…): stopped', async () => {
    onChat = () => ({ sse: answer('anthropic/claude-sonnet-4-6', ['SECRET'], USAGE) });
    const d = await ask();
    assert.equal(d.result.finish, 'error');
    assert.equal(d.text, '');
  });

  const honest: Array<[string, string]> = [
    ['the private model without LiteLLM\'s routing prefix', 'Qwen/Qwen2.5-Coder-32B-Instruct'],
    ['the private model with it', 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct'],
    ['the group\'s own name', 'team-coder'],
    ['a name /model/info does not list (vLLM --served-model-name)', 'coder'],
  ];
  for (const [name, model] of honest) {
    test(`no headers, chunks name ${name}: answered (no false stop)`, async () => {
      onChat = () => ({ sse: answer(model, ['fine'], USAGE) });
      const d = await ask();
      assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
      assert.equal(d.text, 'fine');
    });
  }

  // --- transport: private code off this machine must be encrypted ---
  test('private group through an http:// gateway on another host: refused before the question leaves, names https', async () => {
    const f = fakeFetch(DEPLOYMENTS, () => ({ sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['x'], USAGE) }));
    const d = await ask(group({ base: 'http://llm.corp.internal:4000', trusted: ['llm.corp.internal', '10.0.0.7'], fetch: f.fetch }));
    assert.equal(d.result.finish, 'error', 'private code was sent in clear text');
    assert.equal(f.chats().length, 0);
    assert.match(d.result.failure!.message, /https/i);
  });

  test('the same gateway over https: answered', async () => {
    const f = fakeFetch(DEPLOYMENTS, () => ({ sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['fine'], USAGE) }));
    const d = await ask(group({ base: 'https://llm.corp.internal', trusted: ['llm.corp.internal', '10.0.0.7'], fetch: f.fetch }));
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
  });

  test('an admin who wrote the gateway as http://host in trustedHosts chose clear text on purpose: answered', async () => {
    const f = fakeFetch(DEPLOYMENTS, () => ({ sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['fine'], USAGE) }));
    const d = await ask(group({ base: 'http://llm.corp.internal:4000', trusted: ['http://llm.corp.internal', '10.0.0.7'], fetch: f.fetch }));
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
  });

  test('judge: a loopback http gateway stays private (nothing crosses a network)', () => {
    const v = judgePrivateGroup('team-coder', 'http://127.0.0.1:4000', ['team-coder'], ['10.0.0.7'], parseModelInfo(DEPLOYMENTS));
    assert.deepEqual(v, { private: true });
  });

  // --- a provider's own cloud API is never a private place ---
  test('gateway.baseUrl is OpenAI\'s API itself, listed in trustedHosts: never private, no question sent', async () => {
    const f = fakeFetch({ data: [{ model_name: 'team-coder', litellm_params: { api_base: 'https://api.openai.com/v1' } }] }, () => ({ sse: answer('gpt-4o', ['x'], USAGE) }));
    const d = await ask(group({ base: 'https://api.openai.com/v1', trusted: ['api.openai.com'], fetch: f.fetch }));
    assert.equal(d.result.finish, 'error');
    assert.equal(f.chats().length, 0);
    assert.match(d.result.failure!.message, /cloud|OpenAI/i);
  });

  const cloudBases: Array<[string, string]> = [
    ['Anthropic\'s API', 'https://api.anthropic.com'],
    ['an Azure OpenAI resource', 'https://team-east.openai.azure.com/openai'],
    ['Bedrock', 'https://bedrock-runtime.us-east-1.amazonaws.com'],
  ];
  for (const [name, apiBase] of cloudBases) {
    test(`a deployment on ${name}, its host listed in trustedHosts by mistake: not private`, () => {
      const host = new URL(apiBase).hostname;
      const v = judgePrivateGroup('team-coder', url, ['team-coder'], [host], [{ group: 'team-coder', apiBase, model: 'openai/gpt-4o' }]);
      assert.equal(v.private, false, `${host} counted as private`);
    });
  }

  test('the gateway URL check: a cloud API host as hybrid.gateway.baseUrl is named as such', () => {
    const problem = (gateway as Record<string, unknown>)['gatewayUrlProblem'] as ((u: string) => string | undefined) | undefined;
    assert.equal(typeof problem, 'function', 'no check of the gateway URL exists');
    assert.match(problem!('https://api.anthropic.com/v1') ?? '', /Anthropic|cloud/i);
    assert.equal(problem!('https://llm.corp.internal'), undefined);
  });

  // --- a gateway with a certificate this machine does not trust ---
  suite('self-signed gateway', () => {
    let tls: https.Server | undefined;
    let tlsUrl = '';
    let dir = '';
    suiteSetup(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hybrid-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      tls = https.createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(DEPLOYMENTS)); });
      await new Promise<void>((r) => tls!.listen(0, '127.0.0.1', () => r()));
      tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    });
    suiteTeardown(async () => { tls?.closeAllConnections(); await new Promise((r) => tls?.close(r)); rmSync(dir, { recursive: true, force: true }); });

    test('cloud tier: the failure says the certificate is not trusted and how to fix it, not "connection failed"', async () => {
      const d = await drain(createOpenAIProvider({ baseUrl: tlsUrl, location: 'cloud', apiKey, name: 'The LiteLLM gateway', firstByteTimeoutMs: 5_000 })
        .stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
      assert.equal(d.result.finish, 'error');
      assert.match(d.result.failure!.message, /certificate/i);
      assert.match(d.result.failure!.message, /NODE_EXTRA_CA_CERTS/);
    });

    test('private group: the refusal names the certificate (the proof could not be read because of it)', async () => {
      const d = await ask(group({ base: tlsUrl }));
      assert.equal(d.result.finish, 'error');
      assert.match(d.result.failure!.message, /certificate/i);
    });
  });

  // --- IDN host names ---
  const uni = 'gpu-büro.corp';
  const puny = domainToASCII(uni);
  test('IDN: trustedHosts in Unicode, api_base in punycode → the same host, private', () => {
    const v = judgePrivateGroup('team-coder', url, ['team-coder'], [uni], [{ group: 'team-coder', apiBase: `http://${puny}:8000/v1`, model: undefined }]);
    assert.deepEqual(v, { private: true });
  });

  test('IDN: trustedHosts in punycode, api_base in Unicode, upper case with a trailing dot → private', () => {
    const v = judgePrivateGroup('team-coder', url, ['team-coder'], [puny], [{ group: 'team-coder', apiBase: 'http://GPU-BÜRO.corp.:8000/v1', model: undefined }]);
    assert.deepEqual(v, { private: true });
  });

  test('IDN: a look-alike (Cyrillic о in gpu-bоx) never passes for gpu-box, and the refusal shows the difference', () => {
    const v = judgePrivateGroup('team-coder', url, ['team-coder'], ['gpu-box.corp'], [{ group: 'team-coder', apiBase: 'http://gpu-b\u043ex.corp:8000/v1', model: undefined }]);
    assert.equal(v.private, false);
    assert.match((v as { reason: string }).reason, /xn--/);
  });

  test('IDN: an entry with a right-to-left override or an invalid label trusts nothing and is named', () => {
    const bad = ['gpu-box.corp\u202e', 'xn--a.corp'];
    const v = judgePrivateGroup('team-coder', url, ['team-coder'], bad, [{ group: 'team-coder', apiBase: 'http://gpu-box.corp:8000/v1', model: undefined }]);
    assert.equal(v.private, false);
    assert.match((v as { reason: string }).reason, /trust nothing/);
  });

  // --- settings changed while answers stream ---
  test('group undeclared while its answer streams: the answer in flight ends, the next request is refused before it leaves', async () => {
    const declared = ['team-coder'];
    onChat = () => ({ delayMs: 200, sse: answer('Qwen/Qwen2.5-Coder-32B-Instruct', ['fine'], USAGE) });
    const info = createGatewayInfo({ baseUrl: url, apiKey });
    const build = () => createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: [...declared], trustedHosts: ['10.0.0.7'], info, apiKey, firstByteTimeoutMs: 5_000 });
    const inFlight = ask(build());
    await new Promise((r) => setTimeout(r, 50));
    declared.length = 0;
    const next = await ask(build());
    const first = await inFlight;
    assert.equal(first.result.finish, 'stop', JSON.stringify(first.result.failure));
    assert.equal(next.result.finish, 'error');
    assert.equal(gw.chats().length, 1, 'the request after the change was sent');
  });
});
