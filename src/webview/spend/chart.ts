// The 30-day chart as SVG markup built from numbers: pure (string out), so it runs and is tested in Node.
// Colours come from CSS classes (spend.css maps them to --vscode-charts-*), never from inline styles, which the
// CSP forbids.

import type { DayPointView } from '../../shared/protocol/spend';
import { escapeHtml } from '../common/markdown';
import { formatCost, formatUsd, plural } from '../common/format';

export type ChartMetric = 'spend' | 'requests';

export interface ChartOptions { width?: number; height?: number }

/** A "nice" axis maximum (1, 2, 2.5, 5 × 10^n) at or above `v`. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= v - 1e-12) return m * exp;
  return 10 * exp;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(day: string): string {
  const [, m, d] = day.split('-').map((x) => parseInt(x, 10));
  return `${MONTHS[(m - 1) % 12] ?? ''} ${d}`;
}

/** Below this the spend axis does not shrink: its labels would be fractions of a hundredth of a cent. */
export const MIN_SPEND_AXIS_USD = 0.001;

/** The axis top: spend never below a tenth of a cent; counts a whole, even number so the middle line is whole. */
export function axisMax(v: number, metric: ChartMetric): number {
  if (metric === 'spend') return niceMax(Math.max(v, MIN_SPEND_AXIS_USD));
  for (const m of [2, 4, 6, 8, 10, 20, 30, 40, 50]) if (v <= m) return m;
  return niceMax(v);
}

/** Axis figures exactly (up to three significant digits): "$0.00125" stays that, never rounds to a neighbour. */
export function axisLabel(v: number, metric: ChartMetric): string {
  if (metric === 'requests') return String(Math.round(v));
  if (v === 0) return '$0';
  if (v >= 1000) return formatUsd(v);
  const decimals = (String(Number(v.toPrecision(3))).split('.')[1] ?? '').length;
  return `$${v.toFixed(v >= 10 && decimals === 0 ? 0 : Math.max(2, decimals))}`;
}

/**
 * What the chart area says instead of bars when it has none to draw: an axis over nothing would suggest a scale
 * ($0–$1) that means nothing.
 */
export function chartEmptyText(days: DayPointView[], metric: ChartMetric): string | undefined {
  const requests = days.reduce((a, d) => a + d.requests, 0);
  if (metric === 'requests') return requests > 0 ? undefined : `No requests in the last ${days.length} days.`;
  if (days.some((d) => d.cloudUsd > 0 || d.localUsd > 0)) return undefined;
  if (requests === 0) return `No spend in the last ${days.length} days.`;
  const allLocal = days.every((d) => d.localRequests !== undefined && d.localRequests === d.requests);
  // No cloud request at all: the rest were refused (nothing sent), which costs nothing either. "None with a price"
  // read as if prices were missing, for a month of local answers and one question Ollama being down kept back.
  const noCloud = days.every((d) => d.localRequests !== undefined && d.cloudRequests === 0);
  const local = days.reduce((a, d) => a + (d.localRequests ?? 0), 0);
  const head = `No spend in the last ${days.length} days`;
  return (allLocal
    ? `${head}: ${requests === 1 ? 'the one request' : `all ${requests} requests`} ran on the local model, at no cost per request.`
    : noCloud
      ? `${head}: ${plural(local, 'request')} ran on the local model and ${plural(requests - local, 'request')} ${requests - local === 1 ? 'was' : 'were'} not sent — none went to the cloud.`
      : `${head} (${plural(requests, 'request')}, none with a price).`) + ' Switch to Requests to see them per day.';
}

/** Room one date label ("Nov 22" at the axis font) needs, with a gap to the next. */
const DATE_LABEL_PX = 46;

/** A segment of a day with any spend stays visible at every scale (its exact figure is in the tooltip). */
const MIN_BAR_PX = 2;
const barHeight = (v: number, max: number, plotH: number): number => (v > 0 ? Math.max(MIN_BAR_PX, (v / max) * plotH) : 0);

/**
 * `detail` is the day's figures in words, without the date (the tooltip and the readout each put their own).
 * `notSent`: requests the gate refused (no local, no cloud); they were drawn as cloud, which no request was.
 */
interface Series { local: number; cloud: number; notSent: number; total: number; detail: string }

function series(d: DayPointView, metric: ChartMetric): Series {
  if (metric === 'spend') {
    const local = Math.max(0, d.localUsd), cloud = Math.max(0, d.cloudUsd);
    const est = d.estimatedCostRequests ?? 0;
    return { local, cloud, notSent: 0, total: local + cloud,
      detail: `cloud ${formatCost(cloud, est > 0)}, local ${formatUsd(local)}, ${plural(d.requests, 'request')}`
        + (est > 0 ? ` (${est} priced from estimated tokens)` : '') };
  }
  const split = d.localRequests !== undefined && d.cloudRequests !== undefined;
  const local = split ? d.localRequests! : 0;
  const cloud = split ? d.cloudRequests! : 0;
  const notSent = split ? Math.max(0, d.requests - local - cloud) : 0;
  return { local, cloud: split ? cloud : d.requests, notSent, total: d.requests,
    detail: split ? `${d.cloudRequests} cloud, ${plural(d.localRequests ?? 0, 'local request')}${notSent > 0 ? `, ${notSent} not sent` : ''}` : plural(d.requests, 'request') };
}

/** Whether any day has refused requests (the legend and the table then name them). */
export function hasNotSent(days: DayPointView[]): boolean {
  return days.some((d) => series(d, 'requests').notSent > 0);
}

/**
 * One day in words, as the readout under the chart shows it and a screen reader says it: "Dec 3: cloud $0.42,
 * local $0.00, 7 requests". The figures were only in each bar's hover tooltip, out of reach of a keyboard.
 */
export function dayText(d: DayPointView, metric: ChartMetric): string {
  return `${dayLabel(d.day)}: ${series(d, metric).detail}`;
}

/** The day shown in the readout at first: the last one with any activity (else the last day). */
export function defaultDayIndex(days: DayPointView[]): number {
  for (let i = days.length - 1; i >= 0; i--) if (days[i].requests > 0 || days[i].cloudUsd > 0 || days[i].localUsd > 0) return i;
  return Math.max(0, days.length - 1);
}

/** Where an arrow key (or Home/End) moves the chart's selected day; undefined for other keys. */
export function nextDayIndex(key: string, i: number, n: number): number | undefined {
  if (n <= 0) return undefined;
  switch (key) {
    case 'ArrowLeft': case 'ArrowDown': return Math.max(0, i - 1);
    case 'ArrowRight': case 'ArrowUp': return Math.min(n - 1, i + 1);
    case 'Home': return 0;
    case 'End': return n - 1;
    default: return undefined;
  }
}

/** The per-day table under the chart: the days with any activity, newest first, in the chart's metric. */
export function dayTable(days: DayPointView[], metric: ChartMetric): { head: string[]; rows: string[][]; left: number } {
  const active = days.filter((d) => d.requests > 0 || d.cloudUsd > 0 || d.localUsd > 0).reverse();
  const split = days.some((d) => d.localRequests !== undefined && d.cloudRequests !== undefined);
  const notSent = metric === 'requests' && hasNotSent(days);
  const rows = active.map((d) => {
    if (metric === 'spend') {
      const est = (d.estimatedCostRequests ?? 0) > 0;
      return [dayLabel(d.day), formatCost(Math.max(0, d.cloudUsd), est), formatUsd(Math.max(0, d.localUsd)), String(d.requests)];
    }
    if (!split) return [dayLabel(d.day), String(d.requests)];
    const row = [dayLabel(d.day), String(d.requests), String(d.cloudRequests ?? 0), String(d.localRequests ?? 0)];
    return notSent ? [...row, String(series(d, 'requests').notSent)] : row;
  });
  // The parts add up to the day's requests: a refused one is a column of its own, not a gap.
  const head = metric === 'spend' ? ['Day', 'Cloud spend', 'Local cost', 'Requests']
    : split ? ['Day', 'Requests', 'Cloud', 'Local', ...(notSent ? ['Not sent'] : [])] : ['Day', 'Requests'];
  return { head, rows, left: days.length - active.length };
}

export function chartSvg(days: DayPointView[], metric: ChartMetric, opts: ChartOptions & { selected?: number } = {}): string {
  const W = opts.width ?? 640, H = opts.height ?? 200;
  const left = 52, right = 8, top = 10, bottom = 24;
  const plotW = W - left - right, plotH = H - top - bottom;
  const data = days.map((d) => series(d, metric));
  const max = axisMax(Math.max(0, ...data.map((s) => s.total)), metric);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const n = Math.max(days.length, 1);
  const slot = plotW / n;
  const barW = Math.max(2, Math.min(22, slot * 0.7));
  // A date label every 5 days, or every 10, 15… when 5 days are narrower than a label ("Dec 2" ran into "Dec 7"). The
  // last label ends at the plot's edge, half a label left of its day: the step leaves room for that shift too.
  const edgeShift = Math.max(0, DATE_LABEL_PX / 2 - slot / 2);
  const every = 5 * Math.max(1, Math.ceil((DATE_LABEL_PX + edgeShift) / (slot * 5)));
  const split = metric === 'spend' || days.some((d) => d.localRequests !== undefined);
  const totalAll = data.reduce((a, s) => a + s.total, 0);
  const selected = opts.selected !== undefined && opts.selected >= 0 && opts.selected < days.length ? opts.selected : defaultDayIndex(days);
  const label = metric === 'spend'
    ? `Spend per day over the last ${days.length} days, ${formatCost(totalAll, days.some((d) => (d.estimatedCostRequests ?? 0) > 0))} in total`
    : `Requests per day over the last ${days.length} days, ${totalAll} in total`;
  const parts: string[] = [
    // A group, not an image: each day inside is reachable (arrow keys) and named; the label sums them up.
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" class="chart" role="group" aria-label="${escapeHtml(label)}">`,
  ];
  for (const f of [0, 0.5, 1]) {
    const v = max * f, yy = y(v).toFixed(1);
    parts.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text class="axis" x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(axisLabel(v, metric))}</text>`);
  }
  days.forEach((d, i) => {
    const s = data[i];
    const x = left + i * slot + (slot - barW) / 2;
    const parts2: string[] = [];
    // Cloud at the bottom, local stacked on top; zero-height segments are skipped.
    const cloudH = barHeight(s.cloud, max, plotH), localH = barHeight(s.local, max, plotH);
    const cloudClass = split ? 'bar-cloud' : 'bar-total';
    if (cloudH > 0) parts2.push(`<rect class="${cloudClass}" x="${x.toFixed(1)}" y="${(top + plotH - cloudH).toFixed(1)}" width="${barW.toFixed(1)}" height="${cloudH.toFixed(1)}"/>`);
    if (localH > 0) parts2.push(`<rect class="bar-local" x="${x.toFixed(1)}" y="${(top + plotH - cloudH - localH).toFixed(1)}" width="${barW.toFixed(1)}" height="${localH.toFixed(1)}"/>`);
    const notSentH = barHeight(s.notSent, max, plotH);
    if (notSentH > 0) parts2.push(`<rect class="bar-notsent" x="${x.toFixed(1)}" y="${(top + plotH - cloudH - localH - notSentH).toFixed(1)}" width="${barW.toFixed(1)}" height="${notSentH.toFixed(1)}"/>`);
    // A full-height transparent hit area carries the tooltip, so empty days can be hovered too.
    parts2.push(`<rect class="hit" x="${(left + i * slot).toFixed(1)}" y="${top}" width="${slot.toFixed(1)}" height="${plotH}"><title>${escapeHtml(`${d.day}: ${s.detail}`)}</title></rect>`);
    // One tab stop for the whole chart (the selected day); the arrow keys move between days (main.ts).
    const on = i === selected;
    parts.push(`<g class="day${on ? ' selected' : ''}" data-day="${i}" tabindex="${on ? 0 : -1}" role="img" aria-label="${escapeHtml(dayText(d, metric))}">${parts2.join('')}</g>`);
    if (i % every === (days.length - 1) % every) {
      // The last label ends at the plot's edge instead of being centred past it (clipped in a narrow panel).
      const cx = left + i * slot + slot / 2, atEdge = cx + 22 > W - right;
      parts.push(`<text class="axis" x="${(atEdge ? W - right : cx).toFixed(1)}" y="${H - 6}" text-anchor="${atEdge ? 'end' : 'middle'}">${escapeHtml(dayLabel(d.day))}</text>`);
    }
  });
  parts.push(`<line class="baseline" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
