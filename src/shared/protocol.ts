// Messages between the extension host and the two webviews (chat view, spend panel). Both bundles import this
// file, so it imports nothing: the shapes below re-declare, structurally, the core types the webviews render
// (AskEvent, AnswerFooter, SpendSnapshot). Messages from a webview arrive as `unknown` and pass `isFromChat` /
// `isFromSpend` before the host acts on them; every string is length-capped and every enum checked.

// ---------------------------------------------------------------------------------------------------------------
// Shared limits

export const LIMITS = {
  question: 20_000,
  code: 500_000,
  url: 2_048,
  detail: 1_000,
  id: 64,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Plain shapes the chat view renders (structurally compatible with src/core/pipeline/events.ts)

export type AskModeName = 'auto' | 'private' | 'cloud';
export const ASK_MODES: readonly AskModeName[] = ['auto', 'private', 'cloud'];
/** A thread turn's mode: what the user picked, or which palette command produced it. */
export type TurnMode = AskModeName | 'review' | 'explain';
export type RouteName = 'local' | 'cloud' | 'refuse';
export type FixName = 'setApiKey' | 'startOllama' | 'pullModel' | 'openSettings' | 'retry' | 'retryLocal' | 'showLogs';
export const FIX_NAMES: readonly FixName[] =
  ['setApiKey', 'startOllama', 'pullModel', 'openSettings', 'retry', 'retryLocal', 'showLogs'];

export interface UsageView {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  source: 'provider' | 'estimate';
}

export interface ContextView {
  path: string;
  startLine: number;
  endLine: number;
  trimmed: boolean;
}

export interface FooterView {
  route: RouteName;
  provider: string;
  model: string;
  reasons: string[];
  redactions: Record<string, number>;
  usage: UsageView;
  costUsd: number | null;
  ttftMs: number | null;
  totalMs: number;
  notes: string[];
}

export interface FailureView {
  code: string;
  message: string;
  fix?: FixName;
  fixDetail?: string;
  status?: number;
  retryAfterMs?: number;
}

export interface RouteEventView {
  type: 'route';
  route: RouteName;
  origin: string;
  model: string;
  provider: string;
  reasons: string[];
  context: ContextView[];
  redactions: Record<string, number>;
  estimatedCostUsd: number | null;
}

export type AskEventView =
  | RouteEventView
  | { type: 'delta'; text: string }
  | { type: 'notice'; text: string }
  | { type: 'done'; status: 'ok' | 'cancelled' | 'failed'; footer: FooterView }
  | { type: 'error'; message: string; fixes: FixName[]; failure?: FailureView };

export type TurnStatus = 'streaming' | 'ok' | 'cancelled' | 'failed';

/** One question and its answer as the chat view shows it; the host keeps these so the thread outlives the view. */
export interface TurnView {
  id: string;
  question: string;
  mode: TurnMode;
  route?: RouteEventView;
  text: string;
  notices: string[];
  footer?: FooterView;
  error?: { message: string; fixes: FixName[]; failure?: FailureView };
  status: TurnStatus;
}

export type LocalHealthName = 'ready' | 'offline' | 'modelMissing' | 'notLocal' | 'unknown';

/** What the empty state and the header tell the user about their set-up. */
export interface ChatStatus {
  localHealth: LocalHealthName;
  localModel: string;
  cloudProvider: string;
  cloudKeySet: boolean;
  demo: boolean;
}

/** Folds one event into a turn. Host and webview both use it, so their copies of the thread agree. */
export function applyAskEvent(turn: TurnView, event: AskEventView): void {
  switch (event.type) {
    case 'route': turn.route = event; break;
    case 'delta': turn.text += event.text; break;
    case 'notice': turn.notices.push(event.text); break;
    case 'done':
      turn.footer = event.footer;
      // An error event already decided the outcome; a trailing `done` only adds the footer.
      if (turn.status === 'streaming') turn.status = event.status;
      break;
    case 'error':
      turn.error = { message: event.message, fixes: event.fixes, failure: event.failure };
      turn.status = 'failed';
      break;
    default: assertNever(event);
  }
}

export function newTurn(id: string, question: string, mode: TurnMode): TurnView {
  return { id, question, mode, text: '', notices: [], status: 'streaming' };
}

// ---------------------------------------------------------------------------------------------------------------
// Chat view messages

export type ToChat =
  /** The whole thread; sent after every `ready`, and after "New chat". */
  | { type: 'snapshot'; turns: TurnView[]; busy: boolean; status: ChatStatus | null }
  | { type: 'turnStart'; turn: TurnView }
  | { type: 'event'; turnId: string; event: AskEventView }
  /** The host stopped reading the stream (finished, stopped, or failed). */
  | { type: 'turnEnd'; turnId: string; status: TurnStatus }
  | { type: 'status'; status: ChatStatus }
  | { type: 'reply'; id: number; ok: boolean; error?: string };

export type FromChat =
  | { type: 'ready' }
  | { type: 'ask'; question: string; mode: AskModeName }
  | { type: 'stop' }
  | { type: 'newChat' }
  /** `turnId` names the failed turn for retry / retryLocal; the empty state's buttons send none. */
  | { type: 'fix'; action: FixName; turnId?: string; detail?: string }
  | { type: 'copy'; text: string }
  /** Needs an answer (no editor open → error shown next to the button). */
  | { type: 'insert'; id: number; code: string }
  | { type: 'openLink'; url: string };

// ---------------------------------------------------------------------------------------------------------------
// Spend panel shapes: src/core/spend/spendModel.ts SpendSnapshot re-declared, plus what the panel adds from
// settings and the price table (budget, price-table date, the cloud model savings are priced on).

export interface PeriodTotalsView {
  requests: number;
  localRequests: number;
  cloudRequests: number;
  refusedRequests: number;
  cloudUsd: number;
  localUsd: number;
  spentUsd: number;
  wouldHaveSpentUsd: number;
  savedUsd: number;
  unknownPriceRequests: number;
  localWithoutCloudPrice: number;
  estimatedTokenRequests: number;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  status: { ok: number; failed: number; cancelled: number };
}

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
}

/** What the spend panel renders: the core snapshot plus budget, price-table date and the savings baseline. */
export interface SpendPanelSnapshot extends SpendSnapshotView {
  budget: BudgetView;
  /** The date the bundled prices were checked (YYYY-MM-DD). */
  priceTableDate: string;
  /** The configured cloud model local requests are priced against for "saved vs all-cloud". */
  cloudModel: string;
}

export type ExportFormat = 'csv' | 'json';
export type SpendSettingName = 'hybrid.budget' | 'hybrid.pricing' | 'hybrid.local.costPerHour';
export const SPEND_SETTINGS: readonly SpendSettingName[] = ['hybrid.budget', 'hybrid.pricing', 'hybrid.local.costPerHour'];

export type ToSpend =
  | { type: 'snapshot'; snapshot: SpendPanelSnapshot }
  | { type: 'reply'; id: number; ok: boolean; message?: string; error?: string };

export type FromSpend =
  | { type: 'ready' }
  | { type: 'export'; id: number; format: ExportFormat }
  | { type: 'openSettings'; setting: SpendSettingName };

// ---------------------------------------------------------------------------------------------------------------
// Validators (the trust boundary: a webview can post anything)

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown, max: number, min = 0): x is string {
  return typeof x === 'string' && x.length >= min && x.length <= max;
}

function oneOf<T extends string>(x: unknown, values: readonly T[]): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}

function requestId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Only the listed keys may be present: an unexpected field means a bug or a forged message. */
function onlyKeys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

const TURN_ID = /^[A-Za-z0-9_-]+$/;

export function isFromChat(x: unknown): x is FromChat {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'stop':
    case 'newChat':
      return onlyKeys(x, ['type']);
    case 'ask':
      return onlyKeys(x, ['type', 'question', 'mode'])
        && str(x.question, LIMITS.question, 1) && x.question.trim().length > 0 && oneOf(x.mode, ASK_MODES);
    case 'fix':
      return onlyKeys(x, ['type', 'action', 'turnId', 'detail'])
        && oneOf(x.action, FIX_NAMES)
        && (x.turnId === undefined || (str(x.turnId, LIMITS.id, 1) && TURN_ID.test(x.turnId)))
        && (x.detail === undefined || str(x.detail, LIMITS.detail));
    case 'copy':
      return onlyKeys(x, ['type', 'text']) && str(x.text, LIMITS.code, 1);
    case 'insert':
      return onlyKeys(x, ['type', 'id', 'code']) && requestId(x.id) && str(x.code, LIMITS.code, 1);
    case 'openLink':
      return onlyKeys(x, ['type', 'url']) && str(x.url, LIMITS.url, 1) && isSafeLink(x.url);
    default:
      return false;
  }
}

export function isFromSpend(x: unknown): x is FromSpend {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
      return onlyKeys(x, ['type']);
    case 'export':
      return onlyKeys(x, ['type', 'id', 'format']) && requestId(x.id) && oneOf(x.format, ['csv', 'json'] as const);
    case 'openSettings':
      return onlyKeys(x, ['type', 'setting']) && oneOf(x.setting, SPEND_SETTINGS);
    default:
      return false;
  }
}

const TO_CHAT_TYPES: readonly ToChat['type'][] = ['snapshot', 'turnStart', 'event', 'turnEnd', 'status', 'reply'];
const TO_SPEND_TYPES: readonly ToSpend['type'][] = ['snapshot', 'reply'];

/** The host is trusted; the webview still checks the envelope so a stray message cannot crash the renderer. */
export function isToChat(x: unknown): x is ToChat {
  return isObj(x) && oneOf(x.type, TO_CHAT_TYPES);
}

export function isToSpend(x: unknown): x is ToSpend {
  if (!isObj(x) || !oneOf(x.type, TO_SPEND_TYPES)) return false;
  return x.type !== 'snapshot' || isSpendSnapshotShape(x.snapshot);
}

/** Enough of the snapshot's shape that the renderer can index it without throwing. */
export function isSpendSnapshotShape(x: unknown): x is SpendPanelSnapshot {
  if (!isObj(x)) return false;
  const totals = (t: unknown) => isObj(t) && typeof t.spentUsd === 'number' && typeof t.requests === 'number'
    && isObj(t.tokens) && isObj(t.status);
  return totals(x.today) && totals(x.month) && totals(x.allTime)
    && Array.isArray(x.byModel) && Array.isArray(x.byRoute) && Array.isArray(x.byKind) && Array.isArray(x.days)
    && Array.isArray(x.recent) && Array.isArray(x.latency)
    && isObj(x.budget) && typeof x.priceTableDate === 'string' && typeof x.cloudModel === 'string';
}

/** Links the host may open: web pages and mail only. Everything else (javascript:, data:, command:, file:) is text. */
export function isSafeLink(url: string): boolean {
  if (url.length > LIMITS.url || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  return /^(https?:\/\/[^/?#]+|mailto:[^/?#]+)/i.test(url);
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
