// Private keys: PEM blocks (found by a scanner — header, then a bounded look for the footer — not one regex),
// bodies whose header was cut off, PuTTY files, and bare base64 key lines. Samples draw the key body at test time.

import { B64, type Detector, type RawHit, type SampleRng } from '../detector';
import { re, type SecretRule } from '../rule';

/** Joins parts, so no literal in this file reads as key material to a scanner. */
const j = (...parts: string[]): string => parts.join('');

const PRIVATE_KEY_HEADER = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;
const PRIVATE_KEY_FOOTER = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_FOOTER = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|Private-MAC: /g;
const BODY_LINE = /^[ \t"']*(?:[A-Za-z0-9+/=]{1,128}|[A-Z][\w-]{2,30}: [^\n]{0,200})[ \t"',+]*(?:\\n)?[ \t"',+]*$/;
const PEM_TYPES: [RegExp, string][] = [
  [/RSA/, 'RSA private key'], [/EC /, 'EC private key'], [/OPENSSH/, 'OpenSSH private key'],
  [/PGP/, 'PGP private key'], [/DSA/, 'DSA private key'], [/ENCRYPTED/, 'encrypted private key'],
];

const dash = '-----';
const pem = (g: SampleRng, kind: string, lines = 8): string =>
  [`${dash}BEGIN ${kind}PRIVATE KEY${dash}`, ...Array.from({ length: lines }, () => g.mixed(B64, 64)), `${dash}END ${kind}PRIVATE KEY${dash}`].join('\n');

/** PEM header, then the footer within 64 KB; a header without a footer still covers the base64 lines after it. */
function findPrivateKeys(text: string): RawHit[] {
  const out: RawHit[] = [];
  PRIVATE_KEY_HEADER.lastIndex = 0;
  for (let m = PRIVATE_KEY_HEADER.exec(text); m; m = PRIVATE_KEY_HEADER.exec(text)) {
    const start = m.index;
    const window = text.slice(start, start + 65536);
    PRIVATE_KEY_FOOTER.lastIndex = m[0].length;
    const f = PRIVATE_KEY_FOOTER.exec(window);
    let end: number;
    if (f) end = start + f.index + f[0].length;
    else {
      const body = /^(?:[\s"',+]|\\n|[A-Za-z0-9+/=:-])*/.exec(window.slice(m[0].length));
      end = start + m[0].length + (body ? body[0].length : 0);
    }
    const label = PEM_TYPES.find(([t]) => t.test(m[0]))?.[1] ?? 'private key';
    out.push({ kind: 'private-key', label, start, end });
    PRIVATE_KEY_HEADER.lastIndex = end;
  }
  return out;
}

/**
 * A key whose header was cut off (a trim from the top, a pasted tail): from a PEM footer or PuTTY's MAC line,
 * the base64 lines above it belong to the key.
 */
function findHeadlessKeyBodies(text: string): RawHit[] {
  const out: RawHit[] = [];
  KEY_FOOTER.lastIndex = 0;
  for (let m = KEY_FOOTER.exec(text); m; m = KEY_FOOTER.exec(text)) {
    let start = text.lastIndexOf('\n', m.index - 1) + 1;
    for (let lines = 0; start > 0 && lines < 2000; lines++) {
      const prevStart = text.lastIndexOf('\n', start - 2) + 1;
      const line = text.slice(prevStart, start - 1).replace(/\r$/, '');
      if (!BODY_LINE.test(line)) break;
      start = prevStart;
    }
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    out.push({ kind: 'private-key', label: 'private key (without its header)', start, end });
  }
  return out;
}

/** A base64 body under a PUBLIC KEY / CERTIFICATE header is public; a body with no header at all is not. */
function insidePublicPem(text: string, at: number): boolean {
  const begin = text.lastIndexOf('-----BEGIN', at);
  if (begin === -1 || at - begin > 65536) return false;
  const end = text.lastIndexOf('-----END', at);
  if (end > begin) return false;
  const header = text.slice(begin, text.indexOf('\n', begin) === -1 ? text.length : text.indexOf('\n', begin));
  return !/PRIVATE/.test(header);
}

function decodesToText(lines: string): boolean {
  const bytes = Buffer.from(lines.replace(/\\n|\s/g, ''), 'base64');
  let printable = 0;
  for (const b of bytes) if ((b >= 32 && b < 127) || b === 9 || b === 10 || b === 13) printable++;
  return bytes.length > 0 && printable / bytes.length > 0.95;
}

const PUTTY: SecretRule = {
  kind: 'putty-private-key', label: 'PuTTY private key', keywords: ['PuTTY-User-Key-File-', 'Private-Lines:', 'Private-MAC:'],
  // The whole PuTTY file from its header through the last base64 line, MAC line or not: a trim that cuts the
  // MAC off must not leave a body no rule recognises (the key-body rule below covers headerless fragments).
  re: re(String.raw`((?:PuTTY-User-Key-File-[23]:|Private-Lines:|Private-MAC:)[^\n]{0,200}(?:\r?\n(?:[A-Za-z0-9+/=]{1,128}|[A-Z][\w-]{2,30}: [^\n]{0,200}))*)`),
  samples: { tp: [(g) => `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${g.mixed(B64, 44)}`], fp: ['PuTTYgen writes .ppk files'] },
};

// A PEM or PuTTY body without its header (a trim cut it off): two or more lines that are nothing but 64 base64
// characters.
const FRAGMENT: SecretRule = {
  kind: 'private-key-fragment', label: 'private key body', keywords: [],
  re: re(String.raw`(?:^|\n)([ \t]*[A-Za-z0-9+/]{60,76}={0,2}[ \t]*(?:\\n|\r?\n)(?:[ \t]*[A-Za-z0-9+/]{60,76}={0,2}[ \t]*(?:\\n|\r?\n|$))+)`), entropy: 4.5,
  minBase64Run: 60, // each line of the body is 60+ base64 characters
  // Wrapped base64 of readable text (`base64` output, a MIME part) is not key material: keys decode to binary.
  validate: (v) => !decodesToText(v),
  validateAt: (text, start) => !insidePublicPem(text, start),
  samples: {
    tp: [(g) => `${g.mixed(B64, 64)}\n${g.mixed(B64, 64)}\n${g.mixed(B64, 64)}`],
    fp: [(g) => `${dash}BEGIN PUBLIC KEY${dash}\n${g.mixed(B64, 64)}\n${g.mixed(B64, 64)}\n${dash}END PUBLIC KEY${dash}`],
  },
};

// A private key's DER in base64 with no PEM armour at all, often on one line in code or config
// (`privateKey: "MIIEvQIBADAN…"`): its first bytes are the ASN.1 of a private-key structure — PKCS#8
// (RSA, EC, Ed25519/X25519/Ed448), PKCS#1 RSA, SEC1 EC — or OpenSSH's "openssh-key-v1" magic. Public keys and
// certificates start differently (SPKI `…AAOC…`, a certificate with two SEQUENCEs), so they stay quiet.
const DER_KEY: SecretRule = {
  kind: 'private-key', label: 'private key (base64 DER, no header)',
  keywords: ['IBADANBgkqhkiG9w0BAQEFAASC', 'IBAAK', 'AgEAMB', 'CAQEEI', 'AgEBBD', 'AgEBBE', 'CAQAwBQYDK2V', 'b3BlbnNzaC1rZXktdjE'],
  re: re(String.raw`(?<![A-Za-z0-9+/])((?:MII[A-Za-z0-9+/]{3}IBADANBgkqhkiG9w0BAQEFAASC|MII[A-Za-z0-9+/]{3}IBAAK[BC]|MI[A-Za-z0-9+/]{2}AgEAMB[AM]GByqGSM49AgE|M(?:HcCAQEEI|HQCAQEEI|IGkAgEBBDA|IHcAgEBBEI)|M[CE][A-Za-z0-9+/]CAQAwBQYDK2V[uvwx]B|b3BlbnNzaC1rZXktdjE)[A-Za-z0-9+/=\r\n\\]{16,12000})`),
  samples: {
    tp: [(g) => `const key = "${j('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')}${g.mixed(B64, 200)}";`, (g) => `ed25519: ${j('MC4CAQAwBQYDK2Vw', 'BCIEI')}${g.mixed(B64, 27)}=`,
      (g) => `ec_key=${j('MHcCAQEEI')}${g.mixed(B64, 100)}`],
    fp: [(g) => `pub = "${j('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A')}${g.mixed(B64, 200)}"`, (g) => `cert: ${j('MIIDdzCCAl+gAwIBAgI')}${g.mixed(B64, 200)}`],
  },
};

export const PRIVATE_KEY_RULES: readonly SecretRule[] = [PUTTY, FRAGMENT, DER_KEY];

/** The PEM scanners; the two regex rules above are in the table's SECRET_RULES. */
export const PRIVATE_KEY_DETECTORS: readonly Detector[] = [
  { id: 'private-key', category: 'secret', keywords: ['PRIVATE KEY'], find: findPrivateKeys,
    samples: { tp: [(g) => pem(g, 'RSA '), (g) => pem(g, 'OPENSSH ').split('\n').slice(0, 5).join('\n')], fp: ['Never paste a PRIVATE KEY into a chat.'] } },
  { id: 'private-key-headless', category: 'secret', keywords: ['PRIVATE KEY', 'Private-MAC:'], find: findHeadlessKeyBodies,
    samples: { tp: [(g) => pem(g, 'EC ').split('\n').slice(3).join('\n')], fp: ['the footer line ends in PRIVATE KEY-----'] } },
];
