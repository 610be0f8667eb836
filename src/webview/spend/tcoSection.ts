// "Is local worth it?": the TCO figures of src/core/spend/tco.ts, each with its formula one click away (a
// <details> per figure, so it works with the keyboard and a screen reader without script).

import type { TcoFigureView, TcoPanelView } from '../../shared/protocol/spend';
import { h } from '../common/dom';
import { formatTcoValue } from './tcoFormat';

/** `when`: which of the two grids the figure is in; both have a "Net savings this month", so a toggle's name says which. */
function figure(f: TcoFigureView, when: string): HTMLElement {
  const negative = f.unit === 'usd' && f.value !== null && f.value < 0;
  return h('div', { class: 'tco-figure', 'data-figure': f.id },
    h('div', { class: 'tco-label' }, f.label),
    h('div', { class: `tco-value${negative ? ' negative' : ''}` }, formatTcoValue(f)),
    f.value !== null && f.note ? h('div', { class: 'muted' }, f.note) : null,
    h('details', { class: 'tco-formula' }, h('summary', { 'aria-label': `Formula of ${f.label} (${when})` }, 'Formula'), h('p', { class: 'mono' }, f.formula)));
}

const settingsButtons = (): HTMLElement => h('p', { class: 'muted' },
  'Your local costs: ',
  h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.local.hardwareUsd', 'aria-label': 'Open the hardware cost settings' }, 'hardware'),
  ' · ',
  h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.local.watts', 'aria-label': 'Open the power settings' }, 'power'),
  ' · ',
  h('button', { type: 'button', class: 'link-button', 'data-setting': 'hybrid.local.costPerHour', 'aria-label': 'Open the cost per hour setting' }, 'or a plain $/hour'));

export function tcoSection(t: TcoPanelView | undefined): HTMLElement | null {
  if (!t) return null;
  const section = h('section', { class: 'panel-section tco', 'aria-label': 'Is local worth it?' }, h('h2', {}, 'Is local worth it?'));
  if (t.state === 'empty') {
    section.append(h('p', { class: 'muted' }, `No local requests this month yet. Once the local model answers, this compares what it cost you with what the same tokens would have cost on ${t.cloudModel}.`), settingsButtons());
    return section;
  }
  if (t.verdict) section.append(h('p', { class: 'tco-verdict' }, t.verdict));
  if (!t.costsEntered) {
    section.append(h('p', { class: 'tco-hint' }, 'Local looks free because no local costs are set: add what your hardware cost and the power it draws for an honest answer.'));
  }
  for (const note of t.notes ?? []) section.append(h('p', { class: 'tco-hint tco-note' }, note));
  section.append(h('h3', {}, `This month so far (${t.daysElapsed} day${t.daysElapsed === 1 ? '' : 's'})`), h('div', { class: 'tco-grid' }, ...t.soFar.map((f) => figure(f, 'so far'))));
  if (t.state === 'notEnoughData') section.append(h('p', { class: 'muted tco-wait' }, t.reason ?? 'Not enough data for a projection yet.'));
  else section.append(h('h3', {}, `This month at this pace (${t.daysInMonth} days)`), h('div', { class: 'tco-grid' }, ...t.projection.map((f) => figure(f, 'at this pace'))));
  section.append(settingsButtons());
  return section;
}
