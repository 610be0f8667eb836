// Adversarial bills, each priced by hand from the providers' pricing rules (cache 5-minute write 1.25× input,
// 1-hour write 2×, read 0.1×; long-context tiers bill every token of a request whose input side — input + cache
// reads + cache writes — is above the threshold; OpenAI's completion tokens already include reasoning tokens)
// and run from the raw usage object through the same conversion the providers use.
import * as assert from 'node:assert/strict';
import { billedUsage, costOfProviderUsage, findModel, nothingBilled, rejectedBeforeRun, requestCost, usageFromProvider } from '../../../src/core/spend';
import type { Usage } from '../../../src/core/request';

const near = (actual: number | undefined | null, expected: number): void => {
  assert.ok(typeof actual === 'number', `price is ${actual}`);
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
};

suite('spend / hand-computed bills from raw usage', () => {
  test('zero output: only the input is billed (Haiku 4.5: 1200 × $1 = 1200 µ$)', () => {
    near(costOfProviderUsage('anthropic', 'claude-haiku-4-5', { input_tokens: 1200, output_tokens: 0 }).costUsd, 0.0012);
  });

  test('only cache reads (Sonnet 5 at the permanent $0.20 read: 50000 × 0.2 = 10000 µ$)', () => {
    near(costOfProviderUsage('anthropic', 'claude-sonnet-5', { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 50_000 }).costUsd, 0.01);
  });

  test('1-hour and 5-minute writes mixed (Sonnet 5: 100×2 + 200×10 + 1000×2.5 + 2000×4 + 4000×0.2 = 13500 µ$)', () => {
    const raw = {
      input_tokens: 100, output_tokens: 200, cache_read_input_tokens: 4000, cache_creation_input_tokens: 3000,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
    };
    near(costOfProviderUsage('anthropic', 'claude-sonnet-5', raw).costUsd, 0.0135);
    // The same tokens all priced as 5-minute writes would be 2000 × (4 − 2.5) = 3000 µ$ too little.
    near(costOfProviderUsage('anthropic', 'claude-sonnet-5', { ...raw, cache_creation: undefined }).costUsd, 0.0105);
  });

  test('exactly at the 200k threshold: base prices (Sonnet 4: 150000×3 + 50000×0.3 + 1000×15 = 480000 µ$)', () => {
    const raw = { input_tokens: 150_000, cache_read_input_tokens: 50_000, output_tokens: 1000 };
    assert.equal(findModel('claude-sonnet-4-20250514')?.id, 'claude-sonnet-4-0');
    near(costOfProviderUsage('anthropic', 'claude-sonnet-4-20250514', raw).costUsd, 0.48);
  });

  test('one token above 200k: every token at the long-context price (150001×6 + 50000×0.6 + 1000×22.5 = 952506 µ$)', () => {
    const raw = { input_tokens: 150_001, cache_read_input_tokens: 50_000, output_tokens: 1000 };
    near(costOfProviderUsage('anthropic', 'claude-sonnet-4-20250514', raw).costUsd, 0.952506);
  });

  test('cache writes count toward the threshold and take the tier\'s write prices (Sonnet 4.5)', () => {
    // 1000×6 + 100000×7.5 + 100000×12 + 10×22.5 = 6000 + 750000 + 1200000 + 225 = 1956225 µ$
    const raw = {
      input_tokens: 1000, output_tokens: 10, cache_creation_input_tokens: 200_000,
      cache_creation: { ephemeral_5m_input_tokens: 100_000, ephemeral_1h_input_tokens: 100_000 },
    };
    near(costOfProviderUsage('anthropic', 'claude-sonnet-4-5', raw).costUsd, 1.956225);
  });

  test('OpenAI cached tokens are inside prompt_tokens (gpt-4.1: 904×2 + 4096×0.5 + 300×8 = 6256 µ$)', () => {
    const raw = { prompt_tokens: 5000, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 4096 } };
    const r = costOfProviderUsage('openai', 'gpt-4.1', raw);
    assert.equal(r.usage.input, 904);
    near(r.costUsd, 0.006256);
  });

  test('reasoning tokens are already in completion_tokens: billed once (o4-mini: 2000×1.1 + 1500×4.4 = 8800 µ$)', () => {
    const raw = { prompt_tokens: 2000, completion_tokens: 1500, completion_tokens_details: { reasoning_tokens: 1200 } };
    assert.equal(usageFromProvider('openai', raw).output, 1500);
    near(costOfProviderUsage('openai', 'o4-mini', raw).costUsd, 0.0088);
  });

  test('unknown model: unknown, never $0 — unless no token was used at all', () => {
    const raw = { input_tokens: 10, output_tokens: 10 };
    assert.equal(costOfProviderUsage('anthropic', 'claude-imaginary-9', raw).costUsd, undefined);
    const base = { route: 'cloud' as const, model: 'claude-imaginary-9', totalMs: 5, costPerHour: 0, cloudModel: 'claude-sonnet-5' };
    assert.equal(requestCost({ ...base, usage: usageFromProvider('anthropic', raw) }).costUsd, null);
    assert.equal(requestCost({ ...base, usage: usageFromProvider('anthropic', {}) }).costUsd, 0);
  });

  test('a local request is compared with the cloud model at plain input prices (Sonnet 5: 3000×2 + 500×10 = 11000 µ$)', () => {
    const usage = usageFromProvider('ollama', { prompt_eval_count: 3000, eval_count: 500 });
    const r = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage, totalMs: 36_000, costPerHour: 0.1, cloudModel: 'claude-sonnet-5' });
    near(r.cloudEquivalentUsd, 0.011);
    near(r.costUsd, 0.001); // $0.10/h × 36 s = $0.001
  });

  test('malformed raw usage (strings, negatives, NaN) counts as zero rather than poisoning the bill', () => {
    const raw = { input_tokens: '1000', output_tokens: -5, cache_read_input_tokens: Number.NaN };
    assert.deepEqual(usageFromProvider('anthropic', raw), { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' });
  });

  test('billing rule: reported usage wins; a refusal before the model ran bills $0; otherwise a labelled estimate', () => {
    const reported: Usage = { input: 900, output: 3, cacheRead: 0, cacheWrite: 0, source: 'provider' };
    const estimate = (): Usage => ({ input: 950, output: 10, cacheRead: 0, cacheWrite: 0, source: 'estimate' });
    assert.equal(billedUsage(reported, { code: 'server', status: 500 }, estimate), reported);
    assert.equal(billedUsage(reported, { code: 'auth', status: 401 }, estimate), reported, 'even a refusal keeps what was reported');
    for (const f of [{ code: 'auth' as const, status: 401 }, { code: 'auth' as const, status: 403 }, { code: 'tooLarge' as const, status: 400 },
      { code: 'modelMissing' as const, status: 404 }, { code: 'rateLimited' as const, status: 429 }, { code: 'unknown' as const, status: 422 }]) {
      assert.ok(rejectedBeforeRun(f), `${f.code} ${f.status}`);
      assert.deepEqual(billedUsage(undefined, f, estimate), nothingBilled());
    }
    // An error answer, an error event in its place (no status: sent inside a 200) or a connection that never opened
    // generated nothing — unless text had already streamed.
    for (const f of [{ code: 'unknown' as const, status: 408 }, { code: 'server' as const, status: 529 }, { code: 'server' as const, status: 500 }, { code: 'connection' as const }, { code: 'server' as const }]) {
      assert.ok(rejectedBeforeRun(f), JSON.stringify(f));
      assert.deepEqual(billedUsage(undefined, f, estimate, { streamedChars: 0 }), nothingBilled());
      assert.equal(rejectedBeforeRun(f, 40), false, `${JSON.stringify(f)} after text`);
      assert.equal(billedUsage(undefined, f, estimate, { streamedChars: 40 }).source, 'estimate');
    }
    for (const f of [{ code: 'timeout' as const }, { code: 'stalled' as const }, undefined]) {
      assert.equal(rejectedBeforeRun(f), false, JSON.stringify(f));
      assert.equal(billedUsage(undefined, f, estimate).source, 'estimate');
    }
    // Stopped while the SDK waited to retry a 429: the only answer was a refusal. Stopped after a 2xx: estimated.
    assert.deepEqual(billedUsage(undefined, undefined, estimate, { lastStatus: 429 }), nothingBilled());
    assert.equal(billedUsage(undefined, undefined, estimate, { lastStatus: 200, accepted: true }).source, 'estimate');
    assert.equal(billedUsage(undefined, undefined, estimate, { lastStatus: 429, streamedChars: 0 }).source, 'provider');
    // A connection lost after the API answered 2xx cut a request it had taken: estimated, not $0.
    assert.equal(rejectedBeforeRun({ code: 'connection' }, 0, true), false);
    assert.equal(billedUsage(undefined, { code: 'connection' }, estimate, { accepted: true }).source, 'estimate');
  });

  test('billing rule: usage reported before the final count keeps its input side and estimates the output, labelled', () => {
    const started: Usage = { input: 900, output: 1, cacheRead: 4000, cacheWrite: 200, cacheWrite1h: 100, source: 'provider' };
    const estimate = (): Usage => ({ input: 950, output: 37, cacheRead: 0, cacheWrite: 0, source: 'estimate' });
    assert.deepEqual(billedUsage(started, undefined, estimate, { reportedFinal: false, streamedChars: 148 }),
      { input: 900, output: 37, cacheRead: 4000, cacheWrite: 200, cacheWrite1h: 100, source: 'estimate' });
    // A reported output above the estimate is kept: the provider counted at least that many.
    const later: Usage = { ...started, output: 60 };
    assert.equal(billedUsage(later, { code: 'server' }, estimate, { reportedFinal: false, streamedChars: 148 }).output, 60);
    // The same error event before any text: a failed request, not charged (as its HTTP 529 twin).
    assert.deepEqual(billedUsage(later, { code: 'server' }, estimate, { reportedFinal: false }), nothingBilled());
    assert.equal(billedUsage(later, { code: 'server' }, estimate, { reportedFinal: true }), later, 'a final count is used as is');
  });

  test('anthropic: cache writes the cache_creation split does not account for are billed as 5-minute writes', () => {
    // A gateway's empty split, and a cumulative message_delta total above message_start's split.
    assert.deepEqual(usageFromProvider('anthropic', { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 4000, cache_creation: {} }),
      { input: 10, output: 5, cacheRead: 0, cacheWrite: 4000, source: 'provider' });
    const merged = usageFromProvider('anthropic', { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 5000,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 3000 } });
    assert.deepEqual([merged.cacheWrite, merged.cacheWrite1h], [2000, 3000]);
    // A split that covers the total is taken as it is.
    const exact = usageFromProvider('anthropic', { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 4000,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 3000 } });
    assert.deepEqual([exact.cacheWrite, exact.cacheWrite1h], [1000, 3000]);
  });

  test('a served snapshot the table does not know is priced at the alias asked for; a known one at its own row', () => {
    const usage: Usage = { input: 1000, output: 100, cacheRead: 0, cacheWrite: 0, source: 'provider' };
    near(requestCost({ route: 'cloud', model: 'gpt-4.1-mini-2026-10-01', requestedModel: 'gpt-4.1-mini', usage, totalMs: 1, costPerHour: 0, cloudModel: 'x' }).costUsd, (1000 * 0.4 + 100 * 1.6) / 1e6);
    near(requestCost({ route: 'cloud', model: 'claude-opus-4-5-20251101', requestedModel: 'claude-opus-4', usage, totalMs: 1, costPerHour: 0, cloudModel: 'x' }).costUsd, (1000 * 5 + 100 * 25) / 1e6);
    assert.equal(requestCost({ route: 'cloud', model: 'mystery-1', requestedModel: 'mystery', usage, totalMs: 1, costPerHour: 0, cloudModel: 'x' }).costUsd, null);
  });
});
