// Messages between the extension host and the spend panel: src/core/spend/spendModel.ts SpendSnapshot as views (the
// totals and completion rows derived from the core's types, type-only imports the webview bundle erases), plus what
// the panel adds from settings and the price table (budget, price-table date, the cloud model savings are priced
// on). Messages from the webview pass `isFromSpend` before the host acts on them.

import type { CompletionRowView, CompletionStatsView } from '../../core/spend/completionStats';
import type { EscalationStatsView } from '../../core/spend/escalationStats';
import type { PeriodTotals } from '../../core/spend/periodTotals';
import { isObj, oneOf, onlyKeys, requestId } from './validate';
import type { RouteName, UsageView } from './coreViews';

/** The core's totals as they are (derived, not re-declared: a field added in core reaches the panel's types). */
export type PeriodTotalsView = PeriodTotals;

export interface BreakdownRowView extends PeriodTotalsView { key: string }

export interface DayPointView {
  day: string; // local YYYY-MM-DD
  cloudUsd: number;
  localUsd: number;
  savedUsd: number;
  requests: number;
  /** Optional split; when absent the requests chart shows one series. */
  localRequests?: number;
  cloudRequests?: number;
  /** Requests of the day priced from estimated tokens ("est." on the day's figure). */
  estimatedCostRequests?: number;
}

export interface LatencyRowView {
  route: RouteName;
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
}

/** A ledger record as the panel lists it (never holds prompt text). */
export interface RecentView {
  id: string;
  time: string;
  origin: string;
  kind: string;
  route: RouteName;
  provider: string;
  model: string;
  tokens: UsageView;
  costUsd: number | null;
  cloudEquivalentUsd?: number | null;
  ttftMs: number | null;
  totalMs: number;
  status: 'ok' | 'failed' | 'cancelled';
  outcome?: string;
  reasons: string[];
  redactions?: Record<string, number>;
}

export interface BudgetView {
  level: 'none' | 'ok' | 'near' | 'exceeded';
  spentTodayUsd: number;
  spentMonthUsd: number;
  dailyUsd: number;
  monthlyUsd: number;
}

export interface SpendSnapshotView {
  generatedAt: string;
  today: PeriodTotalsView;
  month: PeriodTotalsView;
  allTime: PeriodTotalsView;
  /** This month, most expensive first. */
  byModel: BreakdownRowView[];
  byRoute: BreakdownRowView[];
  byKind: BreakdownRowView[];
  /** The last 30 local days, oldest first, zero-filled. */
  days: DayPointView[];
  latency: LatencyRowView[];
  /** Newest first. */
  recent: RecentView[];
  firstRecordTime: string | null;
  /** This month's escalations of local answers to the cloud (core/spend/escalationStats.ts). */
  escalation?: EscalationStatsView;
  /** Inline suggestions: acceptance and perceived latency (core/spend/completionStats.ts). */
  completion?: CompletionStatsView;
}

export type { CompletionRowView, CompletionStatsView, EscalationStatsView };


/** What the spend panel renders: the core snapshot plus budget, price-table date and the savings baseline. */
export interface SpendPanelSnapshot extends SpendSnapshotView {
  budget: BudgetView;
  /** The date the bundled prices were checked (YYYY-MM-DD). */
  priceTableDate: string;
  /** The configured cloud model local requests are priced against for "saved vs all-cloud". */
  cloudModel: string;
  /** "Is local worth it?" (src/core/spend/tco.ts TcoView re-declared). */
  tco?: TcoPanelView;
}

export interface TcoFigureView {
  id: string;
  label: string;
  value: number | null;
  unit: 'usd' | 'tokens' | 'months';
  formula: string;
  note?: string;
}

export interface TcoPanelView {
  state: 'empty' | 'notEnoughData' | 'ready';
  reason?: string;
  costsEntered: boolean;
  daysElapsed: number;
  daysInMonth: number;
  cloudModel: string;
  soFar: TcoFigureView[];
  projection: TcoFigureView[];
  notes: string[];
  verdict?: string;
}

export type ExportFormat = 'csv' | 'json';
export type SpendSettingName = 'hybrid.budget' | 'hybrid.pricing' | 'hybrid.local.costPerHour' | 'hybrid.local.hardwareUsd'
  | 'hybrid.local.watts';
export const SPEND_SETTINGS: readonly SpendSettingName[] = ['hybrid.budget', 'hybrid.pricing', 'hybrid.local.costPerHour',
  'hybrid.local.hardwareUsd', 'hybrid.local.watts'];

export type ToSpend =
  | { type: 'snapshot'; snapshot: SpendPanelSnapshot }
  | { type: 'reply'; id: number; ok: boolean; message?: string; error?: string }
  /** The figures could not be computed: the panel says why in place of them, with Try again. */
  | { type: 'failed'; message: string };

export type FromSpend =
  | { type: 'ready' }
  | { type: 'retry' }
  | { type: 'export'; id: number; format: ExportFormat }
  | { type: 'openSettings'; setting: SpendSettingName };

// ---------------------------------------------------------------------------------------------------------------
// Validators (the trust boundary: a webview can post anything)

export function isFromSpend(x: unknown): x is FromSpend {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready': case 'retry':
      return onlyKeys(x, ['type']);
    case 'export':
      return onlyKeys(x, ['type', 'id', 'format']) && requestId(x.id) && oneOf(x.format, ['csv', 'json'] as const);
    case 'openSettings':
      return onlyKeys(x, ['type', 'setting']) && oneOf(x.setting, SPEND_SETTINGS);
    default:
      return false;
  }
}

const TO_SPEND_TYPES: readonly ToSpend['type'][] = ['snapshot', 'reply', 'failed'];

export function isToSpend(x: unknown): x is ToSpend {
  if (!isObj(x) || !oneOf(x.type, TO_SPEND_TYPES)) return false;
  if (x.type === 'failed') return typeof x.message === 'string';
  return x.type !== 'snapshot' || isSpendSnapshotShape(x.snapshot);
}

/** The chart draws at most this many days (it shows 30). */
export const MAX_DAYS = 366;

const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): boolean => finite(v) && (v as number) >= 0;
const optionalCount = (v: unknown): boolean => v === undefined || count(v);

/** A day the chart, its readout and its table can render: a real date, finite amounts (the chart floors them at 0) and counts. */
export function isDayPoint(d: unknown): d is DayPointView {
  return isObj(d) && typeof d.day === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d.day)
    && finite(d.cloudUsd) && finite(d.localUsd) && finite(d.savedUsd) && count(d.requests)
    && optionalCount(d.localRequests) && optionalCount(d.cloudRequests) && optionalCount(d.estimatedCostRequests);
}

/** Enough of the snapshot's shape that the renderer can index it without throwing. */
export function isSpendSnapshotShape(x: unknown): x is SpendPanelSnapshot {
  if (!isObj(x)) return false;
  const totals = (t: unknown) => isObj(t) && typeof t.spentUsd === 'number' && typeof t.requests === 'number'
    && isObj(t.tokens) && isObj(t.status);
  return totals(x.today) && totals(x.month) && totals(x.allTime)
    && Array.isArray(x.byModel) && Array.isArray(x.byRoute) && Array.isArray(x.byKind) && Array.isArray(x.days)
    && x.days.length <= MAX_DAYS && x.days.every(isDayPoint)
    && Array.isArray(x.recent) && Array.isArray(x.latency)
    && isObj(x.budget) && typeof x.priceTableDate === 'string' && typeof x.cloudModel === 'string';
}
