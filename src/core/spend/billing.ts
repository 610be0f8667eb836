// Which usage a finished, failed or cancelled request is billed for. The rule (docs/spend.md, "Failed and cancelled
// requests"): the provider's last reported usage wins; a request the provider rejected before the model ran costs
// $0; a chars/4 estimate is used only when the provider said nothing, and its `source: 'estimate'` labels it.
import type { FailureCode, ProviderFailure } from '../providers/types';
import type { Usage } from '../request';

// Refusals that happen before any inference: the provider bills nothing for them.
const REJECTED_BEFORE_RUN: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'auth', 'modelMissing', 'tooLarge', 'rateLimited', 'quota', 'blocked', 'budget', 'notLocal',
]);

/** True when the provider (or our own gate) refused the request before the model ran. */
export function rejectedBeforeRun(failure: Pick<ProviderFailure, 'code' | 'status'> | undefined): boolean {
  if (!failure) return false;
  if (REJECTED_BEFORE_RUN.has(failure.code)) return true;
  // Any other 4xx is a request error the API refused up front (408 is a time-out, which may have run).
  const s = failure.status;
  return typeof s === 'number' && s >= 400 && s < 500 && s !== 408;
}

/** Usage of a request nothing was billed for: counted by the provider as zero, not estimated. */
export function nothingBilled(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' };
}

/** The usage to record for an ended stream: reported > rejected ($0) > labelled estimate. */
export function billedUsage(
  reported: Usage | undefined, failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, estimate: () => Usage,
): Usage {
  if (reported) return reported;
  if (rejectedBeforeRun(failure)) return nothingBilled();
  return estimate();
}
