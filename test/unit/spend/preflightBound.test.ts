// Rules 1 and 6 of docs/spend.md, hand-priced (USD per million tokens, from the providers' price pages):
// Sonnet 4.6 $3 in, $3.75 5-minute write, $15 out; Sonnet 4.5 the same below 200k, above it $6 in, $7.50 write,
// $22.50 out; GPT-5.4 $2.50 in, $15 out, above 272k $5 in, $22.50 out; Haiku 4.5 $1 in, $5 out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_PRICES, OutputHistory, preflightEstimate, priceOf, TYPICAL_OUTPUT_TOKENS, type PreflightEstimate } from '../../../src/core/spend';

const FIRST = new OutputHistory().expected('cloud', 'ask'); // no history yet
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);
const est = (model: string, prompt: number, kind: 'ask' | 'review' = 'ask'): PreflightEstimate =>
  preflightEstimate(model, prompt, FIRST, 1024, BUNDLED_PRICES, { kind, cacheTtl: '5m' })!;

suite('spend / the pre-flight bound bounds', () => {
  test('cache premium: the context we mark for caching is billed as a 5-minute write (1.25 × input)', () => {
    // 10 000 counted prompt tokens on Sonnet 4.6. A real bill: the provider counts 30 % more (13 000), all written
    // to the cache: 13 000 × 3.75 + 1024 × 15 = 48 750 + 15 360 = 64 110 µ$. Plain input (the old bound):
    // 10 000 × 3 + 15 360 = 45 360 µ$ — below that bill. Bound: (13 500 + 32) × 3.75 + 15 360 = 66 105 µ$.
    const e = est('claude-sonnet-4-6', 10_000);
    close(e.atMostUsd, 0.066105, 'at most');
    assert.ok(e.atMostUsd >= 0.06411, 'bounds the worst real bill');
  });

  test('1-hour caching doubles the input price, and the bound follows the marks', () => {
    // (13 500 + 32) × 6 + 15 360 = 96 552 µ$
    close(preflightEstimate('claude-sonnet-4-6', 10_000, FIRST, 1024, BUNDLED_PRICES, { kind: 'ask', cacheTtl: '1h' })!.atMostUsd, 0.096552, 'at most (1 h)');
  });

  test('long-context tier within the count error: Sonnet 4.5 at 160k counted may bill as > 200k', () => {
    // Counted 160 000; the provider may count 208 000 (1.3 ×) → all at the tier: 208 000 × 7.50 + 1024 × 22.50
    // = 1 560 000 + 23 040 = 1 583 040 µ$. Old bound: 160 000 × 3 + 1024 × 15 = 495 360 µ$.
    // Bound: 216 032 tokens (> 200k) × 7.50 + 23 040 = 1 643 280 µ$.
    const e = est('claude-sonnet-4-5', 160_000);
    close(e.atMostUsd, 1.64328, 'at most');
    assert.ok(e.atMostUsd >= 1.58304);
  });

  test('GPT-5.4 at 262k counted may cross 272k: the whole request at $5 / $22.50', () => {
    // Bound: ceil(262 000 × 1.05) + 32 = 275 132 > 272 000 → 275 132 × 5 + 1024 × 22.50 = 1 398 700 µ$.
    // A bill 4 % above the count: 272 480 × 5 + 23 040 = 1 385 440 µ$ ≤ the bound. Old bound: 670 360 µ$.
    const e = est('gpt-5.4', 262_000);
    close(e.atMostUsd, 1.3987, 'at most');
    assert.ok(e.atMostUsd >= 1.38544);
  });

  test('the bound is never below a bill with any cache split within the count error (every table model)', () => {
    for (const m of BUNDLED_PRICES.models) {
      for (const counted of [0, 900, 150_000, 199_000, 265_000]) {
        const e = preflightEstimate(m.id, counted, FIRST, 1024, BUNDLED_PRICES, { kind: 'ask', cacheTtl: '5m' });
        if (!e) continue;
        // A provider count above ours: 30 % on Claude (its tokenizer is not public), 4 % on OpenAI (exact encoders).
        const real = Math.floor(counted * (m.provider === 'anthropic' ? 1.3 : 1.04));
        for (const [w, r] of [[real, 0], [0, 0], [Math.floor(real / 2), Math.floor(real / 4)]]) {
          const bill = priceOf(m.id, { input: real - w - r, cacheWrite: w, cacheRead: r, output: 1024, source: 'provider' })!;
          assert.ok(e.atMostUsd >= bill - 1e-12, `${m.id} at ${counted}: bound ${e.atMostUsd} < bill ${bill}`);
        }
        assert.ok(e.atMostUsd >= e.likelyUsd);
      }
    }
  });
});

suite('spend / first estimates before history', () => {
  test('a short question on Sonnet 4.6: ~$0.0013 (a typical 75-token answer), not ~$0.0062', () => {
    // 60 prompt tokens: 60 × 3 + 75 × 15 = 180 + 1125 = 1305 µ$. The old default (400 tokens): 6180 µ$.
    const e = est('claude-sonnet-4-6', 60);
    assert.equal(e.basis, 'default');
    assert.equal(e.expectedOutputTokens, 75);
    close(e.likelyUsd, 0.001305, 'likely');
    // The bound stays a bound: (81 + 32) × 3.75 + 1024 × 15 = 15 783.75 µ$
    close(e.atMostUsd, 0.01578375, 'at most');
  });

  test('per kind and model: a review on GPT-5.4 (reasoning) and an ask on GPT-4.1', () => {
    // GPT-5.4 review: 2000 × 2.5 + 561 × 15 = 5000 + 8415 = 13 415 µ$
    close(est('gpt-5.4', 2000, 'review').likelyUsd, 0.013415, 'gpt-5.4 review');
    // GPT-4.1 ($2 / $8) ask: 300 × 2 + 15 × 8 = 720 µ$
    close(est('gpt-4.1', 300).likelyUsd, 0.00072, 'gpt-4.1 ask');
  });

  test('the typical answer lengths are the real responses\' median (ask) and 75th percentile (review)', () => {
    const file = path.join(__dirname, 'fixtures', 'real-usages.json');
    const cases = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: { provider: string; model: string; usage: Record<string, number> }[] }).cases;
    const by: Record<string, number[]> = { anthropic: [], openai: [], openaiReasoning: [] };
    for (const c of cases) {
      const out = c.provider === 'anthropic' ? c.usage.output_tokens : c.usage.completion_tokens ?? c.usage.output_tokens;
      by[c.provider === 'anthropic' ? 'anthropic' : /^(gpt-5|o\d)/.test(c.model) ? 'openaiReasoning' : 'openai'].push(out ?? 0);
    }
    const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)];
    const med = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
    for (const [fam, xs] of Object.entries(by)) {
      const t = TYPICAL_OUTPUT_TOKENS[fam as keyof typeof TYPICAL_OUTPUT_TOKENS];
      assert.equal(t.ask, Math.ceil(med(xs)), `${fam} ask`);
      assert.equal(t.review, pct(xs, 0.75), `${fam} review`);
    }
  });
});
