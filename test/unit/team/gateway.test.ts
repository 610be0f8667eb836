// Team mode (issue #29): the gateway's rules as pure functions, then the real OpenAI client against the fake LiteLLM
// proxy — the gateway's cost on the answer, a budget refusal that is never retried, a "private" group that runs
// outside the trusted hosts refused before a byte of the prompt leaves.
import * as assert from 'node:assert/strict';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import {
  costDifferenceNote, describeGatewayBudget, gatewayCostOf, isGatewayBudgetError, judgePrivateGroup, parseKeyInfo, parseModelInfo,
} from '../../../src/core/team/gateway';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { statusText } from '../../../src/core/presentation/statusText';
import { isSaturation, LocalPressure } from '../../../src/core/team/overflow';
import { FakeLiteLLM } from '../../fakes/litellm';
import { chatBody, drain, never } from '../providers/helpers';

const VLLM = { name: 'team-coder', model: 'hosted_vllm/qwen2.5-coder-32b', apiBase: 'http://10.0.0.7:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const SONNET = { name: 'claude-sonnet-4-6', model: 'anthropic/claude-sonnet-4-6', inputCostPerToken: 3e-6, outputCostPerToken: 15e-6 };

suite('team: gateway rules', () => {
  const deployments = parseModelInfo({ data: [
    { model_name: 'team-coder', litellm_params: { model: VLLM.model, api_base: VLLM.apiBase } },
    { model_name: 'mixed', litellm_params: { model: 'hosted_vllm/a', api_base: 'http://10.0.0.7:8000/v1' } },
    { model_name: 'mixed', litellm_params: { model: 'openai/gpt-5.4' } },
    { model_name: 'elsewhere', litellm_params: { model: 'hosted_vllm/b', api_base: 'https://gpu.rented.example.com/v1' } },
    { junk: true },
  ] });

  test('/model/info is read per deployment; junk is skipped', () => {
    assert.equal(deployments.length, 4);
    assert.deepEqual(deployments[2], { group: 'mixed', apiBase: undefined, model: 'openai/gpt-5.4' });
  });

  test('a group is private only when declared, behind a trusted gateway, and every deployment is on a trusted host', () => {
    const trusted = ['llm.corp.internal', '10.0.0.7'];
    const gw = 'https://llm.corp.internal';
    assert.deepEqual(judgePrivateGroup('team-coder', gw, ['team-coder'], trusted, deployments), { private: true });
    const cases: Array<[string, string, string[], string[], typeof deployments | undefined, RegExp]> = [
      ['team-coder', gw, [], trusted, deployments, /not declared private/],
      ['team-coder', 'https://llm.other.example', ['team-coder'], trusted, deployments, /llm\.other\.example is not a trusted host/],
      ['mixed', gw, ['mixed'], trusted, deployments, /openai\/gpt-5\.4's cloud API, outside the trusted hosts/],
      ['elsewhere', gw, ['elsewhere'], trusted, deployments, /gpu\.rented\.example\.com, outside the trusted hosts/],
      ['team-coder', gw, ['team-coder'], trusted, undefined, /did not say where the group runs/],
      ['ghost', gw, ['ghost'], trusted, deployments, /no model group "ghost"/],
    ];
    for (const [group, url, declared, hosts, deps, why] of cases) {
      const v = judgePrivateGroup(group, url, declared, hosts, deps);
      assert.equal(v.private, false, `${group} via ${url}`);
      assert.match((v as { reason: string }).reason, why);
    }
  });

  test('budget refusals in every wording LiteLLM releases use; rate limits and other 400s are not budgets', () => {
    const yes: Array<[number, unknown]> = [
      [422, { error: { message: 'Budget has been exceeded! Current cost: 5, Max budget: 1', type: 'budget_exceeded', param: null, code: '422' } }],
      [429, { error: { message: 'Budget has been exceeded! Current cost: 5.0, Max budget: 1.0', type: 'budget_exceeded', param: null, code: '429' } }],
      [400, { error: { message: 'ExceededBudget: Team=team-a over budget. Spend=51, Budget=50', type: 'auth_error', param: 'None', code: '400' } }],
      [400, 'litellm.BudgetExceededError: ExceededBudget: Crossed spend threshold.'],
    ];
    for (const [status, body] of yes) assert.ok(isGatewayBudgetError(status, body), JSON.stringify(body));
    const no: Array<[number, unknown]> = [
      [429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }],
      [400, { error: { message: 'Invalid model name passed in model=x', type: 'invalid_request_error', code: '400' } }],
      [500, { error: { message: 'Budget has been exceeded!', type: 'budget_exceeded' } }],
    ];
    for (const [status, body] of no) assert.ok(!isGatewayBudgetError(status, body), JSON.stringify(body));
  });

  test('/key/info: key and team spend and budgets, one line for the tooltip', () => {
    const b = parseKeyInfo({ key: 'x', info: { spend: 12.5, max_budget: 50, team_id: 'team-a', team_spend: 420, team_max_budget: 500 } })!;
    assert.deepEqual(b, { keySpendUsd: 12.5, keyBudgetUsd: 50, teamId: 'team-a', teamSpendUsd: 420, teamBudgetUsd: 500, budgetResetAt: undefined });
    assert.equal(describeGatewayBudget(b), 'Gateway: key $12.50 of $50.00 · team team-a $420.00 of $500.00');
    assert.equal(parseKeyInfo({ detail: 'nope' }), undefined);
  });

  test('the gateway cost: usage.cost first, then the header; a difference is shown, rounding is not', () => {
    assert.equal(gatewayCostOf({ prompt_tokens: 1, cost: 0.0123 }, '0.5'), 0.0123);
    assert.equal(gatewayCostOf({ prompt_tokens: 1 }, '0.00325'), 0.00325);
    assert.equal(gatewayCostOf({ prompt_tokens: 1 }, ''), undefined);
    assert.equal(gatewayCostOf(undefined, 'None'), undefined);
    assert.equal(costDifferenceNote(0.0123, 0.0123 + 1e-9), undefined);
    assert.match(costDifferenceNote(0.0120, 0.0123)!, /gateway billed \$0\.012300; our price table says \$0\.012000 \(difference \+\$0\.000300\)/);
    assert.match(costDifferenceNote(null, 0.0123)!, /no price for this model in our table/);
  });
});

suite('team: the real OpenAI client through the fake LiteLLM proxy', () => {
  const fake = new FakeLiteLLM();
  let url = '';
  suiteSetup(async () => { url = (await fake.start()).url; });
  suiteTeardown(() => fake.close());
  setup(() => {
    fake.reset();
    fake.groups = [VLLM, SONNET];
    fake.key = { spend: 0, maxBudget: null, teamId: 'team-a', teamSpend: 0, teamMaxBudget: null };
    fake.budgetStatus = 422;
  });

  const cloud = () => createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey: fake.virtualKey, firstByteTimeoutMs: 5_000 });

  test('a cloud answer carries the gateway\'s own cost (usage.cost of the final chunk)', async () => {
    const d = await drain(cloud().stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    const u = d.result.usage;
    const expected = (u.input + u.cacheRead) * 3e-6 + u.output * 15e-6;
    assert.ok(d.result.gatewayCostUsd !== undefined && Math.abs(d.result.gatewayCostUsd - expected) < 1e-12, `${d.result.gatewayCostUsd} vs ${expected}`);
    assert.equal(fake.requests.filter((r) => r.path === '/v1/chat/completions').length, 1);
  });

  for (const status of [422, 429]) {
    test(`an exhausted key budget (${status} budget_exceeded) is a "budget" refusal, asked once, never retried`, async () => {
      fake.budgetStatus = status;
      fake.key.maxBudget = 1;
      fake.key.spend = 1.2;
      const d = await drain(cloud().stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
      assert.equal(d.result.finish, 'error');
      assert.equal(d.result.failure?.code, 'budget');
      assert.match(d.result.failure!.message, /team or key budget on the gateway is used up/);
      assert.equal(fake.requests.filter((r) => r.path === '/v1/chat/completions').length, 1, 'the SDK retried a budget refusal');
    });
  }

  test('an exhausted team budget is refused the same way', async () => {
    fake.key.teamMaxBudget = 50;
    fake.key.teamSpend = 50;
    const d = await drain(cloud().stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
    assert.equal(d.result.failure?.code, 'budget');
  });

  test('a "private" group is judged against the gateway\'s /model/info before the prompt leaves', async () => {
    const info = createGatewayInfo({ baseUrl: url, apiKey: async () => fake.virtualKey });
    const privateTier = (trusted: string[]) => createOpenAIProvider({
      baseUrl: url, location: 'local', apiKey: fake.virtualKey, firstByteTimeoutMs: 5_000,
      isLocalEndpoint: async (u) => {
        const v = judgePrivateGroup('team-coder', u, ['team-coder'], trusted, await info.deployments());
        return v.private || v.reason;
      },
    });
    const refused = await drain(privateTier([]).stream(chatBody('team-coder'), never()));
    assert.equal(refused.result.failure?.code, 'notLocal');
    assert.match(refused.result.failure!.message, /sends "team-coder" to 10\.0\.0\.7:8000, outside the trusted hosts/);
    assert.equal(fake.requests.filter((r) => r.path === '/v1/chat/completions').length, 0, 'the prompt reached the gateway');
    const ok = await drain(privateTier(['10.0.0.7']).stream(chatBody('team-coder'), never()));
    assert.equal(ok.result.finish, 'stop', JSON.stringify(ok.result.failure));
    assert.equal(fake.requests.filter((r) => r.path === '/model/info').length, 1, '/model/info is asked once and kept');
  });

  test('/key/info through the client helper; a wrong key is no answer, not a crash', async () => {
    fake.key = { spend: 3.25, maxBudget: 10, teamId: 'team-a', teamSpend: 40, teamMaxBudget: 100 };
    const b = await createGatewayInfo({ baseUrl: `${url}/v1`, apiKey: async () => fake.virtualKey }).budget();
    assert.equal(b?.keySpendUsd, 3.25);
    assert.equal(b?.teamBudgetUsd, 100);
    assert.equal(await createGatewayInfo({ baseUrl: url, apiKey: async () => 'sk-wrong' }).budget(), undefined);
  });
});

suite('team: the status bar tooltip', () => {
  test('shows the gateway\'s key and team budget under our own budget line', () => {
    const line = describeGatewayBudget({ keySpendUsd: 1, keyBudgetUsd: undefined, teamId: 'team-a', teamSpendUsd: 480, teamBudgetUsd: 500, budgetResetAt: undefined });
    const v = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, gatewayBudget: line });
    const lines = v.tooltip.split('\n');
    assert.equal(lines[lines.indexOf('Budget: none set') + 1], 'Gateway: key $1.00 spent (no budget) · team team-a $480.00 of $500.00');
  });
});

suite('team: overflow when the private tier is saturated', () => {
  test('429 and 503 are saturation; a dead server or a bad key is not', () => {
    assert.ok(isSaturation({ code: 'rateLimited', status: 429 }));
    assert.ok(isSaturation({ code: 'server', status: 503 }));
    assert.ok(!isSaturation({ code: 'connection' }));
    assert.ok(!isSaturation({ code: 'server', status: 500 }));
    assert.ok(!isSaturation({ code: 'auth', status: 401 }));
  });

  test('slow first tokens count once three answers show the trend, and only above the user\'s threshold', () => {
    const p = new LocalPressure(5);
    p.add(9_000);
    p.add(8_000);
    assert.equal(p.saturated(4_000), undefined, 'two answers are not a trend');
    p.add(null);
    p.add(7_000);
    assert.match(p.saturated(4_000)!, /local answers take 8\.0 s to start \(median of the last 3\), above hybrid\.fallback\.overflowTtftMs 4000/);
    assert.equal(p.saturated(0), undefined, '0 = off');
    for (const ms of [300, 250, 400, 350]) p.add(ms);
    assert.equal(p.saturated(4_000), undefined, 'a recovered tier is not saturated');
  });
});
