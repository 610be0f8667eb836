// Password files and their hash formats: htpasswd and Dovecot / OpenLDAP `{SCHEME}` values (`{PLAIN}pw` is the
// password itself; `{SSHA}…` and crypt(3) hashes are offline-crackable, so they never leave either), and
// `/etc/shadow`-style crypt strings wherever they appear.

import { ALNUM, B64 } from '../detector';
import { re, type SecretRule } from '../rule';

const SCHEMES = ['PLAIN', 'CLEARTEXT', 'CLEAR', 'PLAIN-MD5', 'LDAP-MD5', 'SHA', 'SSHA', 'SHA256', 'SSHA256', 'SHA512', 'SSHA512', 'SMD5', 'MD5', 'CRYPT',
  'MD5-CRYPT', 'SHA256-CRYPT', 'SHA512-CRYPT', 'BLF-CRYPT', 'ARGON2I', 'ARGON2ID', 'PBKDF2', 'SCRAM-SHA-1', 'SCRAM-SHA-256'].join('|');

export const PASSWORD_STORE_RULES: readonly SecretRule[] = [
  // `{` alone (always run): the regex starts with the literal, which costs less than pre-filtering 70 spellings.
  { kind: 'password-scheme-value', label: 'password with a {SCHEME} prefix', keywords: ['{'],
    re: re(String.raw`\{(?:${SCHEMES})\}([^\s'"\x60,;<>]{3,400})`, 'i'),
    validate: (v) => !/^\$\{?\w+\}?$/.test(v),
    samples: { tp: [(g) => `alice:{CLEARTEXT}${g.mixed(ALNUM, 14)}:1000:1000::/home/alice`, (g) => `deploy:{SHA}${g.mixed(B64, 27)}=`],
      fp: ['Dovecot accepts the {PLAIN} scheme only for testing; use {SHA512-CRYPT} in production.'] } },
  { kind: 'password-hash', label: 'crypt(3) password hash', keywords: ['$2a$', '$2b$', '$2x$', '$2y$', '$apr1$', '$1$', '$5$', '$6$', '$y$', '$argon2'],
    re: re(String.raw`(\$(?:2[abxy]\$\d\d\$[./A-Za-z0-9]{53}|apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{43}|argon2i?d?\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128}))(?![A-Za-z0-9/])`),
    samples: { tp: [(g) => `admin:${'$2y'}$10$${g.mixed(ALNUM + './', 53)}`, (g) => `root:${'$6'}$${g.mixed(ALNUM, 16)}$${g.mixed(ALNUM + './', 86)}:19700:0:99999:7:::`],
      fp: ['const hashed = await bcrypt.hash(password, 10);'] } },
];
