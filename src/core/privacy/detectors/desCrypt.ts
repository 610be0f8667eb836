// htpasswd's traditional DES crypt (`user:` + 13 characters of `./0-9A-Za-z`) carries no marker of its own, so the
// credential-file family only reads it where the text says htpasswd. Pasted into a question it often does not: it
// says "password", "login" or "auth", or the line stands alone. Here the shape must also look random (upper and
// lower case and a digit among the 13), which a word, a hex digest or a `key:value` in prose does not.

import { ALNUM, type Detector, type RawHit } from '../detector';

const LINE = /(?<![\w.@-])([A-Za-z_][\w.@-]{0,63}):([./0-9A-Za-z]{13})(?![./0-9A-Za-z$:])/g;
const CONTEXT = /pass(?:word|wd)?|login|auth|credential|htaccess|basic/i;

function looksRandom(v: string): boolean {
  return /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v) && !/^[a-z]+[A-Z][a-z]+\d*$/.test(v);
}

function findDesCrypt(text: string): RawHit[] {
  const out: RawHit[] = [];
  const context = CONTEXT.test(text);
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const hash = m[2]!;
    if (!looksRandom(hash)) continue;
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) lineEnd = text.length;
    const alone = text.slice(lineStart, lineEnd).trim() === m[0];
    if (!alone && !context) continue;
    const start = m.index + m[1]!.length + 1;
    out.push({ kind: 'password-hash', label: 'htpasswd crypt hash', start, end: start + 13 });
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
