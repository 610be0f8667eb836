// spend8 audit, part 1: raw usage objects and served names not billed by hand before, priced through the product's own
// seam (usageFromProvider → requestCost, the path the Ask pipeline takes). Written before any product change; the
// first-run failures are in docs/spend.md ("Eighth audit").
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-sonnet-4-0 (match: claude-sonnet-4-2025…, claude-sonnet-4@…) in 3, out 15; above 200k: in 6, read 0.6, out 22.5
//   claude-opus-4-1 in 15, out 75      claude-sonnet-4-6 in 3, write 5m 3.75, 1h 6, read 0.3, out 15
//   claude-opus-4-6 in 5, read 0.5, out 25 (no long-context tier)      claude-haiku-4-5 in 1, write 5m 1.25, 1h 2, out 5
//   gpt-4.1-mini in 0.4, cached 0.1, out 1.6      gpt-35-turbo (= gpt-3.5-turbo) in 0.5, out 1.5
//   gpt-4o (equals gpt-4o-2024-11-20) in 2.5, cached 1.25, out 10      gpt-4.1 in 2, cached 0.5, out 8
//   gpt-5-mini in 0.25, out 2      gpt-5 in 1.25, cached 0.125, out 10      gpt-4o-mini-audio-preview in 0.15, out 0.6 (no audio price)
//   gpt-realtime-mini in 0.6, cached 0.06, image in 0.8, cached image 0.08, out 2.4
//   gpt-realtime in 4, cached 0.4, image in 5, cached image 0.5, out 16
import * as assert from 'node:assert/strict';
import { requestCost, usageFromProvider, type UsageProvider } from '../../../src/core/spend';
import type { Usage } from '../../../src/core/request';
import { near } from './fixtures/dayBook';

const AT = '2026-12-07T10:00:00.000Z';

/** What the ledger would record for this raw usage on this served (and asked) model. */
function bill(provider: UsageProvider, served: string, raw: object, requested?: string): { costUsd: number | null; usage: Usage } {
  const usage = usageFromProvider(provider, raw);
  const { costUsd } = requestCost({ route: 'cloud', model: served, usage, totalMs: 900, costPerHour: 0, cloudModel: requested ?? served, ...(requested ? { requestedModel: requested } : {}), at: AT });
  return { costUsd, usage };
}
const msg = (input: number, output: number, extra: object = {}) => ({ input_tokens: input, output_tokens: output, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...extra });
const chat = (prompt: number, completion: number, cached = 0, extra: object = {}) => ({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: cached }, ...extra });

suite('spend8 / hand bills: names through clouds and gateways, geography, tiers, audio and images, odd counts', () => {
  test('B1 Vertex name claude-sonnet-4@20250514 (a rule of the reference): 1000×3 + 100×15 = 3000 + 1500 = 4500 µ$', () => {
    near(bill('anthropic', 'claude-sonnet-4@20250514', msg(1000, 100)).costUsd, 4500, 'B1');
  });

  test('B2 Vertex name claude-opus-4-1@20250805: 1000×15 + 100×75 = 15000 + 7500 = 22500 µ$', () => {
    near(bill('anthropic', 'claude-opus-4-1@20250805', msg(1000, 100)).costUsd, 22_500, 'B2');
  });

  test('B3 gateway name anthropic/claude-sonnet-4-6 with 5 m and 1 h writes and reads: 500×3 + 2000×3.75 + 1000×6 + 4000×0.3 + 200×15 = 1500 + 7500 + 6000 + 1200 + 3000 = 19200 µ$', () => {
    const raw = msg(500, 200, { cache_read_input_tokens: 4000, cache_creation_input_tokens: 3000, cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 1000 } });
    near(bill('anthropic', 'anthropic/claude-sonnet-4-6', raw).costUsd, 19_200, 'B3');
  });

  test('B4 gateway name openai/gpt-4.1-mini, 1000 of 3000 cached: 2000×0.4 + 1000×0.1 + 200×1.6 = 800 + 100 + 320 = 1220 µ$', () => {
    near(bill('openai', 'openai/gpt-4.1-mini', chat(3000, 200, 1000)).costUsd, 1220, 'B4');
  });

  test('B5 Bedrock cross-region name us.anthropic.claude-sonnet-4-5-20250929-v1:0 (the reference has no Bedrock prices): unknown, not Anthropic\'s 4500 µ$', () => {
    assert.equal(bill('anthropic', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', msg(1000, 100)).costUsd, null);
  });

  test('B6 an Azure deployment named azure/gpt-4o (regional prices the reference lacks): unknown, not 3500 µ$', () => {
    assert.equal(bill('openai', 'azure/gpt-4o', chat(1000, 100)).costUsd, null);
  });

  test('B7 Azure\'s own spelling gpt-35-turbo (a rule of the reference): 1000×0.5 + 100×1.5 = 500 + 150 = 650 µ$', () => {
    near(bill('openai', 'gpt-35-turbo', chat(1000, 100)).costUsd, 650, 'B7');
  });

  test('B8 an Azure deployment "prod-4o" answering as gpt-4o-2024-11-20, 1024 of 2000 cached: 976×2.5 + 1024×1.25 + 50×10 = 2440 + 1280 + 500 = 4220 µ$', () => {
    near(bill('openai', 'gpt-4o-2024-11-20', chat(2000, 50, 1024), 'prod-4o').costUsd, 4220, 'B8');
  });

  test('B9 an unknown family with a dated suffix (claude-haiku-5-20261101, asked as claude-haiku-5): unknown, never Haiku 4.5\'s 1000×1 + 100×5 = 1500 µ$', () => {
    assert.equal(bill('anthropic', 'claude-haiku-5-20261101', msg(1000, 100), 'claude-haiku-5').costUsd, null);
  });

  test('B10 a newer dated Sonnet 4.6 snapshot (claude-sonnet-4-6-20261101): 1000×3 + 100×15 = 4500 µ$', () => {
    near(bill('anthropic', 'claude-sonnet-4-6-20261101', msg(1000, 100), 'claude-sonnet-4-6').costUsd, 4500, 'B10');
  });

  test('B11 a Sonnet 4 snapshot the reference\'s "claude-sonnet-4-2025" prefix misses (claude-sonnet-4-20261101), asked as claude-sonnet-4-0: the alias, 4500 µ$', () => {
    near(bill('anthropic', 'claude-sonnet-4-20261101', msg(1000, 100), 'claude-sonnet-4-0').costUsd, 4500, 'B11');
  });

  test('B12 Opus 4.6 at 300k prompt tokens (the reference gives it no long-context tier): 250000×5 + 50000×0.5 + 1000×25 = 1250000 + 25000 + 25000 = 1300000 µ$', () => {
    near(bill('anthropic', 'claude-opus-4-6', msg(250_000, 1000, { cache_read_input_tokens: 50_000 })).costUsd, 1_300_000, 'B12');
  });

  test('B13 Sonnet 4 (dated) one token past 200k through its cache reads: 1×6 + 200000×0.6 + 100×22.5 = 6 + 120000 + 2250 = 122256 µ$', () => {
    near(bill('anthropic', 'claude-sonnet-4-20250514', msg(1, 100, { cache_read_input_tokens: 200_000 })).costUsd, 122_256, 'B13');
  });

  test('B14 Haiku 4.5, equal 5 m and 1 h writes: 100×1 + 10000×1.25 + 10000×2 + 100×5 = 100 + 12500 + 20000 + 500 = 33100 µ$', () => {
    const raw = msg(100, 100, { cache_creation_input_tokens: 20_000, cache_creation: { ephemeral_5m_input_tokens: 10_000, ephemeral_1h_input_tokens: 10_000 } });
    near(bill('anthropic', 'claude-haiku-4-5-20251001', raw).costUsd, 33_100, 'B14');
  });

  test('B15 LiteLLM passes Claude\'s server_tool_use through in its OpenAI-shape usage (2 web searches): tokens 5000×3 + 100×15 = 16500 µ$, and the 2 searches are kept (their fee is not in the table)', () => {
    const r = bill('openai', 'claude-sonnet-4-6', chat(5000, 100, 0, { server_tool_use: { web_search_requests: 2 } }));
    near(r.costUsd, 16_500, 'B15');
    assert.equal(r.usage.webSearches, 2);
  });

  test('B16 inference_geo "us" on Sonnet 4.6 (Anthropic bills US-only inference at 1.1×; the reference has no such price): unknown, not the global 4500 µ$', () => {
    const r = bill('anthropic', 'claude-sonnet-4-6', msg(1000, 100, { inference_geo: 'us', service_tier: 'standard' }));
    assert.equal(r.costUsd, null);
  });

  test('B17 inference_geo "global" (and "not_available") is the standard price: 1000×3 + 100×15 = 4500 µ$', () => {
    near(bill('anthropic', 'claude-sonnet-4-6', msg(1000, 100, { inference_geo: 'global' })).costUsd, 4500, 'B17 global');
    near(bill('anthropic', 'claude-sonnet-4-5', msg(1000, 100, { inference_geo: 'not_available' })).costUsd, 4500, 'B17 n/a');
  });

  test('B18 gpt-5-mini, 500 reasoning tokens inside completion_tokens 600: 1000×0.25 + 600×2 = 250 + 1200 = 1450 µ$', () => {
    near(bill('openai', 'gpt-5-mini-2025-08-07', chat(1000, 600, 0, { completion_tokens_details: { reasoning_tokens: 500 } })).costUsd, 1450, 'B18');
  });

  test('B19 one gpt-4.1 request in the Chat and the Responses shapes, 4000 of 5000 cached: both 1000×2 + 4000×0.5 + 100×8 = 2000 + 2000 + 800 = 4800 µ$', () => {
    near(bill('openai', 'gpt-4.1', chat(5000, 100, 4000)).costUsd, 4800, 'B19 chat');
    near(bill('openai', 'gpt-4.1', { input_tokens: 5000, input_tokens_details: { cached_tokens: 4000 }, output_tokens: 100, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 5100 }).costUsd, 4800, 'B19 responses');
  });

  test('B20 gpt-5 in the Responses shape, 8000 of 10000 cached, 1500 reasoning inside 2000 output: 2000×1.25 + 8000×0.125 + 2000×10 = 2500 + 1000 + 20000 = 23500 µ$', () => {
    const raw = { input_tokens: 10_000, input_tokens_details: { cached_tokens: 8000 }, output_tokens: 2000, output_tokens_details: { reasoning_tokens: 1500 }, total_tokens: 12_000 };
    near(bill('openai', 'gpt-5-2025-08-07', raw).costUsd, 23_500, 'B20');
  });

  test('B21 gpt-4o-mini-audio-preview, audio in and out (no audio price: text prices): 1000×0.15 + 300×0.6 = 150 + 180 = 330 µ$', () => {
    const raw = chat(1000, 300, 0, { prompt_tokens_details: { cached_tokens: 0, audio_tokens: 600 }, completion_tokens_details: { audio_tokens: 200 } });
    near(bill('openai', 'gpt-4o-mini-audio-preview-2024-12-17', raw).costUsd, 330, 'B21');
  });

  test('B22 gpt-realtime-mini, cached image tokens split out (3000 in: 1000 text + 2000 image; 1500 cached = 500 text + 1000 image): 500×0.6 + 1000×0.8 + 500×0.06 + 1000×0.08 + 100×2.4 = 300 + 800 + 30 + 80 + 240 = 1450 µ$', () => {
    const raw = { input_tokens: 3000, output_tokens: 100, total_tokens: 3100,
      input_token_details: { text_tokens: 1000, image_tokens: 2000, audio_tokens: 0, cached_tokens: 1500, cached_tokens_details: { text_tokens: 500, image_tokens: 1000 } },
      output_token_details: { text_tokens: 100, audio_tokens: 0 } };
    near(bill('openai', 'gpt-realtime-mini', raw).costUsd, 1450, 'B22');
  });

  test('B23 gpt-realtime, cached image tokens (2000 in: 1000 text + 1000 image; 600 cached = 200 text + 400 image): 800×4 + 600×5 + 200×0.4 + 400×0.5 + 100×16 = 3200 + 3000 + 80 + 200 + 1600 = 8080 µ$', () => {
    const raw = { input_tokens: 2000, output_tokens: 100, total_tokens: 2100,
      input_token_details: { text_tokens: 1000, image_tokens: 1000, audio_tokens: 0, cached_tokens: 600, cached_tokens_details: { text_tokens: 200, image_tokens: 400 } },
      output_token_details: { text_tokens: 100, audio_tokens: 0 } };
    near(bill('openai', 'gpt-realtime', raw).costUsd, 8080, 'B23');
  });

  test('B24 a proxy reporting more cached tokens (1500) than the prompt (1000): no more than the prompt is billed, all of it cached — 1000×0.5 + 100×8 = 500 + 800 = 1300 µ$', () => {
    near(bill('openai', 'gpt-4.1', chat(1000, 100, 1500)).costUsd, 1300, 'B24');
  });

  test('B25 Sonnet 4.6 with a web search and three web fetches in server_tool_use: tokens only, 3000×3 + 100×15 = 9000 + 1500 = 10500 µ$, one search kept', () => {
    const r = bill('anthropic', 'claude-sonnet-4-6', msg(3000, 100, { server_tool_use: { web_search_requests: 1, web_fetch_requests: 3 } }));
    near(r.costUsd, 10_500, 'B25');
    assert.equal(r.usage.webSearches, 1);
  });

  test('B26 a Bedrock-style name behind a gateway prefix (bedrock/anthropic.claude-3-5-haiku-20241022-v1:0): unknown, not 1000×0.8 + 100×4 = 1200 µ$', () => {
    assert.equal(bill('anthropic', 'bedrock/anthropic.claude-3-5-haiku-20241022-v1:0', msg(1000, 100)).costUsd, null);
  });
});
