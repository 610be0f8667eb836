// Issue #16 item 3: a cloud model with no known price must not slip past budgets or confirmAboveUsd as if it cost $0.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { decide } from '../../../src/core/route/decide';
import type { BudgetState, Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';

const pathPolicy = createPathPolicy({ privateGlobs: [] });
const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
const BUDGET: BudgetState = { level: 'ok', spentTodayUsd: 1, spentMonthUsd: 10, dailyUsd: 5, monthlyUsd: 50 };

function cloudDecision(s: Partial<HybridSettings>, budget: BudgetState, cost: number | null) {
  const r: Request = { id: 'r', kind: 'ask', origin: 'askCloud', question: 'Explain this function.', context: [] };
  const settings = { ...DEFAULT_SETTINGS, ...s };
  return decide(r, classify(r, { pathPolicy, markers: settings['privacy.markers'] }), settings, budget,
    { local: 'ready', cloud: 'ready' }, { estimatedCostUsd: cost });
}

suite('routing: an unknown price never bypasses a budget', () => {
  test('unknown price with a confirmation limit → confirm, naming why', () => {
    const d = cloudDecision({ confirmAboveUsd: 0.5 }, NO_BUDGET, null);
    assert.equal(d.route, 'cloud');
    assert.match(d.needsConfirmation ?? '', /unknown/i);
  });

  test('unknown price with a daily or monthly budget → confirm', () => {
    assert.match(cloudDecision({}, BUDGET, null).needsConfirmation ?? '', /budget/i);
    assert.ok(cloudDecision({}, { ...NO_BUDGET, monthlyUsd: 20, level: 'ok' }, null).needsConfirmation);
  });

  test('unknown price with no budget and no limit: nothing to protect, no prompt', () => {
    assert.equal(cloudDecision({}, NO_BUDGET, null).needsConfirmation, undefined);
  });

  test('a known price under the limit is not asked about', () => {
    assert.equal(cloudDecision({ confirmAboveUsd: 0.5 }, BUDGET, 0.01).needsConfirmation, undefined);
    assert.ok(cloudDecision({ confirmAboveUsd: 0.5 }, BUDGET, 0.9).needsConfirmation);
  });
});
