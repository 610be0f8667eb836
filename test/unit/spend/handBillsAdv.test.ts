// The spend-adv audit: 34 bills priced by hand from prices-reference.json (fixtures/hand-bills-adv.json, arithmetic
// written out per case) and driven through the real Anthropic / OpenAI providers and their SDKs against the
// independent wire fakes, then through the pricing seam the Ask pipeline uses, the spend model (status bar and
// panel figures), the ledger on disk and both exports. Families: cache 5 m / 1 h splits and reads, long-context
// tiers on either side of the threshold (cached tokens counted), flat 1M-context models, aliases vs dated and
// Vertex-style snapshots, a snapshot newer than the table, models without a cache price, unknown models, reasoning
// tokens, and a 429 / 529 retried by the SDK (the failed try is not billed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndependentAnthropic, IndependentOpenAI } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { BUNDLED_PRICES, Ledger, ledgerCsv, ledgerJson, requestCost, SpendModel } from '../../../src/core/spend';
import { statusText } from '../../../src/core/presentation/statusText';
import type { LedgerRecord } from '../../../src/core/request';
import { formatSpent } from '../../../src/shared/money';
import { drain, never, sealed, testKey } from '../providers/helpers';
import bills from './fixtures/hand-bills-adv.json';
import { record } from './fixtures/records';

interface Case {
  name: string; provider: 'anthropic' | 'openai'; model: string; served?: string; usd: string; formula: string;
  retry429?: boolean; retry529?: boolean;
  wire: { input?: number; cacheWrite?: number; cacheWrite1h?: number; cacheRead?: number; prompt?: number; cached?: number; reasoning?: number };
}
const cases = (bills as { cases: Case[] }).cases;
const ANSWER = 'alpha beta gamma delta epsilon zeta eta theta';

/** "0.0043252" → nano-dollars, exactly (the hand sums are added as integers, not floats). */
function nano(usd: string): bigint {
  const [whole, frac = ''] = usd.split('.');
  return BigInt(whole!) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
}
const close = (got: number | null | undefined, want: bigint, what: string): void => {
  assert.ok(typeof got === 'number', `${what}: ${got} (expected ${Number(want) / 1e9})`);
  assert.ok(Math.abs(got - Number(want) / 1e9) < 1e-9, `${what}: product ${got} ≠ hand ${Number(want) / 1e9}`);
};
/** Half-up to the cent on the exact decimal, as a bill is read: "$1.01" for 1.005. */
function cents(n: bigint): string {
  const c = (n + 5_000_000n) / 10_000_000n;
  return `$${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
}

// Local noon on two days of one month, so no time zone moves them (the day-boundary cases are in spendDays).
const DAY1 = new Date(2026, 11, 5, 12).toISOString();
const DAY2 = new Date(2026, 11, 6, 12).toISOString();

suite('spend / adversarial hand bills through the real providers, the totals and the exports', function () {
  this.timeout(20_000);
  const anthropic = new IndependentAnthropic();
  const openai = new IndependentOpenAI();
  const urls = { a: '', o: '' };
  const key = testKey();
  const made: { c: Case; r: LedgerRecord }[] = [];
  suiteSetup(async () => { urls.a = await anthropic.listen(); urls.o = await openai.listen(); });
  suiteTeardown(async () => { await anthropic.close(); await openai.close(); });

  test('the fixture holds at least 25 bills of both providers', () => {
    assert.ok(cases.length >= 25);
    assert.ok(cases.some((c) => c.provider === 'anthropic') && cases.some((c) => c.provider === 'openai'));
  });

  for (const [i, c] of cases.entries()) {
    test(`${c.provider} ${c.name}: ${c.formula}`, async () => {
      const w = c.wire;
      let d;
      if (c.provider === 'anthropic') {
        anthropic.opts = {
          answer: ANSWER, ...(c.served ? { servedModel: c.served } : {}),
          usage: { input: w.input!, cacheWrite: w.cacheWrite!, cacheRead: w.cacheRead!, ...(w.cacheWrite1h ? { cacheWrite1h: w.cacheWrite1h } : {}) },
          ...(c.retry529 ? { status: { code: 529, type: 'overloaded_error', message: 'Overloaded' }, statusTimes: 1, retryAfter: 0 } : {}),
        };
        anthropic.seen.length = 0;
        d = await drain(createAnthropicProvider({ baseUrl: urls.a, apiKey: key, maxRetries: 2 }).stream(sealed(c.model), never()));
        assert.equal(anthropic.seen.length, c.retry529 ? 2 : 1);
      } else {
        openai.opts = {
          answer: ANSWER, ...(c.served ? { servedModel: c.served } : {}),
          usage: { prompt: w.prompt!, cached: w.cached!, reasoning: w.reasoning!, ...(w.cacheWrite ? { cacheWrite: w.cacheWrite } : {}) },
          ...(c.retry429 ? { status: { code: 429, type: 'requests', code_: 'rate_limit_exceeded', message: 'Rate limit reached' }, statusTimes: 1, retryAfter: 0 } : {}),
        };
        openai.seen.length = 0;
        d = await drain(createOpenAIProvider({ baseUrl: urls.o, apiKey: key, maxRetries: 2, location: 'cloud' }).stream(sealed(c.model), never()));
        assert.equal(openai.seen.length, c.retry429 ? 2 : 1);
      }
      assert.equal(d.result.finish, 'stop', d.result.failure?.message);
      assert.equal(d.result.usage.source, 'provider');
      // The seam the Ask pipeline calls: the served name, and the name asked for.
      const { costUsd } = requestCost({ route: 'cloud', model: d.result.model || c.model, usage: d.result.usage, totalMs: 900, costPerHour: 0,
        cloudModel: c.model, requestedModel: c.model, table: BUNDLED_PRICES });
      if (c.usd === 'unknown') assert.equal(costUsd, null, `${c.name}: unknown, not $${costUsd}`);
      else close(costUsd, nano(c.usd), c.name);
      made.push({ c, r: record(`adv-${i}`, { time: i % 2 ? DAY2 : DAY1, provider: c.provider, model: d.result.model || c.model, tokens: d.result.usage, costUsd }) });
    });
  }

  test('today, this month, by model, the ledger on disk, CSV, JSON and the status bar equal Σ hand bills', async () => {
    assert.equal(made.length, cases.length, 'every bill ran');
    const priced = made.filter((m) => m.c.usd !== 'unknown');
    const sum = (l: typeof made): bigint => l.reduce((s, m) => s + nano(m.c.usd), 0n);
    const today = priced.filter((m) => m.r.time === DAY2);

    const model = new SpendModel();
    for (const m of made) model.add(m.r);
    const snap = model.snapshot(new Date(2026, 11, 6, 18));
    close(snap.today.cloudUsd, sum(today), 'today');
    close(snap.month.cloudUsd, sum(priced), 'month');
    assert.equal(snap.month.unknownPriceRequests, made.length - priced.length, 'unknown prices are counted, not $0');
    for (const row of snap.byModel) {
      const mine = made.filter((m) => m.r.model === row.key);
      close(row.cloudUsd, sum(mine.filter((m) => m.c.usd !== 'unknown')), `by model ${row.key}`);
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend-adv-'));
    try {
      const ledger = await Ledger.open(dir);
      for (const m of made) assert.equal((await ledger.append(m.r)).written, true);
      await ledger.close();
      const back = (await (await Ledger.open(dir)).load()).records;
      assert.equal(back.length, made.length);
      const csv = ledgerCsv(back, BUNDLED_PRICES).trim().split('\n');
      const head = csv[0]!.split(',');
      const json = JSON.parse(ledgerJson(back, BUNDLED_PRICES)) as LedgerRecord[];
      let csvSum = 0, jsonSum = 0;
      back.forEach((r, i) => {
        const m = made.find((x) => x.r.id === r.id)!;
        const cell = csv[i + 1]!.split(',')[head.indexOf('costUsd')]; // no quoted commas before costUsd
        if (m.c.usd === 'unknown') { assert.equal(cell, ''); assert.equal(json[i]!.costUsd, null); return; }
        close(Number(cell), nano(m.c.usd), `CSV ${m.c.name}`);
        close(json[i]!.costUsd, nano(m.c.usd), `JSON ${m.c.name}`);
        csvSum += Number(cell); jsonSum += json[i]!.costUsd!;
      });
      close(csvSum, sum(priced), 'CSV sum');
      close(jsonSum, sum(priced), 'JSON sum');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Rounded once, at display, half-up on the exact sum.
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: snap.today.cloudUsd, monthUsd: snap.month.cloudUsd,
      unknownPriceRequests: snap.month.unknownPriceRequests, last: { route: 'cloud', totalMs: 900, model: 'gpt-4.1', status: 'ok' } });
    assert.ok(view.text.includes(`${cents(sum(today))} today`), `${view.text} vs hand ${cents(sum(today))}`);
    assert.ok(view.tooltip.includes(cents(sum(priced))), `${view.tooltip} vs hand month ${cents(sum(priced))}`);
    assert.equal(formatSpent(snap.month), `${cents(sum(priced))} + ${made.length - priced.length} unpriced`);
  });
});
