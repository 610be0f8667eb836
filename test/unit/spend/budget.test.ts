import * as assert from 'node:assert/strict';
import { budgetPercent, budgetState, budgetWarnings } from '../../../src/core/spend';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';

const settings = (daily: number, monthly: number): HybridSettings => ({ ...DEFAULT_SETTINGS, 'budget.dailyUsd': daily, 'budget.monthlyUsd': monthly });
const spend = (today: number, month: number) => ({ today: { cloudUsd: today }, month: { cloudUsd: month } });

suite('spend / budgets', () => {
  test('no budget set → none', () => {
    assert.equal(budgetState(spend(50, 500), settings(0, 0)).level, 'none');
  });

  test('daily budget at 79 / 80 / 100 / 101 %', () => {
    const level = (pct: number) => budgetState(spend((10 * pct) / 100, 0), settings(10, 0)).level;
    assert.deepEqual([79, 80, 100, 101].map(level), ['ok', 'near', 'exceeded', 'exceeded']);
    // Float sums that land a hair under the line still count as reaching it.
    assert.equal(budgetState(spend(0.1 + 0.7, 0), settings(1, 0)).level, 'near');
    assert.equal(budgetState(spend(0.1 * 3, 0), settings(0.3, 0)).level, 'exceeded');
  });

  test('monthly budget at 79 / 80 / 100 / 101 %, and the worse of the two wins', () => {
    const level = (pct: number) => budgetState(spend(0, pct), settings(0, 100)).level;
    assert.deepEqual([79, 80, 100, 101].map(level), ['ok', 'near', 'exceeded', 'exceeded']);
    const both = budgetState(spend(1, 85), settings(10, 100));
    assert.equal(both.level, 'near');
    assert.equal(budgetPercent(both), 85);
    assert.deepEqual(both, { level: 'near', spentTodayUsd: 1, spentMonthUsd: 85, dailyUsd: 10, monthlyUsd: 100 });
  });

  test('warnings fire once at 80 % and once at 100 % per day and per month', () => {
    const warned = new Set<string>();
    const day = '2026-11-22';
    const step = (today: number, month: number): string[] => {
      const ws = budgetWarnings(budgetState(spend(today, month), settings(10, 100)), day, warned);
      for (const w of ws) warned.add(w.key);
      return ws.map((w) => w.key);
    };
    assert.deepEqual(step(7.9, 7.9), []);
    assert.deepEqual(step(8, 8), ['day:2026-11-22:80']);
    assert.deepEqual(step(9, 9), []);
    assert.deepEqual(step(10, 80), ['day:2026-11-22:100', 'month:2026-11:80']);
    assert.deepEqual(step(12, 101), ['month:2026-11:100']);
    assert.deepEqual(step(13, 120), []);
    // A new day re-arms the daily warnings; the month's stay shown.
    const next = budgetWarnings(budgetState(spend(8.5, 121), settings(10, 100)), '2026-11-23', warned);
    assert.deepEqual(next.map((w) => w.key), ['day:2026-11-23:80']);
    assert.match(next[0].message, /85% of the daily cloud budget used — \$8\.50 of \$10\.00/);
  });
});
