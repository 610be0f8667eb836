// The one local-health state machine (issues #21/#22): probes and request outcomes move the same state, the
// notice shows once per outage and only for something the user asked, and a request path is held back while down.
import * as assert from 'node:assert/strict';
import { LocalHealthMonitor, stateFromFailure, type LocalHealthReport } from '../../../src/core/route/localHealth';
import { FakeTimers, flush } from './fakes';

function rig(probeAnswers: LocalHealthReport[] = []) {
  const timers = new FakeTimers();
  const changes: LocalHealthReport[] = [];
  const notices: LocalHealthReport[] = [];
  let probes = 0;
  const monitor = new LocalHealthMonitor({
    probe: probeAnswers.length ? async () => probeAnswers[Math.min(probes++, probeAnswers.length - 1)]! : undefined,
    onChange: (r) => changes.push(r), notify: (r) => notices.push(r), timers, now: () => timers.now,
  }, 10_000);
  return { timers, changes, notices, monitor, probes: () => probes };
}

const offline = { code: 'connection' as const, message: 'Ollama is not running at http://127.0.0.1:11434 — start it with `ollama serve`.', fix: 'startOllama' as const };

suite('local health: one state machine', () => {
  test('what a request outcome says about the local model', () => {
    assert.equal(stateFromFailure(undefined), 'ready');
    assert.equal(stateFromFailure({ code: 'timeout', message: 't' }), 'offline');
    assert.equal(stateFromFailure({ code: 'modelMissing', message: 'm' }), 'modelMissing');
    assert.equal(stateFromFailure({ code: 'server', message: '500' }), undefined, 'a 5xx says nothing about the next request');
  });

  test('a start-up probe that finds Ollama down changes the state but shows no notice; a completion failure then does, once', async () => {
    const r = rig([{ state: 'offline', message: 'down' }]);
    r.monitor.start(500);
    await r.timers.advance(500);
    assert.deepEqual(r.changes.map((c) => c.state), ['offline']);
    assert.equal(r.notices.length, 0);
    r.monitor.reportOutcome(offline, 'qwen2.5-coder:1.5b');
    r.monitor.reportOutcome(offline, 'qwen2.5-coder:1.5b');
    assert.equal(r.notices.length, 1, 'the completion notice is shown, once per outage');
    assert.equal(r.notices[0]!.fix, 'startOllama');
    assert.match(r.notices[0]!.message, /ollama serve/);
  });

  test('while down, requests are held back for the retry interval; a success brings it back at once', async () => {
    const r = rig();
    assert.equal(r.monitor.mayRequest(), true, 'unknown: try');
    r.monitor.reportOutcome({ code: 'modelMissing', message: 'not pulled', fix: 'pullModel', fixDetail: 'ollama pull x' }, 'x');
    assert.equal(r.monitor.current.state, 'modelMissing');
    assert.equal(r.monitor.current.fixCommand, 'ollama pull x');
    assert.equal(r.monitor.mayRequest(), false);
    await r.timers.advance(10_000);
    assert.equal(r.monitor.mayRequest(), true);
    r.monitor.reportOutcome(undefined, 'x');
    assert.equal(r.monitor.current.state, 'ready');
    assert.deepEqual(r.changes.map((c) => c.state), ['modelMissing', 'ready']);
  });

  test('forgetOutage lets the next request try at once (settings changed)', () => {
    const r = rig();
    r.monitor.reportOutcome(offline, 'm');
    assert.equal(r.monitor.mayRequest(), false);
    r.monitor.forgetOutage();
    assert.equal(r.monitor.mayRequest(), true);
  });

  test('an outage reported by a request is re-probed soon, and the probe brings it back to ready', async () => {
    const r = rig([{ state: 'ready', message: 'Ollama ready' }]);
    r.monitor.reportOutcome(offline, 'm');
    assert.equal(r.probes(), 0);
    await r.timers.advance(1_000);
    assert.equal(r.probes(), 1, 'first re-check one second after the outage began');
    assert.equal(r.monitor.current.state, 'ready');
    assert.equal(r.monitor.current.message, 'Ollama ready');
  });

  test('a recheck asked for during a probe runs again after it', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const monitor = new LocalHealthMonitor({
      probe: () => new Promise<LocalHealthReport>((res) => { calls++; release = () => res({ state: 'ready', message: `probe ${calls}` }); }),
      timers: new FakeTimers(),
    });
    const a = monitor.recheck();
    const b = monitor.recheck();
    release();
    await a;
    await flush();
    release();
    await b;
    assert.equal(calls, 2);
    assert.equal(monitor.current.message, 'probe 2');
    monitor.dispose();
  });
});

// Deep e2e session: Ollama started again, the user asks at once — the poll had not run yet, and the question was
// refused as "not responding". A request re-checks a known outage before it is routed.
suite('local health: a request freshens a known outage', () => {
  test('down, then up before the next poll: freshen() probes at once and the state is ready', async () => {
    const r = rig([{ state: 'offline', message: 'down' }, { state: 'ready', message: 'up' }]);
    r.monitor.start(0);
    await r.timers.advance(0);
    assert.equal(r.monitor.current.state, 'offline');
    await r.monitor.freshen();
    assert.equal(r.monitor.current.state, 'ready');
    assert.equal(r.probes(), 2);
    assert.equal(r.notices.length, 0, 'the chat card says it; no second notice');
  });

  test('ready and unknown are not probed again', async () => {
    const r = rig([{ state: 'ready', message: 'up' }]);
    await r.monitor.freshen();
    assert.equal(r.probes(), 0, 'unknown: the request itself finds out');
    r.monitor.start(0);
    await r.timers.advance(0);
    await r.monitor.freshen();
    assert.equal(r.probes(), 1);
  });
});

suite('local health: freshen() never holds a request long', () => {
  test('a probe that hangs lets the request go after the wait, on what is known', async () => {
    const timers = new FakeTimers();
    let probes = 0;
    const monitor = new LocalHealthMonitor({
      probe: () => (probes++ === 0 ? Promise.resolve({ state: 'offline', message: 'down' }) : new Promise<LocalHealthReport>(() => undefined)),
      timers, now: () => timers.now,
    }, 10_000);
    monitor.start(0);
    await timers.advance(0);
    let done = false;
    void monitor.freshen(2_000).then(() => { done = true; });
    await flush();
    assert.equal(done, false, 'waits for the probe a while');
    await timers.advance(2_000);
    await flush();
    assert.equal(done, true, 'then goes on');
    assert.equal(monitor.current.state, 'offline');
  });
});
