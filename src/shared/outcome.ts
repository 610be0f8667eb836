// How a ledger record's ending reads wherever a user sees it (the spend panel's request list, the status bar
// tooltip, the CSV/JSON export). One record needs words of its own: a cloud answer the window did not live to see
// end (a reload, a crash) is kept as status "failed", outcome "interrupted", priced from the prompt as counted.
// Shown as a plain "failed" it read as an error that cost money for nothing; it is a closed window and an estimate.

/** The ledger outcome of an answer cut by the window closing (src/core/pipeline/askRecords.ts). */
export const INTERRUPTED = 'interrupted';

export interface Ending { status: string; outcome?: string | null; route?: string; kind?: string }

export function isInterrupted(r: Ending): boolean {
  return r.status === 'failed' && r.outcome === INTERRUPTED;
}

/**
 * The short word after the kind or the route: "failed", "stopped", "interrupted"; '' for an answer that ended well.
 * A question the user ended with Stop reads "stopped", the word the chat view, VS Code's Chat and the status bar use
 * (the list said "cancelled" beside a chat that said "Stopped"); an inline completion is cancelled by typing on, not
 * by a Stop, so it keeps "cancelled".
 */
export function endingWord(r: Ending): string {
  if (r.status === 'ok') return '';
  if (isInterrupted(r)) return INTERRUPTED;
  if (r.status === 'cancelled') return r.kind === 'completion' ? 'cancelled' : STOPPED;
  return r.status;
}

export const STOPPED = 'stopped';

/**
 * A private team-gateway answer stopped before its usage came: LiteLLM (since mid-2026) bills the streamed part to the
 * key at its own price, which never reaches us — the record's $0 is ours, not the gateway's figure.
 */
export const GATEWAY_STOPPED_NOTE = 'stopped on the team gateway: it may bill the part streamed at its own price, which this figure does not include';

/** A stopped answer's figures are for the part generated before the stop (docs/spend.md), not a whole answer. */
export function isStopped(r: Ending): boolean {
  return r.status === 'cancelled' && r.kind !== 'completion';
}

/** The sentence that explains a stopped record (the request list's "Why", the status bar tooltip). */
export const STOPPED_EXPLAINED = 'stopped before the end: the tokens and cost are for the part answered before the stop';

/** The sentence that explains an interrupted record (tooltips, the request list's "Why", the export's note). */
export const INTERRUPTED_EXPLAINED = 'interrupted (window closed mid-answer): the provider received the prompt, so its cost is an estimate from the prompt as counted';

/** The export's costNote for an interrupted record. */
export const INTERRUPTED_NOTE = 'interrupted (window closed mid-answer), estimate';

/** The export's costNote for a stopped cloud answer. */
export const STOPPED_NOTE = 'stopped (partial answer)';
