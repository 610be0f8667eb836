// Issue #21 "run-time fallback": when the local model fails during a request, the cloud fallback follows the same
// rule as when the router already knew local was down (route/decide.ts localToCloudFallback): the light tier, or
// the frontier model only when the light tier is off; the same budget rule.

import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { BudgetState, HealthState, LedgerRecord } from '../../../src/core/request';
import { localToCloudFallback } from '../../../src/core/route/decide';
import { cloudModelFor } from '../../../src/core/route/tiers';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { scriptedProvider } from './scriptedProvider';

const DOWN = { code: 'connection' as const, message: 'Ollama is not running' };
const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };

async function run(settings: Partial<HybridSettings>, health: HealthState, localFails: boolean, budget = NO_BUDGET) {
  const s = { ...DEFAULT_SETTINGS, 'fallback.localToCloud': true, ...settings };
  const local = scriptedProvider('ollama', 'local', localFails ? DOWN : undefined);
  const cloud = scriptedProvider('anthropic', 'cloud');
  const records: LedgerRecord[] = [];
  let n = 0;
  const deps = createAskDeps({
    settings: s, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (t) => Math.ceil(t.length / 4),
    budget: () => budget, health: () => health, record: async (r) => { records.push(r); }, confirm: async () => true, newId: () => `r${++n}`,
  });
  const events: AskEvent[] = [];
  for await (const e of runAsk(deps, { origin: 'askAuto', kind: 'ask', question: 'What does this regex match?', context: [] }, new AbortController().signal)) events.push(e);
  return { s, local, cloud, records, events };
}

suite('local → cloud fallback: one rule at decide time and at run time (issue #21)', () => {
  for (const [name, settings] of [['light tier on (auto)', {}], ['an explicit light model', { 'cloud.lightModel': 'claude-haiku-4-5-20251001' }],
    ['light tier off', { 'cloud.lightModel': '' }]] as const) {
    test(`${name}: both paths send to the same model, the one localToCloudFallback picks`, async () => {
      const known = await run(settings, { local: 'offline', cloud: 'ready' }, true);
      const failed = await run(settings, { local: 'ready', cloud: 'ready' }, true);
      const rule = localToCloudFallback('down', known.s, NO_BUDGET, { local: 'offline', cloud: 'ready' });
      const expected = cloudModelFor(known.s, rule.tier);
      assert.equal(known.cloud.calls.length, 1, 'decide-time fallback reached the cloud');
      assert.equal(known.local.calls.length, 0);
      assert.equal(failed.local.calls.length, 1, 'run-time: local was tried first');
      assert.equal(failed.cloud.calls.length, 1, 'run-time fallback reached the cloud');
      assert.equal(known.cloud.calls[0].model, expected);
      assert.equal(failed.cloud.calls[0].model, expected, 'the run-time fallback used another model than the decide-time one');
      if (name !== 'light tier off') assert.notEqual(expected, known.s['cloud.model'], 'the fallback went to the frontier model');
      const notice = failed.events.find((e) => e.type === 'notice') as Extract<AskEvent, { type: 'notice' }>;
      assert.match(notice.text, new RegExp(expected.replace(/[.]/g, '\\.')));
      assert.deepEqual(failed.records.map((r) => [r.route, r.model]), [['local', known.s['local.chatModel']], ['cloud', expected]]);
      // The ledger says why the cloud was paid for (the spend panel counts what the local model's absence cost).
      assert.deepEqual([known.records.at(-1)!.fallback, failed.records.at(-1)!.fallback, failed.records[0]!.fallback], ['localDown', 'localDown', undefined]);
    });
  }

  test('over budget with onExceeded "block": neither path falls back to the cloud', async () => {
    const over: BudgetState = { level: 'exceeded', spentTodayUsd: 6, spentMonthUsd: 6, dailyUsd: 5, monthlyUsd: 0 };
    const known = await run({ 'budget.onExceeded': 'block' }, { local: 'offline', cloud: 'ready' }, true, over);
    const failed = await run({ 'budget.onExceeded': 'block' }, { local: 'ready', cloud: 'ready' }, true, over);
    assert.equal(known.cloud.calls.length, 0);
    assert.equal(failed.cloud.calls.length, 0);
    assert.equal(failed.local.calls.length, 1);
  });
});
