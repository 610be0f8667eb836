// Spend panel entry point: posts `ready`, then renders every `snapshot` the host pushes (one per finished
// request). UI state (chart metric) lives in getState/setState; the figures always come from the host.

import { completionSection } from './completionSection';
import { escalationSection } from './escalationSection';
import { assertNever } from '../../shared/protocol/validate';
import { isToSpend, SPEND_SETTINGS, type FromSpend, type SpendPanelSnapshot, type SpendSettingName, type ToSpend } from '../../shared/protocol/spend';
import { clear, h } from '../common/dom';
import { connect } from '../common/vscodeApi';
import type { ChartMetric } from './chart';
import { chartSection } from './chartSection';
import { budgetSection, emptySection, failedSection, latencySection, modelSection, recentSection, splitSection, totalsSection } from './sections';
import { tcoSection } from './tcoSection';

interface UiState { metric: ChartMetric; day?: string; tableOpen?: boolean }

const api = connect<FromSpend, UiState>();
// The saved state is read as untrusted as any message: only the shapes this page writes are kept.
const saved = api.getState();
let metric: ChartMetric = saved.metric === 'requests' ? 'requests' : 'spend';
let selectedDay = typeof saved.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(saved.day) ? saved.day : undefined;
let tableOpen = saved.tableOpen === true;
const saveUi = (): void => api.setState({ metric, ...(selectedDay ? { day: selectedDay } : {}), tableOpen });
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
  // A snapshot lands after every request: a keyboard user reading the chart keeps the focus on the selected day.
  const chartHadFocus = !!document.activeElement?.closest('svg.chart');
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
    chartSection(s, { metric, day: selectedDay, tableOpen, width: (lastWidth = chartWidth()), changed: (next) => {
      if (next.day !== undefined) selectedDay = next.day;
      if (next.tableOpen !== undefined) tableOpen = next.tableOpen;
      saveUi();
    } }),
    h('div', { class: 'columns' }, splitSection(s), latencySection(s.latency)),
    tcoSection(s.tco) ?? '',
    modelSection(s.byModel),
    ...escalationSection(s),
    ...completionSection(s),
    recentSection(s.recent));
  if (chartHadFocus) body.querySelector<SVGGElement>('svg.chart g.day.selected')?.focus();
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
    saveUi();
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
