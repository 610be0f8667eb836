// Rule 4 of docs/spend.md, hand-priced: "saved vs all-cloud" compares with hybrid.cloud.model answering every
// request. Prices used by hand (USD per million tokens): claude-sonnet-4-6 $3 in / $15 out, claude-haiku-4-5 $1 / $5.
import * as assert from 'node:assert/strict';
import type { LedgerRecord, Usage } from '../../../src/core/request';
import { requestCost, SpendModel } from '../../../src/core/spend';
import { record } from './fixtures/records';

const MAIN = 'claude-sonnet-4-6';
const USAGE: Usage = { input: 3000, output: 500, cacheRead: 0, cacheWrite: 0, source: 'provider' };
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} ≠ ${b}`);
const at = new Date(2026, 10, 20, 10);

function local(id: string, cloudModel: string, costPerHour: number): LedgerRecord {
  const c = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage: USAGE, totalMs: 36_000, costPerHour, cloudModel });
  return record(id, { time: at.toISOString(), route: 'local', origin: 'askAuto', provider: 'ollama', model: 'qwen2.5-coder:7b',
    tokens: USAGE, totalMs: 36_000, costUsd: c.costUsd, cloudEquivalentUsd: c.cloudEquivalentUsd });
}

function cloud(id: string, model: string, cloudModel: string, over: Partial<LedgerRecord>): LedgerRecord {
  const c = requestCost({ route: 'cloud', model, usage: USAGE, totalMs: 2000, costPerHour: 0, cloudModel });
  return record(id, { time: new Date(at.getTime() + 5000).toISOString(), model, tokens: USAGE, costUsd: c.costUsd,
    ...(c.cloudEquivalentUsd !== undefined ? { cloudEquivalentUsd: c.cloudEquivalentUsd } : {}), ...over });
}

suite('spend / counterfactuals (saved vs all-cloud)', () => {
  test('an escalation answered by the light tier: all-cloud is the main model\'s price, not the light bill', () => {
    // local: 3000 × $3 + 500 × $15 = $0.0165 on Sonnet 4.6 (local cost $0: no costPerHour)
    // light tier: 3000 × $1 + 500 × $5 = $0.0055 on Haiku 4.5; all-cloud: Sonnet 4.6 answers it, $0.0165
    const m = new SpendModel();
    const l = local('l1', MAIN, 0);
    const c = cloud('c1', 'claude-haiku-4-5', MAIN, { escalatedFrom: 'l1' });
    close(c.costUsd!, 0.0055, 'light bill');
    close(c.cloudEquivalentUsd!, 0.0165, 'the same request on hybrid.cloud.model');
    m.add(l); m.add(c);
    const t = m.snapshot(at).month;
    close(t.spentUsd, 0.0055, 'spent');
    close(t.wouldHaveSpentUsd, 0.0165, 'would have spent'); // was $0.0055: the light tier's bill
    close(t.savedUsd, 0.011, 'saved');
    close(t.localCloudEquivalentUsd, 0, 'the replaced local answer saved nothing itself');
  });

  test('a request on hybrid.cloud.model itself: would-have-spent is its own cost, nothing saved', () => {
    const m = new SpendModel();
    const c = cloud('c1', MAIN, MAIN, {});
    assert.equal(c.cloudEquivalentUsd, undefined);
    m.add(c);
    const t = m.snapshot(at).month;
    close(t.wouldHaveSpentUsd, 0.0165, 'would');
    close(t.savedUsd, 0, 'saved');
  });

  test('a replaced local answer with no cloud-equivalent price counts against the savings', () => {
    // hybrid.cloud.model has no price ("my-gateway-model"): the local answer has no cloud equivalent. It cost
    // $1/h × 36 s = $0.01. The light tier then answered instead ($0.0055, no cloud equivalent either).
    const GATEWAY = 'my-gateway-model';
    const m = new SpendModel();
    const l = local('l1', GATEWAY, 1);
    close(l.costUsd!, 0.01, 'local cost');
    assert.equal(l.cloudEquivalentUsd, null);
    m.add(l);
    close(m.snapshot(at).month.savedUsd, 0, 'unpriced and not replaced: neither saved nor lost');
    m.add(cloud('c1', 'claude-haiku-4-5', GATEWAY, { attemptOf: 'l1', cloudEquivalentUsd: null }));
    const t = m.snapshot(at).month;
    close(t.spentUsd, 0.0155, 'spent: both requests');
    close(t.wouldHaveSpentUsd, 0.0055, 'all-cloud made only the cloud request'); // was $0.0155
    close(t.savedUsd, -0.01, 'the wasted local cost counts against savings'); // was $0
    assert.equal(t.localWithoutCloudPrice, 1);
  });
});
