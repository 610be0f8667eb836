import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BUNDLED_PRICES, cloudEquivalent, contextWindowOf, costBreakdown, costOfProviderUsage, findModel, localCost, previewCost,
  priceOf, requestCost, usageFromProvider, withOverrides,
} from '../../../src/core/spend';
import type { Usage } from '../../../src/core/request';

const close = (actual: number | undefined, expected: number, tol = 1e-12): void => {
  assert.ok(actual !== undefined, 'price is unknown');
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);
};

const u = (input: number, output: number, cacheRead = 0, cacheWrite = 0, cacheWrite1h = 0): Usage & { cacheWrite1h: number } =>
  ({ input, output, cacheRead, cacheWrite, cacheWrite1h, source: 'provider' });

interface Case {
  provider: 'anthropic' | 'openai';
  model: string;
  usage: Record<string, unknown>;
  expected_total_usd: number;
}

// pydantic/genai-prices tests/dataset/usages.json (MIT): real Anthropic/OpenAI usage objects with their price.
const dataset = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'real-usages.json'), 'utf8')) as { cases: Case[] };

suite('spend / prices', () => {
  test('real usage dataset: every case reproduced to 1e-6 USD with the bundled table, no exception', () => {
    const mismatched: string[] = [];
    for (const c of dataset.cases) {
      const { costUsd } = costOfProviderUsage(c.provider, c.model, c.usage);
      assert.ok(costUsd !== undefined, `${c.model} not in the table`);
      if (Math.abs(costUsd - c.expected_total_usd) > 1e-6) mismatched.push(`${c.model}: ${costUsd} ≠ ${c.expected_total_usd}`);
    }
    assert.deepEqual(mismatched, []);
    assert.equal(dataset.cases.length, 317);
    console.log(`      real-usages: ${dataset.cases.length - mismatched.length}/${dataset.cases.length} with the bundled table`);
  });

  test('Anthropic: input_tokens exclude cache; 5-minute and 1-hour writes priced apart (Sonnet 4.6, hand-computed)', () => {
    const raw = {
      input_tokens: 1000, output_tokens: 500, cache_read_input_tokens: 20_000, cache_creation_input_tokens: 3000,
      cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 1000 },
    };
    // 1000×3 + 20000×0.30 + 2000×3.75 + 1000×6 + 500×15 = 3000 + 6000 + 7500 + 6000 + 7500 = 30000 µ$ → $0.03
    const r = costOfProviderUsage('anthropic', 'claude-sonnet-4-6', raw);
    close(r.costUsd, 0.03);
    assert.deepEqual(r.usage, { input: 1000, output: 500, cacheRead: 20_000, cacheWrite: 2000, cacheWrite1h: 1000, source: 'provider' });
    assert.equal(r.cacheWrite1h, 1000);
  });

  test('Anthropic: without the cache_creation split, cache_creation_input_tokens are 5-minute writes', () => {
    // Haiku 4.5: 100×1 + 4000×1.25 + 50×5 = 100 + 5000 + 250 = 5350 µ$
    const r = costOfProviderUsage('anthropic', 'claude-haiku-4-5-20251001', { input_tokens: 100, output_tokens: 50, cache_creation_input_tokens: 4000, cache_read_input_tokens: 0 });
    close(r.costUsd, 0.00535);
  });

  test('OpenAI: prompt_tokens include cached tokens, so input = prompt − cached (gpt-4o, hand-computed)', () => {
    const raw = { prompt_tokens: 10_000, completion_tokens: 1000, prompt_tokens_details: { cached_tokens: 8000 } };
    // (10000−8000)×2.50 + 8000×1.25 + 1000×10 = 5000 + 10000 + 10000 = 25000 µ$
    const r = costOfProviderUsage('openai', 'gpt-4o-2024-08-06', raw);
    close(r.costUsd, 0.025);
    assert.equal(r.usage.input, 2000);
    assert.equal(r.usage.cacheRead, 8000);
  });

  test('OpenAI Responses API shape (input_tokens / input_tokens_details) is read too', () => {
    const raw = { input_tokens: 1000, output_tokens: 100, input_tokens_details: { cached_tokens: 400 } };
    // gpt-5-mini: 600×0.25 + 400×0.025 + 100×2 = 150 + 10 + 200 = 360 µ$
    close(costOfProviderUsage('openai', 'gpt-5-mini', raw).costUsd, 0.00036);
  });

  test('hand-computed cases per model family, including cache tokens', () => {
    const cases: [string, Usage & { cacheWrite1h?: number }, number][] = [
      // Opus 4.x: 2000×5 + 1000×0.5 + 1000×6.25 + 300×25 = 10000 + 500 + 6250 + 7500 = 24250 µ$
      ['claude-opus-4-6', u(2000, 300, 1000, 1000), 0.02425],
      // Opus 4.0: 1000×15 + 100×75 + 200×1.5 + 100×18.75 + 100×30(1h) = 15000+7500+300+1875+3000 = 27675 µ$
      ['claude-opus-4-20250514', u(1000, 100, 200, 100, 100), 0.027675],
      // Haiku 3: 4000×0.25 + 1000×1.25 + 4000×0.03 = 1000 + 1250 + 120 = 2370 µ$
      ['claude-3-haiku-20240307', u(4000, 1000, 4000), 0.00237],
      // Haiku 3.5: 1000×0.8 + 1000×4 + 1000×1(write) = 5800 µ$
      ['claude-3-5-haiku-20241022', u(1000, 1000, 0, 1000), 0.0058],
      // Sonnet 3.7: 1000×3 + 1000×15 + 10000×0.3 = 3000 + 15000 + 3000 = 21000 µ$
      ['claude-3-7-sonnet-20250219', u(1000, 1000, 10_000), 0.021],
      // Claude 2 (no cache prices: cached tokens billed as input): (100+100)×8 + 100×24 = 4000 µ$
      ['claude-2.1', u(100, 100, 100), 0.004],
      // gpt-4o-mini: 10000×0.15 + 10000×0.075 + 1000×0.6 = 1500 + 750 + 600 = 2850 µ$
      ['gpt-4o-mini', u(10_000, 1000, 10_000), 0.00285],
      // gpt-4.1: 1000×2 + 1000×0.5 + 1000×8 = 10500 µ$
      ['gpt-4.1-2025-04-14', u(1000, 1000, 1000), 0.0105],
      // gpt-5: 1000×1.25 + 1000×0.125 + 1000×10 = 11375 µ$
      ['gpt-5', u(1000, 1000, 1000), 0.011375],
      // gpt-5.2: 1000×1.75 + 1000×0.175 + 1000×14 = 15925 µ$
      ['gpt-5.2', u(1000, 1000, 1000), 0.015925],
      // o3-mini: 1000×1.1 + 1000×0.55 + 1000×4.4 = 6050 µ$
      ['o3-mini-2025-01-31', u(1000, 1000, 1000), 0.00605],
      // gpt-4 (no cache price): 1000×30 + 1000×60 = 90000 µ$
      ['gpt-4-0613', u(1000, 1000), 0.09],
      // gpt-3.5-turbo: 2000×0.5 + 2000×1.5 = 4000 µ$
      ['gpt-3.5-turbo', u(2000, 2000), 0.004],
      // gpt-5.6-sol cache write: 8×5 + 4012×6.25 + 4×30 = 40 + 25075 + 120 = 25235 µ$
      ['gpt-5.6-sol', u(8, 4, 0, 4012), 0.025235],
    ];
    for (const [model, usage, expected] of cases) close(priceOf(model, usage), expected, 1e-12);
  });

  test('every model in the table: 100,000 tokens of a kind cost a tenth of its listed price', () => {
    // 100k stays below every long-context tier (the lowest starts at 200k).
    const N = 100_000;
    for (const m of BUNDLED_PRICES.models) {
      // Exercise each table entry directly (some ids are not names their own rules match, e.g. "ft:gpt-4o").
      const single = { ...BUNDLED_PRICES, models: [{ ...m, match: { equals: m.id } }] };
      close(priceOf(m.id, u(N, 0), single), m.input / 10, 1e-9);
      close(priceOf(m.id, u(0, N), single), m.output / 10, 1e-9);
      close(priceOf(m.id, u(0, 0, N), single), (m.cacheRead ?? m.input) / 10, 1e-9);
      close(priceOf(m.id, u(0, 0, 0, N), single), (m.cacheWrite ?? m.input) / 10, 1e-9);
      close(priceOf(m.id, u(0, 0, 0, 0, N), single), (m.cacheWrite1h ?? m.cacheWrite ?? m.input) / 10, 1e-9);
      for (const t of m.tiers ?? []) assert.ok(t.above >= 2 * N, `${m.id}: tier at ${t.above}`);
    }
  });

  test('long-context tiers bill the whole request above the threshold (Sonnet 4.5, GPT-5.4)', () => {
    // ≤ 200k input: base prices. 200000×3 + 1000×15 = 615000 µ$
    close(priceOf('claude-sonnet-4-5', u(200_000, 1000)), 0.615, 1e-9);
    // 200001 prompt tokens (input + cache): all at the tier. 100001×6 + 100000×0.6 + 1000×22.5 = 600006 + 60000 + 22500
    close(priceOf('claude-sonnet-4-5', u(100_001, 1000, 100_000)), 0.682506, 1e-9);
    const b = costBreakdown('claude-sonnet-4-5', u(100_001, 1000, 100_000))!;
    assert.equal(b.tier, 200_000);
    // GPT-5.4 above 272k: 300000×5 + 1000×22.5 = 1522500 µ$
    close(priceOf('gpt-5.4', u(300_000, 1000)), 1.5225, 1e-9);
  });

  test('unknown model → undefined (shown as unknown), never 0', () => {
    assert.equal(priceOf('my-finetune-7b', u(1000, 1000)), undefined);
    assert.equal(costOfProviderUsage('openai', 'llama3:70b', { prompt_tokens: 10, completion_tokens: 10 }).costUsd, undefined);
  });

  test('names: dated ids, gateway prefixes and case resolve; regex rules work', () => {
    assert.equal(findModel('claude-sonnet-4-5-20250929')?.id, 'claude-sonnet-4-5');
    assert.equal(findModel('anthropic/claude-opus-4-6')?.id, 'claude-opus-4-6');
    assert.equal(findModel('GPT-4o')?.id, 'gpt-4o');
    assert.equal(findModel('gpt-5.6-terra-2026-08-01')?.id, 'gpt-5.6-terra');
    assert.equal(findModel('gpt-5.6-terra-latest'), undefined);
  });

  test('hybrid.pricing overrides replace a table price (dated variants too) and add new models', () => {
    const t = withOverrides(BUNDLED_PRICES, {
      'claude-sonnet-4-6': { input: 1, output: 2 },
      'qwen-coder-remote': { input: 0.5, output: 1, cacheRead: 0.1, contextWindow: 32_768 },
    });
    close(priceOf('claude-sonnet-4-6-20260101', u(1e6, 1e6), t), 3);
    assert.equal(contextWindowOf('claude-sonnet-4-6', t), 1_000_000); // kept from the table
    close(priceOf('qwen-coder-remote', u(1e6, 1e6, 1e6), t), 1.6);
    assert.equal(contextWindowOf('qwen-coder-remote', t), 32_768);
    assert.equal(priceOf('qwen-coder-remote-2', u(1, 1), t), undefined);
    // The bundled table itself is untouched.
    close(priceOf('claude-sonnet-4-6', u(1e6, 0)), 3);
  });

  test('an override that names only input and output keeps the table\'s proportions: cache prices and the long-context tier', () => {
    // The same prices as the table: every bill is the table's, cache reads and the 200k tier included
    // (replacing the model outright billed 100k cache reads at $3 instead of $0.30 and dropped the tier).
    const same = withOverrides(BUNDLED_PRICES, { 'claude-sonnet-4-5': { input: 3, output: 15 } });
    for (const usage of [u(1_000, 0, 100_000), u(250_000, 1_000), u(10_000, 500, 150_000, 30_000, 20_000), u(1_000, 100, 0, 0, 50_000)]) {
      close(priceOf('claude-sonnet-4-5', usage, same), priceOf('claude-sonnet-4-5', usage)!, 1e-12);
    }
    close(priceOf('claude-sonnet-4-5', u(1_000, 0, 100_000), same), 0.033);
    close(priceOf('claude-sonnet-4-5', u(250_000, 0), same), 1.5);
    // A negotiated half price: cache and tier prices follow at half; a price the override names is used as given.
    const half = withOverrides(BUNDLED_PRICES, { 'claude-sonnet-4-5': { input: 1.5, output: 7.5, cacheRead: 0.1 } });
    close(priceOf('claude-sonnet-4-5', u(0, 0, 100_000), half), 0.01);
    close(priceOf('claude-sonnet-4-5', u(0, 0, 0, 100_000), half), 0.1875); // 5-minute write: 3.75 × 0.5
    close(priceOf('claude-sonnet-4-5', u(100_000, 100_000), half), 0.9);
    // Above 200k: the tier's input 6 and output 22.5 at half; its cache read 0.6 × (0.1 / 0.3).
    close(priceOf('claude-sonnet-4-5', u(300_000, 1_000, 100_000), half), (300_000 * 3 + 1_000 * 11.25 + 100_000 * 0.2) / 1e6, 1e-12);
    // OpenAI: cached input and the 272k tier follow the override too.
    const gpt = withOverrides(BUNDLED_PRICES, { 'gpt-5.4': { input: 2, output: 12 } });
    close(priceOf('gpt-5.4', u(0, 0, 100_000), gpt), 0.02);
    close(priceOf('gpt-5.4', u(300_000, 10_000), gpt), (300_000 * 4 + 10_000 * 18) / 1e6, 1e-12);
  });

  test('context windows', () => {
    assert.equal(contextWindowOf('claude-haiku-4-5-20251001'), 200_000);
    assert.equal(contextWindowOf('gpt-4o'), 128_000);
    assert.equal(contextWindowOf('qwen2.5-coder:7b'), undefined);
  });

  test('the table is dated and names its source', () => {
    assert.match(BUNDLED_PRICES.pricesChecked, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(BUNDLED_PRICES.source, /genai-prices/);
    assert.ok(BUNDLED_PRICES.models.some((m) => m.provider === 'anthropic') && BUNDLED_PRICES.models.some((m) => m.provider === 'openai'));
  });

  test('local cost = costPerHour × inference time; 0 when no rate is set', () => {
    close(localCost(1800, 0.5), 0.00025); // 0.5 $/h × 1.8 s = 0.5 × 0.0005 h
    assert.equal(localCost(1800, 0), 0);
    assert.equal(localCost(-5, 1), 0);
  });

  test('cloud equivalent prices a local request on the cloud model, cache counted as plain input', () => {
    const local: Usage = { input: 1000, output: 200, cacheRead: 0, cacheWrite: 0, source: 'provider' };
    close(cloudEquivalent(local, 'claude-sonnet-4-6'), 0.006); // 1000×3 + 200×15 = 6000 µ$
    assert.equal(cloudEquivalent(local, 'no-such-model'), undefined);
  });

  test('requestCost: cloud → price or null; local → costPerHour × time and its cloud equivalent', () => {
    const usage = u(1000, 200);
    const unknown = requestCost({ route: 'cloud', model: 'no-such-model', usage, totalMs: 900, costPerHour: 1, cloudModel: 'claude-sonnet-4-6' });
    assert.equal(unknown.costUsd, null);
    close(unknown.cloudEquivalentUsd ?? undefined, 0.006); // what hybrid.cloud.model would have charged
    // On hybrid.cloud.model itself (also by a dated snapshot name), the cost is the all-cloud figure: no second one.
    assert.equal(requestCost({ route: 'cloud', model: 'claude-sonnet-4-6-20260101', requestedModel: 'claude-sonnet-4-6', usage, totalMs: 900, costPerHour: 1, cloudModel: 'claude-sonnet-4-6' }).cloudEquivalentUsd, undefined);
    const cloud = requestCost({ route: 'cloud', model: 'claude-sonnet-4-6', usage, totalMs: 900, costPerHour: 1, cloudModel: 'claude-sonnet-4-6' });
    close(cloud.costUsd ?? undefined, 0.006);
    const local = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage, totalMs: 3600, costPerHour: 1, cloudModel: 'claude-sonnet-4-6' });
    close(local.costUsd ?? undefined, 0.001);
    close(local.cloudEquivalentUsd ?? undefined, 0.006);
    assert.equal(requestCost({ route: 'local', model: 'm', usage, totalMs: 1, costPerHour: 0, cloudModel: 'nope' }).cloudEquivalentUsd, null);
    // Preview: 10k prompt tokens + 1k expected output on gpt-4o = 10000×2.5 + 1000×10 = 35000 µ$
    close(previewCost('gpt-4o', 10_000, 1000), 0.035);
  });

  test('Ollama usage maps prompt_eval_count / eval_count', () => {
    assert.deepEqual(usageFromProvider('ollama', { prompt_eval_count: 12, eval_count: 34 }),
      { input: 12, output: 34, cacheRead: 0, cacheWrite: 0, source: 'provider' });
  });

  test('malformed usage objects give zeros, not NaN', () => {
    const r = usageFromProvider('openai', { prompt_tokens: 'x', completion_tokens: null });
    assert.deepEqual([r.input, r.output, r.cacheRead], [0, 0, 0]);
    assert.equal(priceOf('gpt-4o', { ...r }), 0);
  });
});
