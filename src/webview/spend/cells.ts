// Table cells of the spend panel whose wording is a rule, kept apart from the DOM so Node unit tests import them.

import type { BreakdownRowView, PeriodTotalsView } from '../../shared/protocol/spend';
import { formatPercent, formatSpent, formatUsd } from '../common/format';

/**
 * "Cache saved" of a by-model row. A model without a price saved an unknown amount, not $0.00 (the deep e2e
 * session showed "$0.00" beside "unknown price" for a model that had written 1k tokens to the cache).
 */
export function cacheSavedText(r: Pick<BreakdownRowView, 'requests' | 'cloudRequests' | 'unknownPriceRequests' | 'cacheSavedUsd'>): string {
  if (!(r.cloudRequests > 0)) return '—';
  if (r.unknownPriceRequests === r.requests) return 'unknown';
  return formatUsd(r.cacheSavedUsd);
}

/**
 * A Today / This month card: the headline is the cloud bill, the figure the status bar shows as "today" and the
 * budgets count. A local cost from hybrid.local.costPerHour is notional (no one bills it): its own line, not added
 * in. (The card showed cloud + local, $0.02, beside a status bar's "$0.0081 today".)
 */
export function periodCardValue(t: Pick<PeriodTotalsView, 'cloudUsd' | 'localUsd' | 'unknownPriceRequests' | 'estimatedCostRequests'>): { value: string; local: string | null } {
  return {
    value: formatSpent({ spentUsd: t.cloudUsd, unknownPriceRequests: t.unknownPriceRequests, estimatedCostRequests: t.estimatedCostRequests }),
    local: t.localUsd > 0 ? `+ ${formatUsd(t.localUsd)} local (hybrid.local.costPerHour, not billed)` : null,
  };
}

/**
 * The "Local vs cloud" legend's cloud side. Unpriced requests are named, as on the cards: a month whose only cloud
 * request ran on a model without a price read "Cloud 1 (50%) · $0.00", a silent $0.
 */
export function cloudLegendText(m: Pick<PeriodTotalsView, 'localRequests' | 'cloudRequests' | 'cloudUsd' | 'unknownPriceRequests' | 'estimatedCostRequests'>): string {
  const total = m.localRequests + m.cloudRequests;
  return `Cloud ${m.cloudRequests} (${formatPercent(m.cloudRequests, total)}) · ${formatSpent({ spentUsd: m.cloudUsd, unknownPriceRequests: m.unknownPriceRequests, estimatedCostRequests: m.estimatedCostRequests })}`;
}
