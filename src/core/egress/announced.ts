// "The production password is in the next message." A person names a secret in one turn and sends it bare in the
// next. Each turn is scanned alone, and a lone token has no name for the generic rule to judge it by, so here a
// user turn whose question (its last line) is one token is judged as the value of the credential an earlier user
// turn named, with the generic rule's own judgement (looksSecret) for a value with no password name: ten or more
// characters of mixed classes and high entropy, so a one-word answer (`useEffect`, `v2.14.3`) is never one. Only the turns of one request are read: the
// announcement and the value leave together or not at all.

import type { Finding } from '../request';
import { looksSecret } from '../privacy/detectors/genericSecret';

const NAMES_A_CREDENTIAL = /(?:^|[^\p{L}])(?:password|passwd|passphrase|passcode|pin code|secret|token|api[ _-]?key|access[ _-]?key|private[ _-]?key|credentials?|kennwort|passwort|mot de passe|contraseña|senha|parola d'ordine|wachtwoord|hasło|пароль|密码|密碼|パスワード|비밀번호)(?![\p{L}])/iu;

/**
 * `turns`: the chat turns in order, each with its role and its scanned text. Adds a finding to each user turn whose
 * last line is one secret-looking token after an earlier user turn that named a credential.
 */
export function findAnnouncedValues(turns: { role: string; scanned: { text: string; findings: Finding[] } }[]): number {
  let announced = false;
  let found = 0;
  for (const { role, scanned } of turns) {
    if (role !== 'user') continue;
    const { text } = scanned;
    const end = text.trimEnd().length;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (announced && line.length >= 6 && line.length <= 200 && !/\s/.test(line) && looksSecret(line, 'secret')) {
      const at = text.indexOf(line, start);
      if (!scanned.findings.some((f) => f.start <= at && f.end >= at + line.length)) {
        scanned.findings.push({ kind: 'password-assignment', category: 'secret', start: at, end: at + line.length, line: text.slice(0, at).split('\n').length,
          label: 'password (named in an earlier message)' });
        found++;
      }
    }
    if (NAMES_A_CREDENTIAL.test(text)) announced = true;
  }
  return found;
}
