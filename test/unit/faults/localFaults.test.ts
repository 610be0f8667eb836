// Ollama in trouble, through the real pipeline: each fault must end the run with one message naming the cause and
// the fix, within the configured time-outs, and one honest failed ledger record. Ask (private) and Review alike.
import * as assert from 'node:assert/strict';
import { closedPort } from '../providers/helpers';
import { FaultRig, SHORT } from './rig';
import { assertFailedClearly } from './assertions';

const FIRST = SHORT['timeouts.localFirstByteMs'];
const IDLE = SHORT['timeouts.idleMs'];
const SLACK = 1500;

suite('faults: local model in trouble (Ask private, Review)', () => {
  let rig: FaultRig;
  suiteSetup(async () => { rig = await FaultRig.start(); });
  suiteTeardown(async () => { await rig.close(); });
  setup(() => rig.reset());

  for (const origin of ['askPrivate', 'review'] as const) {
    const kind = origin === 'review' ? 'review' as const : 'ask' as const;
    const ask = { origin, kind, context: [{ source: 'selection' as const, text: 'function f() { return 1; }', path: 'a.ts', startLine: 1, endLine: 1 }] };

    test(`${origin}: Ollama not running (closed port) → says it is unreachable and how to start it / the URL setting`, async () => {
      const o = await rig.run(ask, { localUrl: `http://127.0.0.1:${await closedPort()}` });
      assertFailedClearly(o, /Ollama|local/i, /ollama serve|hybrid\.local\.baseUrl|start/i, FIRST + SLACK);
    });

    test(`${origin}: model not pulled → names the model and "ollama pull"`, async () => {
      const o = await rig.run(ask, { settings: { 'local.chatModel': 'no-such-model:7b' } });
      assertFailedClearly(o, /no-such-model:7b/, /ollama pull no-such-model:7b|hybrid\.local\.chatModel/, FIRST + SLACK);
    });

    test(`${origin}: Ollama answers 500 → says the server failed, names what to do`, async () => {
      rig.ollama.setFault({ kind: 'status', status: 500 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /500|server error|failed/i, /retry|try again|restart|ollama|log/i, FIRST + SLACK);
    });

    test(`${origin}: Ollama errors mid-stream → partial answer kept, error names the cause`, async () => {
      rig.ollama.setFault({ kind: 'errorEvent', afterTokens: 2 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /Ollama|local|error/i, /retry|try again|restart|ollama|hybrid\./i, FIRST + SLACK);
      assert.ok(o.events.some((e) => e.type === 'delta'), 'the streamed part was shown');
      assert.ok(o.events.some((e) => e.type === 'done' && e.status === 'failed'), 'the turn ends as failed, not streaming');
    });

    test(`${origin}: Ollama stalls after headers → stops after the idle time-out, names hybrid.timeouts.idleMs`, async () => {
      rig.ollama.setFault({ kind: 'stallAfterHeaders', afterTokens: 1 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /stall|no (data|token)|silent|stopped/i, /hybrid\.timeouts\.idleMs/, FIRST + IDLE + SLACK);
      await rig.ollama.waitForClientClose(undefined, 2000);
    });

    test(`${origin}: first token slower than the time-out → gives up in time, names hybrid.timeouts.localFirstByteMs`, async () => {
      rig.ollama.setFault({ kind: 'delayFirstByte', ms: 5000 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /time|slow|no answer|did not/i, /hybrid\.timeouts\.localFirstByteMs/, FIRST + SLACK);
    });

    test(`${origin}: Ollama's stream cut (no final chunk) → not shown as a complete answer`, async () => {
      rig.ollama.setFault({ kind: 'truncate', afterTokens: 2 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /cut|ended|incomplete|truncat|closed/i, /retry|try again|hybrid\.|ollama/i, FIRST + SLACK);
    });

    // Deep e2e session: Ollama quit while answering; the card under the partial answer said "Could not reach the
    // model — Ollama is not running", as if nothing had come.
    test(`${origin}: Ollama dies mid-answer → partial kept; says it stopped in the middle, the answer is incomplete, how to start it`, async () => {
      rig.ollama.setFault({ kind: 'reset', afterTokens: 2 });
      const o = await rig.run(ask);
      assertFailedClearly(o, /in the middle of the answer/i, /incomplete.*ollama serve/i, FIRST + SLACK);
      assert.ok(o.events.some((e) => e.type === 'delta'), 'the streamed part was shown');
      assert.equal(o.errors[0].fixes[0], 'startOllama');
    });

    test(`${origin}: a malformed NDJSON line → the run still ends (error or answer), never hangs`, async () => {
      rig.ollama.setFault({ kind: 'malformedChunk', afterTokens: 1 });
      const o = await rig.run(ask);
      assert.ok(o.ms < FIRST + SLACK);
      const done = o.events.find((e) => e.type === 'done');
      assert.ok(done || o.errors.length === 1, 'the run settled');
      if (o.errors.length) assert.match(o.errors[0].message, /Ollama|local|malformed|invalid|unexpected/i);
      assert.equal(o.records.length >= 1, true, 'the ledger has the attempt');
    });
  }

  test('a wrong base URL without a scheme → clear message naming hybrid.local.baseUrl, no crash', async () => {
    const o = await rig.run({}, { localUrl: '127.0.0.1:11434' });
    assertFailedClearly(o, /127\.0\.0\.1:11434|URL|address/i, /hybrid\.local\.baseUrl/, FIRST + SLACK);
  });

  test('an unresolvable local host → names the host and the URL setting', async () => {
    const o = await rig.run({}, { localUrl: 'http://hybrid-local.invalid:11434' });
    assert.ok(o.errors.length === 1, JSON.stringify(o.events));
    assert.match(o.errors[0].message, /hybrid-local\.invalid/);
    assert.match(o.errors[0].message, /hybrid\.local\.baseUrl|trustedHosts/);
    assert.ok(o.ms < FIRST + SLACK);
  });
});
