// The spend panel's sections, each a function from the snapshot to an element. Text goes in as text nodes;
// the chart is our own SVG markup (chart.ts).

import type { BreakdownRowView, BudgetView, LatencyRowView, PeriodTotalsView, RecentView, SpendPanelSnapshot } from '../../shared/protocol/spend';
import { afterTheFact } from './reasonText';
import { h } from '../common/dom';
import { cacheSavedText, cloudLegendText, periodCardValue } from './cells';
import { formatAnswerCost, formatCost, formatCount, formatMs, formatPercent, formatTime, formatUsd, plural, redactionSummary } from '../common/format';
import { endingWord, INTERRUPTED_EXPLAINED, isInterrupted, isStopped } from '../../shared/outcome';

function card(title: string, value: string, ...lines: (string | Node | null)[]): HTMLElement {
  return h('div', { class: 'card' },
    h('div', { class: 'card-title' }, title),
    h('div', { class: 'card-value' }, value),
    ...lines.filter((l) => l !== null).map((l) => h('div', { class: 'card-line muted' }, l)));
}

export function totalsSection(s: SpendPanelSnapshot): HTMLElement {
  // The parts add up to the whole: a refused request (nothing sent) is a request too.
  const split = (t: PeriodTotalsView) => `${plural(t.requests, 'request')} · ${t.localRequests} local · ${t.cloudRequests} cloud`
    + (t.refusedRequests > 0 ? ` · ${t.refusedRequests} refused` : '');
  const savedLine = s.month.localWithoutCloudPrice > 0
    ? `${plural(s.month.localWithoutCloudPrice, 'local request')} left out: no price for ${s.cloudModel}` : null;
  // What the private tier's absence cost: cloud requests made only because it was down or saturated.
  const fallbackLine = (n: number, usd: number, why: string): string | null => (n > 0 ? `${plural(n, 'cloud request')} ${why}: ${formatUsd(usd)}` : null);
  return h('section', { class: 'cards', 'aria-label': 'Totals' },
    card('Today', periodCardValue(s.today).value, split(s.today), periodCardValue(s.today).local),
    card('This month', periodCardValue(s.month).value, split(s.month), periodCardValue(s.month).local,
      fallbackLine(s.month.localDownCloudRequests ?? 0, s.month.localDownCloudUsd ?? 0, 'while the local model was down'),
      fallbackLine(s.month.overflowCloudRequests ?? 0, s.month.overflowCloudUsd ?? 0, 'as overflow from a saturated private tier')),
    card('All time', s.allTime.requests === 1 ? '1 request' : `${formatCount(s.allTime.requests)} requests`, `${periodCardValue(s.allTime).value} spent`, periodCardValue(s.allTime).local,
      s.firstRecordTime ? `since ${s.firstRecordTime.slice(0, 10)}` : null),
    // A what-if (every request priced on the cloud model), never a bill: labelled "est." like other estimates.
    card('Saved vs all-cloud (month)', formatCost(s.month.savedUsd, true),
      `all on ${s.cloudModel} would have cost ${formatCost(s.month.wouldHaveSpentUsd, true)}`, savedLine));
}

/** A budget row says "est." as the card above it does: "$0.0072 est." there and a bare "$0.0072" here disagreed. */
function budgetRow(label: string, spentUsd: number, limit: number, estimated: boolean): HTMLElement {
  if (!(limit > 0)) {
    return h('div', { class: 'budget-row' }, h('div', { class: 'budget-head' }, h('span', {}, label),
      h('span', { class: 'muted' }, `${formatCost(spentUsd, estimated)} · no limit`)));
  }
  const pct = spentUsd / limit;
  const level = pct >= 1 ? 'exceeded' : pct >= 0.8 ? 'near' : 'ok';
  const fill = h('div', { class: `budget-fill level-${level}` });
  fill.style.width = `${Math.min(100, Math.max(0, pct * 100)).toFixed(1)}%`; // CSSOM, allowed by the CSP
  return h('div', { class: 'budget-row' },
    h('div', { class: 'budget-head' }, h('span', {}, label),
      h('span', {}, `${formatCost(spentUsd, estimated)} of ${formatUsd(limit)} (${formatPercent(spentUsd, limit)})`)),
    h('div', {
      class: 'budget-bar', role: 'progressbar', 'aria-label': `${label} budget used`,
      'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(pct * 100),
    }, fill));
}

export function budgetSection(b: BudgetView, estimated: { today: boolean; month: boolean } = { today: false, month: false }): HTMLElement {
  const note = b.level === 'exceeded' ? h('div', { class: 'budget-note level-exceeded' }, 'Budget exceeded: hybrid.budget.onExceeded decides what happens to cloud requests.')
    : b.level === 'near' ? h('div', { class: 'budget-note level-near' }, 'Over 80% of a budget.') : null;
  const unset = !(b.dailyUsd > 0) || !(b.monthlyUsd > 0);
  return h('section', { class: 'panel-section', 'aria-label': 'Budgets' },
    h('h2', {}, 'Budgets'),
    budgetRow('Today', b.spentTodayUsd, b.dailyUsd, estimated.today),
    budgetRow('This month', b.spentMonthUsd, b.monthlyUsd, estimated.month),
    note,
    unset ? h('div', { class: 'budget-note muted' }, 'A daily or monthly budget gives warnings at 80% and 100%. ',
      h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.budget', 'aria-label': 'Set a budget in settings' }, 'Set a budget')) : null);
}

export function splitSection(s: SpendPanelSnapshot): HTMLElement {
  const m = s.month;
  const bar = h('div', { class: 'split-bar', role: 'img', 'aria-label': `${m.localRequests} local and ${m.cloudRequests} cloud requests this month` });
  const local = h('div', { class: 'split-local' });
  const cloud = h('div', { class: 'split-cloud' });
  const total = m.localRequests + m.cloudRequests;
  local.style.width = total ? `${(m.localRequests / total) * 100}%` : '0';
  cloud.style.width = total ? `${(m.cloudRequests / total) * 100}%` : '0';
  bar.append(local, cloud);
  return h('section', { class: 'panel-section', 'aria-label': 'Local versus cloud' },
    h('h2', {}, 'Local vs cloud (month)'),
    bar,
    h('div', { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch swatch-local' }), `Local ${m.localRequests} (${formatPercent(m.localRequests, total)}) · ${formatUsd(m.localUsd)}`),
      h('span', {}, h('span', { class: 'swatch swatch-cloud' }), cloudLegendText(m))),
    h('div', { class: 'muted small' },
      `Tokens this month: ${formatCount(m.tokens.input)} in, ${formatCount(m.tokens.output)} out, ${formatCount(m.tokens.cacheRead)} cache read, ${formatCount(m.tokens.cacheWrite)} cache write`
      + (m.estimatedTokenRequests ? ` (${plural(m.estimatedTokenRequests, 'request')} estimated)` : '')));
}

export function table(caption: string, head: string[], rows: (string | Node)[][], numeric: number[]): HTMLElement {
  // Focusable so a keyboard can scroll a table wider than a narrow panel. In a narrow one (spend.css) each row
  // becomes a block of "header: value" lines from data-label, so no column hides past the edge; the explicit roles
  // keep it a table for a screen reader whatever the CSS display.
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', { class: 'reflow', role: 'table' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...head.map((c, i) => h('th', { scope: 'col', role: 'columnheader', class: numeric.includes(i) ? 'num' : null }, c)))),
    h('tbody', { role: 'rowgroup' }, ...rows.map((r) => h('tr', { role: 'row' }, ...r.map((c, i) => h('td', { role: 'cell', 'data-label': head[i] ?? '', class: numeric.includes(i) ? 'num' : null }, c)))))));
}

export function latencySection(rows: LatencyRowView[]): HTMLElement {
  return h('section', { class: 'panel-section', 'aria-label': 'Latency' },
    h('h2', {}, 'Latency'),
    // Headers in words: "p50 / p95 / TTFT" asked the user to know the jargon.
    table('Latency by route', ['Route', 'Requests', 'Median total', 'Slowest 5 % (p95)', 'Median first token'],
      rows.map((r) => [badge(r.route), String(r.count), formatMs(r.p50Ms), formatMs(r.p95Ms), formatMs(r.ttftP50Ms)]),
      [1, 2, 3, 4]));
}

/** A route's badge. A refusal reads "not sent", as the chat's badge and the status bar say it ("refuse" was ours). */
function badge(route: string): HTMLElement {
  return h('span', { class: `badge badge-${route}` }, route === 'refuse' ? 'not sent' : route);
}

export function modelSection(all: BreakdownRowView[]): HTMLElement {
  // A refusal reached no model: it is counted in the totals ("N refused"), not as a model named "none".
  const rows = all.filter((r) => r.refusedRequests < r.requests);
  const refused = all.reduce((n, r) => n + r.refusedRequests, 0);
  const note = refused > 0 ? h('p', { class: 'muted small' }, `${plural(refused, 'refused request')} reached no model and ${refused === 1 ? 'is' : 'are'} not in this table.`) : null;
  if (!rows.length) return h('section', { class: 'panel-section' }, h('h2', {}, 'By model (month)'), h('p', { class: 'muted' }, 'No requests this month.'));
  return h('section', { class: 'panel-section', 'aria-label': 'By model' },
    h('h2', {}, 'By model (month)'),
    table('Spend by model this month', ['Model', 'Requests', 'Tokens in', 'Tokens out', 'Cache read', 'Cache write', 'Cache saved', 'Cost'],
      rows.map((r) => [
        h('span', { class: 'mono' }, r.key),
        String(r.requests),
        formatCount(r.tokens.input) + (r.estimatedTokenRequests ? ' est.' : ''),
        formatCount(r.tokens.output),
        formatCount(r.tokens.cacheRead),
        formatCount(r.tokens.cacheWrite),
        cacheSavedText(r),
        r.unknownPriceRequests === r.requests && r.cloudRequests > 0 ? h('span', { class: 'unknown-price' }, 'unknown price')
          : r.unknownPriceRequests > 0 ? `${formatCost(r.spentUsd, r.estimatedCostRequests > 0)} + ${r.unknownPriceRequests} unpriced`
            : formatCost(r.spentUsd, r.estimatedCostRequests > 0),
      ]), [1, 2, 3, 4, 5, 6, 7]),
    note);
}

export function recentSection(rows: RecentView[]): HTMLElement {
  return h('section', { class: 'panel-section', 'aria-label': 'Recent requests' },
    h('h2', {}, 'Recent requests'),
    rows.length === 0 ? h('p', { class: 'muted' }, 'None yet.') : table('Recent requests, newest first',
      ['Time', 'Kind', 'Route', 'Model', 'Tokens (in / out)', 'Cost', 'Time taken', 'Why'],
      rows.map((r) => [
        formatTime(r.time),
        // A refusal is not a failure, and it reached no model: its badge says it all.
        kindCell(r),
        badge(r.route),
        h('span', { class: 'mono' }, r.route === 'refuse' ? '—' : r.model),
        tokenCell(r.tokens),
        r.costUsd === null ? h('span', { class: 'unknown-price' }, 'unknown') : formatAnswerCost({ costUsd: r.costUsd, route: r.route, source: r.tokens.source }),
        // Its totalMs was taken before the request went out (the record kept in case the window dies): not a duration.
        isInterrupted(r) ? h('span', { title: 'Unknown: the window closed before the answer ended' }, '—') : formatMs(r.totalMs),
        h('span', { class: 'reasons' }, [isInterrupted(r) ? 'Window closed mid-answer: cost estimated from the prompt sent' : isStopped(r) ? 'Stopped: tokens and cost for the part answered' : '', r.reasons.map(afterTheFact).join(' · '), redactionSummary(r.redactions) ? `redacted: ${redactionSummary(r.redactions)}` : '']
          .filter(Boolean).join(' — ')),
      ]), [4, 5, 6]));
}

/** "ask", "ask (failed)", "ask (stopped)" or "ask (interrupted)" with the reason on hover (a window closed mid-answer is no error). */
export function kindCell(r: Pick<RecentView, 'kind' | 'status' | 'outcome' | 'route'>): HTMLElement | string {
  if (r.status === 'ok' || r.route === 'refuse') return r.kind;
  const text = `${r.kind} (${endingWord(r)})`;
  return isInterrupted(r) ? h('span', { class: 'interrupted', title: capitalised(INTERRUPTED_EXPLAINED) }, text) : text;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** In / out, then the cache tokens that made the cost (reads; 5-minute and 1-hour writes), so a row explains its price. */
export function tokenCell(t: RecentView['tokens']): string {
  const cache: string[] = [];
  if (t.cacheRead) cache.push(`${formatCount(t.cacheRead)} cache read`);
  if (t.cacheWrite) cache.push(`${formatCount(t.cacheWrite)} cache write${t.cacheWrite1h ? ' 5m' : ''}`);
  if (t.cacheWrite1h) cache.push(`${formatCount(t.cacheWrite1h)} cache write 1h`);
  return `${formatCount(t.input)} / ${formatCount(t.output)}${cache.length ? ` + ${cache.join(', ')}` : ''}${t.source === 'estimate' ? ' est.' : ''}`;
}

export function emptySection(s: SpendPanelSnapshot): HTMLElement {
  return h('section', { class: 'empty panel-section', 'aria-label': 'No requests yet' },
    h('h2', {}, 'No requests yet'),
    h('p', {}, 'Every Ask, Review and inline completion is recorded here once it finishes: where it went (local or cloud), tokens, cost and latency. Prompts, code and keys are never stored.'),
    h('ul', {},
      h('li', {}, 'Run "Hybrid: Ask" from the Command Palette, or type a question in the Hybrid Assistant chat view.'),
      h('li', {}, 'Local requests cost $0 in tokens. Set hybrid.local.costPerHour to include hardware and power, so "saved vs all-cloud" stays honest. ',
        h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.local.costPerHour', 'aria-label': 'Open the local cost per hour setting' }, 'Open setting')),
      h('li', {}, 'Set a daily or monthly budget to get warnings at 80% and 100%. ',
        h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.budget', 'aria-label': 'Set a budget in settings' }, 'Set a budget'))),
    h('p', { class: 'muted' }, `Cloud prices from the bundled table checked ${s.priceTableDate}; savings are priced on ${s.cloudModel}.`));
}


/** The figures failed: the cause, that nothing was lost, and what to do. */
export function failedSection(cause: string): HTMLElement {
  return h('section', { class: 'panel-section error-card', role: 'alert', 'aria-label': 'Spend figures failed' },
    h('h2', { class: 'error-title' }, 'The spend figures could not be computed'),
    h('p', { class: 'error-message' }, cause),
    h('p', { class: 'muted' }, 'Nothing was lost: the ledger is only read here. Try again; if it fails the same way, the message above is what to report.'),
    h('div', { class: 'header-actions' },
      h('button', { type: 'button', class: 'primary', 'data-retry': '', 'aria-label': 'Compute the spend figures again' }, 'Try again')));
}
