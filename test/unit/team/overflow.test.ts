// Issue #29 item 4, overflow not only failure: a saturated private tier (429/503, or slow first tokens) sends a
// non-sensitive automatic question to the cloud's light tier when hybrid.fallback.overflowToCloud allows it; a
// sensitive one never leaves; the reasons say "overflow".
import * as assert from 'node:assert/strict';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { ProviderFailure } from '../../../src/core/wire/types';
import type { BudgetState, LedgerRecord } from '../../../src/core/request';
import { cloudModelFor } from '../../../src/core/route/tiers';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { LocalPressure } from '../../../src/core/team/overflow';
import { scriptedProvider } from '../pipeline/scriptedProvider';

const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };

async function run(settings: Partial<HybridSettings>, opts: { failure?: ProviderFailure; question?: string; pressure?: LocalPressure }) {
  const s = { ...DEFAULT_SETTINGS, 'fallback.localToCloud': false, ...settings };
  const local = scriptedProvider('vllm', 'local', opts.failure);
  const cloud = scriptedProvider('anthropic', 'cloud');
  const records: LedgerRecord[] = [];
  let n = 0;
  const deps = createAskDeps({
    settings: s, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (t) => Math.ceil(t.length / 4),
    budget: () => NO_BUDGET, health: () => ({ local: 'ready', cloud: 'ready' }), record: async (r) => { records.push(r); },
    confirm: async () => true, newId: () => `r${++n}`,
    ...(opts.pressure ? { localPressure: () => opts.pressure!.saturated(s['fallback.overflowTtftMs']) } : {}),
  });
  const events: AskEvent[] = [];
  const question = opts.question ?? 'What does this regex match?';
  for await (const e of runAsk(deps, { origin: 'askAuto', kind: 'ask', question, context: [] }, new AbortController().signal)) events.push(e);
  return { s, local, cloud, records, events };
}

const FULL: ProviderFailure = { code: 'rateLimited', status: 429, message: 'The private tier is rate-limiting requests (429).' };
const BUSY: ProviderFailure = { code: 'server', status: 503, message: 'vLLM is busy (503).' };

suite('team: overflow when the private tier is saturated (issue #29)', () => {
  test('an overflow is recorded as overflow even when hybrid.fallback.localToCloud is what allows it', async () => {
    const r = await run({ 'fallback.overflowToCloud': true, 'fallback.localToCloud': true }, { failure: FULL });
    assert.deepEqual(r.records.map((x) => [x.route, x.fallback]), [['local', undefined], ['cloud', 'overflow']]);
  });

  for (const [name, failure] of [['429', FULL], ['503', BUSY]] as const) {
    test(`a ${name} from the private tier overflows a non-sensitive question to the light tier, and says so`, async () => {
      const r = await run({ 'fallback.overflowToCloud': true }, { failure });
      assert.equal(r.local.calls.length, 1);
      assert.equal(r.cloud.calls.length, 1, 'no overflow');
      assert.equal(r.cloud.calls[0].model, cloudModelFor(r.s, 'light'));
      const cloudRecord = r.records.find((x) => x.route === 'cloud')!;
      assert.ok(cloudRecord.reasons.some((x) => /overflow: the private tier is saturated/.test(x) && /hybrid\.fallback\.overflowToCloud/.test(x)), cloudRecord.reasons.join(' | '));
      assert.equal(cloudRecord.fallback, 'overflow');
    });
  }

  test('without the setting, a saturated private tier does not overflow', async () => {
    const r = await run({}, { failure: FULL });
    assert.equal(r.cloud.calls.length, 0);
  });

  test('a sensitive question never overflows', async () => {
    const email = ['jane', 'doe'].join('.') + '@' + 'acme-mail.io';
    const r = await run({ 'fallback.overflowToCloud': true }, { failure: FULL, question: `Why does the export for ${email} fail?` });
    assert.equal(r.cloud.calls.length, 0, 'personal data overflowed to the cloud');
  });

  test('slow first tokens over the threshold overflow before the private tier is even asked', async () => {
    const pressure = new LocalPressure();
    for (const ms of [9_000, 8_500, 7_800]) pressure.add(ms);
    const r = await run({ 'fallback.overflowToCloud': true, 'fallback.overflowTtftMs': 4_000 }, { pressure });
    assert.equal(r.local.calls.length, 0);
    assert.equal(r.cloud.calls.length, 1);
    assert.ok(r.records[0].reasons.some((x) => /overflow: the private tier is saturated: local answers take 8\.5 s to start/.test(x)), r.records[0].reasons.join(' | '));
    const calm = await run({ 'fallback.overflowToCloud': true, 'fallback.overflowTtftMs': 10_000 }, { pressure });
    assert.equal(calm.cloud.calls.length, 0, 'under the threshold the private tier answers');
  });
});
