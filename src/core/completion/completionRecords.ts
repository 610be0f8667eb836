// The ledger records inline completion makes: one per request, one per cache hit (no request, $0), and one more
// per suggestion seen saying what became of it (accepted, partially accepted, dismissed).
import type { LedgerRecord, Usage } from '../request';
import { localCost } from '../spend/cost';
import type { StreamResult } from '../providers/types';
import type { CompletionSettings } from './engineTypes';
import type { Flight } from './flight';
import { estimateTokens } from './window';

export function zeroUsage(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' };
}

/** The record of an ended request; `now` stands in for an end time the flight never got. */
export function flightRecord(f: Flight, result: StreamResult | undefined, s: CompletionSettings, providerId: string, now: number): LedgerRecord {
  const totalMs = Math.round((f.endedAt ?? now) - f.startedAt);
  const status = f.failure ? 'failed' : f.abortReason ? 'cancelled' : 'ok';
  const outcome = f.failure ? 'failed' : f.abortReason ? 'cancelled' : f.final && f.shown ? 'shown' : f.final ? 'cancelled' : 'empty';
  const tokens = result?.usage ?? { ...zeroUsage(), input: estimateTokens(f.key), output: f.chunks, source: 'estimate' as const };
  const reasons = ['inline completion always runs on the local model'];
  if (f.abortReason) reasons.push(`aborted: ${f.abortReason}`);
  if (f.enough) reasons.push('stopped early: suggestion complete');
  if (f.failure) reasons.push(`failure: ${f.failure.code}`);
  return {
    v: 1, id: f.id, time: new Date(f.wallStartedAt).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
    provider: providerId, model: result?.model || f.model, tokens,
    costUsd: localCost(totalMs, s['local.costPerHour']),
    ttftMs: f.firstChunkAt !== undefined ? Math.round(f.firstChunkAt - f.startedAt) : result?.timing.ttftMs ?? null,
    totalMs, status, outcome, reasons,
  };
}

export function cacheHitRecord(id: string, model: string, providerId: string, wallNow: number): LedgerRecord {
  return {
    v: 1, id, time: new Date(wallNow).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
    provider: providerId, model, tokens: zeroUsage(), costUsd: 0, ttftMs: 0, totalMs: 0,
    status: 'ok', outcome: 'cache', reasons: ['served from the completion cache; no request'],
  };
}

/**
 * What became of a suggestion the user saw: `<id>:<outcome>` (accepted / partial / dismissed), no tokens, $0 — its
 * own id, so the ledger keeps it beside the request's record and the spend model does not count a request twice.
 * `totalMs` is what the user waited for the suggestion.
 */
export function suggestionRecord(
  id: string, outcome: 'accepted' | 'partial' | 'dismissed', meta: { model: string; language: string; latencyMs: number },
  providerId: string, wallNow: number,
): LedgerRecord {
  return {
    v: 1, id: `${id}:${outcome}`, time: new Date(wallNow).toISOString(), origin: 'inline', kind: 'completion', route: 'local',
    provider: providerId, model: meta.model, tokens: zeroUsage(), costUsd: 0, ttftMs: null, totalMs: Math.round(meta.latencyMs),
    status: 'ok', outcome, reasons: [`inline suggestion ${outcome === 'partial' ? 'partially accepted' : outcome}`], language: meta.language,
  };
}
