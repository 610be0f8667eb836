// Credentials inside URLs, whatever the scheme: `scheme://user:password@`, `scheme://:password@` (Redis),
// a token used as the user name (`https://<token>@github.com`), and secret query parameters (signed-URL
// signatures, `?token=`, `?auth=`, `?key=`). Percent-encoded URLs inside redirect parameters are decoded by the
// decoded view (views.ts) and come back here.

import { ALNUM, type Detector, type RawHit } from '../detector';
import { highEntropy, isPlaceholder, shannonEntropy } from '../text';

/** Connection strings whose password is written inline: scheme://user:password@host, any scheme, empty user too. */
const DB_SCHEME = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|oracle|db2|cassandra|elasticsearch|influxdb|memcached)/i;
const ANY_URL_PASSWORD = /\b((?:jdbc:)?[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/@'"`]{0,100}):([^\s@'"`/]{1,200})@/gdi;

const TOKEN_USER = /:\/\/([A-Za-z0-9_.~+-]{20,300})@/g;
// Parameter names whose value is a credential (case-insensitive, whole name).
const SECRET_PARAMS = ['x-amz-signature', 'x-amz-security-token', 'x-goog-signature', 'x-goog-credential', 'signature', 'sig', 'token',
  'access_token', 'id_token', 'refresh_token', 'auth', 'auth_token', 'authtoken', 'key', 'api_key', 'apikey', 'api-key', 'secret',
  'client_secret', 'password', 'passwd', 'pwd', 'pass', 'code', 'session', 'sessionid', 'private_token', 'sas', 'jwt'];
const SECRET_PARAM = new RegExp(`[?&;#]((?:${SECRET_PARAMS.join('|')})=)([^&\\s'"\`#<>]{6,2000})`, 'gi');

function findUrlSecrets(text: string): RawHit[] {
  const out: RawHit[] = [];
  if (text.includes('://')) {
    ANY_URL_PASSWORD.lastIndex = 0;
    for (let m = ANY_URL_PASSWORD.exec(text); m; m = ANY_URL_PASSWORD.exec(text)) {
      const [start, end] = m.indices![3];
      const password = m[3];
      if (isPlaceholder(password) || /^(?:password|pass|pwd|secret|\*+)$/i.test(password) || /^[$%{<]/.test(password)) continue;
      const db = DB_SCHEME.test(m[1]);
      out.push({ kind: db ? 'database-url-password' : 'basic-auth-url', label: db ? 'database password in a connection URL' : 'password in a URL', start, end });
    }
    TOKEN_USER.lastIndex = 0;
    for (let m = TOKEN_USER.exec(text); m; m = TOKEN_USER.exec(text)) {
      const user = m[1];
      if (isPlaceholder(user) || !highEntropy(user, 3.5) || !/\d/.test(user)) continue;
      const start = m.index + 3;
      out.push({ kind: 'url-token-user', label: 'token used as a URL user name', start, end: start + user.length });
    }
  }
  if (text.includes('=')) {
    SECRET_PARAM.lastIndex = 0;
    for (let m = SECRET_PARAM.exec(text); m; m = SECRET_PARAM.exec(text)) {
      const value = m[2];
      if (isPlaceholder(value) || !/[0-9%+/=_-]/.test(value) || shannonEntropy(value) < 3) continue;
      const start = m.index + 1 + m[1].length;
      out.push({ kind: 'url-secret-parameter', label: `secret URL parameter ${m[1].slice(0, -1)}`, start, end: start + value.length });
    }
  }
  return out;
}

export const URL_SECRET_DETECTORS: readonly Detector[] = [
  { id: 'url-secrets', category: 'secret', keywords: [], find: findUrlSecrets,
    samples: {
      tp: [(g) => `DATABASE_URL=postgres://app:${g.mixed(ALNUM, 16)}@db.internal:5432/shop`, (g) => `fetch("https://api.acme.io/export?token=${g.mixed(ALNUM, 32)}&format=csv")`],
      fp: ['const url = `https://${host}/api/v${version}/items/${id}`;', 'postgres://app:${DB_PASSWORD}@db.internal/shop'],
    } },
];
