// Inline completion as the user experienced it, folded from the ledger's suggestion records (outcome accepted /
// partial / dismissed, one per suggestion seen): acceptance rate and perceived latency (the record's totalMs: from
// the editor's request to the suggestion), overall and per language and model. No text is ever in these records.

import type { LedgerRecord } from '../request';

export const SUGGESTION_OUTCOMES: ReadonlySet<string> = new Set(['accepted', 'partial', 'dismissed']);

export interface CompletionRowView {
  /** "typescript · qwen2.5-coder:1.5b"; "all" for the total row. */
  key: string;
  accepted: number;
  partial: number;
  dismissed: number;
  /** (accepted + partial) ÷ all seen; null before the first. */
  rate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface CompletionStatsView {
  total: CompletionRowView;
  /** Most suggestions first. */
  rows: CompletionRowView[];
}

/** Latencies kept per row: the newest ones, so memory is bounded however long the ledger. */
const KEEP = 500;

interface Agg { accepted: number; partial: number; dismissed: number; ms: number[] }

export function isSuggestionRecord(r: LedgerRecord): boolean {
  return r.kind === 'completion' && r.outcome !== undefined && SUGGESTION_OUTCOMES.has(r.outcome);
}

export class CompletionStats {
  private readonly all: Agg = { accepted: 0, partial: 0, dismissed: 0, ms: [] };
  private readonly by = new Map<string, Agg>();

  add(r: LedgerRecord): void {
    if (!isSuggestionRecord(r)) return;
    const key = `${r.language ?? 'unknown'} · ${r.model}`;
    let a = this.by.get(key);
    if (!a) { a = { accepted: 0, partial: 0, dismissed: 0, ms: [] }; this.by.set(key, a); }
    for (const x of [a, this.all]) {
      x[r.outcome as 'accepted' | 'partial' | 'dismissed']++;
      if (r.totalMs > 0) { x.ms.push(r.totalMs); if (x.ms.length > KEEP) x.ms.shift(); }
    }
  }

  view(): CompletionStatsView {
    const rows = [...this.by].map(([key, a]) => row(key, a)).sort((x, y) => seen(y) - seen(x));
    return { total: row('all', this.all), rows };
  }
}

function seen(r: CompletionRowView): number {
  return r.accepted + r.partial + r.dismissed;
}

function row(key: string, a: Agg): CompletionRowView {
  const n = a.accepted + a.partial + a.dismissed;
  const sorted = [...a.ms].sort((x, y) => x - y);
  const pct = (p: number): number | null => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : null);
  return { key, accepted: a.accepted, partial: a.partial, dismissed: a.dismissed, rate: n ? (a.accepted + a.partial) / n : null, p50Ms: pct(50), p95Ms: pct(95) };
}
