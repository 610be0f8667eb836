// The wall clock stepped back mid-request (NTP correction, a VM resumed, the user fixing the time). Durations came
// from Date.now() differences, so the answer's totalMs went negative, the ledger's validation refused the record
// and the request's spend was never counted — Sonnet 4.6, 1000 input × $3 + 8 output × $15 = 3120 µ$ lost.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndependentAnthropic } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { Ledger, requestCost } from '../../../src/core/spend';
import type { Clock } from '../../../src/core/ports';
import { drain, never, sealed, testKey } from '../providers/helpers';
import { record } from './fixtures/records';

/** Real time, stepped back `stepMs` after the first `after` readings. */
function steppingBack(after: number, stepMs: number): Clock {
  let n = 0;
  return { now: () => Date.now() - (++n > after ? stepMs : 0) };
}

suite('spend / the clock going backwards', function () {
  this.timeout(10_000);
  const fake = new IndependentAnthropic();
  let url = '';
  let tmp = '';
  suiteSetup(async () => { url = await fake.listen(); });
  suiteTeardown(() => fake.close());
  setup(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-back-')); });
  teardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the system clock steps back 5 s mid-answer: the timing is the real one and the record reaches the ledger with its bill', async () => {
    fake.opts = { answer: 'alpha beta gamma delta epsilon zeta eta theta', usage: { input: 1000, cacheWrite: 0, cacheRead: 0 }, delivery: { gapMs: 5 } };
    const p = createAnthropicProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0 });
    const wall = Date.now;
    let d;
    try {
      d = await drain(p.stream(sealed('claude-sonnet-4-6'), never()), { onChunk: (_c, i) => { if (i === 0) Date.now = () => wall() - 5000; } });
    } finally {
      Date.now = wall;
    }
    const t = d.result.timing;
    assert.ok(t.totalMs >= 0 && t.totalMs < 5000, `totalMs ${t.totalMs}`);
    assert.ok(t.ttftMs !== null && t.ttftMs >= 0 && t.ttftMs <= t.totalMs, `ttftMs ${t.ttftMs}`);
    const { costUsd } = requestCost({ route: 'cloud', model: d.result.model, usage: d.result.usage, totalMs: t.totalMs, costPerHour: 0, cloudModel: 'claude-sonnet-4-6' });
    assert.ok(Math.abs(costUsd! - 0.00312) < 1e-12, `${costUsd}`);
    const ledger = await Ledger.open(tmp);
    const r = record('back', { tokens: d.result.usage, costUsd, ttftMs: t.ttftMs, totalMs: t.totalMs });
    assert.equal((await ledger.append(r)).written, true);
    assert.deepEqual((await ledger.load()).records.map((x) => x.costUsd), [0.00312]);
    await ledger.close();
  });

  test('an injected clock that steps back: durations are never negative', async () => {
    fake.opts = { usage: { input: 1000, cacheWrite: 0, cacheRead: 0 } };
    const p = createAnthropicProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0, clock: steppingBack(1, 5000) });
    const d = await drain(p.stream(sealed('claude-sonnet-4-6'), never()));
    assert.ok(d.result.timing.totalMs >= 0, `totalMs ${d.result.timing.totalMs}`);
    assert.ok(d.result.timing.ttftMs === null || d.result.timing.ttftMs >= 0, `ttftMs ${d.result.timing.ttftMs}`);
  });

  test('a local answer timed across the step is never a negative cost (costPerHour × time)', () => {
    const { costUsd } = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage: { input: 10, output: 10, cacheRead: 0, cacheWrite: 0, source: 'provider' },
      totalMs: -4000, costPerHour: 0.5, cloudModel: 'claude-sonnet-4-6' });
    assert.ok(costUsd !== null && costUsd >= 0, `${costUsd}`);
  });
});
