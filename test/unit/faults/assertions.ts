// The one check every fault scenario makes: the run ended on an error (not a spinner), said why and how to fix it,
// in time, and the ledger says the attempt failed (no record claims success).
import * as assert from 'node:assert/strict';
import type { FaultOutcome } from './rig';

export function assertFailedClearly(o: FaultOutcome, cause: RegExp, fix: RegExp, boundMs: number): void {
  assert.equal(o.errors.length, 1, `one error event, got: ${JSON.stringify(o.events.map((e) => e.type))}`);
  const msg = o.errors[0].message;
  assert.match(msg, cause, `the cause is named: ${msg}`);
  assert.match(msg, fix, `the fix is named: ${msg}`);
  assert.ok(o.ms < boundMs, `arrived in ${o.ms} ms (bound ${boundMs} ms)`);
  assert.ok(o.records.length >= 1, 'the attempt is in the ledger');
  assert.ok(o.records.every((r) => r.status === 'failed' && r.outcome), `failed records with their code: ${JSON.stringify(o.records.map((r) => [r.status, r.outcome]))}`);
  assert.ok(!/undefined|\[object|(?<!^)\bThe local\b/.test(msg), `no raw placeholder or mid-sentence capital: ${msg}`);
  const last = o.events[o.events.length - 1];
  assert.ok(o.events.some((e) => e.type === 'done' && e.status === 'failed') || last?.type === 'error', 'the turn leaves "streaming"');
}
