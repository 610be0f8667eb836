// The totals of one period (a day, a month, a model): the shape SpendModel folds records into and the replaced-local
// rule (supersededLocal.ts) corrects. Its own file so both import it without importing each other.

import type { RecordStatus } from '../request';

export interface TokenTotals {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface PeriodTotals {
  requests: number;
  localRequests: number;
  cloudRequests: number;
  refusedRequests: number;
  cloudUsd: number;
  localUsd: number;
  spentUsd: number;
  wouldHaveSpentUsd: number;
  savedUsd: number;
  /** Cloud requests whose model had no price: their cost is unknown, not $0. */
  unknownPriceRequests: number;
  /** Local requests whose cloud equivalent is unknown (left out of savings). */
  localWithoutCloudPrice: number;
  /** Requests whose token counts are tiktoken estimates rather than provider-reported. */
  estimatedTokenRequests: number;
  /** Cloud requests priced from estimated token counts (no final usage from the provider): their cost is an estimate. */
  estimatedCostRequests: number;
  tokens: TokenTotals;
  /** What prompt caching saved on cloud requests (cache tokens priced as plain input, minus the real price). */
  cacheSavedUsd: number;
  /** Local requests: their tokens (input + output), their cloud-equivalent price, their inference time. */
  localTokens: number;
  localCloudEquivalentUsd: number;
  localMs: number;
  /** Cloud requests (and their cost) made only because the private tier was down, or saturated (team overflow). */
  localDownCloudRequests: number;
  localDownCloudUsd: number;
  overflowCloudRequests: number;
  overflowCloudUsd: number;
  status: Record<RecordStatus, number>;
}

