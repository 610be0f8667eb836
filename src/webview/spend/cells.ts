// Table cells of the spend panel whose wording is a rule, kept apart from the DOM so Node unit tests import them.

import type { BreakdownRowView } from '../../shared/protocol/spend';
import { formatUsd } from '../common/format';

/**
 * "Cache saved" of a by-model row. A model without a price saved an unknown amount, not $0.00 (the deep e2e
 * session showed "$0.00" beside "unknown price" for a model that had written 1k tokens to the cache).
 */
export function cacheSavedText(r: Pick<BreakdownRowView, 'requests' | 'cloudRequests' | 'unknownPriceRequests' | 'cacheSavedUsd'>): string {
  if (!(r.cloudRequests > 0)) return '—';
  if (r.unknownPriceRequests === r.requests) return 'unknown';
  return formatUsd(r.cacheSavedUsd);
}
