// spend4 audit, part 2: team mode through a LiteLLM-style gateway (its usage.cost, its x-litellm-response-cost header,
// a gateway that reports no cost, a Claude group's cache tokens in LiteLLM's OpenAI-format usage), reasoning and cache
// writes on OpenAI, long-context tiers at and past their thresholds, dated ids and aliases, a model missing from the
// table, and a price correction mid-month — each through the whole Ask pipeline, then the day read back.
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-sonnet-4-5 in 3, read 0.3, write 5m 3.75, 1h 6, out 15; above 200k: 6, 0.6, 7.5, 12, 22.5
//   gpt-5.4 in 2.5, cached 0.25, out 15; above 272k: 5, 0.5, 22.5     gpt-5.6-terra in 2, cached 0.2, write 2.5, out 12
//   gpt-5.6-sol in 5, out 30     gpt-5.5 in 5, cached 0.5, out 30     gpt-4.1-mini in 0.4, out 1.6     gpt-4.1 in 2, out 8
//   claude-haiku-4-5 in 1, out 5     claude-sonnet-5 in 2, out 10 (the $3/$15 step of 2026-09-01 never applied)
// LiteLLM's usage for a Claude group (litellm/llms/anthropic/chat/transformation.py, calculate_usage): prompt_tokens =
// input + cache writes + cache reads; prompt_tokens_details.cached_tokens = reads, .cache_creation_tokens = writes,
// .cache_creation_token_details = the 5 m / 1 h split; cache_creation_input_tokens / cache_read_input_tokens on top.
import * as assert from 'node:assert/strict';
import type { HybridSettings } from '../../../src/core/settings';
import { AskRig } from './fixtures/askRig';
import { DayBook, near } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 output tokens
const NOW = new Date(2026, 11, 7, 11).getTime();
const team = (group: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': group });
const oa = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': model });
const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model });

/** LiteLLM's OpenAI-format usage for a Claude deployment: raw input, writes (5 m + 1 h), reads, 11 output. */
function litellmClaude(input: number, w5: number, w1h: number, read: number, opts: { ttl?: boolean; cost?: number } = {}): Record<string, unknown> {
  const writes = w5 + w1h;
  return {
    prompt_tokens: input + writes + read, completion_tokens: 11, total_tokens: input + writes + read + 11,
    // Older LiteLLM releases put only cached_tokens in the details; newer ones add the writes and their TTL split.
    prompt_tokens_details: { cached_tokens: read, text_tokens: input,
      ...(opts.ttl ? { cache_creation_tokens: writes, cache_creation_token_details: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1h } } : {}) },
    completion_tokens_details: { reasoning_tokens: 0, text_tokens: 11 },
    cache_creation_input_tokens: writes, cache_read_input_tokens: read, ...(opts.cost !== undefined ? { cost: opts.cost } : {}),
  };
}

suite('spend4 / hand bills: team gateway, reasoning, cache writes, tiers, aliases, unknown models', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const one = (settings: Partial<HybridSettings>, who: { openai?: object; anthropic?: object }) => rig.runOne(settings, who);

  test('G1 gateway Claude group (an older LiteLLM: writes only as cache_creation_input_tokens), no cost reported, billed as 5 m writes: 1000×3 + 4000×3.75 + 8000×0.3 + 11×15 = 3000 + 15000 + 2400 + 165 = 20565 µ$', async () => {
    const r = await one(team('team-sonnet'), { openai: { servedModel: 'claude-sonnet-4-5-20250929', rawUsage: litellmClaude(1000, 4000, 0, 8000) } });
    day.book(r.records[0]!, 20_565);
  });

  test('G2 the same with LiteLLM\'s 5 m / 1 h split: 1000×3 + 3000×3.75 + 1000×6 + 8000×0.3 + 11×15 = 3000 + 11250 + 6000 + 2400 + 165 = 22815 µ$', async () => {
    const r = await one(team('team-sonnet'), { openai: { servedModel: 'claude-sonnet-4-5-20250929', rawUsage: litellmClaude(1000, 3000, 1000, 8000, { ttl: true }) } });
    day.book(r.records[0]!, 22_815);
    assert.equal(r.records[0]!.tokens.cacheWrite1h, 1000);
  });

  test('G3 the gateway reports usage.cost $0.022815 for that request: its figure is the bill, and it agrees with the table', async () => {
    const r = await one(team('team-sonnet'), { openai: { servedModel: 'claude-sonnet-4-5-20250929', rawUsage: litellmClaude(1000, 3000, 1000, 8000, { ttl: true, cost: 0.022815 }) } });
    day.book(r.records[0]!, 22_815);
    if (r.records[0]!.tableCostUsd !== undefined) near(r.records[0]!.tableCostUsd, 22_815, 'table beside the gateway');
  });

  test('G4 a self-hosted group the table does not know, no cost reported: unpriced, not $0', async () => {
    const r = await one(team('team-coder'), { openai: { servedModel: 'hosted_vllm/qwen2.5-coder-32b', rawUsage: { prompt_tokens: 3000, completion_tokens: 11, total_tokens: 3011 } } });
    day.book(r.records[0]!, null);
  });

  test('G5 the same group with usage.cost 0.000321 (the admin priced it): the gateway\'s 321 µ$', async () => {
    const r = await one(team('team-coder'), { openai: { servedModel: 'hosted_vllm/qwen2.5-coder-32b', rawUsage: { prompt_tokens: 3000, completion_tokens: 11, total_tokens: 3011, cost: 0.000321 } } });
    day.book(r.records[0]!, 321);
  });

  test('G6 a stream carrying x-litellm-response-cost: 0.0 (set before any token) and no usage.cost: the table, 3000×2 + 11×8 = 6088 µ$', async () => {
    const r = await one(team('openai/gpt-4.1'), { openai: { servedModel: 'gpt-4.1-2025-04-14', headers: { 'x-litellm-response-cost': '0.0' }, usage: { prompt: 3000, cached: 0, reasoning: 0 } } });
    day.book(r.records[0]!, 6088);
  });

  test('G7 gpt-5.6-terra, cache writes (cache_write_tokens) and 100 reasoning tokens: 2000×2 + 6000×0.2 + 2000×2.5 + 111×12 = 4000 + 1200 + 5000 + 1332 = 11532 µ$', async () => {
    const r = await one(oa('gpt-5.6-terra'), { openai: { servedModel: 'gpt-5.6-terra-2026-10-01', usage: { prompt: 10_000, cached: 6000, cacheWrite: 2000, reasoning: 100 } } });
    day.book(r.records[0]!, 11_532);
  });

  test('G8 gpt-5.4 past 272k (300000 prompt, 100000 cached): 200000×5 + 100000×0.5 + 11×22.5 = 1000000 + 50000 + 247.5 = 1050247.5 µ$', async () => {
    const r = await one(oa('gpt-5.4'), { openai: { usage: { prompt: 300_000, cached: 100_000, reasoning: 0 } } });
    day.book(r.records[0]!, 1_050_247.5);
  });

  test('G9 gpt-5.4 at exactly 272000 prompt tokens (not above): 172000×2.5 + 100000×0.25 + 11×15 = 430000 + 25000 + 165 = 455165 µ$', async () => {
    const r = await one(oa('gpt-5.4'), { openai: { usage: { prompt: 272_000, cached: 100_000, reasoning: 0 } } });
    day.book(r.records[0]!, 455_165);
  });

  test('G10 sonnet 4.5 past 200k, reads and writes counted toward it: 150000×6 + 60000×0.6 + 10000×7.5 + 11×22.5 = 900000 + 36000 + 75000 + 247.5 = 1011247.5 µ$', async () => {
    const r = await one(an('claude-sonnet-4-5'), { anthropic: { servedModel: 'claude-sonnet-4-5-20250929', usage: { input: 150_000, cacheRead: 60_000, cacheWrite: 10_000 } } });
    day.book(r.records[0]!, 1_011_247.5);
  });

  test('G11 sonnet 4.5 at exactly 200000 prompt-side tokens: base prices, 130000×3 + 60000×0.3 + 10000×3.75 + 11×15 = 390000 + 18000 + 37500 + 165 = 445665 µ$', async () => {
    const r = await one(an('claude-sonnet-4-5'), { anthropic: { usage: { input: 130_000, cacheRead: 60_000, cacheWrite: 10_000 } } });
    day.book(r.records[0]!, 445_665);
  });

  test('G12 alias "gpt-5.6" answered as gpt-5.6-sol-2026-09-30: sol\'s row, 1000×5 + 11×30 = 5330 µ$', async () => {
    const r = await one(oa('gpt-5.6'), { openai: { servedModel: 'gpt-5.6-sol-2026-09-30', usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(r.records[0]!, 5330);
  });

  test('G13 gpt-5.5 answered as gpt-5.5-2026-04-24: 1000×5 + 1000×0.5 + 11×30 = 5830 µ$', async () => {
    const r = await one(oa('gpt-5.5'), { openai: { servedModel: 'gpt-5.5-2026-04-24', usage: { prompt: 2000, cached: 1000, reasoning: 0 } } });
    day.book(r.records[0]!, 5830);
  });

  test('G14 a snapshot newer than the table (gpt-4.1-mini-2026-11-30) is billed at the alias asked for: 1000×0.4 + 11×1.6 = 417.6 µ$', async () => {
    const r = await one(oa('gpt-4.1-mini'), { openai: { servedModel: 'gpt-4.1-mini-2026-11-30', usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(r.records[0]!, 417.6);
  });

  test('G15 claude-haiku-4-5 answered as claude-haiku-4-5-20251001: 8000×1 + 11×5 = 8055 µ$', async () => {
    const r = await one(an('claude-haiku-4-5'), { anthropic: { servedModel: 'claude-haiku-4-5-20251001', usage: { input: 8000, cacheRead: 0, cacheWrite: 0 } } });
    day.book(r.records[0]!, 8055);
  });

  test('G16 a model missing from the table (gpt-7-preview): unpriced everywhere, never $0', async () => {
    const r = await one(oa('gpt-7-preview'), { openai: { servedModel: 'gpt-7-preview', usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(r.records[0]!, null);
  });

  test('G17 a router prefix (openrouter/openai/gpt-4.1) prices as gpt-4.1: 1500×2 + 500×0.5 + 11×8 = 3000 + 250 + 88 = 3338 µ$', async () => {
    const r = await one(team('openrouter/openai/gpt-4.1'), { openai: { servedModel: 'openrouter/openai/gpt-4.1', usage: { prompt: 2000, cached: 500, reasoning: 0 } } });
    day.book(r.records[0]!, 3338);
  });

  test('G18 a hybrid.pricing correction mid-month: the earlier record keeps its price, the later one takes the new one (gpt-4.1: 1000×2 + 11×8 = 2088 µ$, then at $3/$12: 3000 + 132 = 3132 µ$)', async () => {
    const before = await one(oa('gpt-4.1'), { openai: { usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(before.records[0]!, 2088);
    const after = await one({ ...oa('gpt-4.1'), pricing: { 'gpt-4.1': { input: 3, output: 12 } } }, { openai: { usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(after.records[0]!, 3132);
  });

  test('G19 sonnet 5 either side of the 2026-09-01 step that never applied: $2/$10 both days, 1000×2 + 11×10 = 2110 µ$ each', async () => {
    for (const at of [new Date(2026, 7, 31, 23, 30).getTime(), new Date(2026, 8, 1, 0, 30).getTime()]) {
      const side = new AskRig(ANSWER, at);
      await side.open();
      try {
        const r = await side.run({ settings: an('claude-sonnet-5'), anthropic: { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 } } });
        near(r.records[0]!.costUsd, 2110, `sonnet 5 at ${new Date(at).toISOString()}`);
      } finally { await side.close(); }
    }
  });

  test('the day: panel, status bar, ledger on disk, CSV and JSON equal Σ hand bills (two unpriced, shown as such)', async () => {
    assert.equal(day.billed.length, 19);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});
