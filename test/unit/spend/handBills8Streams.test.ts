// spend8 audit, part 2: streams through the whole Ask pipeline (the real SDKs against the independent fakes): usage that
// arrives only in the last event, usage missing entirely behind a gateway (a labelled estimate, counted with tiktoken
// by hand here), and Stop pressed mid-answer on a LiteLLM gateway and on an Anthropic proxy. Written before any fix.
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-sonnet-4-6 in 3, read 0.3, out 15      claude-opus-4-5 in 5, out 25      gpt-5-mini in 0.25, out 2
// The answer is 52 characters in 11 deltas.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { get_encoding, type Tiktoken } from 'tiktoken';
import type { HybridSettings } from '../../../src/core/settings';
import { createTokenCounter, type TokenCounter } from '../../../src/core/tokens';
import { AskRig, sentText } from './fixtures/askRig';
import { DayBook, near } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.';
const NOW = new Date(2026, 11, 7, 11).getTime();
const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, 'fallback.cloudToLocal': false });
const gw = (group: string): Partial<HybridSettings> => ({ 'cloud.provider': 'openai', 'cloud.model': group, 'fallback.cloudToLocal': false });
const quarter = (t: string): number => Math.ceil(t.length / 4);

suite('spend8 / hand bills: usage late, missing, and streams stopped on a gateway and a proxy', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  let counter: TokenCounter;
  let o200k: Tiktoken;
  suiteSetup(async () => {
    await rig.open();
    counter = createTokenCounter({ assetsDir: path.join(__dirname, '..', '..', '..', 'node_modules', 'tiktoken', 'encoders') });
    o200k = get_encoding('o200k_base');
  });
  suiteTeardown(async () => { counter.dispose(); o200k.free(); await rig.close(); });
  // As the VS Code adapter counts (askService.ts): the model it is given, else hybrid.cloud.model.
  const countFor = (group: string) => (text: string, model?: string) => counter.count(text, model ?? group);

  test('S1 a proxy puts every count in message_delta (message_start says 0): 3000×3 + 2000×0.3 + 11×15 = 9000 + 600 + 165 = 9765 µ$, provider-counted', async () => {
    const r = (await rig.runOne(an('claude-sonnet-4-6'), { anthropic: { usage: { input: 0, cacheRead: 0, cacheWrite: 0 }, deltaExtraUsage: { input_tokens: 3000, cache_read_input_tokens: 2000 } } })).record;
    day.book(r, 9765);
    assert.equal(r.tokens.source, 'provider');
  });

  test('S2 a gateway group "team-mini" answered by gpt-5-mini-2025-08-07 with no usage at all: o200k(sent)×0.25 + o200k(answer)×2 µ$, labelled an estimate', async () => {
    const run = await rig.run({ settings: gw('team-mini'), countTokens: countFor('team-mini'), openai: { servedModel: 'gpt-5-mini-2025-08-07', noUsage: true } });
    const r = run.records[0]!;
    const sent = sentText(rig.openai.seen.at(-1)!.json);
    const micro = o200k.encode(sent).length * 0.25 + o200k.encode(ANSWER).length * 2;
    day.book(r, micro);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('S3 Stop after 3 deltas on a LiteLLM gateway group answered by claude-opus-4-5-20251101 (no usage chunk yet): ceil(sent/4)×5 + ceil(streamed/4)×25 µ$, labelled', async () => {
    const run = await rig.run({ settings: gw('team-opus'), stopAfter: 3, openai: { servedModel: 'claude-opus-4-5-20251101' } });
    const r = run.records[0]!;
    const sent = sentText(rig.openai.seen.at(-1)!.json);
    day.book(r, quarter(sent) * 5 + quarter(run.streamed) * 25);
    assert.equal(r.status, 'cancelled');
    assert.equal(r.tokens.source, 'estimate');
  });

  test('S4 Stop after 3 deltas on a self-hosted gateway group the table does not know: unknown (LiteLLM bills the partial stream at its own price), never $0', async () => {
    const run = await rig.run({ settings: gw('team-qwen'), stopAfter: 3, openai: { servedModel: 'hosted_vllm/qwen2.5-coder-32b' } });
    const r = run.records[0]!;
    day.book(r, null);
    assert.equal(r.tokens.source, 'estimate');
    assert.ok(r.tokens.input > 0 && r.tokens.output > 0, JSON.stringify(r.tokens));
  });

  test('S5 Stop after 3 deltas behind a proxy whose message_start says input 0 (its counts come in message_delta, which never came): the prompt is estimated, ceil(sent/4)×3 + ceil(streamed/4)×15 µ$, not billed as 0 input', async () => {
    const run = await rig.run({ settings: an('claude-sonnet-4-6'), stopAfter: 3, anthropic: { usage: { input: 0, cacheRead: 0, cacheWrite: 0 }, deltaExtraUsage: { input_tokens: 3000 } } });
    const r = run.records[0]!;
    const sent = sentText(rig.anthropic.seen.at(-1)!.json);
    day.book(r, quarter(sent) * 3 + quarter(run.streamed) * 15);
    assert.equal(r.tokens.source, 'estimate');
  });

  test('S6 a gateway group answered by gpt-5-mini with a whole usage: 1000×0.25 + 11×2 = 250 + 22 = 272 µ$ (the tokenizer is not asked)', async () => {
    const r = (await rig.runOne(gw('team-mini'), { openai: { servedModel: 'gpt-5-mini-2025-08-07', usage: { prompt: 1000, cached: 0, reasoning: 0 } } })).record;
    day.book(r, 272);
    near(r.costUsd, 272, 'S6');
  });

  test('the day: panel, status bar, ledger, CSV and JSON equal Σ hand bills; the unknown gateway group says "unpriced"', async () => {
    await day.closeDay(new Date(NOW));
  });
});
