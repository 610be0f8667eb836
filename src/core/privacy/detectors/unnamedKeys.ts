// Key material whose name says nothing: `const x = "<44 base64>"`, `k1 = <32 hex>`, a base64 key alone on a
// line, a tool printing `printenv` output. gitleaks' generic rule needs a credential word in the name; here the
// value has to carry the proof itself, so the bar is the shape of random bytes, not the name:
//   - base64 / base64url of 24–75 bytes (32–100 characters, all three letter/digit classes, ≥ 3.9–4.2 bits per
//     character, and the class changing between 30 % of neighbours and lower-case words under 60 % of it (random draws: 99.99 % of
//     them; identifiers and slugs: none seen), as random draws do and identifiers do not), or
//     hex of 16, 24, 32, 48 or 64 bytes (never 40: that is a git SHA-1);
//   - in a value position (after `=`, `:`, `=>`, `(`, `,`, a table cell or a quote), or alone on its line;
//   - not a hash by its context: a hash word on the line before it (sha, digest, checksum, integrity, commit, etag,
//     id, nonce, fingerprint, …), an SRI or `sha256-` prefix, a `data:…;base64,` URI or an SSH public key type
//     before it, a JWK's public members (`"n"`, `"e"`, `"x"`, `"y"`) or a token's claims, a URL query parameter
//     (secret parameters are urlSecrets.ts' by name), a JSON key that is a file path (a manifest of file hashes),
//     a typed id (`msg_01…`) (those are decoded, public or ids), and not base64
//     of readable text (the decoded view rescans it).

import type { Detector, RawHit } from '../detector';
import { isPlaceholder, shannonEntropy } from '../text';
import { TextFacts } from '../textFacts';

// Words on the line that make a hex or base64 value a hash, an id, a public value or test data.
const HASH_WORDS = [
  'sha-?\\d*', 'md5', 'hash', 'digest', 'check_?sum', 'integrity', 'e-?tag',
  'commit', 'revision', '\\brev\\b', 'fingerprint', 'thumbprint', 'nonce',
  'uuid', 'guid', '\\bids?\\b', 'gitHead', 'shasum', 'resolved', 'tarball',
  '\\bcid\\b', 'mapping', 'sourcemap', '\\bsri\\b', 'version', '\\bref\\b',
  '\\boid\\b', 'blake', '\\bcrc', 'murmur', '\\bxxh', '\\bsig(?:nature)?s?\\b',
  'expected', 'vector', '\\bkat\\b', '\\btests?\\b', 'fixture', 'example',
  'sample', 'dummy', 'mock', '\\bfake', 'public[_ -]?key', 'pubkey', '\\bpub\\b',
  'cert', 'onion', 'bitcoin', '\\baddr', 'wallet', '\\btx\\b', '\\bblock\\b',
  'merkle', '\\bcas\\b', 'encrypt', 'cipher',
];
const HASH_CONTEXT = new RegExp(HASH_WORDS.join('|'), 'i');
// Identifiers of records: `userId`, `user_id`, `TRACE_ID` (case-sensitive, or "valid" and "void" would be ids).
const ID_NAME = /[a-z](?:Id|ID)\b|_(?:id|ID)\b/;
// What may stand before a value: an operator or an opening quote/bracket/cell after one, or nothing on the line.
const VALUE_BEFORE = /(?:[=:(,|>[]|=>|:=|\breturn|\byield)[ \t]*(?:[A-Za-z]?["'`])?[ \t]*$|^[ \t]*(?:[-*>][ \t]+)?["'`]?[ \t]*$/;
// (A quoted value may be followed by the command's next argument, an unquoted one by a shell operator: `&&`, `|`.)
const VALUE_AFTER = /^(?:["'`]?[ \t]*(?:[;,)}\]|]|$|#|\/\/)|[ \t]*$|["'`][ \t]|[ \t]+(?:&&|\|\|?|;)[ \t])/;
// A 40-hex value is a git SHA-1 far more often than a key. It counts only as the value of a name (`NAME=`, `key:`,
// `X-Header: `, `?t=`), with no word of hashes, commits, revisions, pins or git in the lines around it.
const NAMED_VALUE = /[\w.-]["'`]?[ \t]*(?:=|:|:=|=>)[ \t]*["'`]?$/;
const SHA_CONTEXT = /git|\bpin(?:s|ned)?\b|head\b|\bsha|commit|\btree\b|\bblob\b|\bbranch|\btags?\b|\block|\bsubmodule|\bupstream_?(?:ref|rev)|\bbuild_?(?:ref|rev)/i;
const QUERY_BEFORE = /[?&][\w.-]{1,30}=$/;
const NOT_BEFORE = /(?:data:[^,\s]{0,60};base64,|sha\d{1,3}[-:]|\bh1:|ssh-(?:rsa|dss|ed25519)[ \t]+|ecdsa-sha2-nistp\d{3}[ \t]+|[\w.-]\/|\\u|%|["'](?:n|e|x|y|kid|x5t|sub|tid|oid|aud|iss|jti)["'][ \t]*:[ \t]*["']|[?&][\w.-]{1,30}=|["'][^"'\s]{0,200}\/[^"'\s]{0,200}["'][ \t]*:[ \t]*["'])$/i;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const cls = (c: number): number => (isUpper(c) ? 0 : isLower(c) ? 1 : isDigit(c) ? 2 : 3);

function isHexKey(v: string): boolean {
  if (!/^[0-9a-f]+$|^[0-9A-F]+$/.test(v) || ![32, 40, 48, 64, 96, 128].includes(v.length)) return false;
  // A hex key has both digits and letters spread through it (a decimal number or a word is not one).
  const digits = v.replace(/[^0-9]/g, '').length;
  if (digits < v.length * 0.25 || digits > v.length - 3 || shannonEntropy(v) < 3.0) return false;
  // Hex of readable text is not key material; the decoded view rescans what it says.
  return !readable(Buffer.from(v, 'hex').toString('utf8'));
}

// eslint-disable-next-line no-control-regex
const readable = (s: string): boolean => !s.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F\x7F]/.test(s);

/** Camel-case words make up most of it: an identifier (`FlowSubmitSignInPasswordParamsV2`), not a random draw. */
function wordy(body: string): boolean {
  let inWords = 0;
  for (const w of body.match(/[a-z]{3,}/g) ?? []) inWords += w.length;
  if (inWords >= body.length * 0.6) return true;
  // Capitalised words end to end (`someVeryLongIdentifierName123AbcDefGhi`): 86 % or more of it; random draws stay
  // under 85 % (none of 50,000).
  let camel = 0;
  for (const w of body.match(/[A-Z]?[a-z]{2,}/g) ?? []) camel += w.length;
  if (camel >= body.length * 0.86) return true;
  // A slug: words and numbers between dashes or underscores (`BSD-3-Clause-No-Nuclear-Warranty`).
  const parts = body.split(/[-_]/);
  return parts.length >= 3 && parts.every((p) => /^(?:[A-Z]?[a-z]+|[A-Z]+|\d+)$/.test(p));
}

function isBase64Key(v: string): boolean {
  const body = v.replace(/=+$/, '');
  if (body.length < 32 || body.length > 100) return false;
  if (!/[A-Z]/.test(body) || !/[a-z]/.test(body) || !/\d/.test(body)) return false;
  if (/[+/]/.test(body) && /[_-]/.test(body)) return false; // both alphabets at once: a path or an identifier
  // (A random draw of 32–39 characters measures about 4.55 bits, of 40 or more about 4.8: four deviations below.)
  if (shannonEntropy(body) < (body.length < 40 ? 3.9 : 4.2)) return false;
  let changes = 0;
  let lowerRun = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    lowerRun = isLower(c) ? lowerRun + 1 : 0;
    if (lowerRun > 12) return false; // a word inside: an identifier or a slug
    if (i > 0 && cls(c) !== cls(body.charCodeAt(i - 1))) changes++;
  }
  if (changes < (body.length - 1) * 0.3) return false;
  // Base64 of readable text is not key material; the decoded view rescans what it says.
  const std = body.replace(/-/g, '+').replace(/_/g, '/');
  if (std.length % 4 !== 1) {
    if (readable(Buffer.from(std, 'base64').toString('utf8'))) return false;
  }
  return !wordy(body);
}

/** `facts`: the scanner's shared runs of base64(url) characters (this reads those of 32 or more). */
export function findUnnamedKeys(text: string, facts = new TextFacts(text)): RawHit[] {
  const out: RawHit[] = [];
  for (const r of facts.base64Runs()) {
    if (r.stop - r.start < 32) continue;
    const s = r.start, e = r.end;
    const v = text.slice(s, e);
    // The whole token: a longer run, or one glued to word characters, dots or path slashes, is something else.
    if (s > 0 && /[\w.$@\\]/.test(text[s - 1])) continue;
    if (e < text.length && /[\w.@\\]/.test(text[e])) continue;
    if (v.length > 130 || (!isHexKey(v) && !isBase64Key(v)) || isPlaceholder(v)) continue;
    // A typed identifier (`msg_01…`, `cus_…`, `pluginver_01…`): a word and a separator before the random part.
    if (/^[a-z]{3,16}_[A-Za-z0-9]+$/.test(v)) continue;
    // (Searched within a bound: a minified file or a serialised body is one long line, and each run would scan it.)
    const lineStart = lineStartNear(text, s);
    const lineEnd = lineEndNear(text, e);
    const before = text.slice(Math.max(lineStart, s - 120), s);
    const after = text.slice(e, Math.min(lineEnd, e + 40));
    const sha1Shaped = v.length === 40 && isHexKey(v);
    if (sha1Shaped) {
      const around = text.slice(Math.max(0, s - 240), Math.min(text.length, e + 120));
      // (Inside a URL only as a query value: `;drc=<sha>` in a code-search link is a revision.)
      if (!NAMED_VALUE.test(before) || SHA_CONTEXT.test(around) || (/:\/\/\S*$/.test(before) && !QUERY_BEFORE.test(before))) continue;
    }
    const query = sha1Shaped && QUERY_BEFORE.test(before);
    // (A named value may be followed by the command's next argument: `-e NAME=<v> -p 80:80`; a query value by `&`.)
    const ends = VALUE_AFTER.test(after) || (NAMED_VALUE.test(before) && /^[ \t]/.test(after)) || (query && /^[&#]/.test(after));
    if (!VALUE_BEFORE.test(before) || !ends || (NOT_BEFORE.test(before) && !query)) continue;
    // A value alone on its line continues the line before (`const encrypted =` / `  'e5f7…';`): judge that line's words too.
    const context = /^[ \t]*(?:[-*>][ \t]+)?["'`]?[ \t]*$/.test(before) ? text.slice(Math.max(0, lineStart - 120), lineStart) + before : before;
    if (HASH_CONTEXT.test(context) || HASH_CONTEXT.test(after) || ID_NAME.test(context)) continue;
    // Not one line of a block of them (a PEM or PGP body, a certificate, a base64 dump), however it is quoted.
    if (!aloneInBlock(text, lineStart, lineEnd)) continue;
    out.push({ kind: 'high-entropy-key', label: 'random key material', start: s, end: e });
  }
  return out;
}

const NEAR = 400;
/** Where the line holding `at` starts, looking back at most NEAR characters (past that, NEAR back). */
function lineStartNear(text: string, at: number): number {
  const from = Math.max(0, at - NEAR);
  const nl = text.slice(from, at).lastIndexOf('\n');
  return nl === -1 ? from : from + nl + 1;
}
/** Where the line holding `at` ends, looking ahead at most NEAR characters. */
function lineEndNear(text: string, at: number): number {
  const nl = text.slice(at, at + NEAR).indexOf('\n');
  return nl === -1 ? Math.min(text.length, at + NEAR) : at + nl;
}

/** True when neither neighbouring line is itself a long run of base64/hex characters. */
function aloneInBlock(text: string, lineStart: number, lineEnd: number): boolean {
  const prev = lineStart > 0 && text[lineStart - 1] === '\n' ? text.slice(lineStartNear(text, lineStart - 1), lineStart - 1) : '';
  const next = lineEnd < text.length && text[lineEnd] === '\n' ? text.slice(lineEnd + 1, lineEndNear(text, lineEnd + 1)) : '';
  // (After any quoting or comment leader: `> `, ` * `, `// `, `# `.)
  const blocky = (l: string): boolean => { const t = l.replace(/^[\s>*#;!/'"-]*(?=[A-Za-z0-9+/=])/, '').trim(); return /^[A-Za-z0-9+/=_-]{24,}$/.test(t) || /^-----|^=[A-Za-z0-9+/]{4}$/.test(t) || /-----$/.test(t); };
  return !blocky(prev) && !blocky(next);
}

const hex = (g: { str(c: string, n: number): string }, n: number): string => {
  for (;;) { const v = g.str('0123456789abcdef', n); const d = v.replace(/\D/g, '').length; if (d >= n * 0.3 && d <= n * 0.8) return v; }
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const UNNAMED_KEY_DETECTORS: readonly Detector[] = [
  { id: 'high-entropy-key', category: 'secret', keywords: [], find: findUnnamedKeys, plainViewsOnly: true,
    samples: {
      tp: [(g) => `const x = "${g.mixed(B64, 43)}=";`, (g) => `cfg.v1 = '${hex(g, 64)}';`, (g) => `[upstream]\nk1 = ${hex(g, 32)}\n`,
        (g) => `Use this:\n${g.mixed(B64, 44)}\nthen restart`, (g) => `  blob: ${g.mixed(B64, 43)}=\n`,
        (g) => `$ export ACME_CI=${hex(g, 40)} && ./deploy.sh`, (g) => `const upstreams = {\n  billing: '${hex(g, 40)}',\n};`, (g) => `GET https://partner.acme-corp.io/v2/orders?t=${hex(g, 40)}&page=2`],
      fp: [(g) => `"gitHead": "${hex(g, 40)}",`, (g) => `const sha = "${hex(g, 64)}";`, (g) => `"integrity": "sha512-${g.mixed(B64, 86)}=="`,
        (g) => `commit ${hex(g, 40)}`, (g) => `export GIT_COMMIT=${hex(g, 40)}`, (g) => `const pins = {\n  react: '${hex(g, 40)}',\n};`, (g) => `git checkout ${hex(g, 40)}`,
        (g) => `"resolved": "git+ssh://git@github.com/acme/lib.git#${hex(g, 40)}"`, (g) => `https://example.io/acme/api/tree/${hex(g, 40)}/src`, (g) => `(${hex(g, 40)}, 'x')`, (g) => `https://source.chromium.org/x/+/main:v8/src/globals.h;drc=${hex(g, 40)};l=1275`, (g) => `const id = "${hex(g, 32)}";`, 'const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";',
        (g) => `expected: '${hex(g, 64)}',`, 'name = "someVeryLongIdentifierName123AbcDefGhi"', `x = "${Buffer.from('hello world, this is plain text').toString('base64')}"`,
        (g) => `ssh-ed25519 ${g.mixed(B64, 68)} me@host`, (g) => `-----BEGIN CERTIFICATE-----\n${g.mixed(B64, 64)}\n${g.mixed(B64, 64)}\n-----END CERTIFICATE-----`,
        (g) => `src: url(data:font/woff2;base64,${g.mixed(B64, 60)})`, (g) => `{"kty":"RSA","n":"${g.mixed(B64.slice(0, 62) + '-_', 52)}","e":"AQAB"}`, 'const uuid = "3f2c1b9a-8d7e-4f6a-9b0c-1d2e3f4a5b6c";'],
    } },
];
