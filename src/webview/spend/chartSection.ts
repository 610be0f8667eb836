// The "Last 30 days" section: the SVG chart, a readout line that says the selected day's figures in words (no hover
// needed), the arrow keys to move between days, and the days as a table behind a disclosure. What the user chose
// (the day, the table open) survives the re-render every finished request brings.

import type { DayPointView, SpendPanelSnapshot } from '../../shared/protocol/spend';
import { h, svgFrom } from '../common/dom';
import { chartEmptyText, chartSvg, dayTable, dayText, defaultDayIndex, hasNotSent, nextDayIndex, type ChartMetric } from './chart';
import { table } from './sections';

export interface ChartUi {
  metric: ChartMetric;
  /** The selected day (YYYY-MM-DD); a day that scrolled out of the window falls back to the default. */
  day?: string;
  tableOpen: boolean;
  width: number;
  /** Called when the user changes what is kept (the day, the table's disclosure). */
  changed(next: { day?: string; tableOpen?: boolean }): void;
}

function indexOf(days: DayPointView[], day: string | undefined): number {
  const i = day === undefined ? -1 : days.findIndex((d) => d.day === day);
  return i >= 0 ? i : defaultDayIndex(days);
}

export function chartSection(s: SpendPanelSnapshot, ui: ChartUi): HTMLElement {
  const { metric } = ui;
  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Chart shows' },
    ...(['spend', 'requests'] as const).map((m) => h('button', {
      type: 'button', class: m === metric ? 'primary small' : 'secondary small', 'data-metric': m, 'aria-pressed': m === metric ? 'true' : 'false',
    }, m === 'spend' ? 'Spend' : 'Requests')));
  // Local spend is hybrid.local.costPerHour × inference time; hardware and power are in "Is local worth it?".
  const localLabel = metric === 'spend' ? 'Local (cost per hour of use)' : 'Local';
  const splitKnown = metric === 'spend' || s.days.some((d) => d.localRequests !== undefined);
  const empty = chartEmptyText(s.days, metric);
  const head = h('div', { class: 'section-head' }, h('h2', {}, 'Last 30 days'), toggle);
  if (empty) return h('section', { class: 'panel-section', 'aria-label': 'Last 30 days' }, head, h('p', { class: 'chart-empty muted' }, empty));

  let selected = indexOf(s.days, ui.day);
  const svg = svgFrom(chartSvg(s.days, metric, { width: ui.width, height: 200, selected }));
  const readout = h('p', { class: 'chart-readout', 'aria-live': 'polite' }, dayText(s.days[selected], metric));
  const select = (i: number, focus: boolean): void => {
    const groups = [...svg.querySelectorAll<SVGGElement>('g.day')];
    groups.forEach((g, j) => { g.classList.toggle('selected', j === i); g.setAttribute('tabindex', j === i ? '0' : '-1'); });
    selected = i;
    readout.textContent = dayText(s.days[i], metric);
    if (focus) groups[i]?.focus();
    ui.changed({ day: s.days[i].day });
  };
  svg.addEventListener('keydown', (e) => {
    const next = nextDayIndex((e as KeyboardEvent).key, selected, s.days.length);
    if (next === undefined) return;
    e.preventDefault();
    select(next, true);
  });
  // A click (or tap) shows a day's figures in the readout too: the tooltip alone needs a hovering mouse.
  svg.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('g.day');
    const i = g ? Number(g.getAttribute('data-day')) : NaN;
    if (Number.isInteger(i) && i >= 0 && i < s.days.length) select(i, false);
  });

  const t = dayTable(s.days, metric);
  const caption = metric === 'spend' ? 'Spend per day' : 'Requests per day';
  const details = h('details', { class: 'chart-table' },
    h('summary', {}, `${caption} as a table`),
    t.rows.length ? table(caption, t.head, t.rows, t.head.map((_, i) => i).slice(1)) : h('p', { class: 'muted' }, 'No activity in these days.'),
    t.left > 0 && t.rows.length ? h('p', { class: 'muted small' }, `${t.left} day${t.left === 1 ? '' : 's'} with no requests left out.`) : null);
  details.open = ui.tableOpen;
  details.addEventListener('toggle', () => ui.changed({ tableOpen: details.open }));

  return h('section', { class: 'panel-section', 'aria-label': 'Last 30 days' },
    head, svg, readout,
    splitKnown ? h('div', { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch swatch-cloud' }), 'Cloud'),
      h('span', {}, h('span', { class: 'swatch swatch-local' }), localLabel),
      metric === 'requests' && hasNotSent(s.days) ? h('span', {}, h('span', { class: 'swatch swatch-notsent' }), 'Not sent (refused)') : null) : null,
    h('p', { class: 'muted small chart-hint' }, 'Select a bar, or focus the chart and use the arrow keys, to read a day\'s figures.'),
    details);
}
