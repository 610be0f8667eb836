// "The production password is in the next message." A person names a secret in one turn and sends it bare in the
// next. Each turn is scanned alone, and a lone token has no name for the generic rule to judge it by, so here a
// user turn whose question (its last line) is one token is judged as the value of the credential an earlier user
// turn named, with the generic rule's own judgement (looksSecret) for a value with no password name: ten or more
// characters of mixed classes and high entropy, so a one-word answer (`useEffect`, `v2.14.3`) is never one. Only the turns of one request are read: the
// announcement and the value leave together or not at all. An assistant turn that asks for one ("What password does
// the replica user have?") announces it too. A value cut across turns ("the token starts ghp_…" / "…the rest is
// Xy7…") continues: when a user turn ends with a found secret, the secret-looking words of the next user turn are
// the rest of it.

import type { Finding } from '../request';
import { looksSecret } from '../privacy/detectors/genericSecret';
import { shannonEntropy } from '../privacy/text';

const NAMES_A_CREDENTIAL = /(?:^|[^\p{L}])(?:password|passwd|passphrase|passcode|pin code|secret|token|api[ _-]?key|access[ _-]?key|private[ _-]?key|credentials?|kennwort|passwort|mot de passe|contraseña|senha|parola d'ordine|wachtwoord|hasło|пароль|密码|密碼|パスワード|비밀번호)(?![\p{L}])/iu;

/**
 * `turns`: the chat turns in order, each with its role and its scanned text. Adds a finding to each user turn whose
 * last line is one secret-looking token after an earlier user turn that named a credential.
 */
export function findAnnouncedValues(turns: { role: string; scanned: { text: string; findings: Finding[] } }[]): number {
  let announced = false;
  let cut = false;
  let found = 0;
  const add = (scanned: { text: string; findings: Finding[] }, at: number, length: number, label: string): void => {
    if (scanned.findings.some((f) => f.start <= at && f.end >= at + length)) return;
    scanned.findings.push({ kind: 'password-assignment', category: 'secret', start: at, end: at + length, line: scanned.text.slice(0, at).split('\n').length, label });
    found++;
  };
  for (const { role, scanned } of turns) {
    const { text } = scanned;
    if (role === 'user') {
      const end = text.trimEnd().length;
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end).trim();
      if (announced && line.length >= 6 && line.length <= 200 && !/\s/.test(line) && looksSecret(line, 'secret')) {
        add(scanned, text.indexOf(line, start), line.length, 'password (named in an earlier message)');
      }
      if (cut) {
        for (const w of text.matchAll(WORD)) if (looksSecret(w[0], 'secret') || restOfToken(w[0])) add(scanned, w.index, w[0].length, 'the rest of a secret cut across messages');
      }
      cut = endsWithSecret(scanned);
    }
    if (NAMES_A_CREDENTIAL.test(text)) announced = true;
  }
  return found;
}

/** Words of 10 to 200 characters without the punctuation a sentence puts around them. */
const WORD = /(?<![^\s"'`(<[])[^\s"'`()<>[\],;]{10,200}?(?=[.,;:!?]*(?:[\s"'`)>\]]|$))/g;

/** The turn's last secret reaches its end: the value may go on in the next message. */
function endsWithSecret(s: { text: string; findings: Finding[] }): boolean {
  const end = s.text.replace(/[\s.…]+$/, '').length;
  return s.findings.some((f) => f.category === 'secret' && f.end >= end);
}

/**
 * After a turn that ended in a token, its rest may be letters only (a 22-character rest of a 36-character token has
 * no digit about one time in fifty, and the generic rule wants one). Random case is the tell: a fifth or more of the
 * letters upper and a fifth lower, switching case every third letter or more often. Identifiers switch at word
 * boundaries only (`getElementsByClassName` 8 times in 22, `MySQLConnectionPool` 5, `HTMLDivElement` 3); 91% of
 * random 22-letter rests pass (measured, 5,000 draws).
 */
function restOfToken(w: string): boolean {
  if (!/^[A-Za-z0-9_-]{10,200}$/.test(w) || shannonEntropy(w) < 3.5) return false;
  const upper = (w.match(/[A-Z]/g) ?? []).length;
  const lower = (w.match(/[a-z]/g) ?? []).length;
  let switches = 0;
  for (let i = 1; i < w.length; i++) if (/[A-Za-z]{2}/.test(w.slice(i - 1, i + 1)) && /[A-Z]/.test(w[i - 1]) !== /[A-Z]/.test(w[i])) switches++;
  return upper >= w.length / 5 && lower >= w.length / 5 && switches >= Math.max(5, w.length / 3);
}
