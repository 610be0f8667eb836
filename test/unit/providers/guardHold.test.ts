import * as assert from 'node:assert/strict';
import { RequestGuard } from '../../../src/core/providers/guard';
import { Meter } from '../../../src/core/providers/streamMeter';

const OPTS = { firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetryAfterMs: 10_000 };

suite('providers/guard: a request prepared ahead (sendWhen)', () => {
  test('the base fetch is called only once sendWhen settles', async () => {
    const calls: number[] = [];
    let send!: () => void;
    const sendWhen = new Promise<void>((r) => { send = r; });
    const guard = new RequestGuard(new AbortController().signal, {
      ...OPTS, sendWhen, fetch: async () => { calls.push(Date.now()); return new Response('{}'); },
    });
    const res = guard.fetch('http://127.0.0.1:1/api/generate', { method: 'POST', body: '{}' });
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(calls.length, 0, 'held');
    send();
    assert.equal((await res).status, 200);
    assert.equal(calls.length, 1);
    guard.dispose();
  });

  test('a signal aborted before the guard was made ends a held request at once, even if sendWhen never settles', async () => {
    const user = new AbortController();
    user.abort(new Error('cancelled before the guard existed'));
    let called = false;
    const guard = new RequestGuard(user.signal, {
      ...OPTS, sendWhen: new Promise(() => undefined),
      fetch: async (_i, init) => { called = true; if (init?.signal?.aborted) throw init.signal.reason; return new Response('{}'); },
    });
    const outcome = await Promise.race([
      guard.fetch('http://127.0.0.1:1/x').then(() => 'resolved', () => 'rejected'),
      new Promise((r) => setTimeout(() => r('hung'), 500)),
    ]);
    assert.equal(outcome, 'rejected');
    assert.equal(called, true, 'the base fetch saw an aborted signal and sent nothing');
  });

  test('a rejected sendWhen leaves the meter timing from its start, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => { unhandled.push(e); };
    process.on('unhandledRejection', onUnhandled);
    try {
      let t = 0;
      const meter = new Meter({ now: () => t }).startWhen(Promise.reject(new Error('dropped')));
      t = 50;
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(meter.timing().totalMs, 50);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
