// Escalation rate and cost per local month, folded from ledger records: how many local answers to automatic Ask
// there were, how many of them went on to the cloud (records with `escalatedFrom`), and what those cloud
// requests cost. Kept apart from SpendModel's totals so the spend panel can show it as one small section.

import type { LedgerRecord } from '../request';

export interface EscalationStatsView {
  /** Local answers to automatic Ask this month (the ones that can escalate). */
  localAnswers: number;
  escalations: number;
  /** escalations ÷ localAnswers; null when there were no local answers. */
  rate: number | null;
  /** USD of the escalated cloud requests; null prices are counted in `unpriced`. */
  costUsd: number;
  unpriced: number;
}

interface Agg { localAnswers: number; escalations: number; costUsd: number; unpriced: number }

export class EscalationStats {
  private readonly months = new Map<string, Agg>();

  /** `monthKey` is the local YYYY-MM of the record, as SpendModel computes it. */
  add(r: LedgerRecord, monthKey: string): void {
    let a = this.months.get(monthKey);
    if (!a) { a = { localAnswers: 0, escalations: 0, costUsd: 0, unpriced: 0 }; this.months.set(monthKey, a); }
    if (r.escalatedFrom) {
      if (r.status === 'failed' && r.outcome === 'refused') return;
      a.escalations++;
      if (r.costUsd === null) a.unpriced++;
      else a.costUsd += r.costUsd;
    } else if (r.origin === 'askAuto' && r.route === 'local' && r.status === 'ok') {
      a.localAnswers++;
    }
  }

  view(monthKey: string): EscalationStatsView {
    const a = this.months.get(monthKey) ?? { localAnswers: 0, escalations: 0, costUsd: 0, unpriced: 0 };
    return { ...a, rate: a.localAnswers > 0 ? a.escalations / a.localAnswers : null };
  }
}
