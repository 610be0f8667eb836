// Rule 2 of docs/spend.md: budget checks use the pre-flight upper bound, not only the level reached so far.
// Hand cases: a $1.00 daily budget with $0.98 spent leaves $0.02.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { decide } from '../../../src/core/route/decide';
import { decideEscalation } from '../../../src/core/route/escalate';
import type { BudgetState, HealthState, Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { budgetState } from '../../../src/core/spend';

const HEALTHY: HealthState = { local: 'ready', cloud: 'ready' };
const ASK: Request = { id: 'r1', kind: 'ask', origin: 'askCloud', question: 'Explain the retry policy.', context: [] };
const labels = classify(ASK, { pathPolicy: createPathPolicy({ privateGlobs: [] }), markers: DEFAULT_SETTINGS['privacy.markers'] });
const s = (over: Partial<HybridSettings>): HybridSettings => ({ ...DEFAULT_SETTINGS, 'budget.dailyUsd': 1, ...over });
const ALMOST: BudgetState = budgetState({ today: { cloudUsd: 0.98 }, month: { cloudUsd: 0.98 } }, { 'budget.dailyUsd': 1, 'budget.monthlyUsd': 0 });

suite('spend / budgets use the upper bound', () => {
  test('98 % used is "near", not "exceeded": the level alone would let any request through', () => {
    assert.equal(ALMOST.level, 'near');
  });

  test('confirm: a request whose bound ($0.03) crosses the $0.02 left asks first', () => {
    const d = decide(ASK, labels, s({ 'budget.onExceeded': 'confirm' }), ALMOST, HEALTHY, { estimatedCostUsd: 0.03 });
    assert.equal(d.route, 'cloud');
    assert.match(d.needsConfirmation ?? '', /^Over budget with this request \(at most \$0\.03; \$0\.02 left of the \$1\.00 daily budget\)/);
  });

  test('block refuses and local answers locally when the bound crosses', () => {
    assert.equal(decide(ASK, labels, s({ 'budget.onExceeded': 'block' }), ALMOST, HEALTHY, { estimatedCostUsd: 0.03 }).route, 'refuse');
    const auto: Request = { ...ASK, origin: 'askAuto' };
    const d = decide(auto, { ...labels, complexity: 0.99 }, s({ 'budget.onExceeded': 'local' }), ALMOST, HEALTHY, { estimatedCostUsd: 0.03 });
    assert.equal(d.route, 'local');
    assert.match(d.reasons[0], /over budget with this request/);
  });

  test('a bound that lands exactly on the budget ($0.02 of $0.02 left) goes out without asking', () => {
    const d = decide(ASK, labels, s({ 'budget.onExceeded': 'confirm' }), ALMOST, HEALTHY, { estimatedCostUsd: 0.02 });
    assert.equal(d.route, 'cloud');
    assert.equal(d.needsConfirmation, undefined);
  });

  test('the monthly budget counts too: $49.99 of $50 spent, a $0.05 bound crosses', () => {
    const month = budgetState({ today: { cloudUsd: 0 }, month: { cloudUsd: 49.99 } }, { 'budget.dailyUsd': 0, 'budget.monthlyUsd': 50 });
    const d = decide(ASK, labels, s({ 'budget.dailyUsd': 0, 'budget.monthlyUsd': 50, 'budget.onExceeded': 'block' }), month, HEALTHY, { estimatedCostUsd: 0.05 });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /\$0\.01 left of the \$50\.00 monthly budget/);
  });

  test('an escalation is checked against the bound as well', () => {
    const d = decideEscalation({ ...ASK, origin: 'askAuto' }, labels, s({ 'budget.onExceeded': 'confirm' }), ALMOST, HEALTHY,
      { band: 'middle', manual: true }, { estimatedCostUsd: 0.03 });
    assert.match(d.needsConfirmation ?? '', /Over budget with this request/);
  });
});
