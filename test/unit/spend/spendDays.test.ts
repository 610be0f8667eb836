// "Today" and "this month" are the user's local calendar (a daily budget is the user's day), also where the ledger's
// UTC timestamps fall on another date: Auckland (UTC+13 in December) and Los Angeles (UTC−8). Hand bills: Sonnet 4.6
// 1000 input × $3 = $0.003 per record; the export must let the same day be summed from the file.
import * as assert from 'node:assert/strict';
import { BUNDLED_PRICES, ledgerCsv, SpendModel } from '../../../src/core/spend';
import { record } from './fixtures/records';

const bill = (id: string, time: string) => record(id, {
  time, tokens: { input: 1000, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0.003,
});

function inZone<T>(tz: string, f: () => T): T {
  const was = process.env.TZ;
  process.env.TZ = tz;
  try { return f(); } finally { if (was === undefined) delete process.env.TZ; else process.env.TZ = was; }
}

suite('spend / days and months in the user\'s time zone', () => {
  test('Auckland: 00:30 local (11:30 UTC the day before) counts today; 23:30 local yesterday does not', () => inZone('Pacific/Auckland', () => {
    const m = new SpendModel();
    m.add(bill('today', '2026-12-05T11:30:00.000Z'));     // 6 Dec 00:30 NZDT
    m.add(bill('yesterday', '2026-12-05T10:30:00.000Z')); // 5 Dec 23:30 NZDT
    m.add(bill('december', '2026-11-30T11:30:00.000Z'));  // 1 Dec 00:30 NZDT
    m.add(bill('november', '2026-11-30T10:30:00.000Z'));  // 30 Nov 23:30 NZDT
    const now = new Date('2026-12-05T20:00:00.000Z');     // 6 Dec 09:00 NZDT
    const q = m.quick(now);
    assert.equal(q.today.requests, 1);
    assert.ok(Math.abs(q.today.cloudUsd - 0.003) < 1e-12);
    assert.equal(q.month.requests, 3, 'December: today, yesterday and 1 Dec 00:30');
    assert.ok(Math.abs(q.month.cloudUsd - 0.009) < 1e-12);
    const snap = m.snapshot(now);
    assert.deepEqual(snap.days.slice(-6).map((d) => [d.day, d.requests]),
      [['2026-12-01', 1], ['2026-12-02', 0], ['2026-12-03', 0], ['2026-12-04', 0], ['2026-12-05', 1], ['2026-12-06', 1]]);
  }));

  test('Los Angeles: 23:30 local on 5 Dec (07:30 UTC on the 6th) is not today on the 6th', () => inZone('America/Los_Angeles', () => {
    const m = new SpendModel();
    m.add(bill('late', '2026-12-06T07:30:00.000Z'));   // 5 Dec 23:30 PST
    m.add(bill('early', '2026-12-06T08:30:00.000Z'));  // 6 Dec 00:30 PST
    const q = m.quick(new Date('2026-12-06T20:00:00.000Z'));
    assert.equal(q.today.requests, 1);
  }));

  test('Berlin, the night after the spring-forward (a 23-hour day): the 30-day chart keeps 29 March and its bill', () => inZone('Europe/Berlin', () => {
    const m = new SpendModel();
    m.add(bill('dst-day', '2026-03-29T10:00:00.000Z'));   // 29 Mar 12:00 CEST
    const snap = m.snapshot(new Date('2026-03-29T22:30:00.000Z')); // 30 Mar 00:30 CEST
    const days = snap.days.map((d) => d.day);
    assert.equal(new Set(days).size, 30, 'no day twice');
    assert.deepEqual(days.slice(-2), ['2026-03-29', '2026-03-30']);
    assert.ok(Math.abs(snap.days.at(-2)!.cloudUsd - 0.003) < 1e-12);
  }));

  test('the CSV export carries the local day each row is counted under, so the file sums to the panel\'s day', () => inZone('Pacific/Auckland', () => {
    const recs = [bill('today', '2026-12-05T11:30:00.000Z'), bill('yesterday', '2026-12-05T10:30:00.000Z')];
    const [head, ...rows] = ledgerCsv(recs, BUNDLED_PRICES).trim().split('\n').map((l) => l.split(','));
    const day = head!.indexOf('localDay');
    assert.ok(day >= 0, `columns: ${head!.join(',')}`);
    assert.deepEqual(rows.map((r) => r[day]), ['2026-12-06', '2026-12-05']);
    const m = new SpendModel();
    for (const r of recs) m.add(r);
    const today = rows.filter((r) => r[day] === '2026-12-06').reduce((s, r) => s + Number(r[head!.indexOf('costUsd')]), 0);
    assert.equal(today, m.quick(new Date('2026-12-05T20:00:00.000Z')).today.cloudUsd);
  }));
});
