// Hand-priced bills for the paths beside the price table: a gateway that reports its own cost (LiteLLM's usage.cost
// or x-litellm-response-cost) is the bill, with our table's figure kept beside it; OpenAI's Responses usage shape
// (input_tokens includes cached ones, output_tokens includes reasoning) prices like Chat Completions.
import * as assert from 'node:assert/strict';
import { SpendModel, costOfProviderUsage } from '../../../src/core/spend';
import { costDifferenceNote, gatewayCostOf } from '../../../src/core/team/gateway';
import { record } from './fixtures/records';

const near = (got: number | undefined | null, want: number, what: string): void => {
  assert.ok(typeof got === 'number' && Math.abs(got - want) < 1e-9, `${what}: ${got} ≠ ${want}`);
};

suite('spend / gateway-reported costs and the Responses usage shape, by hand', () => {
  test('the gateway\'s usage.cost wins over its header; the table figure is shown beside it when they differ', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 500, cost: 0.0123 };
    assert.equal(gatewayCostOf(usage, '0.5'), 0.0123);
    assert.equal(gatewayCostOf({ prompt_tokens: 1 }, '0.000042'), 0.000042);
    assert.equal(gatewayCostOf({ prompt_tokens: 1 }, ''), undefined);
    // Our table for gpt-4.1: 1000×2 + 500×8 = 6000 µ$.
    const table = costOfProviderUsage('openai', 'openai/gpt-4.1', usage).costUsd;
    near(table, 0.006, 'table');
    assert.equal(costDifferenceNote(table, 0.0123), 'The gateway billed $0.012300; our price table says $0.006000 (difference +$0.006300).');
    assert.equal(costDifferenceNote(table, 0.0060000004), undefined, 'sub-micro-dollar rounding is agreement');
    assert.match(costDifferenceNote(undefined, 0.0123) ?? '', /no price for this model in our table/);
  });

  test('ledger records carrying the gateway\'s bill sum to the gateway\'s figures, not the table\'s', () => {
    const m = new SpendModel();
    const t = new Date(2026, 10, 22, 10).toISOString();
    m.add(record('g1', { time: t, provider: 'openai', model: 'openai/gpt-4.1', costUsd: 0.0123, tableCostUsd: 0.006 }));
    m.add(record('g2', { time: t, provider: 'openai', model: 'team-coder', costUsd: 0.0007, tableCostUsd: null }));
    near(m.snapshot(new Date(2026, 10, 22, 18)).month.cloudUsd, 0.013, 'month');
    assert.equal(m.snapshot(new Date(2026, 10, 22, 18)).month.unknownPriceRequests, 0, 'a gateway-priced model is not "unknown"');
  });

  test('Responses API shape: cached inside input_tokens, reasoning inside output_tokens (o3: 10000×2 + 10000×0.5 + 4000×8)', () => {
    const raw = { input_tokens: 20_000, input_tokens_details: { cached_tokens: 10_000 }, output_tokens: 4000, output_tokens_details: { reasoning_tokens: 3500 }, total_tokens: 24_000 };
    const r = costOfProviderUsage('openai', 'o3-2025-04-16', raw);
    assert.deepEqual([r.usage.input, r.usage.cacheRead, r.usage.output], [10_000, 10_000, 4000]);
    near(r.costUsd, 0.057, 'o3 responses');
  });

  test('Responses API past gpt-5.4\'s 272k tier (300000 input, 100000 cached: 200000×5 + 100000×0.5 + 2000×22.5)', () => {
    const raw = { input_tokens: 300_000, input_tokens_details: { cached_tokens: 100_000 }, output_tokens: 2000 };
    near(costOfProviderUsage('openai', 'gpt-5.4-2026-03-05', raw).costUsd, 1.095, 'gpt-5.4 responses tier');
  });
});

suite('spend / gateway model names', () => {
  test('a router\'s own prefix in front of the provider\'s: priced as the provider\'s model; cloud platforms stay unknown', () => {
    // gpt-4.1: 1000×2 + 1000×8 = 10000 µ$; Sonnet 4.5: 1000×3 + 1000×15 = 18000 µ$.
    const oa = { prompt_tokens: 1000, completion_tokens: 1000 };
    near(costOfProviderUsage('openai', 'litellm_proxy/openai/gpt-4.1', oa).costUsd, 0.01, 'litellm_proxy/openai/gpt-4.1');
    near(costOfProviderUsage('openai', 'openrouter/anthropic/claude-sonnet-4.5', oa).costUsd, 0.018, 'openrouter/anthropic/…');
    // Bedrock bills its own (regional) prices: not the table's, so "unknown", never $0.
    assert.equal(costOfProviderUsage('anthropic', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', { input_tokens: 1000, output_tokens: 1000 }).costUsd, undefined);
  });
});
