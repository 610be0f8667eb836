// Lines in the formats of well-known credential files (.netrc, .pgpass, …), found wherever they appear: in the
// file itself or pasted into a sentence. Samples draw the password at test time.

import { ALNUM, type Detector, type RawHit, type SampleRng } from '../detector';
import { re, type SecretRule } from '../rule';
import { isPlaceholder } from '../text';
import { looksSecret } from './genericSecret';

const pw = (g: SampleRng): string => g.mixed(ALNUM, 16);
// Templates, and the words documentation writes where the password goes (`user/password@`, `Pwd={…}`).
const notTemplate = (v: string): boolean => !isPlaceholder(v) && !/^\$\{?\w+\}?$|^%\w+%$/.test(v)
  && !/^(?:password|passwd|pass|pwd|secret|pw|\*+|\.{3}|…|[a-z]+_?password)$/i.test(v);

export const CREDENTIAL_FILE_RULES: readonly SecretRule[] = [
  { kind: 'netrc-password', label: '.netrc password', keywords: ['password', 'passwd'],
    re: re(String.raw`\b(?:machine|login|default)\b[\s\S]{0,300}?\bpass(?:word|wd)[ \t]+([^\s\\]{1,200})`),
    // "login … password please" in prose is not a .netrc line: require a digit, a symbol or mixed case.
    validate: (v) => !/^[a-z]+$|^[A-Z]+$/.test(v) && !/^\[REDACTED/.test(v),
    samples: { tp: [(g) => `machine api.acme.io login ci password ${pw(g)}`], fp: ['after login the password field is cleared'] } },
  { kind: 'pgpass-password', label: '.pgpass password', keywords: [],
    re: re(String.raw`^[ \t]*[A-Za-z0-9_.*\[\]:-]{1,100}:(?:\d{2,5}|\*):[^\s:]{1,100}:[^\s:]{1,100}:([^\s]{4,200})[ \t]*$`, 'm'),
    requires: /:(?:\d{2,5}|\*):/, // host:PORT: (or :*:) is in every match
    samples: { tp: [(g) => `db.internal:5432:shop:app:${pw(g)}`], fp: ['12:30:45:67:89 is not a pgpass line'] } },
  // Oracle thin / OCI URLs carry user/password before the `@`: jdbc:oracle:thin:scott/tiger@//db:1521/ORCL.
  { kind: 'database-url-password', label: 'database password in a JDBC URL', keywords: ['jdbc:oracle:', 'JDBC:ORACLE:'],
    re: re(String.raw`jdbc:oracle:(?:thin|oci8?):[^\s/@:'"]{1,100}/([^\s@'"]{1,200})@`, 'i'),
    validate: notTemplate,
    samples: { tp: [(g) => `url = jdbc:oracle:thin:app/${pw(g)}@db:1521/ORCL`], fp: ['url = jdbc:oracle:thin:@//db:1521/ORCL', 'the form is `jdbc:oracle:thin:user/password@host`'] } },
  // ODBC / ADO.NET connection strings quote a value holding `;` in braces: Pwd={p;w}. (Unbraced values are the
  // generic rule's: Pwd=…; Password=…;)
  { kind: 'password-assignment', label: 'password in a connection string', keywords: ['wd={', 'WD={', 'word={', 'WORD={', 'wd = {', 'word = {'],
    re: re(String.raw`\b(?:pwd|password)[ \t]*=[ \t]*\{([^}\r\n]{4,200})\}`, 'i'),
    validate: notTemplate,
    samples: { tp: [(g) => `Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd={${pw(g)};x};`], fp: ['Driver={ODBC Driver 18 for SQL Server};Server=db;Trusted_Connection=yes;', 'braced values (`Pwd={…}`) may hold a semicolon'] } },
  // htpasswd's DES crypt (13 characters) has no marker of its own: only where the text says htpasswd.
  { kind: 'password-hash', label: 'htpasswd crypt hash', keywords: ['htpasswd', 'HTPASSWD', 'Htpasswd'],
    re: re(String.raw`htpasswd[\s\S]{0,300}?(?<![\w.-])[\w.@-]{1,64}:([./0-9A-Za-z]{13})(?![./0-9A-Za-z$])`, 'i'),
    validate: (v) => /[0-9./]/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v),
    samples: { tp: [(g) => `my .htpasswd line admin:${g.mixed(ALNUM, 11)}${g.str('./', 2)} is rejected`], fp: ['the htpasswd file has one line per user: name:hash'] } },
];

// A .pgpass line inside a sentence: host:port:database:user:password with a real port (or `*`), names that are
// names, and a password that reads like one (a log's `host:8080:GET:/api:200ms` is not). Found from the
// `:port:` anchor (a literal-led regex skips fast), the host read backwards, the rest with a sticky regex.
const PORT = /:(?:\d{2,5}|\*):/g;
const HOST_BEFORE = /(?:^|[\s(\[{"'`,;=>])(?:\*|localhost|\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){0,8})$/;
const REST = /(?:\*|[A-Za-z_][\w.$-]{0,62}):(?:\*|[A-Za-z_][\w.@$-]{0,62}):([^\s:'"`]{4,200}?)(?=[.,;)\]!?'"`]*(?:\s|$))/y;

function findPgpassInProse(text: string): RawHit[] {
  const out: RawHit[] = [];
  PORT.lastIndex = 0;
  for (let m = PORT.exec(text); m; m = PORT.exec(text)) {
    if (!HOST_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index))) continue;
    REST.lastIndex = m.index + m[0].length;
    const r = REST.exec(text);
    if (!r || !notTemplate(r[1]) || !looksSecret(r[1], 'password')) continue;
    const start = r.index + r[0].length - r[1].length;
    out.push({ kind: 'pgpass-password', label: '.pgpass password', start, end: start + r[1].length });
    PORT.lastIndex = start + r[1].length;
  }
  return out;
}

export const CREDENTIAL_FILE_DETECTORS: readonly Detector[] = [
  { id: 'pgpass-in-prose', category: 'secret', keywords: [':'], find: findPgpassInProse,
    samples: { tp: [(g) => `my .pgpass has db.internal:5432:shop:app:${pw(g)} and psql still asks`, (g) => `the entry is (localhost:*:*:postgres:${pw(g)}).`],
      fp: ['the log says host:8080:GET:/api:200ms', 'set db.internal:5432:shop:app:${PGPASSWORD} in CI', 'at 10:30:45:120 the job ran'] } },
];
