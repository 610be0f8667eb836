// Personal data inside file names (issue #21 item 4). A path leaves the machine as a context label (fence header,
// repo-map line, attached-file list), and names glue values to words with `_`, `-` and `.`:
// `customers_123-45-6789.csv`, `calls.415.555.0142.log`, `cv-jane.doe@acme.io.md`. The PII detectors reject a
// value whose neighbour is a word character or a dot, which keeps code quiet (`x_123-45-6789`, `v1.415.555.0142`
// in an identifier is not a person) but misses names. Here each path-like token that holds an `@` or a run of
// seven or more digits is re-read with its name separators as spaces, and the detectors run on that reading;
// hits map back to the original text, so redaction covers the value wherever the label appears.

import type { Detector, RawHit } from '../detector';
import { findEmails } from './emails';
import { findContextIds, findSins, findSsns } from './nationalIds';
import { findNationalPhones } from './nationalPhones';
import { findPhones } from './phones';

// Characters that end a token: whitespace, quotes, brackets other than (), and list punctuation.
const STOP = /[\s'"`<>[\]{},;|=]/;
// A name separator followed by a digit, '+' or '(' — or an '@' — is where a glued value may start.
const ANCHOR = /[_./\\-][+(]?\d|@/g;
const MAX_TOKEN = 512;

interface Token { start: number; end: number }

function tokens(text: string): Token[] {
  const out: Token[] = [];
  ANCHOR.lastIndex = 0;
  let coveredTo = -1;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    if (m.index < coveredTo) continue;
    let s = m.index;
    while (s > 0 && m.index - s < MAX_TOKEN && !STOP.test(text[s - 1])) s--;
    let e = m.index + 1;
    while (e < text.length && e - m.index < MAX_TOKEN && !STOP.test(text[e])) e++;
    coveredTo = e;
    ANCHOR.lastIndex = e;
    const t = text.slice(s, e);
    if (!/[_./\\-]/.test(t)) continue;
    if (!t.includes('@') && !/(?:\d\D{0,2}){7}/.test(t)) continue;
    out.push({ start: s, end: e });
  }
  return out;
}

const LETTER = /\p{L}/u;
const DIGITISH = /[\d+(]/;

/** The alphanumeric run that ends at `i` holds a letter: `w2`, `v10`, `q3`, not `836`. */
function wordBefore(t: string, i: number): boolean {
  let j = i;
  while (j > 0 && /[A-Za-z0-9]/.test(t[j - 1])) j--;
  return LETTER.test(t.slice(j, i));
}

// A bare ten-digit North-American number in a name (`client-9369641391.wav`): area and exchange codes start with
// 2–9, so Unix timestamps (1…) and most ids do not match; in running code bare digit runs are left alone.
const BARE_NANP = /(?<=^|\s)[2-9]\d{2}[2-9]\d{6}(?=\s|$)/g;

function bareNanp(view: string): RawHit[] {
  const out: RawHit[] = [];
  BARE_NANP.lastIndex = 0;
  for (let m = BARE_NANP.exec(view); m; m = BARE_NANP.exec(view)) {
    if (/^(\d)\1+$/.test(m[0])) continue;
    out.push({ kind: 'phone', label: 'phone number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The token with its name separators read as spaces (same length, so offsets carry over one to one). */
function reread(t: string): string {
  const out = t.split('');
  // The file extension, before a `:12-40` line range (fence headers) or a bare `:` (repo-map entries).
  const ext = /\.[A-Za-z][A-Za-z0-9]{0,5}(?=(?::(?:\d+(?:-\d+)?)?)?$)/.exec(t);
  if (ext) out[ext.index] = ' ';
  for (let i = 0; i < t.length; i++) {
    // A URL's `scheme://` stays: the user name after it is not a mailbox (findEmails knows the form).
    if (t.startsWith('://', i)) { i += 2; continue; }
    const c = t[i];
    if (c === '_' || c === '/' || c === '\\' || c === ':') { out[i] = ' '; continue; }
    if (c !== '.' && c !== '-') continue;
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    // Word → number and number → word boundaries are separators; digit-to-digit ones are part of the value, unless
    // the digits before belong to a word (`w2.836-11-8696`, `v3-…`): then the value starts after the separator.
    if (/\d/.test(prev) && DIGITISH.test(next) && wordBefore(t, i)) { out[i] = ' '; continue; }
    if ((LETTER.test(prev) && DIGITISH.test(next)) || ((/\d/.test(prev) || prev === ')') && LETTER.test(next)) || (prev === ')' && /\d/.test(next))) out[i] = ' ';
  }
  return out.join('');
}

export function findPersonalDataInNames(text: string): RawHit[] {
  const found = tokens(text);
  if (found.length === 0) return [];
  const out: RawHit[] = [];
  for (const t of found) {
    const view = ` ${reread(text.slice(t.start, t.end))} `;
    const hits = [...(view.includes('@') ? findEmails(view) : []), ...findSsns(view), ...findPhones(view), ...findNationalPhones(view), ...bareNanp(view), ...findContextIds(view), ...findSins(view)];
    for (const h of hits) {
      // The view is the token padded with one space on each side.
      const start = t.start + Math.max(0, h.start - 1);
      const end = t.start + Math.min(t.end - t.start, h.end - 1);
      if (end > start) out.push({ ...h, label: `${h.label} (in a file name)`, start, end });
    }
  }
  return out;
}

export const NAME_PART_DETECTORS: readonly Detector[] = [
  {
    id: 'pii-in-file-name', category: 'pii', keywords: ['@', '_', '-', '.', '/'], find: findPersonalDataInNames,
    samples: {
      tp: [
        (g) => `exports/customers_${g.str('2345678', 3)}-${g.str('123456789', 2)}-${g.str('123456789', 4)}.csv`,
        (g) => `\`\`\`ts calls/client.415.555.${g.str('0123456789', 4)}.log:1-20`,
        (g) => `see reports/cv-jane.${g.str('abcdefgh', 5)}@acme-mail.io.md for the draft`,
      ],
      fp: ['src/v1.4.15.5550142/index.ts', 'build/release_2024-05-06.tar.gz', 'assets/logo@2x.png', 'logs/run-1700000000.log', 'cache/blob-0000000000.bin'],
    },
  },
];
