// "Is local worth it?" from a seeded ledger, every figure recomputed by hand.
import * as assert from 'node:assert/strict';
import { computeTco, requestCost, SpendModel, TCO_MIN_REQUESTS, usageFromProvider, type TcoSettings } from '../../../src/core/spend';
import { record } from './fixtures/records';
import { formatTcoValue } from '../../../src/webview/spend/tcoFormat';

const CLOUD = 'claude-sonnet-5'; // $2 in / $10 out per million
const NOW = new Date(2026, 10, 15, 18, 0, 0); // 15 November, local time: 15 days elapsed
const SETTINGS: TcoSettings = { hardwareUsd: 1800, amortizationMonths: 36, watts: 300, usdPerKwh: 0.4, costPerHour: 0, hoursOnPerDay: 0, idleWatts: 0 };
const ONLY: TcoSettings = { hardwareUsd: 0, amortizationMonths: 36, watts: 0, usdPerKwh: 0, costPerHour: 0, hoursOnPerDay: 0, idleWatts: 0 };

/** n local answers of 3000 in / 500 out tokens, 36 s each, priced through the one pricing seam. */
function seeded(n: number, s: TcoSettings = SETTINGS): SpendModel {
  const m = new SpendModel();
  for (let i = 0; i < n; i++) {
    const usage = usageFromProvider('ollama', { prompt_eval_count: 3000, eval_count: 500 });
    const cost = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage, totalMs: 36_000, costPerHour: s.costPerHour, cloudModel: CLOUD });
    m.add(record(`l${i}`, {
      time: new Date(2026, 10, 1 + (i % 14), 10).toISOString(), route: 'local', origin: 'askPrivate', provider: 'ollama',
      model: 'qwen2.5-coder:7b', tokens: usage, totalMs: 36_000, costUsd: cost.costUsd, cloudEquivalentUsd: cost.cloudEquivalentUsd,
    }));
  }
  m.add(record('c1', { time: new Date(2026, 10, 3, 9).toISOString() })); // a cloud request: not part of the local TCO
  return m;
}

const fig = (figs: { id: string; value: number | null }[], id: string): number | null => {
  const f = figs.find((x) => x.id === id);
  assert.ok(f, `figure ${id}`);
  return f.value;
};
const near = (a: number | null, b: number, tol = 1e-9): void => {
  assert.ok(a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
};

suite('spend / is local worth it (TCO)', () => {
  test('20 seeded local requests: so-far figures and the month at this pace, by hand', () => {
    const month = seeded(20).snapshot(NOW).month;
    const t = computeTco(month, SETTINGS, NOW, CLOUD);
    assert.equal(t.state, 'ready');
    assert.equal(t.daysInMonth, 30);
    // tokens: 20 × (3000 + 500) = 70 000
    near(fig(t.soFar, 'localTokens'), 70_000);
    // would have cost: 20 × (3000×2 + 500×10)/1e6 = 20 × 0.011 = 0.22
    near(fig(t.soFar, 'cloudEquivalent'), 0.22);
    // hardware 1800/36 = 50 per month × 15/30 = 25; power 0.3 kW × (20×36 s = 0.2 h) × 0.4 = 0.024; total 25.024
    near(fig(t.soFar, 'localCost'), 25.024);
    near(fig(t.soFar, 'netSavings'), 0.22 - 25.024);
    // pace 30/15 = 2: cloud 0.44; local 50 + 0.3 × 0.4 h × 0.4 = 50.048
    near(fig(t.projection, 'projectedCloudEquivalent'), 0.44);
    near(fig(t.projection, 'projectedLocalCost'), 50.048);
    near(fig(t.projection, 'projectedNet'), 0.44 - 50.048);
    // break-even: 50 ÷ ((0.44 − 0.048) ÷ 140 000) = 17 857 142.9 tokens per month
    near(fig(t.projection, 'breakEvenTokens'), 50 / (0.392 / 140_000));
    // payback: 1800 ÷ 0.392 = 4591.8 months
    near(fig(t.projection, 'paybackMonths'), 1800 / 0.392);
    assert.equal(t.projection.find((f) => f.id === 'paybackMonths')!.note, undefined, 'no calendar date centuries away');
    for (const f of [...t.soFar, ...t.projection]) assert.ok(f.formula.length > 10 && /\d/.test(f.formula), f.id);
    assert.match(t.soFar.find((f) => f.id === 'localCost')!.formula, /\$1800\.00 ÷ 36 months × 15\/30 days = \$25\.00/);
    assert.match(t.verdict ?? '', /^Not at this volume: local costs about \$49\.61 more this month; it breaks even at 17,857,143 local tokens per month \(you use 140,000\)/);
    assert.deepEqual(t.notes, ['Power counts inference time only: an always-on machine also draws idle power — set hybrid.local.hoursOnPerDay and hybrid.local.idleWatts to count it.']);
  });

  test('a heavy user breaks even: cheap hardware, lots of tokens', () => {
    const s: TcoSettings = { ...ONLY, hardwareUsd: 36 };
    const t = computeTco(seeded(20, s).snapshot(NOW).month, s, NOW, CLOUD);
    // hardware 1/month; pace 2 → 0.44 − 1 = −0.56; break-even 1 ÷ (0.44/140 000) = 318 181.8 tokens; payback 36 ÷ 0.44
    near(fig(t.projection, 'breakEvenTokens'), 1 / (0.44 / 140_000));
    near(fig(t.projection, 'paybackMonths'), 36 / 0.44);
    // 81.82 months from 2026-11-15: + 81 months = 2033-08-15, + 0.82 × 31 days (August) = 25 days → 2033-09-09
    assert.equal(t.projection.find((f) => f.id === 'paybackMonths')!.note, 'around 2033-09-09');
  });

  test('running cost above the cloud price: never breaks even, never pays back (null, with a note)', () => {
    const s: TcoSettings = { ...ONLY, costPerHour: 100 };
    const t = computeTco(seeded(20, s).snapshot(NOW).month, { ...s, hardwareUsd: 0 }, NOW, CLOUD);
    assert.equal(fig(t.projection, 'breakEvenTokens'), 0, 'no hardware: nothing to break even on');
    const withHw = computeTco(seeded(20, s).snapshot(NOW).month, { ...ONLY, watts: 5000, usdPerKwh: 1, hardwareUsd: 500, amortizationMonths: 12 }, NOW, CLOUD);
    assert.equal(fig(withHw.projection, 'breakEvenTokens'), null);
    assert.equal(fig(withHw.projection, 'paybackMonths'), null);
    assert.match(withHw.projection.find((f) => f.id === 'breakEvenTokens')!.note ?? '', /never/);
  });

  test('empty and not-enough-data states', () => {
    assert.equal(computeTco(new SpendModel().snapshot(NOW).month, SETTINGS, NOW, CLOUD).state, 'empty');
    const few = computeTco(seeded(TCO_MIN_REQUESTS - 1).snapshot(NOW).month, SETTINGS, NOW, CLOUD);
    assert.equal(few.state, 'notEnoughData');
    assert.match(few.reason ?? '', /9 of 10 local requests/);
    assert.equal(few.projection.length, 0, 'no projection from too little data');
    assert.ok(few.soFar.length > 0, 'the month so far is still shown');
    const early = new Date(2026, 10, 2, 12);
    assert.match(computeTco(seeded(20).snapshot(early).month, SETTINGS, early, CLOUD).reason ?? '', /2 of 3 days/);
  });

  test('costs not entered: local looks free and the view says so', () => {
    const t = computeTco(seeded(20, ONLY).snapshot(NOW).month, ONLY, NOW, CLOUD);
    assert.equal(t.costsEntered, false);
    near(fig(t.soFar, 'localCost'), 0);
    assert.equal(fig(t.projection, 'breakEvenTokens'), 0);
  });
});

suite('spend / TCO figures on screen', () => {
  test('values read as a user would: money, tokens, months, and "never" notes', () => {
    const f = (value: number | null, unit: 'usd' | 'tokens' | 'months', note?: string) => formatTcoValue({ id: 'x', label: 'x', value, unit, formula: 'x', ...(note ? { note } : {}) });
    assert.equal(f(0.0014, 'usd'), '$0.0014');
    assert.equal(f(-41.49, 'usd'), '-$41.49');
    assert.equal(f(18_500_000, 'tokens'), '18.5M tokens');
    assert.equal(f(8.2, 'months'), '8.2 months');
    assert.equal(f(0.4, 'months'), 'under a month');
    assert.equal(f(541, 'months'), 'over 10 years');
    assert.equal(f(null, 'months', 'never at this pace'), 'never at this pace');
  });
});
