// A file name as the product's own words repeat it (route reasons, the ledger, the gate's refusals, the Explain
// Route preview, the text the model picker hands back to the editor's agent): a name like
// `exports/jane.doe@example.com.csv` carries personal data, and these texts travel further than the file does —
// the ledger is exported and the agent may send a refusal on to a model of its own. Values found are redacted.

import { redact, scanSensitive } from './scan';

export function shownName(name: string): string {
  const found = scanSensitive(name);
  return found.length ? redact(name, found) : name;
}
