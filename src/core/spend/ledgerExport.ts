// The ledger as the user exports it (CSV and JSON from the spend panel). Pure, so the exported figures can be
// checked against hand-computed bills without an editor; the spend store only reads the records and calls these.
import type { LedgerRecord } from '../request';
import { cacheSavingsUsd } from './cost';
import { pricesAt, type PriceTable } from './priceTable';
import { localDayKey } from './spendModel';
import { GATEWAY_STOPPED_NOTE, INTERRUPTED_NOTE, isInterrupted, isStopped, STOPPED_NOTE } from '../../shared/outcome';

const localDayOf = (iso: string): string => { const d = new Date(iso); return Number.isNaN(d.getTime()) ? '' : localDayKey(d); };

export const CSV_FIELDS = ['id', 'time', 'origin', 'kind', 'route', 'provider', 'model', 'status', 'outcome', 'input', 'output',
  'cacheRead', 'cacheWrite', 'cacheWrite1h', 'tokenSource', 'costUsd', 'cacheSavedUsd', 'cloudEquivalentUsd', 'ttftMs', 'totalMs', 'reasons', 'redactions', 'language', 'fallback',
  // `time` is UTC; the panel and the budgets count the user's calendar day, which this column names.
  'localDay',
  // A blank costUsd sums as $0 in a spreadsheet: this says when the figure is not a bill ("unknown price", "estimate").
  'costNote',
  // Parts of the counts above and links between records: without them a row could not be priced again from the export.
  'audioInput', 'audioOutput', 'imageInput', 'audioCacheRead', 'imageCacheRead', 'webSearches', 'serviceTier', 'tableCostUsd', 'attemptOf', 'escalatedFrom'] as const;

/** Why a row's cost is not the provider's bill, or '' when it is. */
export function costNote(r: LedgerRecord): string {
  if (r.provider === 'litellm-private' && isStopped(r) && r.tableCostUsd === undefined) return GATEWAY_STOPPED_NOTE;
  if (r.route !== 'cloud') return '';
  if (r.costUsd === null || r.costUsd === undefined) return r.tokens.serviceTier?.startsWith('geo-') ? `unknown price (inference geography ${r.tokens.serviceTier.slice(4)})`
    : r.tokens.serviceTier ? `unknown price (service tier ${r.tokens.serviceTier})` : 'unknown price';
  // A blank note beside "failed" read as an error billed for nothing: it was a window closed mid-answer.
  if (isInterrupted(r)) return INTERRUPTED_NOTE;
  const searches = r.tokens.webSearches ? `tokens only: ${r.tokens.webSearches} web search fee${r.tokens.webSearches === 1 ? '' : 's'} not priced` : '';
  // A stopped answer's cost is for the part before the stop: without a note it read as a whole answer's price.
  return [isStopped(r) ? STOPPED_NOTE : '', r.tokens.source === 'estimate' && r.costUsd !== 0 ? 'estimate' : '', searches].filter(Boolean).join('; ');
}

/**
 * A text cell a spreadsheet would run as a formula (a gateway's model name `=HYPERLINK(…)`, a reason starting with
 * `@` or `-`) gets a leading `'` (OWASP's CSV-injection rule); numbers stay numbers, so the money columns still sum.
 */
function csvCell(v: unknown): string {
  const text = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per record; money unrounded (String(number)), so sums of the column equal the ledger's. */
export function ledgerCsv(records: readonly LedgerRecord[], table: PriceTable): string {
  const rows = records.map((r) => [r.id, r.time, r.origin, r.kind, r.route, r.provider, r.model, r.status, r.outcome,
    r.tokens.input, r.tokens.output, r.tokens.cacheRead, r.tokens.cacheWrite, r.tokens.cacheWrite1h ?? 0, r.tokens.source, r.costUsd,
    r.route === 'cloud' ? cacheSavingsUsd(r.model, r.tokens, pricesAt(table, r.time)) ?? '' : '',
    r.cloudEquivalentUsd, r.ttftMs, r.totalMs, r.reasons.join(' | '), r.redactions, r.language, r.fallback,
    localDayOf(r.time), costNote(r), r.tokens.audioInput ?? 0, r.tokens.audioOutput ?? 0, r.tokens.imageInput ?? 0, r.tokens.audioCacheRead ?? 0,
    r.tokens.imageCacheRead ?? 0, r.tokens.webSearches ?? 0, r.tokens.serviceTier, r.tableCostUsd, r.attemptOf, r.escalatedFrom].map(csvCell).join(','));
  return [CSV_FIELDS.join(','), ...rows].join('\n') + '\n';
}

/**
 * The records as JSON; each cloud record also carries what its cache tokens saved, priced as the panel prices them,
 * and the CSV's costNote when its cost is not the provider's bill.
 */
export function ledgerJson(records: readonly LedgerRecord[], table: PriceTable): string {
  return JSON.stringify(records.map((r) => {
    if (r.route !== 'cloud') return r;
    const note = costNote(r);
    return { ...r, cacheSavedUsd: cacheSavingsUsd(r.model, r.tokens, pricesAt(table, r.time)) ?? null, ...(note ? { costNote: note } : {}) };
  }), null, 2);
}
