// spend4 audit, part 4: more rows of the price table through the whole Ask pipeline — dated ids and aliases the rules
// must map (equals / starts_with / regex), long-context tiers on the newest rows, answers cut by max_tokens, refusals,
// redacted thinking, a server that ignores include_usage (an estimate, labelled), and requests that never reached a
// model (blocked by the egress gate: $0, not unknown). Then the day read back (fixtures/dayBook.ts).
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   gpt-5.6-luna in 0.2, cached 0.02, write 0.25, out 1.2; above 272k: 0.4, 0.04, 0.5, 1.8    gpt-5.4-pro in 30, out 180; above 272k: 60, 270
//   claude-sonnet-4-0 (claude-sonnet-4-20250514) in 3, out 15; above 200k: 6, 22.5     claude-opus-4-0 (claude-opus-4-20250514) in 15, out 75
//   o4-mini (o4-mini-high) in 1.1, out 4.4    gpt-5-nano in 0.05, cached 0.005, out 0.4    claude-3-5-haiku in 0.8, read 0.08, write 1, out 4
//   gpt-4o-mini in 0.15, cached 0.075, out 0.6    claude-haiku-4-5 in 1, read 0.1, 1h 2, out 5    gpt-5.4 in 2.5, out 15
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { HybridSettings } from '../../../src/core/settings';
import { renderEvent } from '../../../src/core/native/chatRender';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { AskRig, sentText } from './fixtures/askRig';
import { DayBook } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 words, 52 characters
const NOW = new Date(2026, 11, 7, 14).getTime();
const oa = (model: string, more: Partial<HybridSettings> = {}): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': model, ...more });
const an = (model: string, more: Partial<HybridSettings> = {}): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, ...more });
const footer = (ev: AskEvent[]): string => ev.flatMap((e) => renderEvent(e, 'cloud')).map((o) => (o.kind === 'markdown' ? o.text : '')).join('');

suite('spend4 / hand bills: more table rows, tiers, cut answers, estimates, blocked requests', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const one = async (settings: Partial<HybridSettings>, who: { openai?: object; anthropic?: object }, input?: object) => {
    const r = await rig.run({ settings, ...who, ...(input ? { input } : {}) });
    assert.equal(r.records.length, 1, 'one request, one record');
    return r;
  };

  test('M1 gpt-5.6-luna past 272k with cache writes: 250000×0.4 + 100000×0.04 + 50000×0.5 + 11×1.8 = 100000 + 4000 + 25000 + 19.8 = 129019.8 µ$', async () => {
    const r = await one(oa('gpt-5.6-luna'), { openai: { servedModel: 'gpt-5.6-luna-2026-10-01', usage: { prompt: 400_000, cached: 100_000, cacheWrite: 50_000, reasoning: 0 } } });
    day.book(r.records[0]!, 129_019.8);
  });

  test('M2 gpt-5.4-pro past 272k, no cache price (cached tokens billed as input): 280000×60 + 11×270 = 16800000 + 2970 = 16802970 µ$', async () => {
    const r = await one(oa('gpt-5.4-pro'), { openai: { servedModel: 'gpt-5.4-pro-2026-03-05', usage: { prompt: 280_000, cached: 20_000, reasoning: 0 } } });
    day.book(r.records[0]!, 16_802_970);
  });

  test('M3 claude-sonnet-4-20250514 (the dated id of Sonnet 4) past 200k: 210000×6 + 11×22.5 = 1260000 + 247.5 = 1260247.5 µ$', async () => {
    const r = await one(an('claude-sonnet-4-20250514'), { anthropic: { usage: { input: 210_000, cacheRead: 0, cacheWrite: 0 } } });
    day.book(r.records[0]!, 1_260_247.5);
  });

  test('M4 claude-opus-4-20250514 maps to Opus 4 (an equals rule): 1000×15 + 11×75 = 15000 + 825 = 15825 µ$', async () => {
    const r = await one(an('claude-opus-4-20250514'), { anthropic: { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 } } });
    day.book(r.records[0]!, 15_825);
  });

  test('M5 o4-mini-high (an alias row) with 500 reasoning tokens: 1000×1.1 + 511×4.4 = 1100 + 2248.4 = 3348.4 µ$', async () => {
    const r = await one(oa('o4-mini-high'), { openai: { servedModel: 'o4-mini-high', usage: { prompt: 1000, cached: 0, reasoning: 500 } } });
    day.book(r.records[0]!, 3348.4);
  });

  test('M6 gpt-5-nano-2025-08-07 (a starts_with rule), half cached: 5000×0.05 + 5000×0.005 + 11×0.4 = 250 + 25 + 4.4 = 279.4 µ$', async () => {
    const r = await one(oa('gpt-5-nano'), { openai: { servedModel: 'gpt-5-nano-2025-08-07', usage: { prompt: 10_000, cached: 5000, reasoning: 0 } } });
    day.book(r.records[0]!, 279.4);
  });

  test('M7 claude-3-5-haiku-20241022, reads and a 5 m write: 2000×0.8 + 10000×0.08 + 1000×1 + 11×4 = 1600 + 800 + 1000 + 44 = 3444 µ$', async () => {
    const r = await one(an('claude-3-5-haiku-20241022'), { anthropic: { usage: { input: 2000, cacheRead: 10_000, cacheWrite: 1000 } } });
    day.book(r.records[0]!, 3444);
  });

  test('M8 gpt-4o-mini, half cached: 10000×0.15 + 10000×0.075 + 11×0.6 = 1500 + 750 + 6.6 = 2256.6 µ$', async () => {
    const r = await one(oa('gpt-4o-mini'), { openai: { servedModel: 'gpt-4o-mini-2024-07-18', usage: { prompt: 20_000, cached: 10_000, reasoning: 0 } } });
    day.book(r.records[0]!, 2256.6);
  });

  test('M9 haiku 4.5 with redacted thinking, a cache read and a 1 h write: 1500×1 + 20000×0.1 + 3000×2 + 11×5 = 1500 + 2000 + 6000 + 55 = 9555 µ$', async () => {
    const r = await one(an('claude-haiku-4-5'), { anthropic: { blocks: ['redacted_thinking'], usage: { input: 1500, cacheRead: 20_000, cacheWrite: 3000, cacheWrite1h: 3000 } } });
    day.book(r.records[0]!, 9555);
  });

  test('M10 an answer cut by max_tokens (stop_reason max_tokens) is billed for what was generated: haiku 4.5, 700×1 + 11×5 = 755 µ$', async () => {
    const r = await one(an('claude-haiku-4-5'), { anthropic: { stopReason: 'max_tokens', usage: { input: 700, cacheRead: 0, cacheWrite: 0 } } });
    day.book(r.records[0]!, 755);
  });

  test('M11 a refusal (delta.refusal) is billed like an answer: gpt-5.4 800×2.5 + 8×15 = 2000 + 120 = 2120 µ$', async () => {
    const r = await one(oa('gpt-5.4'), { openai: { refusal: true, answer: "I'm sorry, but I can't help with that.", usage: { prompt: 800, cached: 0, reasoning: 0 } } });
    day.book(r.records[0]!, 2120);
  });

  test('M12 a compatible server that ignores include_usage: an estimate, labelled — ceil(sent/4)×2.5 + ceil(52/4)=13 ×15 µ$, "est." in the footer', async () => {
    const r = await one(oa('gpt-5.4'), { openai: { noUsage: true } });
    const sent = sentText(rig.openai.seen[0]!.json);
    day.book(r.records[0]!, Math.ceil(sent.length / 4) * 2.5 + 13 * 15);
    assert.equal(r.records[0]!.tokens.source, 'estimate');
    assert.match(footer(r.events), /\*\*Cost:\*\* \$0\.\d+ est\./);
  });

  test('M13 a question carrying a secret, blocked by the egress gate: nothing on the wire, $0 (not "unknown")', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const secret = `AKIA${[...randomBytes(16)].map((b) => alphabet[b % 32]).join('')}`; // made at test time, never committed
    const r = await rig.run({ settings: oa('gpt-5.4', { 'privacy.onCloudFindings': 'block' }), input: { question: `Why does aws_access_key_id = ${secret} fail?` } });
    assert.equal(rig.openai.seen.length, 0, 'nothing sent');
    assert.deepEqual(r.records.map((x) => [x.status, x.tokens.input + x.tokens.output]), [['failed', 0]]);
    day.book(r.records[0]!, 0, 'blocked');
  });

  test('the day: panel, status bar ("est."), ledger on disk, CSV and JSON equal Σ hand bills', async () => {
    assert.ok(day.billed.length >= 12);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});
