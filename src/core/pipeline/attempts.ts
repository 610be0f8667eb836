// Who an attempt is and what a request that never reached a model records. Kept out of ask.ts so the pipeline
// only calls these: every attempt — refusals, blocked and key-less ones, fallbacks — is one ledger record.

import type { FixAction } from '../wire/types';
import type { Request } from '../request';

/**
 * The provider and model a record names when no model was asked: the ledger requires a name, and "none" is the
 * honest one (an empty name made the record invalid and the refusal was lost).
 */
export const NO_MODEL = 'none';

/** Nothing was sent, so nothing was spent: a known $0, not an unknown price. */
export const NOTHING_SENT_USD = 0;

/** A fallback is its own attempt with its own id, linked to the first so the ledger can tell them apart. */
export function nextAttempt(request: Request, newId: () => string): Request {
  const first = request.attemptOf ?? request.id;
  let id = newId();
  // A source that repeats an id would make the spend model drop this attempt as a replay: derive a distinct one.
  if (id === request.id || id === first) id = `${request.id}+`;
  return { ...request, id, attemptOf: first };
}

/** The buttons a refusal offers, read from the router's reasons: the refusal's own way out, never a plain Retry. */
export function refusalFixes(reasons: string[]): FixAction[] {
  const text = reasons.join(' ').toLowerCase();
  const fixes: FixAction[] = [];
  if (text.includes('ask (private)') || text.includes('private path')) fixes.push('retryLocal');
  if (text.includes('api key')) fixes.push('setApiKey');
  if (text.includes('ollama') || text.includes('local model')) fixes.push('startOllama');
  if (text.includes('budget') || text.includes('setting') || text.includes('hybrid.')) fixes.push('openSettings');
  if (!fixes.length) fixes.push('openSettings');
  return fixes;
}
