// The hand-priced bills of fixtures/hand-bills-3.json as ledger records: the spend model's day, month and by-model
// totals and the CSV/JSON export must add up to the sum of the hand figures (summed here as exact decimals in
// nano-dollars, not as floats), and unknown prices stay out of the dollars and are counted instead.
import * as assert from 'node:assert/strict';
import { BUNDLED_PRICES, SpendModel, ledgerCsv, ledgerJson, requestCost, usageFromProvider } from '../../../src/core/spend';
import type { UsageProvider } from '../../../src/core/spend';
import type { LedgerRecord } from '../../../src/core/request';
import bills from './fixtures/hand-bills-3.json';
import { record } from './fixtures/records';

interface HandBill { name: string; provider: UsageProvider; model: string; usage: unknown; usd: string }
const cases = (bills as { cases: HandBill[] }).cases;

/** "0.0043252" → 4325200 nano-dollars, exactly. */
function nano(usd: string): bigint {
  const [whole, frac = ''] = usd.split('.');
  return BigInt(whole) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
}
const close = (got: number, wantNano: bigint, what: string): void =>
  assert.ok(Math.abs(got - Number(wantNano) / 1e9) < 1e-9, `${what}: ${got} ≠ ${Number(wantNano) / 1e9}`);

// Two days of one month (local time, midday so no zone moves a record across midnight).
const DAY1 = new Date(2026, 10, 3, 12).toISOString();
const DAY2 = new Date(2026, 10, 4, 12).toISOString();

function records(): LedgerRecord[] {
  return cases.map((c, i) => {
    const tokens = usageFromProvider(c.provider, c.usage);
    const { costUsd } = requestCost({ route: 'cloud', model: c.model, usage: tokens, totalMs: 1000, costPerHour: 0, cloudModel: c.model });
    return record(`bill-${i}`, { time: i % 2 ? DAY2 : DAY1, provider: c.provider, model: c.model, tokens, costUsd });
  });
}

suite('spend / hand-priced bills through the ledger totals and the export', () => {
  const priced = cases.filter((c) => c.usd !== 'unknown');
  const sum = (list: HandBill[]): bigint => list.reduce((s, c) => s + nano(c.usd), 0n);

  test('month, day and by-model totals equal the hand sums; unknown prices are counted, not $0', () => {
    const model = new SpendModel();
    for (const r of records()) assert.ok(model.add(r));
    const snap = model.snapshot(new Date(2026, 10, 4, 18));
    close(snap.month.cloudUsd, sum(priced), 'month');
    assert.equal(snap.month.unknownPriceRequests, cases.length - priced.length);
    close(snap.today.cloudUsd, sum(priced.filter((c) => cases.indexOf(c) % 2 === 1)), 'today (day 2)');
    const day1 = snap.days.find((d) => d.day === '2026-11-03');
    assert.ok(day1);
    close(day1.cloudUsd, sum(priced.filter((c) => cases.indexOf(c) % 2 === 0)), 'day 1');
    for (const row of snap.byModel) {
      const mine = cases.filter((c) => c.model === row.key);
      close(row.cloudUsd, sum(mine.filter((c) => c.usd !== 'unknown')), `model ${row.key}`);
      assert.equal(row.unknownPriceRequests, mine.filter((c) => c.usd === 'unknown').length);
    }
  });

  test('the CSV costUsd column and the JSON records carry each hand figure, unknown as empty / null', () => {
    const recs = records();
    const csv = ledgerCsv(recs, BUNDLED_PRICES).trim().split('\n');
    const head = csv[0].split(',');
    const col = head.indexOf('costUsd');
    const json = JSON.parse(ledgerJson(recs, BUNDLED_PRICES)) as { id: string; costUsd: number | null }[];
    cases.forEach((c, i) => {
      // The cells before costUsd hold no quoted commas (ids, times, names, numbers).
      const cell = csv[i + 1].split(',')[col];
      if (c.usd === 'unknown') {
        assert.equal(cell, '', c.name);
        assert.equal(json[i].costUsd, null, c.name);
      } else {
        close(Number(cell), nano(c.usd), `CSV ${c.name}`);
        close(json[i].costUsd as number, nano(c.usd), `JSON ${c.name}`);
      }
    });
  });

  test('local requests: $0 cloud cost, cloud equivalent on the configured cloud model (cache-free)', () => {
    // Ollama reports prompt_eval_count / eval_count. Sonnet 4.5: 2000×3 + 300×15 = 10500 µ$; gpt-4.1: 1000×2 + 1000×8.
    const a = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage: usageFromProvider('ollama', { prompt_eval_count: 2000, eval_count: 300 }),
      totalMs: 4000, costPerHour: 0, cloudModel: 'claude-sonnet-4-5-20250929' });
    assert.equal(a.costUsd, 0);
    close(a.cloudEquivalentUsd as number, nano('0.0105'), 'local vs sonnet');
    const b = requestCost({ route: 'local', model: 'llama3', usage: usageFromProvider('ollama', { prompt_eval_count: 1000, eval_count: 1000 }),
      totalMs: 1000, costPerHour: 0, cloudModel: 'openai/gpt-4.1' });
    close(b.cloudEquivalentUsd as number, nano('0.01'), 'local vs gpt-4.1 via a gateway name');
    // A long local prompt is compared at the cloud model's long-context tier: 250000×6 + 1000×22.5 = 1522500 µ$.
    const c = requestCost({ route: 'local', model: 'llama3', usage: usageFromProvider('ollama', { prompt_eval_count: 250_000, eval_count: 1000 }),
      totalMs: 1000, costPerHour: 0, cloudModel: 'claude-sonnet-4-5' });
    close(c.cloudEquivalentUsd as number, nano('1.5225'), 'local long prompt vs sonnet 4.5 tier');
    // Unknown configured cloud model: the equivalent is unknown, never $0.
    const d = requestCost({ route: 'local', model: 'llama3', usage: usageFromProvider('ollama', { prompt_eval_count: 10, eval_count: 10 }),
      totalMs: 1000, costPerHour: 0, cloudModel: 'claude-mystery-9' });
    assert.equal(d.cloudEquivalentUsd, null);
  });
});
