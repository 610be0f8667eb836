// spend6 audit, part 1 (OpenAI): usage shapes not billed by hand before — the Responses shape, a gateway mixing both
// shapes, null details, reasoning models, audio and image token details, the service tier the API echoes, a Stop on
// a reasoning model, retries, an OpenRouter-style usage.cost, an alias and a long-context tier in the Responses shape.
// Each runs through the whole Ask pipeline (real OpenAI SDK against the independent fake), then the day is read back.
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   gpt-4.1 in 2, cached 0.5, out 8        gpt-5.4-mini in 0.75, cached 0.075, out 4.5      o3 in 2, cached 0.5, out 8
//   o3-mini in 1.1, cached 0.55, out 4.4   o4-mini in 1.1, cached 0.275, out 4.4
//   gpt-4o-audio-preview in 2.5, out 10 (no audio prices: audio at the text prices)
//   gpt-image-1 in 5, image in 10, cached 1.25, cached image 2.5, out 40
//   gpt-5.4 in 2.5, cached 0.25, out 15; above 272k input: 5, 0.5, 22.5
// The reference has no price for a service tier (flex, priority, scale): a request the API says ran on one is not
// billed at the standard price as if it were the bill — it is "unknown price", labelled, never a wrong figure.
// The rig counts tokens as ceil(chars / 4); the answer is 52 characters (13 estimated tokens), 11 deltas.
import * as assert from 'node:assert/strict';
import type { HybridSettings } from '../../../src/core/settings';
import { AskRig, sentText } from './fixtures/askRig';
import { DayBook } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.';
const NOW = new Date(2026, 11, 7, 11).getTime();
const oa = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': model, 'fallback.cloudToLocal': false });

suite('spend6 / hand bills: OpenAI usage shapes, tiers, reasoning, audio and images', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const one = async (model: string, openai: object) => (await rig.runOne(oa(model), { openai })).record;
  const sent = () => Math.ceil(sentText(rig.openai.seen.at(-1)!.json).length / 4);

  test('S1 the Responses shape (input_tokens, input_tokens_details.cached_tokens, output_tokens with 300 reasoning) on gpt-5.4-mini: 2000×0.75 + 3000×0.075 + 311×4.5 = 1500 + 225 + 1399.5 = 3124.5 µ$', async () => {
    const r = await one('gpt-5.4-mini', { servedModel: 'gpt-5.4-mini-2026-03-17', rawUsage: {
      input_tokens: 5000, input_tokens_details: { cached_tokens: 3000 }, output_tokens: 311, output_tokens_details: { reasoning_tokens: 300 }, total_tokens: 5311,
    } });
    day.book(r, 3124.5);
    assert.equal(r.tokens.source, 'provider');
    assert.equal(r.tokens.cacheRead, 3000);
  });

  test('S2 a gateway sending both shapes, the cached count only in input_tokens_details: 2000×2 + 2000×0.5 + 11×8 = 4000 + 1000 + 88 = 5088 µ$', async () => {
    const r = await one('gpt-4.1', { rawUsage: {
      prompt_tokens: 4000, completion_tokens: 11, total_tokens: 4011,
      input_tokens: 4000, output_tokens: 11, input_tokens_details: { cached_tokens: 2000 }, output_tokens_details: { reasoning_tokens: 0 },
    } });
    day.book(r, 5088);
  });

  test('S3 a compatible server\'s null details (prompt_tokens_details: null): 1000×2 + 11×8 = 2088 µ$, provider-counted', async () => {
    const r = await one('gpt-4.1', { rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, prompt_tokens_details: null, completion_tokens_details: null } });
    day.book(r, 2088);
    assert.equal(r.tokens.source, 'provider');
  });

  test('S4 o3-mini (answered as o3-mini-2025-01-31), 1024 cached, 500 reasoning: 976×1.1 + 1024×0.55 + 511×4.4 = 1073.6 + 563.2 + 2248.4 = 3885.2 µ$', async () => {
    const r = await one('o3-mini', { servedModel: 'o3-mini-2025-01-31', usage: { prompt: 2000, cached: 1024, reasoning: 500 } });
    day.book(r, 3885.2);
  });

  test('S5 o4-mini, 600 hidden reasoning tokens for an 11-token answer: 1200×1.1 + 611×4.4 = 1320 + 2688.4 = 4008.4 µ$', async () => {
    const r = await one('o4-mini', { servedModel: 'o4-mini-2025-04-16', usage: { prompt: 1200, cached: 0, reasoning: 600 } });
    day.book(r, 4008.4);
    assert.equal(r.tokens.output, 611);
  });

  test('S6 gpt-4o-audio-preview, 400 audio in and 200 audio out (no audio prices in the table: the text prices): 1000×2.5 + 211×10 = 2500 + 2110 = 4610 µ$', async () => {
    const r = await one('gpt-4o-audio-preview', { servedModel: 'gpt-4o-audio-preview-2024-12-17', rawUsage: {
      prompt_tokens: 1000, completion_tokens: 211, total_tokens: 1211,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 400 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 200 },
    } });
    day.book(r, 4610);
  });

  test('S7 gpt-image-1 with 800 image tokens of 1000 input (input_tokens_details.image_tokens): 200×5 + 800×10 + 11×40 = 1000 + 8000 + 440 = 9440 µ$', async () => {
    const r = await one('gpt-image-1', { servedModel: 'gpt-image-1', rawUsage: {
      input_tokens: 1000, input_tokens_details: { text_tokens: 200, image_tokens: 800 }, output_tokens: 11, total_tokens: 1011,
    } });
    day.book(r, 9440);
  });

  test('S8 gpt-4.1 with image_tokens in prompt_tokens_details (no image price: images are text tokens): 3000×2 + 11×8 = 6088 µ$', async () => {
    const r = await one('gpt-4.1', { rawUsage: { prompt_tokens: 3000, completion_tokens: 11, total_tokens: 3011, prompt_tokens_details: { cached_tokens: 0, image_tokens: 1000 } } });
    day.book(r, 6088);
  });

  test('S9 service_tier "flex" echoed by the API (no flex price in the table): unknown price, not the standard 1000×0.75 + 11×4.5 = 799.5 µ$', async () => {
    const run = await rig.runOne(oa('gpt-5.4-mini'), { openai: { serviceTier: 'flex', usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(run.record, null);
    // Added after the fix: the footer says why the cost is unknown (the record keeps the tier).
    const done = run.events.find((e) => e.type === 'done') as { footer: { notes: string[] } } | undefined;
    assert.ok(done?.footer.notes.some((n) => n.includes('"flex" service tier')), JSON.stringify(done?.footer.notes));
    assert.equal(run.record.tokens.serviceTier, 'flex');
  });

  test('S10 service_tier "priority" (no priority price in the table): unknown price, not the standard 2088 µ$', async () => {
    const r = await one('gpt-4.1', { serviceTier: 'priority', usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, null);
  });

  test('S11 service_tier "default" is the standard price: 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await one('gpt-4.1', { serviceTier: 'default', usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, 2088);
  });

  test('S12 Stop after 4 words on gpt-5.4-mini (no usage chunk came): ceil(sent/4)×0.75 + ceil(streamed/4)×4.5 µ$, labelled, cancelled', async () => {
    const run = await rig.run({ settings: oa('gpt-5.4-mini'), openai: { usage: { prompt: 999, cached: 0, reasoning: 0 }, delivery: { gapMs: 5 } }, stopAfter: 4 });
    assert.equal(run.records.length, 1);
    const r = run.records[0]!;
    assert.ok(run.streamed.length > 0 && run.streamed.length < ANSWER.length, run.streamed);
    day.book(r, sent() * 0.75 + Math.ceil(run.streamed.length / 4) * 4.5);
    assert.equal(r.tokens.source, 'estimate');
    assert.equal(r.status, 'cancelled');
  });

  test('S13 a 500 twice, then o4-mini answers (3 attempts on the wire): billed once, 1200×1.1 + 611×4.4 = 4008.4 µ$', async () => {
    const r = await one('o4-mini', { statusTimes: 2, status: { code: 500, type: 'server_error', code_: null, message: 'oops' }, usage: { prompt: 1200, cached: 0, reasoning: 600 } });
    day.book(r, 4008.4);
    assert.equal(rig.openai.seen.length, 3);
  });

  test('S14 an unknown model answered under a dated name (gpt-7-preview-2027-01-01): unknown price, not $0', async () => {
    const r = await one('gpt-7-preview', { servedModel: 'gpt-7-preview-2027-01-01', usage: { prompt: 1000, cached: 0, reasoning: 0 } });
    day.book(r, null);
  });

  test('S15 an OpenRouter-style usage.cost with cost_details, served as openai/gpt-4.1: the gateway\'s 420 µ$ is the bill', async () => {
    const r = await one('openai/gpt-4.1', { servedModel: 'openai/gpt-4.1', rawUsage: {
      prompt_tokens: 200, completion_tokens: 11, total_tokens: 211, cost: 0.00042, is_byok: false,
      cost_details: { upstream_inference_cost: null, upstream_inference_prompt_cost: 0.0004, upstream_inference_completions_cost: 0.00002 },
    } });
    day.book(r, 420);
  });

  test('S16 the alias o3 answered as o3-2025-04-16, 2048 cached, 1000 reasoning: 1952×2 + 2048×0.5 + 1011×8 = 3904 + 1024 + 8088 = 13016 µ$', async () => {
    const r = await one('o3', { servedModel: 'o3-2025-04-16', usage: { prompt: 4000, cached: 2048, reasoning: 1000 } });
    day.book(r, 13_016);
  });

  test('S17 gpt-5.4 past 272k in the Responses shape (300000 input, 100000 cached): 200000×5 + 100000×0.5 + 11×22.5 = 1000000 + 50000 + 247.5 = 1050247.5 µ$', async () => {
    const r = await one('gpt-5.4', { servedModel: 'gpt-5.4-2026-03-05', rawUsage: {
      input_tokens: 300_000, input_tokens_details: { cached_tokens: 100_000 }, output_tokens: 11, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 300_011,
    } });
    day.book(r, 1_050_247.5);
  });

  // Written after the first fixes (second round).
  test('S18 a flex-tier stream that ends without a usage chunk (the tier is on every chunk): unknown price, not the standard estimate', async () => {
    const r = await one('gpt-5.4-mini', { serviceTier: 'flex', noUsage: true });
    day.book(r, null);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('S19 started 23:59:5x UTC on 30 Nov, answered after midnight: November\'s bill in November\'s file, 1000×2 + 11×8 = 2088 µ$', async () => {
    const run = await rig.run({ settings: oa('gpt-4.1'), now: Date.UTC(2026, 11, 1, 0, 0, 0, 300), openai: { usage: { prompt: 1000, cached: 0, reasoning: 0 }, delivery: { gapMs: 150 } } });
    const r = run.records[0]!;
    assert.ok(r.time < '2026-12-01T00:00:00.000Z', `the record is dated when the request started: ${r.time}`);
    assert.ok(Math.abs(r.costUsd! - 0.002088) < 1e-9, String(r.costUsd));
  });

  test('the day: panel, status bar, ledger on disk, CSV and JSON equal Σ hand bills; the tiers and the unknown model say "unpriced"', async () => {
    assert.ok(day.billed.length >= 18);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});
