// The spend list's words for a request's reasons. No DOM here, so Node unit tests import it.

import { plainClause } from '../common/plainClause';

/**
 * The router wrote its reasons before sending; the list reads them afterwards ("will be redacted" → "redacted"),
 * beside the Route badge that already says "local", "cloud" or "not sent": the router's tag in front is dropped, as
 * in the chat's Why line ("local: you asked privately…" beside a Local badge; "refused: …" beside "not sent").
 */
export function afterTheFact(reason: string): string {
  return plainClause(reason.replace(/\bwill be redacted\b/g, 'redacted').replace(/\bwould be redacted\b/g, 'redacted').replace(/^(?:local|cloud|refused):\s*/, ''));
}
