// Adversarial round on team mode (team7), part 2: what the gateway sends back. Expectations written before the
// first run: the gateway's cost only when it is a usable figure; every documented budget_exceeded shape (422, 429,
// 400; error.type or only the message text; before the stream or inside it) is a "budget" refusal asked once;
// /key/info or /model/info that is slow, failing or closed to the key never stalls anything nor misdirects the user.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { gatewayCostOf } from '../../../src/core/team/gateway';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { FakeLiteLLM } from '../../fakes/litellm';
import { chatBody, drain, never } from '../providers/helpers';

const VLLM = { name: 'team-coder', model: 'hosted_vllm/qwen2.5-coder-32b', apiBase: 'http://10.0.0.7:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const SONNET = { name: 'claude-sonnet-4-6', model: 'anthropic/claude-sonnet-4-6', inputCostPerToken: 3e-6, outputCostPerToken: 15e-6 };

suite('team7 adversarial: the gateway\'s wire', function () {
  this.timeout(20_000);
  const fake = new FakeLiteLLM();
  let url = '';
  suiteSetup(async () => { url = (await fake.start()).url; });
  suiteTeardown(() => fake.close());
  setup(() => {
    fake.reset();
    fake.setFault(undefined);
    fake.groups = [VLLM, SONNET];
    fake.key = { spend: 0, maxBudget: null, teamId: 'team-a', teamSpend: 0, teamMaxBudget: null };
    fake.costOnWire = (c) => c;
    fake.streamCostHeader = undefined;
    fake.includeCostInStreamingUsage = true;
    fake.deniedRoutes = [];
  });
  const cloud = () => createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey: fake.virtualKey, firstByteTimeoutMs: 5_000 });
  const ask = () => drain(cloud().stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
  const chats = () => fake.requests.filter((r) => r.path === '/v1/chat/completions').length;

  // [name, how usage.cost is spelled, header on the stream, expected: 'cost' (the figure) or undefined]. A header on a
  // stream is never the bill: it leaves before any token, so it is absent or a 0.0 placeholder (litellm#12689;
  // spend4's G6). The first run expected the header as a fallback; that expectation was wrong and is corrected here.

  const costs: Array<[string, (c: number) => unknown, string | undefined, 'cost' | undefined]> = [
    ['a number', (c) => c, undefined, 'cost'],
    ['a numeric string', (c) => String(c), undefined, 'cost'],
    ['negative', (c) => -c, undefined, undefined],
    ['null (Python None / NaN through pydantic)', () => null, undefined, undefined],
    ['the string "NaN"', () => 'NaN', undefined, undefined],
    ['the string "Infinity"', () => 'Infinity', undefined, undefined],
    ['an object', () => ({ amount: 1 }), undefined, undefined],
    ['absent', () => undefined, undefined, undefined],
    ['absent, header on the stream', () => undefined, '0.004', undefined],
    ['present and the header disagreeing', (c) => c, '0.5', 'cost'],
    ['negative, header on the stream', (c) => -c, '0.004', undefined],
  ];
  for (const [name, wire, header, expected] of costs) {
    test(`usage.cost ${name} → ${expected ?? 'no gateway figure (our table\'s)'}`, async () => {
      fake.costOnWire = wire;
      fake.streamCostHeader = header;
      const d = await ask();
      assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
      const u = d.result.usage;
      const cost = (u.input + u.cacheRead) * 3e-6 + u.output * 15e-6;
      const want = expected === 'cost' ? cost : undefined;
      if (want === undefined) assert.equal(d.result.gatewayCostUsd, undefined);
      else assert.ok(d.result.gatewayCostUsd !== undefined && Math.abs(d.result.gatewayCostUsd - want) < 1e-12, `${d.result.gatewayCostUsd} vs ${want}`);
    });
  }

  test('gatewayCostOf rejects what is not a money figure, whatever its spelling', () => {
    for (const bad of ['', ' ', 'None', 'NaN', '-1', '1e400', '0x10', '1,5', '$0.01']) assert.equal(gatewayCostOf(undefined, bad), undefined, bad);
    assert.equal(gatewayCostOf({ cost: '0.25' }), 0.25);
    assert.equal(gatewayCostOf({ cost: Number.NaN }, '0.1'), 0.1);
  });

  const KEY_MSG = 'Budget has been exceeded! Current cost: 51.2, Max budget: 50.0';
  // [status, body] as LiteLLM releases answered a request over a key / user / team budget, before any model ran.
  const before: Array<[number, unknown]> = [
    [422, { error: { message: KEY_MSG, type: 'budget_exceeded', param: null, code: '422' } }],
    [429, { error: { message: KEY_MSG, type: 'budget_exceeded', param: null, code: '429' } }],
    [400, { error: { message: 'Crossed budget', type: 'budget_exceeded', param: null, code: 400 } }],
    [400, { error: { message: 'Authentication Error, ExceededBudget: Team=team-a over budget. Spend=51, Budget=50', type: 'auth_error', param: 'None', code: '400' } }],
    [429, { error: { message: 'ExceededBudget: End User=9f2c over budget. Current cost: 2.1, Max budget: 2.0', type: 'budget_exceeded', param: null, code: '429' } }],
    [401, { error: { message: 'Authentication Error, ExceededBudget: User=u-1 over budget. Spend=3, Budget=2', type: 'auth_error', param: 'None', code: '401' } }],
    [429, { detail: KEY_MSG }],
  ];
  for (const [status, body] of before) {
    test(`before the stream: ${status} ${JSON.stringify(body).slice(0, 70)} → budget, asked once`, async () => {
      fake.setFault({ kind: 'status', status, body });
      const d = await ask();
      assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
      assert.equal(chats(), 1, 'retried');
    });
  }

  for (const afterTokens of [0, 3]) {
    test(`inside a 200 stream after ${afterTokens} tokens: data: {error: {type: budget_exceeded}} → budget, asked once`, async () => {
      fake.setFault({ kind: 'errorEvent', afterTokens, body: { error: { message: KEY_MSG, type: 'budget_exceeded', param: null, code: '400' } } });
      const d = await ask();
      assert.equal(d.result.finish, 'error');
      assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
      assert.equal(chats(), 1);
    });
  }

  test('a plain rate limit is still a rate limit (not a budget)', async () => {
    fake.setFault({ kind: 'status', status: 429, body: { error: { message: 'Max parallel request limit reached.', type: 'None', param: 'None', code: '429' } }, once: true });
    const d = await ask();
    assert.notEqual(d.result.failure?.code, 'budget');
  });

  test('/key/info slow: budget() gives up within its time-out and /model/info is not held behind it', async () => {
    fake.setFault({ kind: 'delayFirstByte', ms: 4_000, paths: ['/key/info'] });
    const info = createGatewayInfo({ baseUrl: url, apiKey: async () => fake.virtualKey, timeoutMs: 300 });
    const t0 = Date.now();
    const budget = info.budget();
    const deployments = await info.deployments();
    assert.ok(deployments && deployments.length === 2);
    assert.ok(Date.now() - t0 < 250, `/model/info waited ${Date.now() - t0} ms`);
    assert.equal(await budget, undefined);
    assert.ok(Date.now() - t0 < 1_500, `budget() took ${Date.now() - t0} ms`);
  });

  test('/key/info failing: asked again only after a pause, not on every status refresh', async () => {
    fake.setFault({ kind: 'status', status: 500, paths: ['/key/info'] });
    let now = 0;
    const info = createGatewayInfo({ baseUrl: url, apiKey: async () => fake.virtualKey, ttlMs: 60_000, now: () => now });
    for (let i = 0; i < 10; i++) { assert.equal(await info.budget(), undefined); now += 1_000; }
    const asked = fake.requests.filter((r) => r.path === '/key/info').length;
    assert.ok(asked <= 2, `a failing /key/info was asked ${asked} times in 10 s`);
    fake.setFault(undefined);
    now += 60_000;
    assert.ok(await info.budget(), 'never asked again after it recovered');
  });

  test('a key limited to llm_api_routes (403 on /model/info) is told so, not sent to "Set API Key"', async () => {
    fake.deniedRoutes = ['/model/info', '/v1/model/info'];
    const apiKey = async () => fake.virtualKey;
    const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'],
      info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey, firstByteTimeoutMs: 5_000 });
    const d = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(d.result.finish, 'error');
    assert.notEqual(d.result.failure?.fix, 'setApiKey', d.result.failure?.message);
    assert.match(d.result.failure!.message, /\/model\/info/);
    assert.match(d.result.failure!.message, /admin/);
    assert.equal(chats(), 0, 'the private prompt left without a proof');
  });

  test('a wrong key on /model/info still says "Set API Key"', async () => {
    const wrongKey = `sk-wrong-${randomBytes(12).toString('hex')}`;
    const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'],
      info: createGatewayInfo({ baseUrl: url, apiKey: async () => wrongKey }), apiKey: async () => wrongKey, firstByteTimeoutMs: 5_000 });
    const d = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(d.result.failure?.fix, 'setApiKey');
  });
});

suite('team7 adversarial: the gateway-info cache', () => {
  test('a late failure of an expired fetch does not throw away the fresh answer that replaced it', async () => {
    let now = 0;
    let calls = 0;
    const pending: Array<(r: Response) => void> = [];
    const failing: Array<(e: Error) => void> = [];
    const fetch = ((): Promise<Response> => {
      calls++;
      return new Promise<Response>((resolve, reject) => { pending.push(resolve); failing.push(reject); });
    }) as typeof globalThis.fetch;
    const info = createGatewayInfo({ baseUrl: 'http://127.0.0.1:1', apiKey: async () => 'k', ttlMs: 1_000, now: () => now, fetch });
    const first = info.deployments();
    await new Promise((r) => setImmediate(r));
    now += 2_000;
    const second = info.deployments();
    await new Promise((r) => setImmediate(r));
    pending[1]!(new Response(JSON.stringify({ data: [{ model_name: 'g', litellm_params: { model: 'm' } }] }), { status: 200 }));
    assert.equal((await second)?.length, 1);
    failing[0]!(new Error('socket hang up'));
    assert.equal(await first, undefined);
    await new Promise((r) => setImmediate(r));
    assert.equal((await info.deployments())?.length, 1);
    assert.equal(calls, 2, 'the fresh answer was dropped by the old failure');
  });
});
