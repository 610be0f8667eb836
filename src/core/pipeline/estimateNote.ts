// The footer's note on an answer's estimated token counts: which counts are estimates, and why. A stopped answer
// said "the server reported no usage", which read as a fault of the server; the server sends its count at the end,
// and the Stop came first.

import type { StreamResult } from '../wire/types';

export function estimateNote(r: Pick<StreamResult, 'estimatedFromText' | 'estimatedSides' | 'finish'>, provider?: string): string {
  const note = countNote(r);
  // A stream cut on a LiteLLM gateway: the gateway's spend log (what the team is billed) is written by the gateway,
  // from what the model generated before the stop reached it — or not at all on releases that log no spend for a
  // cancelled stream. Neither is this estimate of the text shown.
  if (provider?.startsWith('litellm') && r.finish !== 'stop' && r.finish !== 'length') {
    return `${note} The gateway keeps its own record of this request, which may differ: it counts what the model generated before the stop reached it (or nothing, on releases that log no spend for a stopped stream).`;
  }
  return note;
}

function countNote(r: Pick<StreamResult, 'estimatedFromText' | 'estimatedSides' | 'finish'>): string {
  if (r.estimatedFromText) {
    if (r.finish === 'cancelled') return 'Token counts are estimates: the answer was stopped before the server sent its count.';
    if (r.finish === 'error') return 'Token counts are estimates: the answer broke off before the server sent its count.';
    return 'Token counts are estimates: the server reported no usage.';
  }
  const sides = r.estimatedSides ?? [];
  if (sides.length) return `The server's usage left out the ${sides.join(' and ')} token count${sides.length > 1 ? 's' : ''}: estimated from the text.`;
  return r.finish === 'cancelled'
    ? 'The output token count is an estimate: the answer was stopped before the provider\'s final count (input as reported).'
    : 'The output token count is an estimate: the answer ended before the provider\'s final count (input as reported).';
}
