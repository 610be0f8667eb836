// Is this variable / key name about a credential? Judged by its words (camelCase, PascalCase, snake, kebab,
// dotted keys), never by substrings: `ADMIN_PASSWORD` holds "min" and `AUTHORIZATION_TOKEN` holds "author",
// and both are credentials. A credential word anywhere in the name wins over harmless ones.

const CREDENTIAL_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pw', 'pword', 'pass', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'tokens', 'apikey',
  'apikeys', 'credential', 'credentials', 'creds', 'cred', 'auth', 'authtoken', 'authorization', 'bearer', 'jwt',
  'cookie', 'signature', 'sig', 'hmac', 'salt', 'pat', 'privatekey', 'secretkey', 'accesskey', 'clientsecret',
  'sas', 'pin', 'otp', 'totp', 'mfa', 'sessionid', 'sessiontoken', 'connectionstring', 'connstr', 'dsn',
]);
// `key` alone is too common (React keys, map keys); with one of these before it, it is a credential.
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'sign', 'client', 'auth', 'encryption', 'encrypt', 'decrypt',
  'master', 'session', 'license', 'licence', 'account', 'shared', 'hmac', 'jwt', 'app', 'consumer', 'service',
  'storage', 'subscription', 'webhook', 'admin', 'root', 'deploy', 'ssh', 'crypto', 'cipher', 'aes', 'rsa', 'gpg',
  'pgp', 'primary', 'secondary', 'write', 'ingest', 'server', 'security', 'bot', 'user', 'personal', 'partner',
  'merchant', 'live', 'prod', 'production', 'sdk', 'mac', 'hash', 'cookie', 'csrf', 'xsrf', 'token', 'enc', 'kms',
  'wrapping', 'unlock', 'recovery', 'backup', 'vault', 'sas', 'instrumentation', 'access_', 'x',
]);

/** Words of an identifier, lower-cased: `spring.datasource.password` → spring, datasource, password. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2') // from a capital run's first letter only: linear
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Code repeats its names; judging each once keeps the generic rule linear in practice. Bounded.
const memo = new Map<string, boolean>();

export function isCredentialName(name: string): boolean {
  let v = memo.get(name);
  if (v === undefined) {
    v = judge(name);
    if (memo.size > 5000) memo.clear();
    memo.set(name, v);
  }
  return v;
}

function judge(name: string): boolean {
  const words = nameWords(name);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // (`pw` alone is too short to trust — `$pw` is a pipeline or a page width, `Li4uPw==` base64; `DB_PW`, `mailerPw` are passwords.)
    if (CREDENTIAL_WORDS.has(w) && (w !== 'pw' || shortPasswordWord(words, i))) return true;
    if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return true;
  }
  // Run-together words that end in a credential: dbpassword, appsecret, githubtoken (not secretsmanager).
  return words.some(isCompoundCredential);
}

// Credential words long enough to be trusted as the tail of a run-together name (ENCRYPTIONKEY, DBPWD,
// ADOEXTPAT is too short to trust: `pat` ends `compat`, so it needs its own word).
const COMPOUND_TAILS = /(?:password|passwd|passphrase|passcode|pwd|secret|token|credentials?|creds|apikey|authkey|sessid|sessionid)$/;

/**
 * A run-together all-lower or all-caps word (the case split found no boundary) that ends in a credential word,
 * or in `key` right after a key qualifier: ENCRYPTIONKEY, masterkey, dbpwd, SIGNINGKEY — not monkey, hotkey,
 * secretsmanager.
 */
export function isCompoundCredential(word: string): boolean {
  if (COMPOUND_TAILS.test(word)) return true;
  if (word.length < 6) return false;
  const key = /keys?$/.exec(word);
  if (!key) return false;
  const head = word.slice(0, key.index);
  for (let cut = 0; cut < head.length; cut++) {
    const q = head.slice(cut);
    if (q.length >= 3 && KEY_QUALIFIERS.has(q)) return true;
  }
  return false;
}

/** `pw` after a word of letters (`DB_PW`, `smtpPw`); not alone, not after a base64 chunk's `Li4u`. */
function shortPasswordWord(words: string[], i: number): boolean {
  return i > 0 && /^[a-z]{2,}$/.test(words[i - 1]);
}

/** Password-like names: a shorter, lower-entropy value is still a secret. */
export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => w === 'password' || w === 'passwd' || w === 'pwd' || (w === 'pw' && shortPasswordWord(words, words.indexOf(w))) || w === 'pword' || w === 'pass' || w === 'passphrase' || w === 'passcode' || w === 'pin')
    || /password|passwd|passphrase/.test(words.join(''));
}
