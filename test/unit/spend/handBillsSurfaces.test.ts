// spend3 audit, part 2: OpenAI / Anthropic usage shapes and the surfaces that make records (Ask, a native Chat turn
// with history, escalation, review, a team gateway with and without usage.cost), priced by hand. The shapes run the
// real providers against the independent fakes; the surfaces run the whole Ask pipeline (fixtures/askRig.ts). Then
// the day's total: the spend model (panel and status bar), the ledger on disk, CSV and JSON equal Σ hand bills.
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   gpt-5 in 1.25, cached 0.125, out 10     o4-mini in 1.1, cached 0.275, out 4.4     gpt-4.1-mini in 0.4, cached 0.1, out 1.6
//   gpt-4o-audio-preview in 2.5, out 10 (no audio price)     gpt-audio in 2.5, audio in 32, out 10, audio out 64
//   claude-sonnet-4-6 in 3, read 0.3, write 5m 3.75, 1h 6, out 15    claude-sonnet-5 in 2, read 0.2, write 5m 2.5, out 10
//   claude-haiku-4-5 in 1, out 5     gpt-4.1 in 2, cached 0.5, out 8
// Web search (server_tool_use) has no price in the reference: billed on tokens only, as the reference dataset does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndependentAnthropic, IndependentOpenAI, type IndependentAnthropicOptions, type IndependentOpenAIOptions } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { BUNDLED_PRICES, Ledger, ledgerCsv, ledgerJson, requestCost, SpendModel } from '../../../src/core/spend';
import { statusText } from '../../../src/core/presentation/statusText';
import { renderEvent } from '../../../src/core/native/chatRender';
import type { LedgerRecord } from '../../../src/core/request';
import { drain, never, sealed, testKey, type Drained } from '../providers/helpers';
import { AskRig, sentText } from './fixtures/askRig';
import { record } from './fixtures/records';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 words = 11 deltas = 11 output tokens
const key = testKey();
const NOW = new Date(2026, 11, 6, 15).getTime(); // local 6 Dec 2026 15:00, any time zone

function near(got: number | null | undefined, microUsd: number, what: string): void {
  assert.ok(typeof got === 'number', `${what}: ${got}`);
  assert.ok(Math.abs(got - microUsd / 1e6) < 1e-9, `${what}: product ${got} ≠ hand ${microUsd / 1e6}`);
}
const seam = (d: Drained, asked: string): number | null =>
  requestCost({ route: 'cloud', model: d.result.model || asked, usage: d.result.usage, totalMs: 1, costPerHour: 0, cloudModel: asked, requestedModel: asked }).costUsd;

async function openaiShape(o: IndependentOpenAIOptions, model: string): Promise<Drained> {
  const fake = new IndependentOpenAI({ answer: ANSWER, ...o });
  const url = await fake.listen();
  try { return await drain(createOpenAIProvider({ baseUrl: url, apiKey: key, maxRetries: 0, location: 'cloud' }).stream(sealed(model), never())); } finally { await fake.close(); }
}
async function anthropicShape(o: IndependentAnthropicOptions, model: string): Promise<Drained> {
  const fake = new IndependentAnthropic({ answer: ANSWER, ...o });
  const url = await fake.listen();
  try { return await drain(createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries: 0 }).stream(sealed(model), never())); } finally { await fake.close(); }
}

suite('spend3 / hand bills: usage shapes', function () {
  this.timeout(20_000);

  test('U1 gpt-5, cached + reasoning (inside completion_tokens, billed once as output): 2000×1.25 + 4000×0.125 + (11 + 1200)×10 = 2500 + 500 + 12110 = 15110 µ$', async () => {
    near(seam(await openaiShape({ usage: { prompt: 6000, cached: 4000, reasoning: 1200 } }, 'gpt-5'), 'gpt-5'), 15_110, 'gpt-5');
  });

  test('U2 o4-mini dated, cached + reasoning: 1024×1.1 + 1024×0.275 + (11 + 256)×4.4 = 1126.4 + 281.6 + 1174.8 = 2582.8 µ$', async () => {
    near(seam(await openaiShape({ servedModel: 'o4-mini-2025-04-16', usage: { prompt: 2048, cached: 1024, reasoning: 256 } }, 'o4-mini'), 'o4-mini'), 2582.8, 'o4-mini');
  });

  test('U3 gpt-4o-audio-preview, 69 audio of 81 prompt tokens, no audio price in the reference: 81×2.5 + 72×10 = 922.5 µ$', async () => {
    const rawUsage = { prompt_tokens: 81, completion_tokens: 72, total_tokens: 153,
      prompt_tokens_details: { audio_tokens: 69, cached_tokens: 0, image_tokens: 0, text_tokens: 12 },
      completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: 0, rejected_prediction_tokens: 0, text_tokens: 72 } };
    near(seam(await openaiShape({ servedModel: 'gpt-4o-audio-preview-2024-12-17', rawUsage }, 'gpt-4o-audio-preview'), 'gpt-4o-audio-preview'), 922.5, 'audio preview');
  });

  test('U4 gpt-audio, audio in and out at the audio prices: 400×2.5 + 600×32 + 200×10 + 300×64 = 1000 + 19200 + 2000 + 19200 = 41400 µ$', async () => {
    const rawUsage = { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500,
      prompt_tokens_details: { audio_tokens: 600, cached_tokens: 0, text_tokens: 400 },
      completion_tokens_details: { audio_tokens: 300, reasoning_tokens: 0, text_tokens: 200 } };
    const d = await openaiShape({ servedModel: 'gpt-audio-2025-08-28', rawUsage }, 'gpt-audio');
    near(seam(d, 'gpt-audio'), 41_400, 'gpt-audio');
    // The ledger keeps the audio parts that made the cost: read back, the same usage prices the same.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend3-audio-'));
    try {
      const ledger = await Ledger.open(dir);
      assert.equal((await ledger.append({ ...record('audio', { model: d.result.model, provider: 'openai', tokens: d.result.usage }), costUsd: seam(d, 'gpt-audio') })).written, true);
      const back = (await ledger.load()).records[0]!;
      await ledger.close();
      assert.deepEqual([back.tokens.audioInput, back.tokens.audioOutput], [600, 300]);
      near(requestCost({ route: 'cloud', model: back.model, usage: back.tokens, totalMs: 1, costPerHour: 0, cloudModel: 'gpt-audio' }).costUsd, 41_400, 'from the ledger');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  test('U5 gpt-4.1-mini, usage chunk without `choices` (compatible servers): 4000×0.4 + 6000×0.1 + 11×1.6 = 1600 + 600 + 17.6 = 2217.6 µ$', async () => {
    near(seam(await openaiShape({ usageChunkWithoutChoices: true, usage: { prompt: 10_000, cached: 6000, reasoning: 0 } }, 'gpt-4.1-mini'), 'gpt-4.1-mini'), 2217.6, 'mini');
  });

  test('U6 sonnet 4.6 with 3 web searches (server_tool_use, unpriced in the reference): 10000×3 + 11×15 = 30165 µ$', async () => {
    const d = await anthropicShape({ usage: { input: 10_000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { server_tool_use: { web_search_requests: 3, web_fetch_requests: 0 } } }, 'claude-sonnet-4-6');
    near(seam(d, 'claude-sonnet-4-6'), 30_165, 'web search');
  });

  test('U7 sonnet 4.6, thinking block (6 thinking deltas inside output_tokens): 500×3 + (6 + 11)×15 = 1500 + 255 = 1755 µ$', async () => {
    near(seam(await anthropicShape({ blocks: ['thinking'], usage: { input: 500, cacheRead: 0, cacheWrite: 0 } }, 'claude-sonnet-4-6'), 'claude-sonnet-4-6'), 1755, 'thinking');
  });

  test('U8 sonnet 4.6, cumulative message_delta over a 5 m / 1 h split: 400×3 + 2000×3.75 + 1000×6 + 6000×0.3 + 11×15 = 16665 µ$', async () => {
    const d = await anthropicShape({ deltaUsage: 'cumulative', usage: { input: 400, cacheWrite: 3000, cacheWrite1h: 1000, cacheRead: 6000 } }, 'claude-sonnet-4-6');
    near(seam(d, 'claude-sonnet-4-6'), 16_665, 'cumulative');
  });

  test('U9 haiku 4.5 answering with a tool call (4 input_json deltas in output_tokens): 2000×1 + (11 + 4)×5 = 2075 µ$', async () => {
    near(seam(await anthropicShape({ blocks: ['tool_use'], usage: { input: 2000, cacheRead: 0, cacheWrite: 0 } }, 'claude-haiku-4-5'), 'claude-haiku-4-5'), 2075, 'tool use');
  });

  test('U10 an Anthropic-compatible proxy sending input_tokens: 0 in message_delta: the input side stays message_start\'s, 2500×3 + 8000×0.3 + 1000×3.75 + 11×15 = 13815 µ$', async () => {
    const d = await anthropicShape({ usage: { input: 2500, cacheRead: 8000, cacheWrite: 1000 },
      deltaExtraUsage: { input_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } }, 'claude-sonnet-4-6');
    near(seam(d, 'claude-sonnet-4-6'), 13_815, 'zeros in message_delta');
  });
});

suite('spend3 / hand bills: surfaces through the whole Ask pipeline, and the day\'s totals', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const billed: { r: LedgerRecord; micro: number }[] = [];
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const sonnet46 = { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6', 'cloud.lightModel': 'claude-haiku-4-5' } as const;

  function book(r: LedgerRecord, micro: number, footer?: { costUsd: number | null }): void {
    near(r.costUsd, micro, `${r.origin}/${r.route} ${r.model}`);
    if (footer) assert.equal(footer.costUsd, r.costUsd, 'the chat footer shows the ledger figure');
    billed.push({ r, micro });
  }
  const footerOf = (ev: { type: string }[]) => (ev.filter((e) => e.type === 'done').pop() as { footer: { costUsd: number | null } } | undefined)?.footer;

  test('S1 Ask (cloud) on sonnet 5: 1800×2 + 12000×0.2 + 600×2.5 + 11×10 = 3600 + 2400 + 1500 + 110 = 7610 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-5' }, anthropic: { usage: { input: 1800, cacheRead: 12_000, cacheWrite: 600 } } });
    assert.equal(r.records.length, 1);
    book(r.records[0]!, 7610, footerOf(r.events));
  });

  test('S2 a native Chat follow-up turn (history sent): one record, 2600×3 + 11×15 = 7965 µ$', async () => {
    const r = await rig.run({ settings: sonnet46, anthropic: { usage: { input: 2600, cacheRead: 0, cacheWrite: 0 } },
      input: { history: [{ role: 'user', content: 'What is map?' }, { role: 'assistant', content: 'A method of arrays.' },
        { role: 'user', content: 'And filter?', local: true }, { role: 'assistant', content: 'LOCAL-ONLY answer.', local: true }] } });
    assert.equal(r.records.length, 1);
    assert.ok(!JSON.stringify(rig.anthropic.seen[0]!.json).includes('LOCAL-ONLY'), 'the local exchange stayed local');
    book(r.records[0]!, 7965, footerOf(r.events));
  });

  test('S10 @hybrid /cloud (native Chat) on sonnet 4.6 with 1 h writes: cost line $0.04 for 1000×3 + 4000×0.3 + 2000×3.75 + 4000×6 + 11×15 = 35865 µ$, 11000 in', async () => {
    const r = await rig.run({ settings: sonnet46, input: { origin: 'askCloud', question: 'Explain the retry loop in src/fetch.ts and its back-off.' },
      anthropic: { usage: { input: 1000, cacheRead: 4000, cacheWrite: 6000, cacheWrite1h: 4000 } } });
    const rec = r.records[0]!;
    book(rec, 35_865, footerOf(r.events));
    const line = r.events.flatMap((e) => renderEvent(e, 'auto')).map((o) => (o.kind === 'markdown' ? o.text : '')).join('');
    // $0.035865 → $0.04 (two decimals from one cent up); every prompt-side token: 1000 + 4000 + 2000 + 4000 = 11000.
    assert.match(line, /\*\*Cost:\*\* \$0\.04 · 11000 in \/ 11 out tokens/);
  });

  test('S3 escalation: unsure local answer → haiku 4.5 (light tier): 300×1 + 11×5 = 355 µ$; local $0; all-cloud on sonnet 4.6 300×3 + 11×15 = 1065 µ$', async () => {
    const r = await rig.run({ settings: { ...sonnet46, 'routing.escalation': 'auto', 'routing.localBelow': 0, 'routing.complexityThreshold': 1.01 },
      input: { origin: 'askAuto', question: 'How should I structure the retry logic in this fetch wrapper?' },
      ollama: { answer: "I'm not sure, but maybe the cache key is stale.", promptEvalCount: 250 },
      anthropic: { servedModel: 'claude-haiku-4-5-20251001', usage: { input: 300, cacheRead: 0, cacheWrite: 0 } } });
    assert.deepEqual(r.records.map((x) => x.route), ['local', 'cloud']);
    const [local, cloud] = r.records as [LedgerRecord, LedgerRecord];
    book(local, 0);
    book(cloud, 355);
    near(cloud.cloudEquivalentUsd, 1065, 'all-cloud figure of the escalation');
  });

  test('S4 review (stays local): $0, cloud-equivalent on sonnet 4.6 3000×3 + 11×15 = 9165 µ$', async () => {
    const r = await rig.run({ settings: sonnet46, ollama: { promptEvalCount: 3000 },
      input: { origin: 'review', kind: 'review', question: 'Review this code.', context: [{ source: 'file', path: 'src/a.ts', text: 'export const a = [1, 2].map((x) => x * 2);\n' }] } });
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]!.route, 'local');
    book(r.records[0]!, 0);
    near(r.records[0]!.cloudEquivalentUsd, 9165, 'review cloud-equivalent');
  });

  test('S5 team gateway with usage.cost: the gateway\'s $0.0123 is the bill; our table beside it 1000×2 + 11×8 = 2088 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'openai/gpt-4.1' },
      openai: { servedModel: 'openai/gpt-4.1', rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, cost: 0.0123 } } });
    book(r.records[0]!, 12_300, footerOf(r.events));
    near(r.records[0]!.tableCostUsd, 2088, 'table figure');
  });

  test('S6 team gateway without usage.cost: the table, 500×2 + 500×0.5 + 11×8 = 1338 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'openai/gpt-4.1' },
      openai: { servedModel: 'openai/gpt-4.1', rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, prompt_tokens_details: { cached_tokens: 500 } } } });
    book(r.records[0]!, 1338, footerOf(r.events));
    assert.equal(r.records[0]!.tableCostUsd, undefined);
  });

  test('S9 team gateway with usage.cost, the connection reset after the usage chunk (before [DONE]): still the gateway\'s $0.0123', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'openai/gpt-4.1', 'fallback.cloudToLocal': false },
      openai: { servedModel: 'openai/gpt-4.1', rawUsage: { prompt_tokens: 1000, completion_tokens: 11, total_tokens: 1011, cost: 0.0123 }, delivery: { cutAfter: 14, cut: 'reset' } } });
    assert.equal(r.records[0]!.status, 'failed');
    book(r.records[0]!, 12_300, footerOf(r.events));
    near(r.records[0]!.tableCostUsd, 2088, 'table figure beside it: 1000×2 + 11×8');
  });

  test('S11 Anthropic Stop after 3 deltas in Ask: 1500×3 + ceil(13/4)=4 ×15 = 4560 µ$, labelled; the note says which count is estimated', async () => {
    const r = await rig.run({ settings: sonnet46, anthropic: { usage: { input: 1500, cacheRead: 0, cacheWrite: 0 }, delivery: { gapMs: 40 } }, stopAfter: 3 });
    assert.equal(r.streamed, 'The map call ');
    book(r.records[0]!, 4560, footerOf(r.events));
    const notes = (r.events.filter((e) => e.type === 'done').pop() as { footer: { notes: string[] } }).footer.notes;
    assert.ok(notes.some((n) => /output token count is an estimate/.test(n)), notes.join(' | '));
    assert.ok(!notes.some((n) => /reported no usage/.test(n)), 'Anthropic reported the input side: not "no usage"');
  });

  test('S7 OpenAI Stop mid-answer in Ask: ceil(sent chars / 4) × 2 + ceil(streamed chars / 4) × 8, from the wire, labelled', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' }, openai: { usage: { prompt: 999, cached: 0, reasoning: 0 }, delivery: { gapMs: 40 } }, stopAfter: 4 });
    const rec = r.records[0]!;
    assert.equal(r.streamed, 'The map call returns ');
    const sent = sentText(rig.openai.seen[0]!.json);
    // input = ceil(|sent| / 4), output = ceil(21 / 4) = 6: 2 µ$ per input token, 8 per output token.
    book(rec, Math.ceil(sent.length / 4) * 2 + 6 * 8, footerOf(r.events));
    assert.equal(rec.tokens.source, 'estimate');
  });

  test('S8 OpenAI reset after the 200 and the role chunk, in Ask: the prompt was taken, ceil(sent chars / 4) × 2 µ$, labelled', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1', 'fallback.cloudToLocal': false }, openai: { usage: { prompt: 999, cached: 0, reasoning: 0 }, delivery: { cutAfter: 1, cut: 'reset' } } });
    const rec = r.records[0]!;
    book(rec, Math.ceil(sentText(rig.openai.seen[0]!.json).length / 4) * 2);
    assert.equal(rec.tokens.source, 'estimate');
  });

  test('the day: the spend model (panel, status bar), the ledger on disk, CSV and JSON equal Σ hand bills', async () => {
    assert.ok(billed.length >= 8);
    const micro = billed.reduce((s, b) => s + b.micro, 0);
    const model = new SpendModel();
    for (const b of billed) model.add(b.r);
    const now = new Date(NOW + 3_600_000);
    const snap = model.snapshot(now);
    near(snap.today.cloudUsd, micro, 'panel today');
    near(model.quick(now).today.cloudUsd, micro, 'status bar today');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend3-'));
    try {
      const ledger = await Ledger.open(dir);
      for (const b of billed) assert.equal((await ledger.append(b.r)).written, true);
      await ledger.close();
      const back = (await (await Ledger.open(dir)).load()).records;
      const rows = ledgerCsv(back, BUNDLED_PRICES).trim().split('\n');
      const head = rows[0]!.split(',');
      const cell = (row: string, name: string) => row.split(',')[head.indexOf(name)]; // no quoted commas before these
      const today = rows.slice(1).filter((row) => cell(row, 'id') && back.find((r) => r.id === cell(row, 'id')));
      near(today.reduce((s, row) => s + Number(cell(row, 'costUsd')), 0), micro, 'CSV');
      near((JSON.parse(ledgerJson(back, BUNDLED_PRICES)) as LedgerRecord[]).reduce((s, r) => s + (r.costUsd ?? 0), 0), micro, 'JSON');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: snap.today.cloudUsd, monthUsd: snap.month.cloudUsd,
      unknownPriceRequests: 0, last: { route: 'cloud', totalMs: 900, model: 'gpt-4.1', status: 'ok' } });
    assert.ok(view.text.includes(`$${(micro / 1e6).toFixed(2)} today`), view.text);
  });
});
