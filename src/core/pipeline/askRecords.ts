// The ledger records an Ask attempt writes: how it ended, one that sent nothing, and the one to keep if the window
// dies while a cloud answer streams (a reload, a crash): the provider bills the prompt it already received, so the
// spend must not vanish with the extension host.
import { INTERRUPTED } from '../../shared/outcome';
import type { Decision, LedgerRecord, Request, Usage } from '../request';
import type { AskDeps } from './askPorts';
import { NOTHING_SENT_USD } from './attempts';

/** The attempt a record belongs to. */
export interface AttemptAt { request: Request; decision: Decision; started: number }

/** How an attempt ended, in the ledger's words. */
export type Ended = Pick<LedgerRecord, 'provider' | 'model' | 'tokens' | 'costUsd' | 'ttftMs' | 'totalMs' | 'status' | 'outcome' | 'redactions' | 'cloudEquivalentUsd'>;

function usage(input: number, output: number, source: Usage['source']): Usage {
  return { input, output, cacheRead: 0, cacheWrite: 0, source };
}

/** Nothing was sent: zero tokens, counted (not estimated). */
export function zeroUsage(): Usage { return usage(0, 0, 'provider'); }

export function ledger(deps: AskDeps, request: Request, decision: Decision, e: Ended): LedgerRecord {
  return {
    v: 1, id: request.id, ...(request.attemptOf ? { attemptOf: request.attemptOf } : {}), time: new Date(deps.now() - e.totalMs).toISOString(), origin: request.origin, kind: request.kind,
    route: decision.route, provider: e.provider, model: e.model, tokens: e.tokens, costUsd: e.costUsd, cloudEquivalentUsd: e.cloudEquivalentUsd,
    ttftMs: e.ttftMs, totalMs: e.totalMs, status: e.status, outcome: e.outcome,
    reasons: decision.reasons, redactions: e.redactions && Object.keys(e.redactions).length ? e.redactions : undefined,
    ...(request.escalatedFrom ? { escalatedFrom: request.escalatedFrom } : {}),
    ...(decision.route === 'cloud' && decision.fallback ? { fallback: decision.fallback } : {}),
  };
}

/** The record of an attempt that sent nothing (refused, no key, blocked by the gate): zero tokens, nothing to pay. */
export function nothingSent(deps: AskDeps, at: AttemptAt, provider: string, model: string, outcome: string,
  redactions?: Record<string, number>): LedgerRecord {
  return ledger(deps, at.request, at.decision, { provider, model, tokens: zeroUsage(), costUsd: NOTHING_SENT_USD, ttftMs: null,
    totalMs: Math.max(0, deps.now() - at.started), status: 'failed', outcome, ...(redactions ? { redactions } : {}) });
}

/**
 * The record to keep if this window dies before the cloud answer ends: the prompt as the pipeline counted it
 * (an estimate: the provider's own count never arrived) and no output, priced on the model asked. Labelled an
 * estimate with outcome "interrupted", so the panel and the export say what it is.
 */
export function interruptedRecord(deps: AskDeps, at: AttemptAt, provider: string, model: string, promptTokens: number,
  redactions: Record<string, number>): LedgerRecord {
  const tokens = usage(Math.max(0, Math.round(promptTokens)), 0, 'estimate');
  const priced = deps.cost('cloud', model, tokens, 0, model);
  return ledger(deps, at.request, at.decision, { provider, model, tokens, costUsd: priced.costUsd, ttftMs: null,
    totalMs: Math.max(0, deps.now() - at.started), status: 'failed', outcome: INTERRUPTED, redactions,
    cloudEquivalentUsd: priced.cloudEquivalentUsd });
}
