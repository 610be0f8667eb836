// Hand-priced bills that only exist on a stream: the real providers against the independent fakes (written from the
// APIs' docs), then the ledger's pricing seam. A cancelled stream keeps the input side the provider reported and
// labels its output as an estimate; a stream without a usage chunk is an estimate end to end.
import * as assert from 'node:assert/strict';
import { IndependentAnthropic, IndependentOpenAI } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { requestCost } from '../../../src/core/spend';
import type { Usage } from '../../../src/core/request';
import { drain, never, sealed, testKey } from '../providers/helpers';

const cost = (model: string, usage: Usage, requested = model): number | null =>
  requestCost({ route: 'cloud', model, usage, totalMs: 1000, costPerHour: 0, cloudModel: requested, requestedModel: requested }).costUsd;
const near = (got: number | null, want: number, what: string): void => {
  assert.ok(typeof got === 'number', `${what}: ${got}`);
  assert.ok(Math.abs(got - want) < 1e-9, `${what}: ${got} ≠ ${want}`);
};

suite('spend / hand-priced bills from real streams', () => {
  const anthropic = new IndependentAnthropic();
  const openai = new IndependentOpenAI();
  let aUrl = '', oUrl = '';
  const key = testKey();
  suiteSetup(async () => { aUrl = await anthropic.listen(); oUrl = await openai.listen(); });
  suiteTeardown(async () => { await anthropic.close(); await openai.close(); });

  const anthropicRun = (signal = never(), onChunk?: (c: string, i: number) => void) => drain(
    createAnthropicProvider({ baseUrl: aUrl, apiKey: key, maxRetries: 0 }).stream(sealed('claude-sonnet-4-0'), signal), onChunk ? { onChunk } : {});

  test('a finished Anthropic stream (Sonnet 4) with 5m + 1h writes, served under its dated name', async () => {
    anthropic.opts = { servedModel: 'claude-sonnet-4-20250514', usage: { input: 5000, cacheRead: 20_000, cacheWrite: 3000, cacheWrite1h: 1000 } };
    const d = await anthropicRun();
    assert.equal(d.result.usage.source, 'provider');
    assert.equal(d.result.usage.cacheWrite1h, 1000);
    // 5000×3 + 20000×0.3 + 2000×3.75 + 1000×6 = 34500 µ$, plus the reported output × 15.
    near(cost(d.result.model, d.result.usage, 'claude-sonnet-4-0'), (34_500 + d.result.usage.output * 15) / 1e6, 'finished');
  });

  test('cancelled after message_start, past the 200k tier: input side exact at tier rates, output estimated and labelled', async () => {
    anthropic.opts = { servedModel: 'claude-sonnet-4-20250514', usage: { input: 150_000, cacheRead: 60_000, cacheWrite: 0 }, delivery: { gapMs: 40 } };
    const ac = new AbortController();
    const d = await anthropicRun(ac.signal, (_c, i) => { if (i === 1) ac.abort(); });
    assert.equal(d.result.finish, 'cancelled');
    assert.equal(d.result.usage.source, 'estimate', 'the output count is not the provider\'s final one');
    assert.equal(d.result.usage.input, 150_000);
    assert.equal(d.result.usage.cacheRead, 60_000);
    assert.ok(d.result.usage.output >= Math.ceil(d.text.length / 4), 'every streamed token is billed');
    // 210000 input-side tokens > 200k: 150000×6 + 60000×0.6 = 936000 µ$, plus output × 22.5.
    near(cost(d.result.model, d.result.usage, 'claude-sonnet-4-0'), (936_000 + d.result.usage.output * 22.5) / 1e6, 'cancelled');
  });

  test('OpenAI cached + reasoning through the stream, answered under the dated snapshot', async () => {
    openai.opts = { servedModel: 'gpt-4.1-2025-04-14', usage: { prompt: 10_000, cached: 8000, reasoning: 0 } };
    const d = await drain(createOpenAIProvider({ baseUrl: oUrl, apiKey: key, maxRetries: 0 }).stream(sealed('gpt-4.1'), never()));
    assert.equal(d.result.usage.input, 2000);
    // 2000×2 + 8000×0.5 + output×8.
    near(cost(d.result.model, d.result.usage, 'gpt-4.1'), (4000 + 4000 + d.result.usage.output * 8) / 1e6, 'openai');
  });

  test('a server that sends no usage chunk: priced from the estimate, and the usage says so', async () => {
    openai.opts = { noUsage: true };
    const d = await drain(createOpenAIProvider({ baseUrl: oUrl, apiKey: key, maxRetries: 0 }).stream(sealed('gpt-4.1'), never()));
    assert.equal(d.result.usage.source, 'estimate');
    near(cost(d.result.model, d.result.usage, 'gpt-4.1'), (d.result.usage.input * 2 + d.result.usage.output * 8) / 1e6, 'estimate');
  });
});
