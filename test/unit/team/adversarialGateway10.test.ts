// Adversarial round on team mode (team10), part 1: a LiteLLM gateway that changes under a running session. Written
// before the first run. Expectations: a key that expires or is rotated mid-session sends the user to "Set API Key"
// (also when /model/info is where it shows), never shows the key, and is not retried; a private answer whose headers
// are duplicated, contradict each other, or say a fallback ran without naming it is stopped before its text; a
// /model/info that fails in any shape (5xx, HTML login page, null data, slow) keeps the question on this side; the
// gateway's /health (which calls every deployment, at the team's cost) is never asked; the gateway's cost and our
// price table's are both shown, labelled; a stopped stream is billed as a labelled estimate, never as $0.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { BudgetState, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import type { ChatProvider } from '../../../src/core/wire/types';
import { sealForEgress } from '../../../src/core/wire/seal';
import { answer, chunk, proxyError, ScriptedGateway, type Scripted, type SeenRequest } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const ID_PRIVATE = 'd0e1f2a3-private-0001';
const ID_CLOUD = 'b4c5d6e7-cloud-0002';
const DEPLOYMENTS = { data: [
  { model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', api_base: 'http://10.0.0.7:8000/v1' }, model_info: { id: ID_PRIVATE } },
  { model_name: 'claude-sonnet-4-6', litellm_params: { model: 'anthropic/claude-sonnet-4-6' }, model_info: { id: ID_CLOUD } },
] };
const M = 'Qwen/Qwen2.5-Coder-32B-Instruct';
const USAGE = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };

suite('team10 adversarial: a LiteLLM gateway that changes under the session', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let key = '';
  let onChat: (r: SeenRequest) => Scripted | Promise<Scripted> = () => ({ sse: answer(M, ['ok'], USAGE) });
  let onInfo: (r: SeenRequest) => Scripted | Promise<Scripted> = () => ({ json: DEPLOYMENTS });
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => {
    gw.requests.length = 0;
    key = `sk-${randomBytes(16).toString('hex')}`;
    onChat = () => ({ sse: answer(M, ['ok'], USAGE) });
    onInfo = () => ({ json: DEPLOYMENTS });
    gw.handler = (r) => (r.path === '/model/info' ? onInfo(r) : r.path === '/v1/chat/completions' ? onChat(r) : { status: 404, json: { detail: 'Not Found' } });
  });
  const apiKey = async () => key;
  const group = (o: { timeoutMs?: number } = {}) => createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'],
    info: createGatewayInfo({ baseUrl: url, apiKey, ttlMs: 30_000, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) }), apiKey, firstByteTimeoutMs: 5_000 });
  const ask = (p: ReturnType<typeof group>) => drain(p.stream(chatBody('team-coder'), never()));

  // --- the key expires or is rotated while the session runs ---
  const expired = () => proxyError(`Authentication Error - Expired Key. Key Expiry time 2026-12-07 10:00:00+00:00 and current time 2026-12-07 10:00:05+00:00`, 'expired_key', 400, 'key');

  test('key expires between two private questions (chat answers 400 expired_key): "Set API Key", asked once, key never shown', async () => {
    const p = group();
    const first = await ask(p);
    assert.equal(first.result.finish, 'stop');
    onChat = () => ({ status: 400, json: expired() });
    const second = await ask(p);
    assert.equal(second.result.failure?.fix, 'setApiKey', JSON.stringify(second.result.failure));
    assert.equal(gw.chats().length, 2, 'an expired key was retried');
    assert.ok(!second.result.failure!.message.includes(key));
  });

  test('key expired where /model/info shows it first (400 expired_key): the refusal says the key expired and offers "Set API Key"', async () => {
    onInfo = () => ({ status: 400, json: expired() });
    const d = await ask(group());
    assert.equal(d.result.failure?.fix, 'setApiKey', JSON.stringify(d.result.failure));
    assert.match(d.result.failure!.message, /expired/i);
    assert.equal(gw.chats().length, 0, 'the question left before the gateway said where the group runs');
  });

  test('key regenerated by the admin (/key/regenerate): the old key\'s 401 on chat says "Set API Key", the next key works without a restart', async () => {
    const p = group();
    await ask(p);
    const old = key;
    onChat = (r) => (r.auth === `Bearer ${old}` ? { status: 401, json: proxyError('Authentication Error, Invalid proxy server token passed. Received API Key = sk-...' + old.slice(-4) + ', Key Hash (Token) =' + randomBytes(32).toString('hex') + '. Unable to find token in cache or `LiteLLM_VerificationTokenTable`', 'auth_error', 401) } : { sse: answer(M, ['fine'], USAGE) });
    const refused = await ask(p);
    assert.equal(refused.result.failure?.fix, 'setApiKey', JSON.stringify(refused.result.failure));
    assert.doesNotMatch(refused.result.failure!.message, /[0-9a-f]{64}/, 'the key hash was shown');
    key = `sk-${randomBytes(16).toString('hex')}`;
    const after = await ask(p);
    assert.equal(after.result.finish, 'stop', JSON.stringify(after.result.failure));
  });

  test('a key whose expiry arrives mid-stream (error event after text): the text stays, the failure says the key, no retry', async () => {
    onChat = () => ({ sse: [chunk(M, { content: 'half of it' }), { error: { message: 'Authentication Error - Expired Key. Key Expiry time 2026-12-07', type: 'expired_key', param: 'key', code: '400' } }], noDone: true, headers: { 'x-litellm-model-id': ID_PRIVATE } });
    const d = await ask(group());
    assert.equal(d.text, 'half of it');
    assert.equal(d.result.failure?.fix, 'setApiKey', JSON.stringify(d.result.failure));
    assert.equal(gw.chats().length, 1);
  });

  // --- headers that are duplicated, contradict each other, or say less than they should ---
  test('x-litellm-model-api-base sent twice (trusted, then OpenAI): the second deployment is not hidden by the first', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-api-base': ['http://10.0.0.7:8000/v1', 'https://api.openai.com/v1'] as unknown as string }, sse: answer(M, ['secret answer'], USAGE) });
    const d = await ask(group());
    assert.equal(d.text, '', 'text of an answer from OpenAI was shown');
    assert.equal(d.result.failure?.code, 'notLocal', JSON.stringify(d.result.failure));
  });

  test('x-litellm-model-group sent twice (asked group, then a cloud group): stopped before any text', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-group': ['team-coder', 'claude-sonnet-4-6'] as unknown as string }, sse: answer('claude-sonnet-4-6', ['from the cloud'], USAGE) });
    const d = await ask(group());
    assert.equal(d.text, '');
    assert.equal(d.result.failure?.code, 'notLocal');
  });

  test('x-litellm-attempted-fallbacks: 1 with no group, id or api_base header: a fallback answered and nothing says where → stopped', async () => {
    onChat = () => ({ headers: { 'x-litellm-attempted-fallbacks': '1', 'x-litellm-attempted-retries': '0' }, sse: answer('some-model', ['fallback text'], USAGE) });
    const d = await ask(group());
    assert.equal(d.text, '', 'an unnamed fallback\'s answer was shown as private');
    assert.equal(d.result.failure?.code, 'notLocal');
  });

  test('x-litellm-attempted-fallbacks: 1 that names the asked group\'s own deployment (fallback within the group): answered', async () => {
    onChat = () => ({ headers: { 'x-litellm-attempted-fallbacks': '1', 'x-litellm-model-group': 'team-coder', 'x-litellm-model-id': ID_PRIVATE }, sse: answer(M, ['fine'], USAGE) });
    const d = await ask(group());
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
  });

  test('headers say the private deployment, the chunks name the cloud group\'s model: the body wins, stopped', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': ID_PRIVATE, 'x-litellm-model-group': 'team-coder' }, sse: answer('anthropic/claude-sonnet-4-6', ['cloud words'], USAGE) });
    const d = await ask(group());
    assert.equal(d.text, '');
    assert.equal(d.result.failure?.code, 'notLocal');
  });

  // --- /model/info and /health failures ---
  const noChat = async (scripted: Scripted, o: { timeoutMs?: number } = {}) => {
    onInfo = () => scripted;
    const d = await ask(group(o));
    assert.equal(gw.chats().length, 0, 'the private question left before the group was proven private');
    assert.equal(d.text, '');
    return d;
  };

  test('/model/info 500: refused before the question leaves, the reason names /model/info', async () => {
    const d = await noChat({ status: 500, json: proxyError('Internal Server Error', 'None', 500) });
    assert.match(d.result.failure!.message, /model\/info/);
  });

  test('/model/info answered by an SSO login page (200, text/html): refused, nothing sent', async () => {
    await noChat({ status: 200, text: '<!doctype html><html><body><form action="/sso/login">Sign in</form></body></html>', headers: { 'content-type': 'text/html' } });
  });

  test('/model/info {"data": null}: no group known, refused', async () => {
    const d = await noChat({ json: { data: null } });
    assert.match(d.result.failure!.message, /team-coder/);
  });

  test('/model/info slower than its time-out: refused within the bound, nothing sent', async () => {
    const t0 = Date.now();
    await noChat({ json: DEPLOYMENTS, delayMs: 3_000 }, { timeoutMs: 500 });
    assert.ok(Date.now() - t0 < 2_500, `took ${Date.now() - t0} ms`);
  });

  test('/model/info lists the group twice, once on the trusted box and once without api_base (a provider): refused', async () => {
    await noChat({ json: { data: [...DEPLOYMENTS.data, { model_name: 'team-coder', litellm_params: { model: 'openai/gpt-4o' } }] } });
  });

  test('a session of private, cloud and budget reads never calls /health (it calls every deployment at the team\'s cost)', async () => {
    gw.handler = (r) => (r.path === '/model/info' ? { json: DEPLOYMENTS } : r.path === '/key/info' ? { json: { key: 'h', info: { spend: 1, max_budget: 10 } } } : r.path.includes('health') ? { status: 503, json: { unhealthy_endpoints: [] } } : { sse: answer(M, ['ok'], USAGE) });
    const info = createGatewayInfo({ baseUrl: url, apiKey });
    await ask(group());
    await info.budget();
    await drain(createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, name: 'The LiteLLM gateway', firstByteTimeoutMs: 5_000 }).stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
    assert.deepEqual(gw.requests.filter((r) => r.path.includes('health')).map((r) => r.path), []);
  });

  // --- the gateway's cost against our price table, and a stopped stream ---
  async function askCloud(script: () => Scripted, stopAfterText = false) {
    onChat = script;
    const cloud: ChatProvider = { ...createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, name: 'The LiteLLM gateway', firstByteTimeoutMs: 5_000 }), id: 'litellm' };
    const records: LedgerRecord[] = [];
    let n = 0;
    const deps = createAskDeps({
      settings: { ...DEFAULT_SETTINGS, 'cloud.model': 'claude-sonnet-4-6' }, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
      local: () => cloud, cloud: async () => cloud, countTokens: async (t) => Math.ceil(t.length / 4), budget: () => NO_BUDGET,
      health: () => ({ local: 'ready', cloud: 'ready' }), record: async (r) => { records.push(r); }, confirm: async () => true, newId: () => `g${++n}`,
    });
    const ac = new AbortController();
    const events: AskEvent[] = [];
    for await (const e of runAsk(deps, { origin: 'askCloud', kind: 'ask', question: 'Compare two caching designs for a service.', context: [] }, ac.signal)) {
      events.push(e);
      if (stopAfterText && e.type === 'delta') ac.abort();
    }
    const done = events.find((e): e is Extract<AskEvent, { type: 'done' }> => e.type === 'done');
    return { records, done, notes: done?.footer.notes ?? [] };
  }

  test('usage.cost disagrees with our table: the ledger bills the gateway\'s figure, keeps ours beside it, the footer shows both', async () => {
    const r = await askCloud(() => ({ sse: answer('claude-sonnet-4-6', ['An answer.'], { ...USAGE, cost: 0.5 }) }));
    const rec = r.records.at(-1)!;
    assert.equal(rec.costUsd, 0.5);
    assert.ok(typeof rec.tableCostUsd === 'number' && rec.tableCostUsd > 0 && rec.tableCostUsd < 0.5, JSON.stringify(rec));
    assert.ok(r.notes.some((n) => /gateway billed \$0\.500000/.test(n) && /price table/.test(n)), JSON.stringify(r.notes));
    assert.equal(measurementsOf(rec).find((m) => m.instrument === 'cost')?.attributes['hybrid.cost.source'], 'gateway');
  });

  test('usage.cost 0 for real tokens (a group the gateway has no price for): $0 is shown as the gateway\'s, with our table\'s figure', async () => {
    const r = await askCloud(() => ({ sse: answer('claude-sonnet-4-6', ['An answer.'], { ...USAGE, cost: 0 }) }));
    const rec = r.records.at(-1)!;
    assert.equal(rec.costUsd, 0);
    assert.ok((rec.tableCostUsd ?? 0) > 0);
    assert.ok(r.notes.some((n) => /gateway billed \$0\.000000/.test(n)), JSON.stringify(r.notes));
  });

  test('a non-zero x-litellm-response-cost on a stream with usage.cost: the usage chunk is the bill, not the header', async () => {
    const r = await askCloud(() => ({ headers: { 'x-litellm-response-cost': '9.99' }, sse: answer('claude-sonnet-4-6', ['An answer.'], { ...USAGE, cost: 0.002 }) }));
    assert.equal(r.records.at(-1)!.costUsd, 0.002);
  });

  test('stream stopped by the user after text: billed as a labelled estimate of what was generated, never $0 or "gateway"', async () => {
    const r = await askCloud(() => ({ sse: [chunk('claude-sonnet-4-6', { content: 'A long answer begins here and goes on for a while' }), ...Array.from({ length: 50 }, () => chunk('claude-sonnet-4-6', { content: ' more words' })), chunk('claude-sonnet-4-6', { finish: 'stop' })], delayMs: 0 }), true);
    const rec = r.records.at(-1)!;
    assert.equal(rec.status, 'cancelled');
    assert.equal(rec.tokens.source, 'estimate');
    assert.ok((rec.costUsd ?? 0) > 0, `a stopped gateway stream was billed ${rec.costUsd}`);
    assert.equal(rec.tableCostUsd, undefined, 'an estimate was labelled the gateway\'s bill');
    assert.equal(measurementsOf(rec).find((m) => m.instrument === 'cost')?.attributes['hybrid.cost.source'], 'estimate');
  });

  test('stream stopped on a gateway: the footer says the gateway\'s own record may differ (it bills what the model generated, not what was shown)', async () => {
    const r = await askCloud(() => ({ sse: [chunk('claude-sonnet-4-6', { content: 'Part one' }), ...Array.from({ length: 20 }, () => chunk('claude-sonnet-4-6', { content: ' more' })), chunk('claude-sonnet-4-6', { finish: 'stop' })] }), true);
    assert.ok(r.notes.some((n) => /estimate/i.test(n)), JSON.stringify(r.notes));
    assert.ok(r.notes.some((n) => /gateway/i.test(n) && /(differ|its own|spend)/i.test(n)), JSON.stringify(r.notes));
  });
});
