// Escalation rate and cost from ledger records, through SpendModel as the panel gets it, and the ledger keeping
// the `escalatedFrom` link across a write and a read.
import * as assert from 'node:assert/strict';
import type { LedgerRecord } from '../../../src/core/request';
import { parseLine, serializeRecord } from '../../../src/core/spend/ledgerRecord';
import { SpendModel } from '../../../src/core/spend/spendModel';

const now = new Date(2026, 10, 20, 12);
function rec(id: string, over: Partial<LedgerRecord>): LedgerRecord {
  return { v: 1, id, time: new Date(2026, 10, 20, 10).toISOString(), origin: 'askAuto', kind: 'ask', route: 'local', provider: 'ollama', model: 'qwen',
    tokens: { input: 10, output: 5, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0, ttftMs: 1, totalMs: 2, status: 'ok', reasons: ['r'], ...over };
}

suite('spend: escalation stats', () => {
  test('rate = escalations ÷ local automatic answers; cost sums the escalated cloud records', () => {
    const m = new SpendModel();
    for (let i = 0; i < 8; i++) m.add(rec(`l${i}`, {}));
    m.add(rec('p1', { origin: 'askPrivate' })); // private answers never escalate: not in the base
    m.add(rec('c1', { route: 'cloud', provider: 'anthropic', model: 'claude-haiku-4-5', costUsd: 0.0021, escalatedFrom: 'l1' }));
    m.add(rec('c2', { route: 'cloud', provider: 'anthropic', model: 'x', costUsd: null, escalatedFrom: 'l2' }));
    m.add(rec('r1', { route: 'refuse', status: 'failed', outcome: 'refused', escalatedFrom: 'l3' }));
    const e = m.snapshot(now).escalation;
    assert.deepEqual(e, { localAnswers: 8, escalations: 2, rate: 0.25, costUsd: 0.0021, unpriced: 1 });
  });

  test('no local answers → rate null', () => {
    assert.equal(new SpendModel().snapshot(now).escalation.rate, null);
  });

  test('escalatedFrom survives the ledger line format', () => {
    const line = serializeRecord(rec('c1', { route: 'cloud', escalatedFrom: 'req-123' }));
    assert.equal(parseLine(line)?.record.escalatedFrom, 'req-123');
    assert.throws(() => serializeRecord(rec('c2', { escalatedFrom: 'x'.repeat(500) })));
  });
});
