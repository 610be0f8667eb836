// The ledger keeps no prompt text, but its free-text fields come from outside: a model name is what the server echoed
// (or what the user typed into hybrid.cloud.model — a pasted key lands there), a failure's outcome and the router's
// reasons quote what they were given. A credential in any of them would sit on disk in plain text for good, in every
// export; so each is scanned as it is written and a secret is replaced the way the egress gate replaces it.
import type { LedgerRecord } from '../request';
import { redact, scanSensitive } from '../privacy/scan';

function clean(text: string): string {
  const secrets = scanSensitive(text).filter((f) => f.category === 'secret');
  return secrets.length ? redact(text, secrets) : text;
}

/** `r` with any credential in its model, provider, outcome or reasons replaced by `[REDACTED:<kind>]`. */
export function withoutSecrets(r: LedgerRecord): LedgerRecord {
  const model = clean(r.model), provider = clean(r.provider), outcome = r.outcome === undefined ? undefined : clean(r.outcome);
  const reasons = r.reasons.map(clean);
  const same = model === r.model && provider === r.provider && outcome === r.outcome && reasons.every((x, i) => x === r.reasons[i]);
  return same ? r : { ...r, model, provider, ...(outcome !== undefined ? { outcome } : {}), reasons };
}
