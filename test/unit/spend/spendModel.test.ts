import * as assert from 'node:assert/strict';
import { SpendModel, localDayKey } from '../../../src/core/spend';
import { REMEMBERED_LOCALS } from '../../../src/core/spend/supersededLocal';
import { record } from './fixtures/records';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

// Local-time instants (the model buckets by the user's calendar).
const at = (y: number, mo: number, d: number, h = 12): string => new Date(y, mo - 1, d, h).toISOString();
const NOW = new Date(2026, 10, 22, 15); // 22 Nov 2026, 15:00 local

suite('spend / spend model', () => {
  test('empty model: zeros, 30 zero-filled days, null latencies', () => {
    const s = new SpendModel().snapshot(NOW);
    assert.equal(s.today.requests, 0);
    assert.equal(s.days.length, 30);
    assert.equal(s.days[29].day, localDayKey(NOW));
    assert.ok(s.days.every((d) => d.requests === 0));
    assert.deepEqual(s.latency.map((l) => [l.route, l.p50Ms]), [['local', null], ['cloud', null]]);
    assert.equal(s.firstRecordTime, null);
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s); // plain JSON for the webview
  });

  test('cloud requests made only because the private tier was down or saturated are counted apart, with their cost', () => {
    const m = new SpendModel();
    m.add(record('d1', { time: at(2026, 11, 22, 9), costUsd: 0.02, fallback: 'localDown' }));
    m.add(record('d2', { time: at(2026, 11, 20), costUsd: 0.03, fallback: 'localDown' }));
    m.add(record('o1', { time: at(2026, 11, 22, 10), costUsd: 0.005, fallback: 'overflow' }));
    m.add(record('c1', { time: at(2026, 11, 22, 11), costUsd: 0.5 }));
    const s = m.snapshot(NOW);
    assert.deepEqual([s.today.localDownCloudRequests, s.month.localDownCloudRequests, s.month.overflowCloudRequests], [1, 2, 1]);
    close(s.month.localDownCloudUsd, 0.05);
    close(s.month.overflowCloudUsd, 0.005);
    close(s.month.cloudUsd, 0.555);
  });

  test('today, month, by model/route/kind, savings and unknown prices', () => {
    const m = new SpendModel();
    m.add(record('c1', { time: at(2026, 11, 22, 9), costUsd: 0.5 }));
    m.add(record('c2', { time: at(2026, 11, 22, 10), costUsd: null, model: 'mystery-model' }));
    m.add(record('c3', { time: at(2026, 11, 3), costUsd: 0.25, kind: 'review', origin: 'review' }));
    m.add(record('c4', { time: at(2026, 10, 30), costUsd: 9 })); // last month
    m.add(record('l1', { time: at(2026, 11, 22, 11), route: 'local', provider: 'ollama', model: 'qwen2.5-coder:7b', costUsd: 0.01, cloudEquivalentUsd: 0.2, kind: 'completion', origin: 'inline' }));
    m.add(record('l2', { time: at(2026, 11, 21), route: 'local', provider: 'ollama', model: 'qwen2.5-coder:7b', costUsd: 0, cloudEquivalentUsd: null }));
    m.add(record('x1', { time: at(2026, 11, 22, 13), route: 'refuse', provider: 'none', model: 'none', costUsd: 0, status: 'failed' }));
    const s = m.snapshot(NOW);

    close(s.today.cloudUsd, 0.5);
    assert.equal(s.today.unknownPriceRequests, 1);
    close(s.today.localUsd, 0.01);
    close(s.today.spentUsd, 0.51);
    close(s.today.wouldHaveSpentUsd, 0.7);
    close(s.today.savedUsd, 0.19);
    assert.equal(s.today.requests, 4);

    close(s.month.cloudUsd, 0.75);
    assert.equal(s.month.localWithoutCloudPrice, 1);
    close(s.month.savedUsd, 0.19);
    assert.equal(s.month.refusedRequests, 1);
    assert.deepEqual(s.month.status, { ok: 5, failed: 1, cancelled: 0 });
    close(s.allTime.cloudUsd, 9.75);

    assert.deepEqual(s.byModel.map((r) => r.key), ['claude-sonnet-4-6', 'qwen2.5-coder:7b', 'mystery-model', 'none']);
    assert.deepEqual(s.byRoute.map((r) => [r.key, r.requests]), [['cloud', 3], ['local', 2], ['refuse', 1]]);
    assert.deepEqual(s.byKind.map((r) => r.key).sort(), ['ask', 'completion', 'review']);
    assert.equal(s.days.find((d) => d.day === '2026-11-03')!.requests, 1);
    close(s.days[29].cloudUsd, 0.5);
    assert.equal(s.recent[0].id, 'x1');
    assert.equal(s.firstRecordTime, at(2026, 10, 30));
  });

  test('latency p50/p95 per route over successful requests only', () => {
    const m = new SpendModel();
    for (let i = 1; i <= 100; i++) m.add(record(`c${i}`, { totalMs: i * 10, ttftMs: i }));
    m.add(record('slow-fail', { totalMs: 1e6, status: 'failed' }));
    for (let i = 1; i <= 20; i++) m.add(record(`l${i}`, { route: 'local', totalMs: i, ttftMs: null }));
    const [local, cloud] = m.snapshot(NOW).latency;
    assert.deepEqual([cloud.p50Ms, cloud.p95Ms, cloud.ttftP50Ms, cloud.ttftP95Ms, cloud.count], [500, 950, 50, 95, 100]);
    assert.deepEqual([local.p50Ms, local.p95Ms, local.ttftP50Ms], [10, 19, null]);
  });

  test('latency uses a bounded window of recent requests', () => {
    const m = new SpendModel({ latencyWindow: 10 });
    for (let i = 0; i < 50; i++) m.add(record(`old${i}`, { totalMs: 10_000 }));
    for (let i = 0; i < 10; i++) m.add(record(`new${i}`, { totalMs: 100 }));
    const cloud = m.snapshot(NOW).latency[1];
    assert.equal(cloud.p95Ms, 100);
    assert.equal(cloud.count, 60);
  });

  test('a replayed record id is counted once', () => {
    const m = new SpendModel();
    m.add(record('a', { costUsd: 1 }));
    m.add(record('a', { costUsd: 1 }));
    assert.equal(m.size, 1);
  });

  test('recent keeps the newest N, newest first', () => {
    const m = new SpendModel({ recent: 3 });
    for (let i = 0; i < 10; i++) m.add(record(`r${i}`, { time: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
    assert.deepEqual(m.snapshot(NOW).recent.map((r) => r.id), ['r9', 'r8', 'r7']);
  });

  test('quick() gives today and month without a full snapshot', () => {
    const m = new SpendModel();
    m.add(record('a', { time: at(2026, 11, 22), costUsd: 0.3 }));
    m.add(record('b', { time: at(2026, 11, 2), costUsd: 0.7 }));
    const q = m.quick(NOW);
    close(q.today.cloudUsd, 0.3);
    close(q.month.cloudUsd, 1);
  });

  test('an accepted-completion marker is not counted as a request', () => {
    const m = new SpendModel();
    m.add(record('c1', { route: 'local', kind: 'completion', origin: 'inline', outcome: 'shown', time: at(2026, 11, 22) }));
    m.add(record('c1:accepted', { route: 'local', kind: 'completion', origin: 'inline', outcome: 'accepted', time: at(2026, 11, 22) }));
    const s = m.snapshot(NOW);
    assert.equal(s.today.requests, 1);
    assert.equal(m.acceptedCompletions, 1);
  });
  test('a local answer the cloud replaced (escalated or fallen back from) saves nothing; its own cost stays spent', () => {
    const m = new SpendModel();
    const local = { route: 'local' as const, provider: 'ollama', model: 'qwen2.5-coder:7b', costUsd: 0.002, cloudEquivalentUsd: 0.05 };
    m.add(record('l1', { ...local, time: at(2026, 11, 22, 9) }));
    m.add(record('c1', { time: at(2026, 11, 22, 9), costUsd: 0.01, escalatedFrom: 'l1' }));
    m.add(record('l2', { ...local, time: at(2026, 11, 22, 10), status: 'failed', outcome: 'timeout' }));
    m.add(record('c2', { time: at(2026, 11, 22, 10), costUsd: 0.02, attemptOf: 'l2' }));
    m.add(record('l3', { ...local, time: at(2026, 11, 22, 11) })); // kept: it saved its cloud-equivalent
    const s = m.snapshot(NOW);
    close(s.today.spentUsd, 0.002 * 3 + 0.03);
    close(s.today.wouldHaveSpentUsd, 0.03 + 0.05);
    close(s.today.savedUsd, 0.05 - 0.002 * 3);
    close(s.month.localCloudEquivalentUsd, 0.05);
    const byRoute = s.byRoute.find((r) => r.key === 'local')!;
    close(byRoute.savedUsd, 0.05 - 0.002 * 3);
    close(s.days[29].savedUsd, s.today.savedUsd);
    // A replay of the cloud record takes nothing back twice.
    m.add(record('c1', { time: at(2026, 11, 22, 9), costUsd: 0.01, escalatedFrom: 'l1' }));
    close(m.snapshot(NOW).today.savedUsd, 0.05 - 0.002 * 3);
  });
  test('the replaced-local memory is bounded: only the most recent local answers can be taken back', () => {
    const m = new SpendModel();
    const local = { route: 'local' as const, provider: 'ollama', model: 'qwen2.5-coder:7b', costUsd: 0, cloudEquivalentUsd: 0.01 };
    for (let i = 0; i <= REMEMBERED_LOCALS; i++) m.add(record(`l${i}`, { ...local, time: at(2026, 11, 22, 9) }));
    const before = m.snapshot(NOW).today.savedUsd;
    m.add(record('c-old', { time: at(2026, 11, 22, 10), costUsd: 0, escalatedFrom: 'l0' })); // forgotten: nothing taken back
    close(m.snapshot(NOW).today.savedUsd, before);
    m.add(record('c-new', { time: at(2026, 11, 22, 10), costUsd: 0, escalatedFrom: `l${REMEMBERED_LOCALS}` }));
    close(m.snapshot(NOW).today.savedUsd, before - 0.01);
  });
});
