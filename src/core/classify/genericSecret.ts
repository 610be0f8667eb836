// The "generic" rule: a high-entropy value assigned to a name that says password / secret / token / key.
// gitleaks expresses this as one regex with a lazy `[\w.-]{0,50}?` prefix, which is the slowest thing one can
// run on a backtracking engine (security-facts §1.6). Here a keyword search finds the name, the identifier is
// widened by hand, and a sticky regex reads the operator and the value: linear in the text.

import { isPlaceholder, isUuid, shannonEntropy } from './text';
import type { RawHit } from './pii';

const NAME = /pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|credential|creds|client[_-]?key/gi;
function isIdentChar(c: number): boolean {
  // [A-Za-z0-9_.-], by char code: this runs for every character around every keyword hit.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
// Names that contain a keyword but hold no secret (gitleaks' identifier allowlist, abridged).
const BENIGN_NAME = /public|url|uri|endpoint|file|path|dir|name|type|id$|_ids?$|ids?$|length|len$|size|version|count|max|min|keyboard|monkey|donkey|author|tokeniz|expir|ttl|timeout|header|prefix|suffix|field|format|label|hint|policy|rotation|strength|regex|pattern|reset|forgot|confirm|placeholder|required|enabled|input|mode|method|kind|location|provider|env$|source|_at$|at$|limit|usage|cost|budget|ref$/i;
// operator (=, :, :=, =>, ?=, ,, >) then a quoted or bare value; bounded throughout.
const ASSIGN = /['"\]]?[ \t]{0,5}(?:=>|:{1,3}=|\?=|==?|:|,|>)[ \t]{0,5}(?:(['"`])([^'"`\r\n]{1,200}?)\1|([^\s'"`,;)}\]<>]{1,200}))/y;

export function findGenericSecrets(text: string): RawHit[] {
  const out: RawHit[] = [];
  NAME.lastIndex = 0;
  let lastEnd = -1;
  for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
    let s = m.index;
    while (s > 0 && m.index - s < 50 && isIdentChar(text.charCodeAt(s - 1))) s--;
    let e = m.index + m[0].length;
    const limit = e + 30;
    while (e < text.length && e < limit && isIdentChar(text.charCodeAt(e))) e++;
    if (e <= lastEnd) continue;
    NAME.lastIndex = e;
    ASSIGN.lastIndex = e;
    const a = ASSIGN.exec(text);
    if (!a) continue;
    const value = a[2] ?? a[3];
    if (!value) continue;
    const valueStart = a.index + a[0].length - value.length - (a[2] !== undefined ? 1 : 0);
    const ident = text.slice(s, e);
    if (!looksSecret(value, ident) || BENIGN_NAME.test(ident)) continue;
    const passwordish = /pass|pwd/i.test(ident);
    out.push({
      kind: passwordish ? 'password-assignment' : 'generic-secret',
      label: passwordish ? 'password' : 'secret value',
      start: valueStart,
      end: valueStart + value.length,
    });
    lastEnd = ASSIGN.lastIndex;
    NAME.lastIndex = Math.max(NAME.lastIndex, ASSIGN.lastIndex);
  }
  return out;
}

function looksSecret(value: string, ident: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v)) return false;
  if (v.startsWith('[REDACTED')) return false;
  if (/^[A-Za-z_.$-]+$/.test(v)) return false;                  // words, identifiers, env references
  if (/^[\w$.]+\(/.test(v) || /^(?:process\.env|os\.environ|env\.|config\.|self\.|this\.)/.test(v)) return false;
  if (/^\d+(?:\.\d+)*$/.test(v) || /^v?\d+\.\d+\.\d+/.test(v)) return false; // numbers, versions
  if (isUuid(v) || isPlaceholder(v)) return false;
  if (/^(?:sha\d+|md5)[-:]/i.test(v)) return false;               // integrity hashes
  if (/^(?:https?|file):\/\//i.test(v)) return false;            // URLs are handled by the URL rules
  const h = shannonEntropy(v);
  const classes = +/[a-z]/.test(v) + +/[A-Z]/.test(v) + +/\d/.test(v) + +/[^A-Za-z0-9]/.test(v);
  if (/pass|pwd/i.test(ident)) return v.length >= 8 && classes >= 2 && h >= 2.8;
  return v.length >= 10 && classes >= 2 && h >= 3.5;
}
