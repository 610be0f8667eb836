// spend7 audit, part 1: stream shapes and names not billed by hand before, each through the whole Ask pipeline (the
// real Anthropic / OpenAI SDK against the independent fakes), then the day read back as panel, status bar, ledger,
// CSV and JSON. Written before any product change; the first-run failures are in docs/spend.md ("Seventh audit").
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-opus-4-1 in 15, write 5m 18.75, 1h 30, read 1.5, out 75      claude-sonnet-4-6 in 3, read 0.3, out 15
//   claude-haiku-4-5 in 1, out 5     claude-3-7-sonnet in 3, out 15
//   claude-sonnet-4-5 above 200k prompt tokens: in 6, write 5m 7.5, 1h 12, read 0.6, out 22.5
//   gpt-4.1 in 2, cached 0.5, out 8      gpt-audio-mini in 0.6, audio in 10, out 2.4, audio out 20
//   ft:gpt-4o-mini in 0.3, out 1.2 (the fine-tune price; base gpt-4o-mini is 0.15 / 0.6)      o1-pro in 150, out 600, no cache price
// The answer is 52 characters in 11 deltas (11 output tokens where the fake counts them).
import * as assert from 'node:assert/strict';
import type { HybridSettings } from '../../../src/core/settings';
import { AskRig, sentText } from './fixtures/askRig';
import { DayBook, near } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.';
const NOW = new Date(2026, 11, 7, 11).getTime();
const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, 'fallback.cloudToLocal': false });
const oa = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': model, 'fallback.cloudToLocal': false });

suite('spend7 / hand bills: stream usage that repeats, names, tiers, audio, gateways', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const anth = async (model: string, anthropic: object) => (await rig.runOne(an(model), { anthropic })).record;
  const open = async (model: string, openai: object) => (await rig.runOne(oa(model), { openai })).record;

  test('T1 opus 4.1 answered as claude-opus-4-1-20250805, 1000 in, 1200 5 m + 800 1 h writes: 1000×15 + 1200×18.75 + 800×30 + 11×75 = 15000 + 22500 + 24000 + 825 = 62325 µ$', async () => {
    const r = await anth('claude-opus-4-1', { servedModel: 'claude-opus-4-1-20250805', usage: { input: 1000, cacheRead: 0, cacheWrite: 2000, cacheWrite1h: 800 } });
    day.book(r, 62_325);
    assert.equal(r.tokens.cacheWrite, 1200);
    assert.equal(r.tokens.cacheWrite1h, 800);
  });

  test('T2 two cumulative message_delta events (output 5, then 11): the last replaces, never adds — 2000×3 + 1000×0.3 + 11×15 = 6000 + 300 + 165 = 6465 µ$', async () => {
    const r = await anth('claude-sonnet-4-6', { deltaUsage: 'cumulative', usage: { input: 2000, cacheRead: 1000, cacheWrite: 0 },
      earlierDeltas: [{ input_tokens: 2000, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: 5 }] });
    day.book(r, 6465);
    assert.equal(r.tokens.output, 11);
  });

  test('T3 3 web searches named only in message_delta (message_start has none): tokens only, 5000×1 + 11×5 = 5055 µ$, the 3 searches kept', async () => {
    const r = await anth('claude-haiku-4-5', { usage: { input: 5000, cacheRead: 0, cacheWrite: 0 }, deltaExtraUsage: { server_tool_use: { web_search_requests: 3 } } });
    day.book(r, 5055);
    assert.equal(r.tokens.webSearches, 3);
  });

  test('T4 a proxy\'s message_delta zeroes the 2 web searches message_start reported: still 2 (a cumulative count never falls), 5000×1 + 11×5 = 5055 µ$', async () => {
    const r = await anth('claude-haiku-4-5', { usage: { input: 5000, cacheRead: 0, cacheWrite: 0 },
      extraUsage: { server_tool_use: { web_search_requests: 2 } }, deltaExtraUsage: { server_tool_use: { web_search_requests: 0 } } });
    day.book(r, 5055);
    assert.equal(r.tokens.webSearches, 2);
  });

  test('T5 web fetches only (server_tool_use.web_fetch_requests 2; no fee beyond tokens): 2000×1 + 11×5 = 2055 µ$, no search fee said', async () => {
    const r = await anth('claude-haiku-4-5', { usage: { input: 2000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { server_tool_use: { web_search_requests: 0, web_fetch_requests: 2 } } });
    day.book(r, 2055);
    assert.equal(r.tokens.webSearches, undefined);
  });

  test('T6 usage.service_tier "batch" (the table has no batch prices): unknown price, not the standard 1000×3 + 11×15 = 3165 µ$', async () => {
    const r = await anth('claude-sonnet-4-6', { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { service_tier: 'batch' } });
    day.book(r, null);
    assert.equal(r.tokens.serviceTier, 'batch');
  });

  test('T7 sonnet 4.5 pushed past 200k by its 1 h writes (1000 + 100000 read + 50000 5 m + 50000 1 h = 201000): 1000×6 + 100000×0.6 + 50000×7.5 + 50000×12 + 11×22.5 = 6000 + 60000 + 375000 + 600000 + 247.5 = 1041247.5 µ$', async () => {
    const r = await anth('claude-sonnet-4-5', { servedModel: 'claude-sonnet-4-5-20250929', usage: { input: 1000, cacheRead: 100_000, cacheWrite: 100_000, cacheWrite1h: 50_000 } });
    day.book(r, 1_041_247.5);
  });

  test('T8 the alias claude-3-7-sonnet-latest answered as claude-3-7-sonnet-20250219: 1000×3 + 11×15 = 3165 µ$', async () => {
    const r = await anth('claude-3-7-sonnet-latest', { servedModel: 'claude-3-7-sonnet-20250219', usage: { input: 1000, cacheRead: 0, cacheWrite: 0 } });
    day.book(r, 3165);
  });

  test('T9 a server sending a running usage on every chunk (vLLM continuous_usage_stats), then the final one: the last replaces, 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await open('gpt-4.1', { continuousUsage: true, usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, 2088);
    assert.equal(r.tokens.source, 'provider');
  });

  test('T10 a proxy re-sends a zeroed usage after the real one: the zeros do not replace counts (a cumulative figure never falls), 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await open('gpt-4.1', { usage: { prompt: 1000, cached: 0, reasoning: 0 }, trailingUsage: [{ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }] });
    day.book(r, 2088);
  });

  test('T11 a proxy re-sends an empty usage {} after the real one: the real counts stay, provider-counted, 2088 µ$', async () => {
    const r = await open('gpt-4.1', { usage: { prompt: 1000, cached: 0, reasoning: 0 }, trailingUsage: [{}] });
    day.book(r, 2088);
    assert.equal(r.tokens.source, 'provider');
  });

  test('T12 predicted outputs: 5 accepted and 40 rejected prediction tokens are already inside completion_tokens 56: 1000×2 + 56×8 = 2000 + 448 = 2448 µ$', async () => {
    const r = await open('gpt-4.1', { rawUsage: { prompt_tokens: 1000, completion_tokens: 56, total_tokens: 1056, prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, accepted_prediction_tokens: 5, rejected_prediction_tokens: 40 } } });
    day.book(r, 2448);
  });

  test('T13 gpt-audio-mini in the Responses shape (600 of 1000 input audio, 250 of 300 output audio): 400×0.6 + 600×10 + 50×2.4 + 250×20 = 240 + 6000 + 120 + 5000 = 11360 µ$', async () => {
    const r = await open('gpt-audio-mini', { servedModel: 'gpt-audio-mini-2025-10-06', rawUsage: { input_tokens: 1000, input_tokens_details: { cached_tokens: 0, audio_tokens: 600 },
      output_tokens: 300, output_tokens_details: { reasoning_tokens: 0, audio_tokens: 250 }, total_tokens: 1300 } });
    day.book(r, 11_360);
  });

  test('T14 a gateway\'s usage.cost on a flex-tier request: the gateway\'s $0.0004 is the bill (it knows its tier price), not "unknown"', async () => {
    const r = await open('gpt-5.4-mini', { serviceTier: 'flex', rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, cost: 0.0004 } });
    day.book(r, 400);
  });

  test('T15 a gateway\'s negative usage.cost (-0.001) is no bill: the table\'s 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await open('gpt-4.1', { rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, cost: -0.001 } });
    day.book(r, 2088);
  });

  test('T16 LiteLLM in front of sonnet 4.5 past 200k (10000 input + 40000 1 h writes + 200000 reads): 10000×6 + 40000×12 + 200000×0.6 + 11×22.5 = 60000 + 480000 + 120000 + 247.5 = 660247.5 µ$', async () => {
    const r = await open('team-sonnet', { servedModel: 'claude-sonnet-4-5-20250929', rawUsage: {
      prompt_tokens: 250_000, completion_tokens: 11, total_tokens: 250_011,
      prompt_tokens_details: { cached_tokens: 200_000, text_tokens: 10_000, cache_creation_tokens: 40_000, cache_creation_token_details: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 40_000 } },
      cache_creation_input_tokens: 40_000, cache_read_input_tokens: 200_000,
    } });
    day.book(r, 660_247.5);
  });

  test('T17 the gateway bills $0.0025 where our table says 1000×2 + 11×8 = 2088 µ$: 2500 µ$ is the bill, the table\'s figure kept beside it', async () => {
    const r = await open('gpt-4.1', { rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, cost: 0.0025 } });
    day.book(r, 2500);
    near(r.tableCostUsd, 2088, 'table figure beside the gateway');
  });

  test('T18 a fine-tuned ft:gpt-4o-mini-2024-07-18:acme::x1 at the fine-tune price: 1000×0.3 + 11×1.2 = 300 + 13.2 = 313.2 µ$ (base would be 156.6)', async () => {
    const r = await open('ft:gpt-4o-mini-2024-07-18:acme::x1', { servedModel: 'ft:gpt-4o-mini-2024-07-18:acme::x1', usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, 313.2);
  });

  test('T19 a fine-tune the table has no price for (ft:gpt-4.1-mini-2025-04-14:acme::x2): unknown price, not the base model\'s', async () => {
    const r = await open('ft:gpt-4.1-mini-2025-04-14:acme::x2', { servedModel: 'ft:gpt-4.1-mini-2025-04-14:acme::x2', usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, null);
  });

  test('T20 o1-pro with 500 cached of 1000 (no cache price: cached at the input price): 1000×150 + 11×600 = 150000 + 6600 = 156600 µ$', async () => {
    const r = await open('o1-pro', { servedModel: 'o1-pro-2025-03-19', usage: { prompt: 1000, cached: 500, reasoning: 0 } });
    day.book(r, 156_600);
  });

  test('T21 Stop after 4 words on a server with running usage (prompt 1000, completion 4 so far): input as reported, output estimated and labelled — 1000×2 + max(4, ceil(streamed/4))×8 µ$', async () => {
    const run = await rig.run({ settings: oa('gpt-4.1'), openai: { continuousUsage: true, usage: { prompt: 1000, cached: 0, reasoning: 0 }, delivery: { gapMs: 5 } }, stopAfter: 4 });
    assert.equal(run.records.length, 1);
    const r = run.records[0]!;
    assert.ok(run.streamed.length > 0 && run.streamed.length < ANSWER.length, run.streamed);
    assert.equal(r.tokens.input, 1000, `the prompt as the server counted it, not ceil(${sentText(rig.openai.seen.at(-1)!.json).length}/4)`);
    day.book(r, 2000 + Math.max(4, Math.ceil(run.streamed.length / 4)) * 8);
    assert.equal(r.tokens.source, 'estimate');
    assert.equal(r.status, 'cancelled');
  });

  test('the day: panel, status bar, ledger, CSV and JSON equal Σ hand bills; batch and the unpriced fine-tune say "unpriced"', async () => {
    assert.equal(day.billed.length, 21);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});
