// htpasswd's traditional DES crypt (`user:` + 13 characters of `./0-9A-Za-z`) carries no marker of its own, so the
// credential-file family only reads it where the text says htpasswd. Pasted into a question it often does not: it
// says "password", "login" or "auth", or the line stands alone. Here the shape must also look random (upper and
// lower case and a digit among the 13), which a word, a hex digest or a `key:value` in prose does not.

import { ALNUM, type Detector, type RawHit } from '../detector';

const CONTEXT = /pass(?:word|wd)?|login|auth|credential|htaccess|basic/i;
const USER_CHAR = /[\w.@-]/;
/** `./0-9A-Za-z`, by char code. */
function isCrypt(ch: number): boolean {
  return (ch >= 46 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

function looksRandom(v: string): boolean {
  return /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v) && !/^[a-z]+[A-Z][a-z]+\d*$/.test(v);
}

// Walked from each ':' by hand (no regex over the whole text): code has many colons, and almost every one fails
// the first check — thirteen crypt characters then a boundary.
function findDesCrypt(text: string): RawHit[] {
  const out: RawHit[] = [];
  let context: boolean | undefined;
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    // Thirteen characters, then the end, or anything but a crypt character, '$' or ':' (NaN past the end).
    const after = text.charCodeAt(c + 14);
    if (c + 14 > text.length || isCrypt(after) || after === 36 || after === 58) continue;
    let i = c + 1;
    while (i < c + 14 && isCrypt(text.charCodeAt(i))) i++;
    if (i < c + 14) continue;
    const hash = text.slice(c + 1, c + 14);
    if (!looksRandom(hash)) continue;
    let u = c;
    while (u > 0 && c - u < 64 && USER_CHAR.test(text[u - 1])) u--;
    if (u === c || !/[A-Za-z_]/.test(text[u]) || (u > 0 && USER_CHAR.test(text[u - 1]))) continue;
    const lineStart = text.lastIndexOf('\n', u - 1) + 1;
    let lineEnd = text.indexOf('\n', c);
    if (lineEnd === -1) lineEnd = text.length;
    const alone = text.slice(lineStart, lineEnd).trim() === text.slice(u, c + 14);
    if (!alone) {
      context ??= CONTEXT.test(text);
      if (!context) continue;
    }
    out.push({ kind: 'password-hash', label: 'htpasswd crypt hash', start: c + 1, end: c + 14 });
  }
  return out;
}

export const DES_CRYPT_DETECTORS: readonly Detector[] = [
  {
    id: 'htpasswd-des-crypt', category: 'secret', keywords: [':'], find: findDesCrypt,
    samples: {
      tp: [
        (g) => `I added sa:${g.mixed(ALNUM, 11)}.${g.str(ALNUM, 1)} to the file but it still asks for a password`,
        (g) => `deploy:${g.mixed(ALNUM, 12)}/\n\nwhy is this ignored?`,
      ],
      fp: [
        'see https://example.com:8443/path and the login page',
        'the image is nginx:stableAlpine and the password prompt appears',
        'commit:a1b2c3d4e5f6a in the auth service',
        'time 12:30:45.123 when the login failed',
      ],
    },
  },
];
