// "Saved vs all-cloud" for local answers the cloud replaced. A local answer that was escalated (the cloud record
// names it in `escalatedFrom`) or a local attempt a cloud fallback replaced (`attemptOf`) saved nothing: all-cloud
// would have made only the cloud request, which is counted as it is. So once the cloud record arrives, the local
// record's cloud-equivalent leaves `wouldHaveSpentUsd`, `savedUsd` and the TCO's `localCloudEquivalentUsd` of every
// total it was added to; its own cost stays spent.
import type { LedgerRecord } from '../request';
import type { PeriodTotals } from './spendModel';

interface Counted { eq: number; totals: PeriodTotals[] }

// An escalation or fallback follows its local answer within seconds to minutes (a handful of records later, also when
// the ledger is replayed in order), so only the most recent local records need remembering: memory stays bounded.
export const REMEMBERED_LOCALS = 2_000;

export class SupersededLocal {
  private readonly locals = new Map<string, Counted>();

  /** Remembers a local record with a cloud-equivalent and the totals it was added to. */
  noteLocal(r: LedgerRecord, totals: PeriodTotals[]): void {
    const eq = r.cloudEquivalentUsd;
    if (r.route !== 'local' || typeof eq !== 'number' || eq === 0) return;
    this.locals.set(r.id, { eq, totals });
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
        t.wouldHaveSpentUsd -= c.eq;
        t.savedUsd -= c.eq;
        t.localCloudEquivalentUsd -= c.eq;
      }
    }
  }
}
