// When the server is asked whether the model is loaded: on the first keystroke, after a pause, for another model —
// never on the keystrokes in between.
import * as assert from 'node:assert/strict';
import { ModelWarmth } from '../../../src/core/completion/warmth';
import type { FimProvider, ModelResidency } from '../../../src/core/wire/types';

function rig(loaded: boolean, loadTimeoutMs?: () => number) {
  let now = 0;
  const asked: string[] = [];
  const loads: string[] = [];
  const allowed: number[] = [];
  const provider: FimProvider = {
    id: 'fake',
    // eslint-disable-next-line require-yield
    async *complete() { throw new Error('not used'); },
    residency: async (model): Promise<ModelResidency> => { asked.push(model); return { loaded, contextLength: 4096 }; },
    warm: async (model, ms) => { loads.push(model); allowed.push(ms); return undefined; },
  };
  const loading: Array<string | undefined> = [];
  const w = new ModelWarmth({ provider: () => provider, now: () => now, onLoading: (m) => loading.push(m), ...(loadTimeoutMs ? { loadTimeoutMs } : {}) }, { idleMs: 60_000, loadTimeoutMs: 120_000, holdAfterFailureMs: 10_000 });
  return { w, asked, loads, allowed, loading, advance: (ms: number) => { now += ms; } };
}

suite('completion: model warmth', () => {
  test('asked on the first keystroke, not on the next ones, again after a pause or for another model', async () => {
    const r = rig(true);
    r.w.touch('a');
    await r.w.whenReady();
    for (let i = 0; i < 20; i++) { r.advance(100); r.w.touch('a'); }
    assert.equal(r.w.whenReady(), undefined, 'nothing to wait for while typing');
    assert.deepEqual(r.asked, ['a']);
    r.advance(60_000);
    r.w.touch('a');
    await r.w.whenReady();
    r.w.touch('b');
    await r.w.whenReady();
    assert.deepEqual(r.asked, ['a', 'a', 'b']);
    assert.deepEqual(r.loads, []);
    assert.deepEqual(r.w.known, { loaded: true, contextLength: 4096 });
  });

  test('a cold model is loaded once, with "loading" around it', async () => {
    const r = rig(false);
    r.w.touch('m');
    r.w.touch('m');
    await r.w.whenReady();
    assert.deepEqual(r.loads, ['m']);
    assert.deepEqual(r.loading, ['m', undefined]);
    assert.equal(r.w.known?.loaded, true);
  });

  test('invalidate (a time-out, new settings) makes the next keystroke ask again', async () => {
    const r = rig(true);
    r.w.touch('a');
    await r.w.whenReady();
    r.w.invalidate();
    r.w.touch('a');
    await r.w.whenReady();
    assert.deepEqual(r.asked, ['a', 'a']);
  });

  test('the load gets hybrid.timeouts.localLoadMs as read when the load starts (a change applies to the next load)', async () => {
    let setting = 300_000;
    const r = rig(false, () => setting);
    r.w.touch('m');
    await r.w.whenReady();
    setting = 45_000;
    r.w.touch('n');
    await r.w.whenReady();
    assert.deepEqual(r.allowed, [300_000, 45_000]);
  });

  test('without the setting the option\'s default applies', async () => {
    const r = rig(false);
    r.w.touch('m');
    await r.w.whenReady();
    assert.deepEqual(r.allowed, [120_000]);
  });
});
