// spend5 audit, part 1: usage objects with counts missing (a compatible server, a proxy), a proxy's zeroed cache
// split, dated and upper-case model names, tiers crossed by cached or 1-hour tokens, a retried request whose usage
// lacks a count — each through the whole Ask pipeline (real SDKs against the independent fakes), then the day read
// back. Every figure is priced by hand in the test's title from /work/shared/data/prices-reference.json ($/Mtok):
//   gpt-4.1 in 2, out 8     gpt-5.4-mini in 0.75, cached 0.075, out 4.5     gpt-5.2 in 1.75, cached 0.175, out 14
//   gpt-5.6-terra in 2, cached 0.2, out 12; above 272k: 4, 0.4, 18
//   claude-sonnet-4-6 in 3, write 5m 3.75, 1h 6, read 0.3, out 15     claude-opus-4-7 in 5, 1h write 10, out 25
//   claude-sonnet-4-5 above 200k: in 6, read 0.6, write 5m 7.5, 1h 12, out 22.5
// The rig counts tokens as ceil(chars / 4) (its tokenizer port), so an estimated side is ceil(chars / 4) of what went
// on the wire (sentText) or of the 52-character answer: ceil(52 / 4) = 13.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { get_encoding, type Tiktoken } from 'tiktoken';
import type { HybridSettings } from '../../../src/core/settings';
import { createTokenCounter, type TokenCounter } from '../../../src/core/tokens';
import { AskRig, sentText } from './fixtures/askRig';
import { DayBook } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 words = 11 deltas, 52 chars
const NOW = new Date(2026, 11, 7, 11).getTime();
const oa = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': model, 'fallback.cloudToLocal': false });
const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, 'fallback.cloudToLocal': false });

suite('spend5 / hand bills: usage with counts missing, proxies, names, tiers', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const one = async (settings: Partial<HybridSettings>, who: { openai?: object; anthropic?: object }) => (await rig.runOne(settings, who)).record;
  const openaiSent = () => Math.ceil(sentText(rig.openai.seen.at(-1)!.json).length / 4);
  const anthropicSent = () => Math.ceil(sentText(rig.anthropic.seen.at(-1)!.json).length / 4);

  test('U1 a usage chunk without completion_tokens but with total_tokens: the output is the provider\'s own difference, 3011 − 3000 = 11; 3000×2 + 11×8 = 6088 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { rawUsage: { prompt_tokens: 3000, total_tokens: 3011 } } });
    day.book(r, 6088);
    assert.equal(r.tokens.output, 11);
  });

  test('U2 a usage chunk with prompt_tokens only: the output is estimated from the answer and labelled, 3000×2 + 13×8 = 6104 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { rawUsage: { prompt_tokens: 3000 } } });
    day.book(r, 6104);
    assert.equal(r.tokens.source, 'estimate', 'an estimated output is labelled');
  });

  test('U3 an empty usage object after a whole answer is not $0: both sides estimated and labelled, ceil(sent/4)×2 + 13×8 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { rawUsage: {} } });
    day.book(r, openaiSent() * 2 + 13 * 8);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('U4 a usage chunk with completion_tokens only: the prompt is estimated and labelled, ceil(sent/4)×2 + 11×8 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { rawUsage: { completion_tokens: 11 } } });
    day.book(r, openaiSent() * 2 + 11 * 8);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('U5 a proxy\'s message_delta without output_tokens: message_start\'s placeholder is not the bill; 2000×3 + 13×15 = 6195 µ$, labelled', async () => {
    const r = await one(an('claude-sonnet-4-6'), { anthropic: { usage: { input: 2000, cacheRead: 0, cacheWrite: 0 }, deltaExtraUsage: { output_tokens: undefined } } });
    day.book(r, 6195);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('U6 a proxy\'s message_start without input_tokens (and none later): the prompt is estimated, ceil(sent/4)×3 + 11×15 µ$, labelled', async () => {
    const r = await one(an('claude-sonnet-4-6'), { anthropic: { usage: { input: 2000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { input_tokens: undefined } } });
    day.book(r, anthropicSent() * 3 + 11 * 15);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('U7 a proxy\'s message_delta with a zeroed cache_creation split keeps message_start\'s 1 h writes: 500×3 + 1000×3.75 + 3000×6 + 11×15 = 1500 + 3750 + 18000 + 165 = 23415 µ$', async () => {
    const r = await one(an('claude-sonnet-4-6'), { anthropic: {
      usage: { input: 500, cacheRead: 0, cacheWrite: 4000, cacheWrite1h: 3000 },
      deltaExtraUsage: { cache_creation_input_tokens: 4000, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } },
    } });
    day.book(r, 23_415);
    assert.equal(r.tokens.cacheWrite1h, 3000);
  });

  test('U8 a gateway\'s usage.cost with completion_tokens missing: the gateway\'s figure is the bill, 6100 µ$', async () => {
    const r = await one(oa('team-gpt'), { openai: { servedModel: 'gpt-4.1-2025-04-14', rawUsage: { prompt_tokens: 3000, cost: 0.0061 } } });
    day.book(r, 6100);
  });

  test('U9 a 503 the SDK retries, then a usage chunk without completion_tokens (total 3011): billed once, 3000×2 + 11×8 = 6088 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { statusTimes: 1, status: { code: 503, type: 'server_error', code_: null, message: 'busy' }, rawUsage: { prompt_tokens: 3000, total_tokens: 3011 } } });
    day.book(r, 6088);
    assert.equal(rig.openai.seen.length, 2, 'two attempts on the wire, one record');
  });

  test('N1 an upper-case served name (GPT-4.1, an Azure-style deployment echo) prices as gpt-4.1: 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await one(oa('gpt-4.1'), { openai: { servedModel: 'GPT-4.1', usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
    day.book(r, 2088);
  });

  test('N2 gpt-5.4-mini answered as a snapshot newer than the table, cached + 40 reasoning: 1000×0.75 + 2000×0.075 + 51×4.5 = 750 + 150 + 229.5 = 1129.5 µ$', async () => {
    const r = await one(oa('gpt-5.4-mini'), { openai: { servedModel: 'gpt-5.4-mini-2026-12-01', usage: { prompt: 3000, cached: 2000, reasoning: 40 } } });
    day.book(r, 1129.5);
  });

  test('N3 claude-opus-4-7-20261015 (dated), only 1 h writes: 1000×5 + 2000×10 + 11×25 = 5000 + 20000 + 275 = 25275 µ$', async () => {
    const r = await one(an('claude-opus-4-7'), { anthropic: { servedModel: 'claude-opus-4-7-20261015', usage: { input: 1000, cacheRead: 0, cacheWrite: 2000, cacheWrite1h: 2000 } } });
    day.book(r, 25_275);
  });

  test('O1 gpt-5.2 answered as gpt-5.2-2025-12-11, cached + 300 reasoning: 2000×1.75 + 4000×0.175 + 311×14 = 3500 + 700 + 4354 = 8554 µ$', async () => {
    const r = await one(oa('gpt-5.2'), { openai: { servedModel: 'gpt-5.2-2025-12-11', usage: { prompt: 6000, cached: 4000, reasoning: 300 } } });
    day.book(r, 8554);
  });

  test('T1 gpt-5.6-terra one token past 272k through cached tokens: 72001×4 + 200000×0.4 + 11×18 = 288004 + 80000 + 198 = 368202 µ$', async () => {
    const r = await one(oa('gpt-5.6-terra'), { openai: { usage: { prompt: 272_001, cached: 200_000, reasoning: 0 } } });
    day.book(r, 368_202);
  });

  test('T2 sonnet 4.5 one token past 200k through a 1 h write: 100000×6 + 50000×0.6 + 25000×7.5 + 25001×12 + 11×22.5 = 600000 + 30000 + 187500 + 300012 + 247.5 = 1117759.5 µ$', async () => {
    const r = await one(an('claude-sonnet-4-5'), { anthropic: { usage: { input: 100_000, cacheRead: 50_000, cacheWrite: 50_001, cacheWrite1h: 25_001 } } });
    day.book(r, 1_117_759.5);
  });

  test('the day: panel, status bar ("est."), ledger on disk, CSV and JSON equal Σ hand bills', async () => {
    assert.ok(day.billed.length >= 15);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});

// The estimate a cut stream gets is recounted with the model's tokenizer (o200k for gpt-4.1). The auditor counts with
// the full tiktoken package's own o200k_base (not the product's lite build and rank files), then prices by hand.
suite('spend5 / hand bills: estimates counted by tiktoken', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  let counter: TokenCounter;
  let o200k: Tiktoken;
  suiteSetup(async () => {
    await rig.open();
    counter = createTokenCounter({ assetsDir: path.join(__dirname, '..', '..', '..', 'node_modules', 'tiktoken', 'encoders') });
    o200k = get_encoding('o200k_base');
  });
  suiteTeardown(async () => { counter.dispose(); o200k.free(); await rig.close(); });
  const countTokens = (t: string) => counter.count(t, 'gpt-4.1');
  const count = (t: string) => o200k.encode(t).length;

  test('X1 gpt-4.1 reset mid-answer (no usage chunk): o200k(sent)×2 + o200k(streamed)×8 µ$, labelled', async () => {
    const r = await rig.run({ settings: oa('gpt-4.1'), countTokens, openai: { usage: { prompt: 999, cached: 0, reasoning: 0 }, delivery: { cutAfter: 6, cut: 'reset' } } });
    const rec = r.records[0]!;
    const sent = sentText(rig.openai.seen.at(-1)!.json);
    assert.ok(r.streamed.length > 0 && r.streamed.length < ANSWER.length, `cut mid-answer: ${JSON.stringify(r.streamed)}`);
    const micro = count(sent) * 2 + count(r.streamed) * 8;
    assert.ok(typeof rec.costUsd === 'number' && Math.abs(rec.costUsd - micro / 1e6) < 1e-9, `${rec.costUsd} ≠ ${micro / 1e6}`);
    assert.equal(rec.tokens.source, 'estimate');
  });

  test('X2 gpt-4.1 usage with prompt_tokens only: 3000×2 + o200k(answer) = 12 ×8 = 6096 µ$, labelled', async () => {
    assert.equal(count(ANSWER), 12);
    const r = await rig.run({ settings: oa('gpt-4.1'), countTokens, openai: { rawUsage: { prompt_tokens: 3000 } } });
    const rec = r.records[0]!;
    assert.ok(typeof rec.costUsd === 'number' && Math.abs(rec.costUsd - 6096 / 1e6) < 1e-9, `${rec.costUsd}`);
    assert.equal(rec.tokens.source, 'estimate');
  });
});
