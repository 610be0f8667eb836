// "Escalations (month)": how often a local answer went on to the cloud, and what that cost. A separate file so
// the spend panel's other sections can change without touching it.

import type { SpendPanelSnapshot } from '../../shared/protocol/spend';
import { h } from '../common/dom';
import { formatUsd } from '../common/format';

/** Zero or one element, spread into the panel body: nothing to show before the first local answer. */
export function escalationSection(s: SpendPanelSnapshot): HTMLElement[] {
  const e = s.escalation;
  if (!e || (e.localAnswers === 0 && e.escalations === 0)) return [];
  const rate = e.rate === null ? '—' : `${(e.rate * 100).toFixed(1)}%`;
  const cost = e.unpriced > 0 ? `${formatUsd(e.costUsd)} + ${e.unpriced} unpriced` : formatUsd(e.costUsd);
  return [h('section', { class: 'panel-section escalation-stats', 'aria-label': 'Escalations this month' },
    h('h2', {}, 'Escalations (month)'),
    h('div', { class: 'card-line' },
      `${e.escalations} of ${e.localAnswers} local answers went on to the cloud (${rate}) · cost ${cost}`),
    // Only automatic questions can escalate: Ask (private), reviews and completions stay local by design.
    h('div', { class: 'card-line muted small' },
      'Counts automatic answers only (Ask and the chat\'s Auto mode); private asks, reviews and completions never escalate.'))];
}
