// spend6 audit, part 2 (Anthropic and the real usages): the 5 m / 1 h split on Haiku, a `cache_creation` object
// without its total, the service tier the API echoes, web searches, a Stop with cache reads and 1 h writes, a 529
// retried, an alias, an unknown model; then a rounding check over the 317 real usage objects.
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-haiku-4-5 in 1, write 5m 1.25, 1h 2, read 0.1, out 5
//   claude-sonnet-4-6 in 3, write 5m 3.75, 1h 6, read 0.3, out 15
//   claude-opus-4-7 in 5, write 5m 6.25, 1h 10, read 0.5, out 25
// Web searches have no price in the reference (its real usages with web_search_requests are priced on tokens only).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HybridSettings } from '../../../src/core/settings';
import type { LedgerRecord } from '../../../src/core/request';
import { statusText } from '../../../src/core/presentation/statusText';
import { costNote, costOfProviderUsage, ledgerCsv, SpendModel, BUNDLED_PRICES } from '../../../src/core/spend';
import { AskRig } from './fixtures/askRig';
import { DayBook } from './fixtures/dayBook';
import { record } from './fixtures/records';
import { parseCsv } from './fixtures/csv';

const ANSWER = 'The map call returns a new array of the same length.';
const NOW = new Date(2026, 11, 7, 11).getTime();
const an = (model: string): Partial<HybridSettings> => ({ 'cloud.provider': 'anthropic', 'cloud.model': model, 'fallback.cloudToLocal': false });

suite('spend6 / hand bills: Anthropic splits, tiers, searches, Stop and retries', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const one = async (model: string, anthropic: object) => (await rig.runOne(an(model), { anthropic })).record;

  test('A1 haiku 4.5, 800 in, 6000 read, 2000 5 m and 1500 1 h writes: 800×1 + 6000×0.1 + 2000×1.25 + 1500×2 + 11×5 = 800 + 600 + 2500 + 3000 + 55 = 6955 µ$', async () => {
    const r = await one('claude-haiku-4-5', { servedModel: 'claude-haiku-4-5-20251001', usage: { input: 800, cacheRead: 6000, cacheWrite: 3500, cacheWrite1h: 1500 } });
    day.book(r, 6955);
  });

  test('A2 a `cache_creation` split without cache_creation_input_tokens (a proxy): 500×3 + 1000×3.75 + 2000×6 + 11×15 = 1500 + 3750 + 12000 + 165 = 17415 µ$', async () => {
    const r = await one('claude-sonnet-4-6', { usage: { input: 500, cacheRead: 0, cacheWrite: 0 },
      extraUsage: { cache_creation_input_tokens: undefined, cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 } } });
    day.book(r, 17_415);
  });

  test('A3 usage.service_tier "priority" (no priority price in the table): unknown price, not the standard 1000×3 + 11×15 = 3165 µ$', async () => {
    const r = await one('claude-sonnet-4-6', { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { service_tier: 'priority' } });
    day.book(r, null);
  });

  test('A4 usage.service_tier "standard" with inference_geo: 1000×3 + 11×15 = 3165 µ$', async () => {
    const r = await one('claude-sonnet-4-6', { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { service_tier: 'standard', inference_geo: 'not_available' } });
    day.book(r, 3165);
  });

  test('A5 two web searches (server_tool_use; unpriced in the reference): tokens only, 10000×3 + 11×15 = 30165 µ$', async () => {
    const run = await rig.runOne(an('claude-sonnet-4-6'), { anthropic: { usage: { input: 10_000, cacheRead: 0, cacheWrite: 0 }, extraUsage: { server_tool_use: { web_search_requests: 2, web_fetch_requests: 0 } } } });
    day.book(run.record, 30_165);
    // Added after the first fixes: the figure says it leaves the per-search fee out (footer, CSV / JSON costNote).
    assert.equal(run.record.tokens.webSearches, 2);
    assert.equal(costNote(run.record), 'tokens only: 2 web search fees not priced');
    const done = run.events.find((e) => e.type === 'done') as { footer: { notes: string[] } } | undefined;
    assert.ok(done?.footer.notes.some((n) => n.startsWith('2 web searches ran')), JSON.stringify(done?.footer.notes));
  });

  test('A6 Stop after 5 words on opus 4.7 with 4000 read and 2000 1 h writes: 1000×5 + 4000×0.5 + 2000×10 + ceil(streamed/4)×25 µ$, input reported, output estimated and labelled', async () => {
    const run = await rig.run({ settings: an('claude-opus-4-7'), anthropic: { usage: { input: 1000, cacheRead: 4000, cacheWrite: 2000, cacheWrite1h: 2000 }, delivery: { gapMs: 5 } }, stopAfter: 5 });
    assert.equal(run.records.length, 1);
    const r = run.records[0]!;
    assert.ok(run.streamed.length > 0 && run.streamed.length < ANSWER.length, run.streamed);
    day.book(r, 5000 + 2000 + 20_000 + Math.ceil(run.streamed.length / 4) * 25);
    assert.equal(r.tokens.source, 'estimate');
    assert.equal(r.tokens.cacheWrite1h, 2000);
  });

  test('A7 a 529 then the answer (2 attempts): billed once, 500×3 + 2000×0.3 + 1000×3.75 + 1000×6 + 11×15 = 1500 + 600 + 3750 + 6000 + 165 = 12015 µ$', async () => {
    const r = await one('claude-sonnet-4-6', { statusTimes: 1, status: { code: 529, type: 'overloaded_error', message: 'Overloaded' }, usage: { input: 500, cacheRead: 2000, cacheWrite: 2000, cacheWrite1h: 1000 } });
    day.book(r, 12_015);
    assert.equal(rig.anthropic.seen.length, 2);
  });

  test('A8 an unknown model (claude-nova-1): unknown price, not $0', async () => {
    const r = await one('claude-nova-1', { usage: { input: 1000, cacheRead: 0, cacheWrite: 0 } });
    day.book(r, null);
  });

  test('the day: panel, status bar, ledger, CSV and JSON equal Σ hand bills', async () => {
    assert.equal(day.billed.length, 8);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});

interface RealCase { provider: 'anthropic' | 'openai'; model: string; usage: unknown; expected_total_usd: number }

suite('spend6 / rounding over the 317 real usages', () => {
  const file = ['/work/shared/data/real-usages.json', path.join(__dirname, 'fixtures', 'real-usages.json')].find((f) => fs.existsSync(f))!;
  const cases = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: RealCase[] }).cases;
  // Σ expected in integer nano-dollars, so the auditor's own sum has no float drift (every expected figure has ≤ 9 decimals).
  const nano = cases.reduce((s, c) => s + Math.round(c.expected_total_usd * 1e9), 0);

  test('R1 each of the 317 priced like the reference; the month (one rounding, at display) is Σ expected, not Σ per-record cents', () => {
    assert.equal(cases.length, 317);
    const model = new SpendModel();
    const records: LedgerRecord[] = cases.map((c, i) => {
      const cost = costOfProviderUsage(c.provider, c.model, c.usage).costUsd;
      assert.ok(cost !== undefined && Math.abs(cost - c.expected_total_usd) < 1e-9, `case ${i} ${c.model}: ${cost} ≠ ${c.expected_total_usd}`);
      return record(`real-${i}`, { time: `2026-12-07T0${i % 10}:00:00.000Z`, provider: c.provider, model: c.model, costUsd: cost! });
    });
    for (const r of records) model.add(r);
    const month = model.snapshot(new Date('2026-12-07T12:00:00Z')).month.cloudUsd;
    assert.ok(Math.abs(month - nano / 1e9) < 1e-9, `panel month ${month} ≠ Σ expected ${nano / 1e9}`);
    const cents = Math.round(nano / 1e7) / 100;
    const perRecordCents = records.reduce((s, r) => s + Math.round((r.costUsd ?? 0) * 100), 0) / 100;
    assert.notEqual(cents, perRecordCents, 'the data set shows why a per-record rounding would be wrong');
    const q = model.quick(new Date('2026-12-07T12:00:00Z'));
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: q.today.cloudUsd, monthUsd: q.month.cloudUsd,
      unknownPriceRequests: 0, unknownTodayRequests: 0, estimatedTodayRequests: 0, estimatedMonthRequests: 0 });
    assert.ok(view.text.includes(`$${cents.toFixed(2)}`), `status bar ${view.text}, Σ expected $${nano / 1e9} → $${cents.toFixed(2)}`);
    const rows = parseCsv(ledgerCsv(records, BUNDLED_PRICES));
    const col = rows[0]!.indexOf('costUsd');
    const csvNano = rows.slice(1).reduce((s, row) => s + Math.round(Number(row[col]) * 1e9), 0);
    assert.equal(csvNano, nano, 'CSV column: every record at full precision');
  });
});
