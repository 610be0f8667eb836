// "Saved vs all-cloud" for local answers the cloud replaced. A local answer that was escalated (the cloud record
// names it in `escalatedFrom`) or a local attempt a cloud fallback replaced (`attemptOf`) saved nothing: all-cloud
// would have made only the cloud request, which is counted as it is. So once the cloud record arrives, the local
// record's cloud-equivalent leaves `wouldHaveSpentUsd`, `savedUsd` and the TCO's `localCloudEquivalentUsd` of every
// total it was added to; its own cost stays spent. A local record without a cloud price had its own cost added to
// `wouldHaveSpentUsd` (so it neither saved nor lost); once replaced, that cost leaves `wouldHaveSpentUsd` too, so it
// counts against the savings — all-cloud would not have paid it.
import type { LedgerRecord } from '../request';
import type { PeriodTotals } from './spendModel';

interface Counted {
  /** What the record added to wouldHaveSpentUsd: its cloud-equivalent, or its own cost without one. */
  would: number;
  /** What it added to localCloudEquivalentUsd (0 without a cloud price). */
  eq: number;
  totals: PeriodTotals[];
}

// An escalation or fallback follows its local answer within seconds to minutes (a handful of records later, also when
// the ledger is replayed in order), so only the most recent local records need remembering: memory stays bounded.
export const REMEMBERED_LOCALS = 2_000;

export class SupersededLocal {
  private readonly locals = new Map<string, Counted>();

  /** Remembers a local record that added to wouldHaveSpentUsd, and the totals it was added to. */
  noteLocal(r: LedgerRecord, totals: PeriodTotals[]): void {
    if (r.route !== 'local') return;
    const eq = typeof r.cloudEquivalentUsd === 'number' ? r.cloudEquivalentUsd : 0;
    const would = typeof r.cloudEquivalentUsd === 'number' ? eq : r.costUsd ?? 0;
    if (would === 0) return;
    this.locals.set(r.id, { would, eq, totals });
    // Map order is insertion order: the first key is the oldest.
    if (this.locals.size > REMEMBERED_LOCALS) this.locals.delete(this.locals.keys().next().value!);
  }

  /** A cloud record that replaced a local one takes back that local record's savings (once). */
  onCloud(r: LedgerRecord): void {
    if (r.route !== 'cloud') return;
    for (const id of [r.escalatedFrom, r.attemptOf]) {
      const c = id === undefined ? undefined : this.locals.get(id);
      if (!c) continue;
      this.locals.delete(id!);
      for (const t of c.totals) {
        t.wouldHaveSpentUsd -= c.would;
        t.savedUsd -= c.would;
        t.localCloudEquivalentUsd -= c.eq;
      }
    }
  }
}
