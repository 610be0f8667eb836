// Rules 3 and 5 of docs/spend.md, hand-priced: hardware amortised per calendar month (28-, 30-, 31-day months and a
// year), the payback date in the right month, idle power of an always-on machine, and costPerHour never counted on
// top of hardware and power.
import * as assert from 'node:assert/strict';
import { computeTco, type TcoMonth, type TcoSettings } from '../../../src/core/spend';

const CLOUD = 'claude-sonnet-5';
// $1800 over 36 months = $50.00 a month, whatever the month's length.
const HW: TcoSettings = { hardwareUsd: 1800, amortizationMonths: 36, watts: 0, usdPerKwh: 0, costPerHour: 0, hoursOnPerDay: 0, idleWatts: 0 };
// 20 answers, 3000 in / 500 out each, 36 s each (0.2 h), $0.22 on the cloud model.
const MONTH: TcoMonth = { localRequests: 20, localTokens: 70_000, localCloudEquivalentUsd: 0.22, localUsd: 0, localMs: 720_000, localWithoutCloudPrice: 0 };

const value = (figs: { id: string; value: number | null }[], id: string): number => figs.find((f) => f.id === id)!.value!;
const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
const hardwareOn = (day: Date): number => value(computeTco(MONTH, HW, day, CLOUD).soFar, 'localCost');

suite('spend / TCO by the calendar', () => {
  test('a whole month of hardware is one month: 28 (Feb 2026), 30 (Nov 2026) and 31 days (Dec 2026) all cost $50.00', () => {
    close(hardwareOn(new Date(2026, 1, 28, 12)), 50); // was 50 × 28/30 = $46.67
    close(hardwareOn(new Date(2026, 10, 30, 12)), 50);
    close(hardwareOn(new Date(2026, 11, 31, 12)), 50); // was 50 × 31/30 = $51.67
  });

  test('part of a month is that share of the month\'s own days: 14 Feb = 14/28, 10 Jan = 10/31', () => {
    close(hardwareOn(new Date(2026, 1, 14, 12)), 25);
    close(hardwareOn(new Date(2027, 0, 10, 12)), 50 * 10 / 31); // $16.13
  });

  test('a year costs twelve months: Σ of each month-end figure over 2026 = $600.00 (was $608.33)', () => {
    let year = 0;
    for (let m = 0; m < 12; m++) year += hardwareOn(new Date(2026, m + 1, 0, 12));
    close(year, 600);
  });

  test('the projection is the calendar month at this pace: 14 Feb → × 28/14, 10 Jan → × 31/10', () => {
    const feb = computeTco(MONTH, HW, new Date(2026, 1, 14, 12), CLOUD);
    assert.equal(feb.daysInMonth, 28);
    close(value(feb.projection, 'projectedCloudEquivalent'), 0.44);
    close(value(feb.projection, 'projectedLocalCost'), 50);
    const jan = computeTco(MONTH, HW, new Date(2027, 0, 10, 12), CLOUD);
    close(value(jan.projection, 'projectedCloudEquivalent'), 0.682);
  });

  test('payback in the middle of a month is labelled by that month: 1.5 months from 10 Nov 2026 is 26 Dec 2026', () => {
    // $150 of hardware; $100.00 a month of cloud-equivalent at this pace ($33.33 in 10 of 30 days), no running cost.
    const s: TcoSettings = { ...HW, hardwareUsd: 150 };
    const t = computeTco({ ...MONTH, localCloudEquivalentUsd: 100 / 3 }, s, new Date(2026, 10, 10, 12), CLOUD);
    close(value(t.projection, 'paybackMonths'), 1.5);
    // 10 Nov + 1 month = 10 Dec; + 0.5 × 31 days = 15.5 → 16 days = 26 Dec (was labelled 2027-01, a month late).
    assert.equal(t.projection.find((f) => f.id === 'paybackMonths')!.note, 'around 2026-12-26');
  });

  test('an always-on machine: idle hours at idle watts, on top of inference', () => {
    const s: TcoSettings = { ...HW, hardwareUsd: 0, watts: 300, usdPerKwh: 0.4, hoursOnPerDay: 24, idleWatts: 30 };
    const t = computeTco(MONTH, s, new Date(2026, 10, 15, 12), CLOUD);
    // 24 h × 15 days = 360 h on, 0.2 h answering, 359.8 h idle: (300 × 0.2 + 30 × 359.8) ÷ 1000 × 0.4 = $4.3416
    close(value(t.soFar, 'localCost'), 4.3416);
    // The month: 720 h on, 0.4 h answering, 719.6 h idle: (120 + 21 588) ÷ 1000 × 0.4 = $8.6832
    close(value(t.projection, 'projectedLocalCost'), 8.6832);
    assert.deepEqual(t.notes, []);
    assert.match(t.soFar.find((f) => f.id === 'localCost')!.formula, /30 W × 359\.8 h idle of 24 h\/day × 15 days/);
  });

  test('costPerHour with hardware or power entered is left out, and the panel says why', () => {
    // costPerHour $0.50 × 0.2 h = $0.10 is in the records' costUsd; hardware already stands for the same machine.
    const s: TcoSettings = { ...HW, costPerHour: 0.5 };
    const t = computeTco({ ...MONTH, localUsd: 0.1 }, s, new Date(2026, 10, 15, 12), CLOUD);
    close(value(t.soFar, 'localCost'), 25); // 50 × 15/30, not 25.10
    assert.match(t.notes[0], /^hybrid\.local\.costPerHour \(\$0\.50\/h\) is not added here/);
    // On its own, the per-hour rate is the local cost.
    const alone = computeTco({ ...MONTH, localUsd: 0.1 }, { ...HW, hardwareUsd: 0, costPerHour: 0.5 }, new Date(2026, 10, 15, 12), CLOUD);
    close(value(alone.soFar, 'localCost'), 0.1);
    assert.deepEqual(alone.notes, []);
  });
});
