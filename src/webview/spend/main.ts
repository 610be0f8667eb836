// Spend panel entry point: posts `ready`, then renders every `snapshot` the host pushes (one per finished
// request). UI state (chart metric) lives in getState/setState; the figures always come from the host.

import { completionSection } from './completionSection';
import { escalationSection } from './escalationSection';
import { assertNever } from '../../shared/protocol/validate';
import { isToSpend, SPEND_SETTINGS, type FromSpend, type SpendPanelSnapshot, type SpendSettingName, type ToSpend } from '../../shared/protocol/spend';
import { clear, h, svgFrom } from '../common/dom';
import { connect } from '../common/vscodeApi';
import { chartEmptyText, chartSvg, type ChartMetric } from './chart';
import { budgetSection, emptySection, failedSection, latencySection, modelSection, recentSection, splitSection, totalsSection } from './sections';
import { tcoSection } from './tcoSection';

interface UiState { metric: ChartMetric }

const api = connect<FromSpend, UiState>();
let metric: ChartMetric = api.getState().metric === 'requests' ? 'requests' : 'spend';
let snapshot: SpendPanelSnapshot | null = null;
let nextId = 1;
const pending = new Map<number, HTMLButtonElement>();
let lastWidth = 0;

const status = h('div', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
const exportCsv = h('button', { type: 'button', class: 'secondary', 'data-export': 'csv', 'aria-label': 'Export the ledger as CSV' }, 'Export CSV');
const exportJson = h('button', { type: 'button', class: 'secondary', 'data-export': 'json', 'aria-label': 'Export the ledger as JSON' }, 'Export JSON');
const meta = h('div', { class: 'meta muted' });
const header = h('header', { class: 'panel-header' },
  h('div', {}, h('h1', {}, 'Spend & latency'), meta),
  h('div', { class: 'header-actions' }, status, exportCsv, exportJson));
const body = h('div', { class: 'panel-body' }, h('p', { class: 'muted' }, 'Loading…'));
document.getElementById('app')!.append(header, body);

function chartSection(s: SpendPanelSnapshot): HTMLElement {
  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Chart shows' },
    ...(['spend', 'requests'] as const).map((m) => h('button', {
      type: 'button', class: m === metric ? 'primary small' : 'secondary small', 'data-metric': m, 'aria-pressed': m === metric ? 'true' : 'false',
    }, m === 'spend' ? 'Spend' : 'Requests')));
  // Local spend is hybrid.local.costPerHour × inference time; hardware and power are in "Is local worth it?".
  const localLabel = metric === 'spend' ? 'Local (cost per hour of use)' : 'Local';
  const splitKnown = metric === 'spend' || s.days.some((d) => d.localRequests !== undefined);
  const empty = chartEmptyText(s.days, metric);
  if (empty) lastWidth = chartWidth();
  return h('section', { class: 'panel-section', 'aria-label': 'Last 30 days' },
    h('div', { class: 'section-head' }, h('h2', {}, 'Last 30 days'), toggle),
    empty ? h('p', { class: 'chart-empty muted' }, empty) : svgFrom(chartSvg(s.days, metric, { width: (lastWidth = chartWidth()), height: 200 })),
    splitKnown && !empty ? h('div', { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch swatch-cloud' }), 'Cloud'),
      h('span', {}, h('span', { class: 'swatch swatch-local' }), localLabel)) : null);
}

/** Drawn at the on-screen width so axis text keeps its size; redrawn when the panel is resized. */
function chartWidth(): number {
  return Math.max(320, Math.min(1100, Math.round(body.clientWidth - 30)));
}

new ResizeObserver(() => {
  const w = chartWidth();
  if (snapshot && Math.abs(w - lastWidth) > 24) render();
}).observe(body);

function render(): void {
  const s = snapshot;
  if (!s) return;
  meta.textContent = `Updated ${new Date(s.generatedAt).toLocaleTimeString()} · prices checked ${s.priceTableDate}`;
  const empty = s.allTime.requests === 0;
  exportCsv.disabled = empty;
  exportJson.disabled = empty;
  clear(body);
  if (empty) {
    body.append(emptySection(s));
    if (s.budget.dailyUsd > 0 || s.budget.monthlyUsd > 0) body.append(budgetSection(s.budget));
    return;
  }
  body.append(
    totalsSection(s),
    budgetSection(s.budget, { today: (s.today.estimatedCostRequests ?? 0) > 0, month: (s.month.estimatedCostRequests ?? 0) > 0 }),
    chartSection(s),
    h('div', { class: 'columns' }, splitSection(s), latencySection(s.latency)),
    tcoSection(s.tco) ?? '',
    modelSection(s.byModel),
    ...escalationSection(s),
    ...completionSection(s),
    recentSection(s.recent));
}

function onMessage(msg: ToSpend): void {
  switch (msg.type) {
    case 'snapshot':
      snapshot = msg.snapshot;
      render();
      break;
    case 'failed':
      clear(body);
      body.append(failedSection(msg.message));
      break;
    case 'reply': {
      const button = pending.get(msg.id);
      pending.delete(msg.id);
      if (button) button.disabled = false;
      status.textContent = msg.ok ? (msg.message ?? 'Saved.') : (msg.error ?? 'Export failed.');
      status.classList.toggle('error', !msg.ok);
      break;
    }
    default:
      assertNever(msg);
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isToSpend(e.data)) onMessage(e.data);
});

document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest('button');
  if (!button) return;
  const format = button.getAttribute('data-export');
  if (format === 'csv' || format === 'json') {
    const id = nextId++;
    pending.set(id, button);
    button.disabled = true;
    status.textContent = '';
    api.post({ type: 'export', id, format });
    return;
  }
  const m = button.getAttribute('data-metric');
  if (m === 'spend' || m === 'requests') {
    metric = m;
    api.setState({ metric });
    render();
    return;
  }
  if (button.hasAttribute('data-retry')) { api.post({ type: 'retry' }); return; }
  const setting = button.getAttribute('data-setting');
  if (setting && (SPEND_SETTINGS as readonly string[]).includes(setting)) {
    api.post({ type: 'openSettings', setting: setting as SpendSettingName });
  }
});

api.post({ type: 'ready' });
