// "Inline completion": how often the suggestions the user saw were taken, and how long they waited for them.
// A separate file so the spend panel's other sections can change without touching it.

import type { CompletionRowView, SpendPanelSnapshot } from '../../shared/protocol/spend';
import { h } from '../common/dom';
import { formatMs, formatPercent } from '../common/format';
import { table } from './sections';

/** Zero or one element, spread into the panel body: nothing before the first suggestion was seen. */
export function completionSection(s: SpendPanelSnapshot): HTMLElement[] {
  const c = s.completion;
  if (!c || seen(c.total) === 0) return [];
  const t = c.total;
  const rows = [t, ...c.rows];
  return [h('section', { class: 'panel-section completion-stats', 'aria-label': 'Inline completion' },
    h('h2', {}, 'Inline completion'),
    h('div', { class: 'card-line' },
      `Acceptance rate ${formatPercent(t.accepted + t.partial, seen(t))} (${t.accepted} accepted, ${t.partial} partly, ${t.dismissed} dismissed)`
      + ` · waited ${formatMs(t.p50Ms)} median, ${formatMs(t.p95Ms)} p95`),
    // The shared table: it reflows into "header … value" lines in a narrow panel instead of hiding columns.
    table('Inline completion by language and model', ['Language · model', 'Seen', 'Accepted', 'Partly', 'Dismissed', 'Rate', 'Wait p50', 'Wait p95'],
      rows.map((r) => [h('span', { class: 'mono' }, r === t ? 'all' : r.key),
        String(seen(r)), String(r.accepted), String(r.partial), String(r.dismissed), formatPercent(r.accepted + r.partial, seen(r)),
        formatMs(r.p50Ms), formatMs(r.p95Ms)]),
      [1, 2, 3, 4, 5, 6, 7]))];
}

function seen(r: CompletionRowView): number {
  return r.accepted + r.partial + r.dismissed;
}
