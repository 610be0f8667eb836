// Adversarial round on team mode (team9), part 2: what the gateway and vLLM answer. Written before the first run.
// Expectations: vLLM's max_model_len refusals (direct, or wrapped by LiteLLM) tell the user the limit, how far over
// the request is and what fixes it (less context, or the answer's length against --max-model-len); a gateway that
// strips or zeroes stream usage leaves an estimate, labelled so, never a $0 "provider" count; a budget that runs out
// mid-stream keeps what was shown, bills it, and says the answer is cut; LiteLLM's per-team / per-key rate limiter
// (429 with retry-after 60) is asked once and named; a rotated key is asked about at once, and the old key's figures
// are never shown for the new one.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sealForEgress } from '../../../src/core/wire/seal';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { isSaturation } from '../../../src/core/team/overflow';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import type { LedgerRecord } from '../../../src/core/request';
import { answer, chunk, proxyError, ScriptedGateway, type Scripted } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const DEPLOYMENTS = { data: [{ model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', api_base: 'http://10.0.0.7:8000/v1' } }] };
const M = 'Qwen/Qwen2.5-Coder-32B-Instruct';

suite('team9 adversarial: vLLM limits, stripped usage, budgets and rate limits on the wire', function () {
  this.timeout(20_000);
  const gw = new ScriptedGateway();
  let url = '';
  let key = '';
  let onChat: () => Scripted = () => ({ sse: answer(M, ['ok'], { prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 }) });
  suiteSetup(async () => { url = await gw.start(); });
  suiteTeardown(() => gw.close());
  setup(() => {
    gw.requests.length = 0;
    key = `sk-${randomBytes(16).toString('hex')}`;
    gw.handler = (r) => (r.path === '/model/info' ? { json: DEPLOYMENTS } : onChat());
  });
  const apiKey = async () => key;
  const vllm = () => drain(createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(chatBody(M), never()));
  const cloud = () => drain(createOpenAIProvider({ baseUrl: url, location: 'cloud', apiKey, name: 'The LiteLLM gateway', keyName: 'LiteLLM gateway', firstByteTimeoutMs: 5_000 })
    .stream(sealForEgress(chatBody('claude-sonnet-4-6')), never()));
  const privateGroup = () => drain(createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'], info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey, firstByteTimeoutMs: 5_000 })
    .stream(chatBody('team-coder'), never()));
  const vllmError = (message: string) => ({ error: { message, type: 'BadRequestError', param: null, code: 400 } });

  // --- vLLM's max_model_len, as its releases word it ---
  test('vLLM: the prompt alone is over max_model_len → tooLarge, names the limit and the request\'s size', async () => {
    onChat = () => ({ status: 400, json: vllmError("This model's maximum context length is 32768 tokens. However, your request has 40000 input tokens. Please reduce the length of the input messages.") });
    const d = await vllm();
    assert.equal(d.result.failure?.code, 'tooLarge');
    assert.match(d.result.failure!.message, /32[,.\s]?768/);
    assert.match(d.result.failure!.message, /40[,.\s]?000/);
  });

  test('vLLM: max_tokens too large for what is left → says the answer\'s length is the problem and names --max-model-len', async () => {
    onChat = () => ({ status: 400, json: vllmError("'max_tokens' or 'max_completion_tokens' is too large: 8000. This model's maximum context length is 4096 tokens and your request has 2778 input tokens (8000 > 4096 - 2778). None") });
    const d = await vllm();
    assert.equal(d.result.failure?.code, 'tooLarge');
    assert.match(d.result.failure!.message, /4[,.\s]?096/);
    assert.match(d.result.failure!.message, /max-model-len/);
    assert.match(d.result.failure!.message, /answer/i);
  });

  test('vLLM V1 engine: "The decoder prompt (length N) is longer than the maximum model length of M" → tooLarge with M', async () => {
    onChat = () => ({ status: 400, json: vllmError('The decoder prompt (length 40000) is longer than the maximum model length of 32768. Make sure that `max_model_len` is no smaller than the number of text tokens.') });
    const d = await vllm();
    assert.equal(d.result.failure?.code, 'tooLarge');
    assert.match(d.result.failure!.message, /32[,.\s]?768/);
  });

  test('through LiteLLM: ContextWindowExceededError wrapping vLLM → tooLarge with the limit, no exception class names shown', async () => {
    onChat = () => ({ status: 400, json: proxyError("litellm.ContextWindowExceededError: litellm.BadRequestError: Hosted_vllmException - This model's maximum context length is 32768 tokens. However, your request has 40000 input tokens. Please reduce the length of the input messages.. Received Model Group=team-coder\nAvailable Model Group Fallbacks=None", 'None', 400, 'None') });
    const d = await privateGroup();
    assert.equal(d.result.failure?.code, 'tooLarge', JSON.stringify(d.result.failure));
    assert.match(d.result.failure!.message, /32[,.\s]?768/);
    assert.doesNotMatch(d.result.failure!.message, /Hosted_vllmException|litellm\./);
  });

  test('vLLM tooLarge is not retried (the same request cannot fit the second time)', async () => {
    onChat = () => ({ status: 400, json: vllmError("This model's maximum context length is 32768 tokens. However, your request has 40000 input tokens.") });
    await vllm();
    assert.equal(gw.chats().length, 1);
  });

  // --- a gateway that strips or zeroes the stream's usage ---
  test('usage chunk with all counts 0 after a real answer → an estimate, not the provider\'s $0', async () => {
    onChat = () => ({ sse: answer(M, ['a fairly long answer that cannot be zero tokens'], { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }) });
    const d = await vllm();
    assert.equal(d.result.usage.source, 'estimate');
    assert.ok(d.result.usage.output > 0);
  });

  test('usage chunk with completion_tokens null → the output is estimated and named for the recount', async () => {
    onChat = () => ({ sse: answer(M, ['some words here'], { prompt_tokens: 120, completion_tokens: null, total_tokens: null }) });
    const d = await vllm();
    assert.equal(d.result.usage.source, 'estimate');
    assert.ok(d.result.usage.output > 0);
    assert.deepEqual(d.result.estimatedSides, ['output']);
  });

  test('usage stripped and x-litellm-response-cost: 0.0 on the stream → no gateway cost of $0, usage an estimate', async () => {
    onChat = () => ({ headers: { 'x-litellm-response-cost': '0.0' }, sse: answer('claude-sonnet-4-6', ['hello there'], null) });
    const d = await cloud();
    assert.equal(d.result.usage.source, 'estimate');
    assert.equal(d.result.gatewayCostUsd, undefined);
  });

  test('usage stripped to the gateway\'s cost alone ({cost}) → the cost is kept, the tokens are an estimate', async () => {
    onChat = () => ({ sse: [...answer('claude-sonnet-4-6', ['hello there'], null), chunk('claude-sonnet-4-6', { noChoices: true, usage: { cost: 0.0123 } })] });
    const d = await cloud();
    assert.equal(d.result.gatewayCostUsd, 0.0123);
    assert.equal(d.result.usage.source, 'estimate');
  });

  test('OTLP: an estimated record is exported with hybrid.cost.source = estimate', () => {
    const r: LedgerRecord = { v: 1, id: 'e1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm', model: 'claude-sonnet-4-6',
      tokens: { input: 10, output: 5, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, costUsd: 0.0001, ttftMs: 100, totalMs: 300, status: 'ok', outcome: 'stop', reasons: [] };
    const cost = measurementsOf(r).find((m) => m.instrument === 'cost');
    assert.equal(cost?.attributes['hybrid.cost.source'], 'estimate');
  });

  // --- a budget that runs out in the middle of an answer ---
  const midBudget = (): Scripted => ({ sse: [chunk('claude-sonnet-4-6', { content: 'The first half of the answer, ' }), { error: { message: 'Budget has been exceeded! Current cost: 50.01, Max budget: 50.0', type: 'budget_exceeded', param: null, code: '400' } }], noDone: true });

  test('budget exceeded mid-stream: a budget failure that says the answer is cut, the shown text kept and billed', async () => {
    onChat = midBudget;
    const d = await cloud();
    assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
    assert.equal(d.text, 'The first half of the answer, ');
    assert.match(d.result.failure!.message, /incomplete|cut|stopped/i);
    assert.ok(d.result.usage.output > 0, 'the text shown was billed as nothing');
    assert.equal(gw.chats().length, 1);
  });

  test('budget exceeded mid-stream on the private group: budget, never a saturation that overflows to the cloud', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-group': 'team-coder' }, ...midBudget() });
    const d = await privateGroup();
    assert.equal(d.result.failure?.code, 'budget', JSON.stringify(d.result.failure));
    assert.equal(isSaturation(d.result.failure!), false);
  });

  // --- LiteLLM's v3 rate limiter (parallel_request_limiter_v3): 429, retry-after = its window, rate_limit_type ---
  const limited = (who: string, value: string, type: string): Scripted => ({
    status: 429,
    headers: { 'retry-after': '60', rate_limit_type: type, reset_at: '2026-12-07 16:31:00 UTC' },
    json: proxyError(`Rate limit exceeded for ${who}: ${value}. Limit type: ${type}. Current limit: 10, Remaining: 0. Limit resets at: 2026-12-07 16:31:00 UTC`, 'None', 429, 'None'),
  });

  test('team rate limit (429, retry-after 60): asked once, rateLimited with the wait, the message names the team\'s limit', async () => {
    onChat = () => limited('team', 'team-a', 'requests');
    const d = await cloud();
    assert.equal(d.result.failure?.code, 'rateLimited', JSON.stringify(d.result.failure));
    assert.equal(d.result.failure?.retryAfterMs, 60_000);
    assert.equal(gw.chats().length, 1, 'a 60 s team limit was retried at once');
    assert.match(d.result.failure!.message, /team/i);
  });

  test('key token-per-minute limit: the message says tokens, and whose limit it is', async () => {
    onChat = () => limited('api_key', 'f3e2d1c0b9a8', 'tokens');
    const d = await cloud();
    assert.equal(d.result.failure?.code, 'rateLimited');
    assert.match(d.result.failure!.message, /token/i);
    assert.match(d.result.failure!.message, /key/i);
    assert.ok(!d.result.failure!.message.includes('f3e2d1c0b9a8'), 'the key\'s hash is shown');
  });

  test('a short retry-after (1 s) is waited for once and the answer arrives', async () => {
    let n = 0;
    onChat = () => (n++ === 0 ? { ...limited('team', 'team-a', 'requests'), headers: { 'retry-after': '1' } } : { sse: answer('claude-sonnet-4-6', ['ok'], { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 }) });
    const d = await cloud();
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    assert.equal(gw.chats().length, 2);
  });

  test('a per-team rate limit on the private group is a saturation (capacity), not a budget', async () => {
    onChat = () => limited('team', 'team-a', 'requests');
    const d = await privateGroup();
    assert.equal(d.result.failure?.code, 'rateLimited', JSON.stringify(d.result.failure));
    assert.equal(isSaturation(d.result.failure!), true);
  });

  // --- a key rotated in the middle of a session ---
  test('key rotated after /model/info refused the old key: the next private request uses the new key at once', async () => {
    const old = key;
    gw.handler = (r) => (r.auth === `Bearer ${old}` ? { status: 401, json: proxyError('Authentication Error, Invalid proxy server token passed.', 'auth_error', 401) } : r.path === '/model/info' ? { json: DEPLOYMENTS } : { sse: answer(M, ['fine'], { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }) });
    const info = createGatewayInfo({ baseUrl: url, apiKey });
    const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'], info, apiKey, firstByteTimeoutMs: 5_000 });
    const first = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(first.result.failure?.fix, 'setApiKey');
    key = `sk-${randomBytes(16).toString('hex')}`;
    const second = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(second.result.finish, 'stop', JSON.stringify(second.result.failure));
  });

  test('key rotated: /key/info is asked with the new key at once, not after the minute the old answer is kept', async () => {
    gw.handler = (r) => (r.path === '/key/info' ? { json: { key: 'h', info: { spend: r.auth.endsWith(key) ? 1 : 0, max_budget: 10 } } } : onChat());
    const info = createGatewayInfo({ baseUrl: url, apiKey, ttlMs: 60_000 });
    const before = await info.budget();
    key = `sk-${randomBytes(16).toString('hex')}`;
    gw.handler = (r) => (r.path === '/key/info' ? { json: { key: 'h', info: { spend: 7, max_budget: 10 } } } : onChat());
    const after = await info.budget();
    assert.equal(before?.keySpendUsd, 1);
    assert.equal(after?.keySpendUsd, 7);
  });

  test('key rotated: the old key\'s spend from answer headers is never shown as the new key\'s', async () => {
    gw.handler = (r) => (r.path === '/key/info' ? { status: 403, json: { detail: 'Virtual key is not allowed to call this route.' } } : onChat());
    const info = createGatewayInfo({ baseUrl: url, apiKey });
    info.noteAnswer(new Headers({ 'x-litellm-key-spend': '4.5', 'x-litellm-key-max-budget': '5' }));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal((await info.budget())?.keySpendUsd, 4.5);
    key = `sk-${randomBytes(16).toString('hex')}`;
    assert.equal(await info.budget(), undefined);
  });
});
