// Spend aggregates folded incrementally from ledger records: `add` is O(1), `snapshot` is bounded by the number
// of distinct days/models (not records), so the panel opens fast on a year of history.
// Days and months are the user's local calendar (a "daily budget" is the user's day), from each record's
// start time.
//
// Definitions (all USD):
//   cloudUsd          Σ costUsd of cloud requests with a known price
//   localUsd          Σ costUsd of local requests (hybrid.local.costPerHour × inference time; 0 by default)
//   spentUsd          cloudUsd + localUsd
//   wouldHaveSpentUsd everything on hybrid.cloud.model: Σ cloud requests at that model's price (their cost, or their
//                     cloudEquivalentUsd when the light tier answered) + Σ cloudEquivalentUsd of local requests
//                     (a local request without one: its own cost); a local answer the cloud replaced adds nothing
//   savedUsd          wouldHaveSpentUsd − spentUsd
// Cloud requests with an unknown price are counted (unknownPriceRequests), never added as $0.
import type { LedgerRecord, RecordStatus, Route } from '../request';
import type { PeriodTotals } from './periodTotals';
import { cacheSavingsUsd, cacheWritesOf } from './cost';
import { BUNDLED_PRICES, pricesAt, type PriceTable } from './priceTable';
import { LatencyWindow } from './latencyWindow';
import { OutputHistory } from './preflight';

import { CompletionStats, isSuggestionRecord, type CompletionStatsView } from './completionStats';
import { EscalationStats, type EscalationStatsView } from './escalationStats';
import { SupersededLocal } from './supersededLocal';

export type { PeriodTotals, TokenTotals } from './periodTotals';

export interface BreakdownRow extends PeriodTotals {
  key: string;
}

export interface DayPoint {
  /** Local date, YYYY-MM-DD. */
  day: string;
  cloudUsd: number;
  localUsd: number;
  savedUsd: number;
  requests: number;
  localRequests: number;
  cloudRequests: number;
  /** Requests of the day priced from estimated tokens: the chart's figure for the day is then an estimate. */
  estimatedCostRequests: number;
}

export interface LatencyRow {
  route: Route;
  /** Successful requests measured in total (the percentiles use the most recent ones). */
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
}

/** Plain JSON (it is posted to the spend webview). */
export interface SpendSnapshot {
  generatedAt: string;
  today: PeriodTotals;
  month: PeriodTotals;
  allTime: PeriodTotals;
  /** This month, most expensive first. */
  byModel: BreakdownRow[];
  byRoute: BreakdownRow[];
  byKind: BreakdownRow[];
  /** The last 30 local days, oldest first, zero-filled. */
  days: DayPoint[];
  latency: LatencyRow[];
  /** Newest first. */
  recent: LedgerRecord[];
  firstRecordTime: string | null;
  /** This month's escalations from local answers to the cloud. */
  escalation: EscalationStatsView;
  /** Inline suggestions: acceptance and perceived latency (completionStats.ts). */
  completion: CompletionStatsView;
}

export function emptyTotals(): PeriodTotals {
  return {
    requests: 0, localRequests: 0, cloudRequests: 0, refusedRequests: 0,
    cloudUsd: 0, localUsd: 0, spentUsd: 0, wouldHaveSpentUsd: 0, savedUsd: 0,
    unknownPriceRequests: 0, localWithoutCloudPrice: 0, estimatedTokenRequests: 0, estimatedCostRequests: 0,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    cacheSavedUsd: 0,
    localTokens: 0, localCloudEquivalentUsd: 0, localMs: 0,
    localDownCloudRequests: 0, localDownCloudUsd: 0, overflowCloudRequests: 0, overflowCloudUsd: 0,
    status: { ok: 0, failed: 0, cancelled: 0 },
  };
}

function addTo(t: PeriodTotals, r: LedgerRecord, cacheSaved: number): void {
  t.requests++;
  t.cacheSavedUsd += cacheSaved;
  t.status[r.status]++;
  t.tokens.input += r.tokens.input;
  t.tokens.output += r.tokens.output;
  t.tokens.cacheRead += r.tokens.cacheRead;
  t.tokens.cacheWrite += cacheWritesOf(r.tokens);
  if (r.tokens.source === 'estimate') t.estimatedTokenRequests++;
  if (r.route === 'cloud') {
    t.cloudRequests++;
    if (r.fallback === 'localDown') { t.localDownCloudRequests++; t.localDownCloudUsd += r.costUsd ?? 0; }
    if (r.fallback === 'overflow') { t.overflowCloudRequests++; t.overflowCloudUsd += r.costUsd ?? 0; }
    if (r.costUsd === null) t.unknownPriceRequests++;
    else {
      t.cloudUsd += r.costUsd; t.spentUsd += r.costUsd;
      if (r.tokens.source === 'estimate' && r.costUsd > 0) t.estimatedCostRequests++;
      // On another model than hybrid.cloud.model (the light tier), all-cloud would have paid the main model's price.
      const eq = typeof r.cloudEquivalentUsd === 'number' ? r.cloudEquivalentUsd : r.costUsd;
      t.wouldHaveSpentUsd += eq;
      t.savedUsd += eq - r.costUsd;
    }
  } else if (r.route === 'local') {
    t.localRequests++;
    t.localTokens += r.tokens.input + r.tokens.output;
    t.localMs += r.totalMs;
    const cost = r.costUsd ?? 0;
    t.localUsd += cost;
    t.spentUsd += cost;
    const eq = r.cloudEquivalentUsd;
    if (eq === null || eq === undefined) {
      t.localWithoutCloudPrice++;
      // Without a cloud price the honest "would have spent" for this request is what it did cost.
      t.wouldHaveSpentUsd += cost;
    } else {
      t.wouldHaveSpentUsd += eq;
      t.savedUsd += eq - cost;
      t.localCloudEquivalentUsd += eq;
    }
  } else {
    t.refusedRequests++;
  }
}

interface MonthAgg {
  totals: PeriodTotals;
  byModel: Map<string, PeriodTotals>;
  byRoute: Map<string, PeriodTotals>;
  byKind: Map<string, PeriodTotals>;
}

function bump(map: Map<string, PeriodTotals>, key: string, r: LedgerRecord, cacheSaved: number): void {
  let t = map.get(key);
  if (!t) { t = emptyTotals(); map.set(key, t); }
  addTo(t, r, cacheSaved);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function localDayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function clone(t: PeriodTotals): PeriodTotals {
  return { ...t, tokens: { ...t.tokens }, status: { ...t.status } };
}

function rows(map: Map<string, PeriodTotals> | undefined): BreakdownRow[] {
  if (!map) return [];
  return [...map.entries()]
    .map(([key, t]) => ({ key, ...clone(t) }))
    .sort((a, b) => b.spentUsd - a.spentUsd || b.requests - a.requests || a.key.localeCompare(b.key));
}

export interface SpendModelOptions {
  /** How many recent records the snapshot carries. */
  recent?: number;
  /** How many recent latencies per route the percentiles use. */
  latencyWindow?: number;
  /** The price table cache savings are computed with (default: the bundled one). */
  priceTable?: () => PriceTable;
}

export class SpendModel {
  private readonly days = new Map<string, PeriodTotals>();
  private readonly months = new Map<string, MonthAgg>();
  private readonly all = emptyTotals();
  /** Inline suggestions the user accepted (all time). */
  acceptedCompletions = 0;
  private readonly latency = new Map<Route, { total: LatencyWindow; ttft: LatencyWindow }>();
  private readonly recentRing: LedgerRecord[] = [];
  private recentNext = 0;
  private readonly recentCap: number;
  private readonly windowCap: number;
  private first: string | null = null;
  /** Each id's cost as first counted: a replay with another cost (forged, or corrupted and resealed) is said. */
  private readonly ids = new Map<string, number | null>();
  /** Replayed ids whose cost differs from the first copy's: the first counts. */
  conflicting = 0;
  /** Answer lengths for pre-flight estimates (median output tokens per route and kind). */
  readonly outputs = new OutputHistory();

  private readonly prices: () => PriceTable;
  private readonly escalation = new EscalationStats();
  private readonly completion = new CompletionStats();
  private readonly superseded = new SupersededLocal();

  constructor(opts: SpendModelOptions = {}) {
    this.prices = opts.priceTable ?? (() => BUNDLED_PRICES);
    this.recentCap = opts.recent ?? 50;
    this.windowCap = opts.latencyWindow ?? 1000;
  }

  get size(): number {
    return this.all.requests;
  }

  /**
   * Folds one record in; false when its id was seen before (a replay, or this window's own record read back
   * from the shared ledger, counts once).
   */
  add(r: LedgerRecord): boolean {
    const first = this.ids.get(r.id);
    if (first !== undefined) { if (first !== r.costUsd) this.conflicting++; return false; }
    this.ids.set(r.id, r.costUsd);
    // What became of a suggestion marks an earlier completion request; it is not a request of its own.
    if (isSuggestionRecord(r)) { this.completion.add(r); if (r.outcome === 'accepted') this.acceptedCompletions++; return true; }
    const at = new Date(r.time);
    const day = localDayKey(at);
    this.escalation.add(r, day.slice(0, 7));
    const month = day.slice(0, 7);
    const saved = r.route === 'cloud' ? cacheSavingsUsd(r.model, r.tokens, pricesAt(this.prices(), r.time)) ?? 0 : 0;
    let d = this.days.get(day);
    if (!d) { d = emptyTotals(); this.days.set(day, d); }
    addTo(d, r, saved);
    let m = this.months.get(month);
    if (!m) { m = { totals: emptyTotals(), byModel: new Map(), byRoute: new Map(), byKind: new Map() }; this.months.set(month, m); }
    addTo(m.totals, r, saved);
    bump(m.byModel, r.model, r, saved);
    bump(m.byRoute, r.route, r, saved);
    bump(m.byKind, r.kind, r, saved);
    addTo(this.all, r, saved);
    this.superseded.noteLocal(r, [d, m.totals, m.byModel.get(r.model)!, m.byRoute.get(r.route)!, m.byKind.get(r.kind)!, this.all]);
    this.superseded.onCloud(r);
    if (r.status === 'ok' && r.route !== 'refuse') {
      let l = this.latency.get(r.route);
      if (!l) { l = { total: new LatencyWindow(this.windowCap), ttft: new LatencyWindow(this.windowCap) }; this.latency.set(r.route, l); }
      l.total.add(r.totalMs);
      if (r.ttftMs !== null) l.ttft.add(r.ttftMs);
      // Only whole, provider-counted answers say how long this user's answers run.
      if (r.tokens.source === 'provider' && r.kind !== 'completion') this.outputs.add(r.route, r.kind, r.tokens.output);
    }
    if (this.recentRing.length < this.recentCap) this.recentRing.push(r);
    else if (this.recentCap > 0) { this.recentRing[this.recentNext] = r; this.recentNext = (this.recentNext + 1) % this.recentCap; }
    if (this.first === null || r.time < this.first) this.first = r.time;
    return true;
  }

  /** Today's and this month's spend without building a whole snapshot (for the status bar and budgets). */
  quick(now: Date): { today: PeriodTotals; month: PeriodTotals } {
    const day = localDayKey(now);
    return {
      today: clone(this.days.get(day) ?? emptyTotals()),
      month: clone(this.months.get(day.slice(0, 7))?.totals ?? emptyTotals()),
    };
  }

  snapshot(now: Date): SpendSnapshot {
    const { today, month } = this.quick(now);
    const m = this.months.get(localDayKey(now).slice(0, 7));
    const days: DayPoint[] = [];
    for (let i = 29; i >= 0; i--) {
      const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i, 12);
      const key = localDayKey(d);
      const t = this.days.get(key);
      days.push({ day: key, cloudUsd: t?.cloudUsd ?? 0, localUsd: t?.localUsd ?? 0, savedUsd: t?.savedUsd ?? 0, requests: t?.requests ?? 0,
        localRequests: t?.localRequests ?? 0, cloudRequests: t?.cloudRequests ?? 0, estimatedCostRequests: t?.estimatedCostRequests ?? 0 });
    }
    const latency: LatencyRow[] = (['local', 'cloud'] as Route[]).map((route) => {
      const l = this.latency.get(route);
      const [p50, p95] = l ? l.total.percentiles(50, 95) : [null, null];
      const [t50, t95] = l ? l.ttft.percentiles(50, 95) : [null, null];
      return { route, count: l?.total.count ?? 0, p50Ms: p50, p95Ms: p95, ttftP50Ms: t50, ttftP95Ms: t95 };
    });
    const recent = [...this.recentRing.slice(this.recentNext), ...this.recentRing.slice(0, this.recentNext)]
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
    return {
      generatedAt: now.toISOString(),
      today, month, allTime: clone(this.all),
      byModel: rows(m?.byModel), byRoute: rows(m?.byRoute), byKind: rows(m?.byKind),
      days, latency, recent, firstRecordTime: this.first,
      escalation: this.escalation.view(localDayKey(now).slice(0, 7)),
      completion: this.completion.view(),
    };
  }
}
