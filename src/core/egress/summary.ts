// One line for the UI about what the gate removed, e.g. "2 secrets, 1 e-mail address redacted".

const PII_NOUNS: Record<string, [string, string]> = {
  email: ['e-mail address', 'e-mail addresses'],
  phone: ['phone number', 'phone numbers'],
  'credit-card': ['card number', 'card numbers'],
  'us-ssn': ['social security number', 'social security numbers'],
  iban: ['IBAN', 'IBANs'],
  marker: ['marker', 'markers'],
  'private-path': ['private file', 'private files'],
  unscannable: ['unscannable part', 'unscannable parts'],
};

export function summarizeRedactions(r: Record<string, number>): string {
  let secrets = 0;
  const others = new Map<string, number>();
  for (const [kind, n] of Object.entries(r)) {
    if (!n) continue;
    if (PII_NOUNS[kind]) others.set(kind, (others.get(kind) ?? 0) + n);
    else secrets += n;
  }
  const parts: string[] = [];
  if (secrets) parts.push(`${secrets} ${secrets === 1 ? 'secret' : 'secrets'}`);
  for (const [kind, n] of others) parts.push(`${n} ${PII_NOUNS[kind][n === 1 ? 0 : 1]}`);
  return parts.length ? `${parts.join(', ')} redacted` : 'nothing redacted';
}
