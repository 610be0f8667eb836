// Deep e2e session: Ollama stopped, Ask (private) was refused, Ollama started again — the health check said ready,
// but the status bar kept "refused" (the last request) until the next request: the outage looked unresolved.
import * as assert from 'node:assert/strict';
import { statusText, type StatusState } from '../../../src/core/presentation';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };

suite('presentation / status text after the local model comes back', () => {
  test('a local refusal or failure from before the recovery gives way to "local ready"', () => {
    for (const last of [
      { route: 'refuse' as const, totalMs: 3, model: 'none', status: 'failed' as const, endedAt: 1_000 },
      { route: 'local' as const, totalMs: 900, model: 'qwen2.5-coder:7b', status: 'failed' as const, endedAt: 1_000 },
    ]) {
      const v = statusText({ ...base, last, localRecoveredAt: 2_000 });
      assert.equal(v.text, '$(lock) local ready', `after ${last.route}`);
      assert.equal(v.warning, false);
      assert.match(v.tooltip, /Last request: /, 'the tooltip still tells what happened last');
    }
  });

  test('a refusal after the recovery, a cloud failure, and an ok answer are still shown', () => {
    assert.equal(statusText({ ...base, last: { route: 'refuse', totalMs: 3, model: 'none', status: 'failed', endedAt: 3_000 }, localRecoveredAt: 2_000 }).text, '$(circle-slash) local ready · not sent');
    assert.equal(statusText({ ...base, last: { route: 'cloud', totalMs: 40, model: 'c', status: 'failed', endedAt: 1_000 }, localRecoveredAt: 2_000 }).text, '$(cloud) $0.00 today · failed');
    assert.equal(statusText({ ...base, last: { route: 'local', totalMs: 180, model: 'm', status: 'ok', endedAt: 1_000 }, localRecoveredAt: 2_000 }).text, '$(lock) local · 180 ms');
  });

  test('still down: the problem shows, whatever came last', () => {
    const v = statusText({ ...base, local: 'offline', last: { route: 'refuse', totalMs: 3, model: 'none', status: 'failed', endedAt: 1_000 }, localRecoveredAt: 500 });
    assert.match(v.text, /local · Ollama not running/);
  });
});
