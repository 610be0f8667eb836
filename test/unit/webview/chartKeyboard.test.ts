// UX round 7: the chart's per-day figures were only in each bar's hover tooltip. Now one day is selected (the last
// with any activity), its figures are said in words under the chart, the arrow keys move the selection, each day is
// named for a screen reader, and the days are a table too. The host's snapshot is checked day by day before the
// page renders any of it.
import * as assert from 'node:assert/strict';
import type { DayPointView } from '../../../src/shared/protocol/spend';
import { isDayPoint, isSpendSnapshotShape, isToSpend, MAX_DAYS } from '../../../src/shared/protocol/spend';
import { chartSvg, dayTable, dayText, defaultDayIndex, hasNotSent, nextDayIndex } from '../../../src/webview/spend/chart';
import { sampleSpend } from './sampleData';

function day(i: number, extra: Partial<DayPointView> = {}): DayPointView {
  return { day: `2026-11-${String(i).padStart(2, '0')}`, cloudUsd: 0, localUsd: 0, savedUsd: 0, requests: 0, ...extra };
}

const days = [day(1, { cloudUsd: 0.5, requests: 2, cloudRequests: 2, localRequests: 0 }), day(2), day(3, { localUsd: 0.01, requests: 5, cloudRequests: 1, localRequests: 4, cloudUsd: 0.25, estimatedCostRequests: 1 }), day(4)];

suite('spend chart: readable without hover', () => {
  test('a day in words, with a human date, for the readout and a screen reader', () => {
    assert.equal(dayText(days[0], 'spend'), 'Nov 1: cloud $0.50, local $0.00, 2 requests');
    assert.equal(dayText(days[2], 'spend'), 'Nov 3: cloud $0.25 est., local $0.01, 5 requests (1 priced from estimated tokens)');
    assert.equal(dayText(days[2], 'requests'), 'Nov 3: 1 cloud, 4 local requests');
    assert.equal(dayText(day(9, { requests: 1 }), 'requests'), 'Nov 9: 1 request');
  });

  test('the first selected day is the last with activity, not an empty "today"', () => {
    assert.equal(defaultDayIndex(days), 2);
    assert.equal(defaultDayIndex([day(1), day(2)]), 1, 'nothing anywhere: the last day');
    assert.equal(defaultDayIndex([]), 0);
    assert.equal(defaultDayIndex([day(1, { localUsd: 0.2 }), day(2)]), 0, 'a day with only a local cost counts');
  });

  test('arrow keys, Home and End move within the days and stop at the ends; other keys are left alone', () => {
    assert.equal(nextDayIndex('ArrowLeft', 2, 4), 1);
    assert.equal(nextDayIndex('ArrowRight', 2, 4), 3);
    assert.equal(nextDayIndex('ArrowRight', 3, 4), 3);
    assert.equal(nextDayIndex('ArrowLeft', 0, 4), 0);
    assert.equal(nextDayIndex('ArrowUp', 0, 4), 1);
    assert.equal(nextDayIndex('ArrowDown', 1, 4), 0);
    assert.equal(nextDayIndex('Home', 2, 4), 0);
    assert.equal(nextDayIndex('End', 0, 4), 3);
    for (const k of ['Tab', 'Enter', ' ', 'a', 'PageDown']) assert.equal(nextDayIndex(k, 2, 4), undefined, k);
    assert.equal(nextDayIndex('ArrowLeft', 0, 0), undefined, 'no days, nothing to move to');
  });

  test('one tab stop: the selected day has tabindex 0, every other -1, each named; the chart is a group', () => {
    const svg = chartSvg(days, 'spend', { selected: 0 });
    const groups = [...svg.matchAll(/<g class="day( selected)?" data-day="(\d+)" tabindex="(-?\d)" role="img" aria-label="([^"]*)">/g)];
    assert.equal(groups.length, 4);
    assert.deepEqual(groups.map((g) => g[3]), ['0', '-1', '-1', '-1']);
    assert.deepEqual(groups.map((g) => !!g[1]), [true, false, false, false]);
    assert.equal(groups[0][4], 'Nov 1: cloud $0.50, local $0.00, 2 requests');
    assert.equal(new Set(groups.map((g) => g[4])).size, 4, 'every day has its own name');
    assert.match(svg, /^<svg [^>]*role="group" aria-label="Spend per day/);
    assert.doesNotMatch(svg, /role="img" aria-label="Spend per day/, 'an image role would hide the days inside it');
  });

  test('a selection out of range falls back to the default day; the hover tooltip keeps the full date', () => {
    for (const selected of [-1, 4, 99, Number.NaN]) {
      const svg = chartSvg(days, 'spend', { selected });
      assert.match(svg, /<g class="day selected" data-day="2" tabindex="0"/, String(selected));
    }
    assert.match(chartSvg(days, 'spend'), /<title>2026-11-03: cloud \$0\.25 est\./);
  });

  test('a day label that holds markup stays text', () => {
    const svg = chartSvg([day(1, { requests: 1 })], 'requests');
    assert.doesNotMatch(svg, /<script|on\w+=/i);
  });

  test('the table: days with activity, newest first, in the chart\'s metric, the rest counted', () => {
    const spend = dayTable(days, 'spend');
    assert.deepEqual(spend.head, ['Day', 'Cloud spend', 'Local cost', 'Requests']);
    assert.deepEqual(spend.rows, [['Nov 3', '$0.25 est.', '$0.01', '5'], ['Nov 1', '$0.50', '$0.00', '2']]);
    assert.equal(spend.left, 2);
    const reqs = dayTable(days, 'requests');
    assert.deepEqual(reqs.head, ['Day', 'Requests', 'Cloud', 'Local']);
    assert.deepEqual(reqs.rows[0], ['Nov 3', '5', '1', '4']);
    const unsplit = dayTable([day(1, { requests: 3 })], 'requests');
    assert.deepEqual(unsplit, { head: ['Day', 'Requests'], rows: [['Nov 1', '3']], left: 0 });
    assert.deepEqual(dayTable([day(1), day(2)], 'spend').rows, []);
  });

  test('the sample month: 30 named days, one tab stop, a table row per active day', () => {
    const s = sampleSpend();
    const svg = chartSvg(s.days, 'spend');
    assert.equal((svg.match(/tabindex="0"/g) ?? []).length, 1);
    assert.equal((svg.match(/<g class="day/g) ?? []).length, 30);
    const t = dayTable(s.days, 'spend');
    assert.equal(t.rows.length + t.left, 30);
  });
});

suite('spend chart: a refused request is "not sent", never drawn as cloud (seen in the ux7 screenshots)', () => {
  const refusedDay = day(7, { requests: 2, localRequests: 1, cloudRequests: 0 });
  test('its own segment on top, no cloud segment for a day without cloud requests', () => {
    const svg = chartSvg([refusedDay], 'requests', { width: 300, height: 124 });
    assert.equal((svg.match(/class="bar-cloud"/g) ?? []).length, 0, 'no cloud request that day');
    assert.equal((svg.match(/class="bar-local"/g) ?? []).length, 1);
    assert.equal((svg.match(/class="bar-notsent"/g) ?? []).length, 1);
  });
  test('the readout and the table say it; the table\'s parts add up to the day\'s requests', () => {
    assert.equal(dayText(refusedDay, 'requests'), 'Nov 7: 0 cloud, 1 local request, 1 not sent');
    const t = dayTable([day(6, { requests: 3, localRequests: 2, cloudRequests: 1 }), refusedDay], 'requests');
    assert.deepEqual(t.head, ['Day', 'Requests', 'Cloud', 'Local', 'Not sent']);
    assert.deepEqual(t.rows, [['Nov 7', '2', '0', '1', '1'], ['Nov 6', '3', '1', '2', '0']]);
    for (const r of t.rows) assert.equal(Number(r[2]) + Number(r[3]) + Number(r[4]), Number(r[1]));
  });
  test('no refusals: no extra column, no extra segment; the spend view never has one', () => {
    const plain = [day(6, { requests: 3, localRequests: 2, cloudRequests: 1 })];
    assert.equal(hasNotSent(plain), false);
    assert.deepEqual(dayTable(plain, 'requests').head, ['Day', 'Requests', 'Cloud', 'Local']);
    assert.doesNotMatch(chartSvg([refusedDay], 'spend'), /bar-notsent/);
    assert.equal(hasNotSent([day(1, { requests: 4 })]), false, 'no split known: nothing to call refused');
  });
});

suite('spend chart: date labels never run into each other', () => {
  const month = Array.from({ length: 30 }, (_, i) => day(1 + (i % 28), { requests: 1 }));
  const xs = (svg: string) => [...svg.matchAll(/<text class="axis" x="([\d.]+)" y="[\d.]+" text-anchor="(middle|end)">[A-Z][a-z]{2} \d+<\/text>/g)]
    .map((m) => ({ x: Number(m[1]), end: m[2] === 'end' }));
  for (const width of [320, 360, 480, 640, 1100]) {
    test(`${width} px: at least one label, and every two at least a label apart`, () => {
      const labels = xs(chartSvg(month, 'requests', { width }));
      assert.ok(labels.length >= 2, `${labels.length} labels`);
      for (let i = 1; i < labels.length; i++) {
        // An end-anchored label's centre sits half a label to the left of its x.
        const a = labels[i - 1].x - (labels[i - 1].end ? 23 : 0), b = labels[i].x - (labels[i].end ? 23 : 0);
        assert.ok(b - a >= 44, `labels ${i - 1} and ${i} are ${(b - a).toFixed(1)} px apart at ${width} px`);
      }
    });
  }
  test('a wide chart keeps a label every 5 days', () => {
    assert.equal(xs(chartSvg(month, 'requests', { width: 1100 })).length, 6);
  });
});

suite('spend snapshot: each day is checked before the page renders it', () => {
  const good = sampleSpend();
  const withDays = (d: unknown[]) => ({ ...good, days: d });
  test('the sample snapshot passes', () => {
    assert.equal(isSpendSnapshotShape(good), true);
    assert.equal(isToSpend({ type: 'snapshot', snapshot: good }), true);
  });
  const bad: [string, unknown][] = [
    ['a day that is not an object', 'Nov 1'], ['null', null], ['a day without a date', { cloudUsd: 0, localUsd: 0, savedUsd: 0, requests: 0 }],
    ['a date as a number', { ...day(1), day: 20261101 }], ['a date with markup', { ...day(1), day: '<img src=x onerror=alert(1)>' }],
    ['month 13', { ...day(1), day: '2026-13-01' }], ['a NaN amount', { ...day(1), cloudUsd: Number.NaN }],
    ['an infinite amount', { ...day(1), localUsd: Number.POSITIVE_INFINITY }], ['an amount as text', { ...day(1), cloudUsd: '0.5' }],
    ['negative requests', { ...day(1), requests: -1 }], ['a split count as text', { ...day(1), localRequests: '3' }],
    ['a negative estimate count', { ...day(1), estimatedCostRequests: -2 }],
  ];
  for (const [what, d] of bad) {
    test(`rejected: ${what}`, () => {
      assert.equal(isDayPoint(d), false);
      assert.equal(isToSpend({ type: 'snapshot', snapshot: withDays([day(1), d]) }), false);
    });
  }
  test('a negative amount (a refund) is drawn at 0, not a reason to drop the figures', () => {
    assert.equal(isDayPoint({ ...day(1), cloudUsd: -0.01 }), true);
  });
  test('more days than a year are refused', () => {
    assert.equal(isSpendSnapshotShape(withDays(Array.from({ length: MAX_DAYS + 1 }, () => day(1)))), false);
    assert.equal(isSpendSnapshotShape(withDays(Array.from({ length: MAX_DAYS }, () => day(1)))), true);
  });
});
