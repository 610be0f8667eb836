// One line for the UI about what the gate removed, e.g. "2 secrets, 1 e-mail address redacted".

// Every country's national identity number is one noun to the user.
const NATIONAL_ID: [string, string] = ['national ID number', 'national ID numbers'];
const NATIONAL_ID_KINDS = [
  'uk-nino', 'ca-sin', 'br-cpf', 'es-dni', 'it-codice-fiscale', 'fr-nir',
  'cn-resident-id', 'kr-rrn', 'in-aadhaar', 'nl-bsn', 'de-steuer-id', 'jp-my-number',
];

const PII_NOUNS: Record<string, [string, string]> = {
  ...Object.fromEntries(NATIONAL_ID_KINDS.map((k) => [k, NATIONAL_ID])),
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
