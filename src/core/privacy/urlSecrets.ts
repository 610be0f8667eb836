// Credentials inside URLs, whatever the scheme: `scheme://user:password@`, `scheme://:password@` (Redis),
// a token used as the user name (`https://<token>@github.com`), and secret query parameters (signed-URL
// signatures, `?token=`, `?auth=`, `?key=`). Percent-encoded URLs inside redirect parameters are decoded by the
// decoded view (views.ts) and come back here.

import type { RawHit } from './pii';
import { ANY_URL_PASSWORD, DB_SCHEME } from './secretRules';
import { highEntropy, isPlaceholder, shannonEntropy } from './text';

const TOKEN_USER = /:\/\/([A-Za-z0-9_.~+-]{20,300})@/g;
// Parameter names whose value is a credential (case-insensitive, whole name).
const SECRET_PARAM = /[?&;#]((?:x-amz-signature|x-amz-security-token|x-goog-signature|x-goog-credential|signature|sig|token|access_token|id_token|refresh_token|auth|auth_token|authtoken|key|api_key|apikey|api-key|secret|client_secret|password|passwd|pwd|pass|code|session|sessionid|private_token|sas|jwt)=)([^&\s'"`#<>]{6,2000})/gi;

export function findUrlSecrets(text: string): RawHit[] {
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
