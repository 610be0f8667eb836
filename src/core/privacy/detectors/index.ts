// The rule table: every detector family, in the order their findings are named when two specific ones start at
// the same place. A new detector goes into its family's file; a new family is one more line here.

import type { Detector } from '../detector';
import { ruleDetector, type SecretRule } from '../rule';
import { CARD_DETECTORS } from './cards';
import { COMMAND_LINE_RULES } from './commandLine';
import { CREDENTIAL_FILE_DETECTORS, CREDENTIAL_FILE_RULES } from './credentialFiles';
import { DES_CRYPT_DETECTORS } from './desCrypt';
import { DOCUMENT_DETECTORS } from './personalDocuments';
import { EMAIL_DETECTORS } from './emails';
import { FOREIGN_PASSWORD_DETECTORS } from './foreignPasswords';
import { GENERIC_SECRET_DETECTORS } from './genericSecret';
import { IBAN_DETECTORS } from './ibans';
import { NATIONAL_ID_DETECTORS } from './nationalIds';
import { OBFUSCATED_EMAIL_DETECTORS } from './obfuscatedEmails';
import { PASSWORD_STORE_RULES } from './passwordStores';
import { NAME_PART_DETECTORS } from './nameParts';
import { NATIONAL_PHONE_DETECTORS } from './nationalPhones';
import { PHONE_DETECTORS } from './phones';
import { LABELLED_PHONE_DETECTORS } from './labelledPhones';
import { POSITIONAL_CREDENTIAL_RULES } from './positionalCredentials';
import { PRIVATE_KEY_DETECTORS, PRIVATE_KEY_RULES } from './privateKeys';
import { SEED_PHRASE_DETECTORS } from './seedPhrases';
import { STRUCTURED_SECRET_DETECTORS } from './structuredSecrets';
import { TOKEN_FORMAT_RULES } from './tokenFormats';
import { TRUNCATED_TOKEN_RULES } from './truncatedTokens';
import { URL_SECRET_DETECTORS } from './urlSecrets';
import { VENDOR_TOKEN_RULES } from './vendorTokens';
import { WEBHOOK_URL_RULES } from './webhookUrls';
import { WORLD_ID_DETECTORS } from './worldIds';
import { BIRTH_DATE_DETECTORS } from './birthDates';
import { PERSONAL_NAME_DETECTORS } from './personalNames';
import { PROSE_NAME_DETECTORS } from './proseNames';
import { OTHER_SCRIPT_DETECTORS } from './otherScripts';
import { WORLD_SCRIPT_DETECTORS } from './worldScripts';
import { STREET_LINE_DETECTORS } from './streetLines';
import { PERSON_FIELD_DETECTORS } from './personFields';
import { POSTAL_ADDRESS_DETECTORS } from './postalAddresses';
import { PERSONAL_RECORD_DETECTORS } from './personalRecords';
import { UNNAMED_KEY_DETECTORS } from './unnamedKeys';

/** Every detector written as one regex (gitleaks' rule shape). */
export const SECRET_RULES: readonly SecretRule[] = [
  ...VENDOR_TOKEN_RULES, ...COMMAND_LINE_RULES, ...PASSWORD_STORE_RULES, ...POSITIONAL_CREDENTIAL_RULES, ...CREDENTIAL_FILE_RULES,
  ...PRIVATE_KEY_RULES, ...TOKEN_FORMAT_RULES, ...TRUNCATED_TOKEN_RULES, ...WEBHOOK_URL_RULES,
];

export const DETECTORS: readonly Detector[] = uniqueIds([
  ...SECRET_RULES.map(ruleDetector),
  ...PRIVATE_KEY_DETECTORS,
  ...CREDENTIAL_FILE_DETECTORS,
  ...DES_CRYPT_DETECTORS,
  ...URL_SECRET_DETECTORS,
  ...GENERIC_SECRET_DETECTORS,
  ...FOREIGN_PASSWORD_DETECTORS,
  ...EMAIL_DETECTORS,
  ...CARD_DETECTORS,
  ...NATIONAL_ID_DETECTORS,
  ...WORLD_ID_DETECTORS,
  ...IBAN_DETECTORS,
  ...PHONE_DETECTORS,
  ...NATIONAL_PHONE_DETECTORS,
  ...LABELLED_PHONE_DETECTORS,
  ...NAME_PART_DETECTORS,
  ...OBFUSCATED_EMAIL_DETECTORS,
  ...DOCUMENT_DETECTORS,
  ...STRUCTURED_SECRET_DETECTORS,
  ...SEED_PHRASE_DETECTORS,
  ...UNNAMED_KEY_DETECTORS,
  ...BIRTH_DATE_DETECTORS,
  ...PERSONAL_NAME_DETECTORS,
  ...PROSE_NAME_DETECTORS,
  ...OTHER_SCRIPT_DETECTORS,
  ...WORLD_SCRIPT_DETECTORS,
  ...STREET_LINE_DETECTORS,
  ...PERSON_FIELD_DETECTORS,
  ...POSTAL_ADDRESS_DETECTORS,
  ...PERSONAL_RECORD_DETECTORS,
]);

/** Several rules may report one kind (two JWT shapes); each detector still has its own id. */
function uniqueIds(ds: Detector[]): Detector[] {
  const seen = new Map<string, number>();
  return ds.map((d) => {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    return n === 1 ? d : { ...d, id: `${d.id}#${n}` };
  });
}
