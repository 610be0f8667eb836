// One line for the UI about what the gate removed, e.g. "2 secrets, 1 e-mail address redacted".

const PII_NOUNS: Record<string, [string, string]> = {
  email: ['e-mail address', 'e-mail addresses'],
  phone: ['phone number', 'phone numbers'],
  'credit-card': ['card number', 'card numbers'],
  'us-ssn': ['social security number', 'social security numbers'],
  iban: ['IBAN', 'IBANs'],
  'uk-nino': ['national ID number', 'national ID numbers'],
  'ca-sin': ['national ID number', 'national ID numbers'],
  'br-cpf': ['national ID number', 'national ID numbers'],
  'es-dni': ['national ID number', 'national ID numbers'],
  'it-codice-fiscale': ['national ID number', 'national ID numbers'],
  'fr-nir': ['national ID number', 'national ID numbers'],
  'cn-resident-id': ['national ID number', 'national ID numbers'],
  'kr-rrn': ['national ID number', 'national ID numbers'],
  'in-aadhaar': ['national ID number', 'national ID numbers'],
  'nl-bsn': ['national ID number', 'national ID numbers'],
  'de-steuer-id': ['national ID number', 'national ID numbers'],
  'jp-my-number': ['national ID number', 'national ID numbers'],
  marker: ['marker', 'markers'],
  'private-path': ['private file', 'private files'],
  unscannable: ['unscannable part', 'unscannable parts'],
};

export function summarizeRedactions(r: Record<string, number>): string {
  let secrets = 0;
  // Counted by noun: several kinds share one (every country's national ID number).
  const others = new Map<string, { n: number; nouns: [string, string] }>();
  for (const [kind, n] of Object.entries(r)) {
    if (!n) continue;
    const nouns = PII_NOUNS[kind];
    if (!nouns) { secrets += n; continue; }
    const o = others.get(nouns[0]) ?? { n: 0, nouns };
    o.n += n;
    others.set(nouns[0], o);
  }
  const parts: string[] = [];
  if (secrets) parts.push(`${secrets} ${secrets === 1 ? 'secret' : 'secrets'}`);
  for (const { n, nouns } of others.values()) parts.push(`${n} ${nouns[n === 1 ? 0 : 1]}`);
  return parts.length ? `${parts.join(', ')} redacted` : 'nothing redacted';
}
