// Adversarial round on team mode (team8), part 1: LiteLLM's refusals as its proxy really sends them, and a virtual
// key rotated in the middle of a session. Written before the first run. Expectations: every budget refusal
// (ProxyException, FastAPI `{detail}` as text, object or under a ProxyException, per-model budgets, the user-budget
// hook's "Max budget limit reached.") is a "budget" failure asked once; a rate limit and a request-validation error
// are not; a model the key may not use is not a bad key; an expired or rotated key sends the user to "Set API Key",
// and the next request uses the new key; no failure text carries the key.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { isGatewayBudgetError } from '../../../src/core/team/gateway';
import { answer, proxyError, ScriptedGateway, type Scripted } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const OK = (model = 'claude-sonnet-4-6'): Scripted => ({ sse: answer(model, ['Hel', 'lo'], { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, cost: 0.000066 }) });

suite('team8 adversarial: LiteLLM refusals and key rotation', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let key = '';
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => { gw.requests.length = 0; key = `sk-${randomBytes(16).toString('hex')}`; });
  const cloud = (apiKey: () => Promise<string | undefined> = async () => key) =>
    createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, name: 'The LiteLLM gateway', keyName: 'LiteLLM gateway', firstByteTimeoutMs: 5_000 });
  const ask = (p = cloud()) => drain(p.stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
  const refuse = (status: number, json: unknown, headers: Record<string, string> = {}) => { gw.handler = () => ({ status, json, headers }); };

  // [status, body]: budget refusals as LiteLLM's code paths raise them (proxy/hooks/max_budget_limiter.py,
  // auth_checks.py, model_max_budget_limiter.py), before any model runs.
  const budget: Array<[string, number, unknown]> = [
    ['user-budget hook, FastAPI text', 429, { detail: 'Max budget limit reached.' }],
    ['user-budget hook with figures', 429, { detail: 'Max budget limit reached. Spend: 5.12 USD, Budget: 5.0 USD' }],
    ['FastAPI object detail, 400', 400, { detail: { error: 'Budget has been exceeded! Current cost: 5.1, Max budget: 5.0' } }],
    ['FastAPI text detail, 422', 422, { detail: 'Budget has been exceeded! Current cost: 5.1, Max budget: 5.0' }],
    ['FastAPI detail under a ProxyException message', 400, proxyError("{'error': 'Max budget limit reached.'}", 'None', 400, 'None')],
    ['per-model key budget', 400, proxyError('LiteLLM Virtual Key: 9769f3f6768a, key_alias: None, exceeded budget for model=claude-sonnet-4-6', 'budget_exceeded', 400)],
    ['per-model user budget, newer wording, no type', 400, proxyError('User u-17 exceeded their budget for model=claude-sonnet-4-6', 'None', 400, 'None')],
    ['team member budget', 400, proxyError('Budget has been exceeded! User=u-17 in Team=team-a Current cost: 2.01, Max budget: 2.0', 'budget_exceeded', 400)],
    ['end user (customer) budget at 429', 429, proxyError('ExceededBudget: End User=cust-9 over budget. Spend=1.2, Budget=1.0', 'budget_exceeded', 429)],
    ['FastAPI detail object carrying the ProxyException shape', 422, { detail: { message: 'Budget has been exceeded!', type: 'budget_exceeded' } }],
  ];
  for (const [name, status, body] of budget) {
    test(`budget: ${name} (${status}) → "budget", asked once, not retried`, async () => {
      refuse(status, body);
      const d = await ask();
      assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
      assert.equal(gw.chats().length, 1, 'a budget refusal was retried');
    });
  }

  const notBudget: Array<[string, number, unknown, string]> = [
    ['parallel-request limiter (FastAPI)', 429, { detail: 'LiteLLM Rate Limit Handler for rate limit type = key. Crossed TPM / RPM / Max Parallel Request Limit. limit=1, current usage=1' }, 'rateLimited'],
    ['FastAPI request validation list', 422, { detail: [{ type: 'missing', loc: ['body', 'messages'], msg: 'Field required', input: null }] }, 'unknown'],
    ['invalid model name', 400, proxyError('Invalid model name passed in model=claude-sonnet-4-6. Call `/v1/models` to view available models for your key.', 'invalid_request_error', 400), 'modelMissing'],
  ];
  for (const [name, status, body, code] of notBudget) {
    test(`not a budget: ${name} (${status}) → ${code}`, async () => {
      refuse(status, body, status === 429 ? { 'retry-after': '0' } : {});
      const d = await ask();
      assert.notEqual(d.result.failure?.code, 'budget', d.result.failure?.message);
      assert.equal(d.result.failure?.code, code, JSON.stringify(d.result.failure));
    });
  }

  test('budget inside a 200 stream, FastAPI detail text as the error: data: {"error": "Max budget limit reached."} → budget', async () => {
    gw.handler = () => ({ sse: [{ error: { message: 'Max budget limit reached.', type: 'None', param: 'None', code: '429' } }], noDone: true });
    const d = await ask();
    assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
  });

  test('isGatewayBudgetError: deep or hostile bodies never throw and never match by accident', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['detail'] = cyclic;
    assert.equal(isGatewayBudgetError(400, cyclic), false);
    assert.equal(isGatewayBudgetError(400, { detail: null }), false);
    assert.equal(isGatewayBudgetError(400, { detail: 42 }), false);
    assert.equal(isGatewayBudgetError(400, { detail: [{ msg: 'Input should be a valid number' }] }), false);
    assert.equal(isGatewayBudgetError(500, { detail: 'Max budget limit reached.' }), false);
  });

  // Model access: the key is fine; the model is not in its (or its team's) list.
  const denied: Array<[string, number, unknown]> = [
    ['key_model_access_denied (403, current releases)', 403, proxyError("key not allowed to access model. This key can only access models=['team-coder', 'claude-haiku-4-5']. Tried to access claude-sonnet-4-6", 'key_model_access_denied', 403, 'model')],
    ['key_model_access_denied (401, older releases)', 401, proxyError("key not allowed to access model. This key can only access models=['team-coder']. Tried to access claude-sonnet-4-6", 'key_model_access_denied', 401, 'model')],
    ['team_model_access_denied', 401, proxyError("team not allowed to access model. This team can only access models=['team-coder']. Tried to access claude-sonnet-4-6", 'team_model_access_denied', 401, 'model')],
  ];
  for (const [name, status, body] of denied) {
    test(`model access denied: ${name} → names the model and the admin, not "Set API Key", asked once`, async () => {
      refuse(status, body);
      const d = await ask();
      assert.equal(d.result.finish, 'error');
      assert.notEqual(d.result.failure?.fix, 'setApiKey', d.result.failure?.message);
      assert.match(d.result.failure!.message, /claude-sonnet-4-6/);
      assert.match(d.result.failure!.message, /admin/i);
      assert.equal(gw.chats().length, 1);
    });
  }

  test('rotated key: the old one gets LiteLLM\'s 401 → "Set API Key", and the message never echoes the key', async () => {
    refuse(401, proxyError(`Authentication Error, Invalid proxy server token passed. Received API Key = ${key}, Key Hash (Token) =${randomBytes(32).toString('hex')}. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\``, 'auth_error', 401, 'None'));
    const d = await ask();
    assert.equal(d.result.failure?.code, 'auth');
    assert.equal(d.result.failure?.fix, 'setApiKey');
    assert.ok(!d.result.failure!.message.includes(key), 'the key is in the message');
    assert.ok(!d.result.failure!.message.includes(key.slice(3, 19)), 'part of the key is in the message');
  });

  test('expired key: LiteLLM answers 400 expired_key → "Set API Key" (a new key is the fix), not an unknown error', async () => {
    refuse(400, proxyError('Authentication Error - Expired Key. Key Expiry time 2026-12-01 00:00:00+00:00 and current time 2026-12-07 12:00:00+00:00', 'expired_key', 400, 'None'));
    const d = await ask();
    assert.equal(d.result.failure?.code, 'auth', JSON.stringify(d.result.failure));
    assert.equal(d.result.failure?.fix, 'setApiKey');
  });

  test('key rotated mid-session: the same provider sends the new key on the next request, no restart', async () => {
    let current = key;
    const p = cloud(async () => current);
    const rotated = `sk-${randomBytes(16).toString('hex')}`;
    gw.handler = (r) => (r.auth === `Bearer ${rotated}` ? OK() : { status: 401, json: proxyError('Authentication Error, Invalid proxy server token passed.', 'auth_error', 401, 'None') });
    assert.equal((await ask(p)).result.failure?.code, 'auth');
    current = rotated;
    const d = await ask(p);
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    assert.equal(gw.chats().at(-1)!.auth, `Bearer ${rotated}`);
  });

  test('key rotated while an answer streams: the answer in flight completes on the key it started with', async () => {
    let current = key;
    const p = cloud(async () => current);
    const first = key;
    gw.handler = (r) => (r.auth === `Bearer ${first}` ? { ...OK(), delayMs: 150 } : { status: 401, json: proxyError('Authentication Error', 'auth_error', 401) });
    const inFlight = ask(p);
    await new Promise((r) => setTimeout(r, 30));
    current = `sk-${randomBytes(16).toString('hex')}`;
    const d = await inFlight;
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    assert.equal(gw.chats().length, 1);
  });
});
