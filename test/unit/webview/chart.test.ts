// The spend chart is SVG markup built from numbers; check its scale, stacking and that text stays text.
import * as assert from 'node:assert/strict';
import type { DayPointView } from '../../../src/shared/protocol/spend';
import { isSpendSnapshotShape, isToSpend } from '../../../src/shared/protocol/spend';
import { axisLabel, axisMax, chartEmptyText, chartSvg, niceMax } from '../../../src/webview/spend/chart';
import { formatCount, formatMs, formatUsd } from '../../../src/webview/common/format';
import { sampleSpend } from './sampleData';

function day(i: number, cloudUsd: number, localUsd: number, extra: Partial<DayPointView> = {}): DayPointView {
  return { day: `2026-11-${String(i).padStart(2, '0')}`, cloudUsd, localUsd, savedUsd: 0, requests: 0, ...extra };
}

function rects(svg: string, cls: string): { y: number; height: number }[] {
  return [...svg.matchAll(new RegExp(`<rect class="${cls}" x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"`, 'g'))]
    .map((m) => ({ y: Number(m[1]), height: Number(m[2]) }));
}

suite('spend chart', () => {
  test('niceMax rounds up to 1 / 2 / 2.5 / 5 × 10^n', () => {
    assert.equal(niceMax(0), 1);
    assert.equal(niceMax(0.37), 0.5);
    assert.equal(niceMax(1), 1);
    assert.equal(niceMax(1.2), 2);
    assert.equal(niceMax(2.2), 2.5);
    assert.equal(niceMax(38), 50);
    assert.equal(niceMax(510), 1000);
  });

  test('bar heights are proportional and local stacks on cloud', () => {
    const svg = chartSvg([day(1, 1, 0), day(2, 0.5, 0.5), day(3, 0, 0)], 'spend', { width: 300, height: 124 });
    // plot height = 124 - 10 - 24 = 90; max = 1
    const cloud = rects(svg, 'bar-cloud');
    const local = rects(svg, 'bar-local');
    assert.deepEqual(cloud.map((r) => r.height), [90, 45]);
    assert.deepEqual(local.map((r) => r.height), [45]);
    assert.equal(local[0].y + local[0].height, cloud[1].y, 'local segment sits on top of the cloud segment');
    assert.equal((svg.match(/class="hit"/g) ?? []).length, 3, 'every day has a hover target, empty days too');
  });

  test('requests with a local/cloud split stack; without it one series is drawn', () => {
    const split = chartSvg([day(1, 0, 0, { requests: 10, localRequests: 7, cloudRequests: 3 })], 'requests');
    assert.equal(rects(split, 'bar-local').length, 1);
    assert.equal(rects(split, 'bar-cloud').length, 1);
    const single = chartSvg([day(1, 0, 0, { requests: 10 })], 'requests');
    assert.equal(rects(single, 'bar-total').length, 1);
    assert.equal(rects(single, 'bar-local').length, 0);
  });

  test('has an accessible summary and tooltips, and no inline style', () => {
    const svg = chartSvg(sampleSpend().days, 'spend');
    assert.match(svg, /role="group" aria-label="Spend per day over the last 30 days, \$[0-9.]+ in total"/);
    assert.equal((svg.match(/<title>/g) ?? []).length, 30);
    assert.doesNotMatch(svg, /style=/);
  });

  test('a day priced partly from estimated tokens says "est." in its tooltip and in the summary', () => {
    const svg = chartSvg([day(1, 0.5, 0), day(2, 0.25, 0.1, { requests: 3, estimatedCostRequests: 2 })], 'spend');
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    assert.equal(titles[0], '2026-11-01: cloud $0.50, local $0.00, 0 requests');
    assert.equal(titles[1], '2026-11-02: cloud $0.25 est., local $0.10, 3 requests (2 priced from estimated tokens)');
    assert.match(svg, /aria-label="Spend per day over the last 2 days, \$0\.85 est\. in total"/);
  });

  test('a hostile day string is escaped, not markup', () => {
    const svg = chartSvg([day(1, 1, 0, { day: '<script>x</script>' })], 'spend');
    assert.doesNotMatch(svg, /<script>/);
  });

  test('the sample snapshot passes the envelope check; a partial one does not', () => {
    assert.equal(isSpendSnapshotShape(sampleSpend()), true);
    assert.equal(isToSpend({ type: 'snapshot', snapshot: sampleSpend() }), true);
    const { days: _days, ...partial } = sampleSpend();
    assert.equal(isSpendSnapshotShape(partial), false);
  });
});

suite('formatting', () => {
  test('usd: unknown is never $0', () => {
    assert.equal(formatUsd(null), 'unknown price');
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(0.0042), '$0.0042');
    assert.equal(formatUsd(1.234), '$1.23');
    assert.equal(formatUsd(12345), '$12,345');
  });
  test('ms and counts', () => {
    assert.equal(formatMs(null), '—');
    assert.equal(formatMs(180), '180 ms');
    assert.equal(formatMs(1234), '1.2 s');
    assert.equal(formatMs(125_000), '2 min 5 s');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(5210), '5.2k');
    assert.equal(formatCount(48_000), '48k');
    assert.equal(formatCount(2_500_000), '2.5M');
  });
});

suite('spend chart: no spend, tiny spend', () => {
  const axisTexts = (svg: string): string[] => [...svg.matchAll(/<text class="axis" x="[^"]+" y="[^"]+" text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1]);

  test('no spend at all: the chart says so instead of drawing a $0–$1 axis over nothing', () => {
    const none = [day(1, 0, 0), day(2, 0, 0)];
    assert.equal(chartEmptyText(none, 'spend'), 'No spend in the last 2 days.');
    assert.equal(chartEmptyText(none, 'requests'), 'No requests in the last 2 days.');
    const freeLocal = [day(1, 0, 0, { requests: 3, localRequests: 3, cloudRequests: 0 }), day(2, 0, 0, { requests: 1, localRequests: 1, cloudRequests: 0 })];
    assert.match(chartEmptyText(freeLocal, 'spend') ?? '', /^No spend in the last 2 days: all 4 requests ran on the local model, at no cost per request\. Switch to Requests/);
    assert.match(chartEmptyText([day(1, 0, 0, { requests: 2, localRequests: 1, cloudRequests: 1 })], 'spend') ?? '', /^No spend in the last 1 days \(2 requests, none with a price\)/);
    assert.equal(chartEmptyText(freeLocal, 'requests'), undefined, 'the requests chart has bars to draw');
    assert.match(chartEmptyText([day(1, 0, 0, { requests: 1, localRequests: 1, cloudRequests: 0 })], 'spend') ?? '', /: the one request ran on the local model/);
    assert.equal(chartEmptyText([day(1, 0, 0.0001)], 'spend'), undefined, 'a local cost per hour is spend');
  });

  test('a tiny spend gets an axis that reads: never below $0.001, labels exact, the bar visible', () => {
    assert.equal(axisMax(0.00003, 'spend'), 0.001);
    assert.equal(axisMax(0.0004, 'spend'), 0.001);
    assert.equal(axisMax(0.0021, 'spend'), 0.0025);
    assert.equal(axisMax(0.37, 'spend'), 0.5);
    const svg = chartSvg([day(1, 0.00003, 0), day(2, 0.0021, 0)], 'spend', { width: 300, height: 124 });
    assert.deepEqual(axisTexts(svg), ['$0', '$0.00125', '$0.0025']);
    const bars = rects(svg, 'bar-cloud');
    assert.equal(bars.length, 2);
    assert.ok(bars[0].height >= 2, `a $0.00003 day is still a visible bar (${bars[0].height}px)`);
    assert.equal(bars[1].height, 75.6, 'bars stay proportional to the axis');
  });

  test('axis labels never round to a neighbouring figure, and bigger spends read as money', () => {
    assert.equal(axisLabel(0.0125, 'spend'), '$0.0125', 'formatUsd would say $0.01');
    assert.equal(axisLabel(0.5, 'spend'), '$0.50');
    assert.equal(axisLabel(12.5, 'spend'), '$12.50');
    assert.equal(axisLabel(250, 'spend'), '$250');
    assert.equal(axisLabel(2500, 'spend'), '$2,500');
  });

  test('a request count axis has whole numbers only (no "0.5 requests")', () => {
    assert.equal(axisMax(1, 'requests'), 2);
    assert.equal(axisMax(5, 'requests'), 6);
    assert.equal(axisMax(23, 'requests'), 30);
    assert.equal(axisMax(230, 'requests'), 250);
    const svg = chartSvg([day(1, 0, 0, { requests: 1 })], 'requests', { width: 300, height: 124 });
    assert.deepEqual(axisTexts(svg), ['0', '1', '2']);
  });

  // A month of local answers and one question refused while Ollama was down read "none with a price" (ux10).
  test('no cloud request: the refused ones are said as not sent, not as unpriced', () => {
    const days = [{ day: '2026-12-01', cloudUsd: 0, localUsd: 0, savedUsd: 0, requests: 3, localRequests: 2, cloudRequests: 0 },
      { day: '2026-12-02', cloudUsd: 0, localUsd: 0, savedUsd: 0, requests: 1, localRequests: 1, cloudRequests: 0 }];
    const text = chartEmptyText(days, 'spend') ?? '';
    assert.match(text, /3 requests ran on the local model and 1 request was not sent — none went to the cloud\./);
    assert.doesNotMatch(text, /none with a price/);
    const unpriced = [{ ...days[0]!, localRequests: 1, cloudRequests: 1 }];
    assert.match(chartEmptyText(unpriced, 'spend') ?? '', /none with a price/, 'a cloud request without a price still says so');
  });
});
