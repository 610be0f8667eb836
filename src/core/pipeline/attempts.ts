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

/**
 * The buttons a refusal offers, read from the router's reasons: the refusal's own way out. A plain Retry only
 * where the way out is outside Hybrid (start Ollama, pull the model): the same request then goes through.
 */
export function refusalFixes(reasons: string[]): FixAction[] {
  const text = reasons.join(' ').toLowerCase();
  const fixes: FixAction[] = [];
  if (text.includes('ask (private)') || text.includes('private path')) fixes.push('retryLocal');
  if (text.includes('api key')) fixes.push('setApiKey');
  const pull = text.includes('ollama pull');
  if (pull) fixes.push('pullModel');
  else if (text.includes('ollama') || text.includes('local model')) fixes.push('startOllama');
  if (text.includes('budget') || text.includes('setting') || text.includes('hybrid.')) fixes.push('openSettings');
  if (!fixes.length) fixes.push('openSettings');
  if (pull || /is not (?:responding|running)/.test(text)) fixes.push('retry');
  return fixes;
}

/**
 * A refusal's card sentence: the router's reasons without their "refused: " tag (the "Not sent" badge above the
 * card says it), starting with a capital. The ledger keeps the router's own words.
 */
export function refusalMessage(reasons: string[]): string {
  const text = reasons.map((r) => r.replace(/^refused:\s*/, '')).join(' ');
  // A file path may start the sentence ("deals/terms.md matches a private path"): paths keep their case.
  const started = /^[a-z]+\b(?![./\\:-])/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  // A sentence ends with its full stop (the card read as cut off without one).
  return /[.!?]$/.test(started) || !started ? started : `${started}.`;
}
