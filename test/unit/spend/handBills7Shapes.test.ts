// spend7 audit, part 2: usage shapes of OpenAI's audio APIs (the Realtime and transcription usage, `input_token_details`
// in the singular, cached audio split out), batch, and the price date boundary to the millisecond — priced through the
// one conversion every provider uses (costOfProviderUsage / requestCost), by hand from prices-reference.json ($/Mtok):
//   gpt-4o-mini-transcribe in 1.25, audio in 3, out 5
//   gpt-realtime in 4, cached 0.4, audio in 32, cached audio 0.4, out 16, audio out 64
//   gpt-realtime-mini in 0.6, cached 0.06, audio in 10, cached audio 0.3, out 2.4, audio out 20
//   gpt-4.1 in 2, cached 0.5, out 8
//   Sonnet 5 with the dated step of handBills5Dated: before 2026-09-01 UTC in 2, out 10; from it in 3, out 15
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPriceTable } from '../../../scripts/buildPrices';
import { costOfProviderUsage, requestCost, type PriceTable } from '../../../src/core/spend';

const REF = ['/work/shared/data/prices-reference.json', path.join(__dirname, 'fixtures', 'prices-reference.json')].find((p) => fs.existsSync(p))!;
const near = (got: number | null | undefined, micro: number, what: string) =>
  assert.ok(typeof got === 'number' && Math.abs(got - micro / 1e6) < 1e-9, `${what}: product ${got} ≠ hand ${micro / 1e6}`);

function datedTable(): PriceTable {
  const ref = JSON.parse(fs.readFileSync(REF, 'utf8')) as { providers: Record<string, { id: string; prices: unknown }[]> };
  const s5 = ref.providers.anthropic!.find((m) => m.id === 'claude-sonnet-5')!;
  s5.prices = [{ prices: s5.prices }, { constraint: { start_date: '2026-09-01' }, prices: { input_mtok: 3, cache_read_mtok: 0.3, cache_write_mtok: 3.75, cache_write_1h_mtok: 6, output_mtok: 15 } }];
  return buildPriceTable(ref as never) as PriceTable;
}

suite('spend7 / hand bills: audio usage shapes, batch, the price date boundary', () => {
  test('H1 gpt-4o-mini-transcribe usage (input_token_details: 100 text, 900 audio; 200 out): 100×1.25 + 900×3 + 200×5 = 125 + 2700 + 1000 = 3825 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-4o-mini-transcribe', { type: 'tokens', input_tokens: 1000, input_token_details: { text_tokens: 100, audio_tokens: 900 }, output_tokens: 200, total_tokens: 1200 });
    near(c.costUsd, 3825, 'transcribe');
    assert.equal(c.usage.audioInput, 900);
  });

  test('H2 gpt-realtime usage (5000 in: 2000 cached = 500 text + 1500 audio; 4000 audio in all; 600 out of which 500 audio): 500×4 + 2500×32 + 500×0.4 + 1500×0.4 + 100×16 + 500×64 = 2000 + 80000 + 200 + 600 + 1600 + 32000 = 116400 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-realtime', {
      total_tokens: 5600, input_tokens: 5000, output_tokens: 600,
      input_token_details: { cached_tokens: 2000, text_tokens: 1000, audio_tokens: 4000, image_tokens: 0, cached_tokens_details: { text_tokens: 500, audio_tokens: 1500, image_tokens: 0 } },
      output_token_details: { text_tokens: 100, audio_tokens: 500 },
    });
    near(c.costUsd, 116_400, 'realtime');
  });

  test('H3 gpt-realtime-mini in the chat shape, cached audio split out (2000 prompt, 1200 audio of which 800 cached, 200 cached text; 100 out): 600×0.6 + 400×10 + 200×0.06 + 800×0.3 + 100×2.4 = 360 + 4000 + 12 + 240 + 240 = 4852 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-realtime-mini', {
      prompt_tokens: 2000, completion_tokens: 100, total_tokens: 2100,
      prompt_tokens_details: { cached_tokens: 1000, audio_tokens: 1200, cached_tokens_details: { text_tokens: 200, audio_tokens: 800 } },
      completion_tokens_details: { audio_tokens: 0, reasoning_tokens: 0 },
    });
    near(c.costUsd, 4852, 'realtime-mini');
  });

  test('H4 cached audio without its split (1000 cached of 2000, 1200 audio): the audio count overlaps the cache, so at most 1000 audio tokens are uncached — 1000 audio × 10 + 1000 cached × 0.06 + 100×2.4 would double-bill; the bill lies between 200 text + 800 audio uncached and 1000 audio uncached, never above 1000×10 + 1000×0.3 + 240 = 10540 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-realtime-mini', {
      prompt_tokens: 2000, completion_tokens: 100, total_tokens: 2100, prompt_tokens_details: { cached_tokens: 1000, audio_tokens: 1200 },
    });
    assert.ok(c.costUsd !== undefined && c.costUsd <= 0.01054 + 1e-12, String(c.costUsd));
    assert.ok(c.costUsd >= (200 * 0.6 + 800 * 10 + 1000 * 0.06 + 240) / 1e6 - 1e-12, String(c.costUsd));
  });

  test('H5 a Batch API result (service_tier "batch"; the table has no batch price): unknown, not the standard 1000×2 + 11×8 = 2088 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-4.1', { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, service_tier: 'batch' });
    assert.equal(c.costUsd, undefined);
  });

  test('H6 the price step to the millisecond: started 2026-08-31T23:59:59.999Z = 1000×2 + 11×10 = 2110 µ$; 2026-09-01T00:00:00.000Z = 1000×3 + 11×15 = 3165 µ$', () => {
    const table = datedTable();
    const cost = (at: string) => requestCost({ route: 'cloud', model: 'claude-sonnet-5', usage: { input: 1000, output: 11, cacheRead: 0, cacheWrite: 0, source: 'provider' }, totalMs: 900, costPerHour: 0, cloudModel: 'claude-sonnet-5', table, at }).costUsd;
    near(cost('2026-08-31T23:59:59.999Z'), 2110, 'last millisecond before');
    near(cost('2026-09-01T00:00:00.000Z'), 3165, 'first millisecond of the step');
  });

  test('H7 a start time written with an offset (2026-09-01T01:30:00+02:00 is 23:30 UTC on 31 Aug): the UTC day decides, 2110 µ$; and a dated served name on the step day 2026-09-01T12:00Z (claude-sonnet-5-20260115, unknown snapshot, billed at its alias): 3165 µ$', () => {
    const table = datedTable();
    const usage = { input: 1000, output: 11, cacheRead: 0, cacheWrite: 0, source: 'provider' as const };
    near(requestCost({ route: 'cloud', model: 'claude-sonnet-5', usage, totalMs: 1, costPerHour: 0, cloudModel: 'claude-sonnet-5', table, at: '2026-09-01T01:30:00+02:00' }).costUsd, 2110, 'offset time');
    near(requestCost({ route: 'cloud', model: 'claude-sonnet-5-20260115', requestedModel: 'claude-sonnet-5', usage, totalMs: 1, costPerHour: 0, cloudModel: 'claude-sonnet-5', table, at: '2026-09-01T12:00:00.000Z' }).costUsd, 3165, 'dated name on the step day');
  });
});
