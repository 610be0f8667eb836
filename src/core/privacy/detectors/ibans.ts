// IBANs (ISO 13616) of every country in the registry (ibanRegistry.ts): country code, two mod-97 check digits,
// and the country's BBAN in its fixed length and structure. Written spaced in fours, unspaced, with dashes or
// dots, in any case, and followed by any punctuation: the candidate is read character by character, skipping
// single separators, for exactly the country's length.

import type { Detector, RawHit, SampleRng } from '../detector';
import { IBAN_BBAN, bbanLength, bbanParts } from './ibanRegistry';

const LENGTH = new Map(Object.entries(IBAN_BBAN).map(([cc, f]) => [cc, 4 + bbanLength(f)]));
const STRUCTURE = new Map(Object.entries(IBAN_BBAN).map(([cc, f]) => [cc, new RegExp(`^${bbanParts(f).map(([n, c]) => `[${c === 'n' ? '0-9' : c === 'a' ? 'A-Z' : 'A-Z0-9'}]{${n}}`).join('')}$`)]));
// A start: two letters and two digits (the left boundary is checked in code: a leading look-behind would run at
// every position).
const START = /[A-Za-z]{2}\d{2}/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
// Space, dash, dot, no-break space and narrow no-break space: the separators people and banks print.
function isSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 0xa0 || c === 0x202f;
}

export function mod97(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < moved.length; i++) {
    const code = moved.charCodeAt(i);
    rem = code >= 65 ? (rem * 100 + code - 55) % 97 : (rem * 10 + code - 48) % 97;
  }
  return rem;
}

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/[\s.-]/g, '').toUpperCase();
  const cc = s.slice(0, 2);
  return LENGTH.get(cc) === s.length && STRUCTURE.get(cc)!.test(s.slice(4)) && mod97(s) === 1;
}

function findIbans(text: string): RawHit[] {
  const out: RawHit[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    if (m.index > 0 && isAlnum(text.charCodeAt(m.index - 1))) { START.lastIndex = m.index + 1; continue; }
    const len = LENGTH.get(m[0].slice(0, 2).toUpperCase());
    if (len === undefined) continue;
    // Collect `len` alphanumerics, allowing one separator between two of them.
    let chars = m[0];
    let i = m.index + 4;
    while (chars.length < len && i < text.length) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) { chars += text[i]; i++; continue; }
      if (isSeparator(c) && i + 1 < text.length && isAlnum(text.charCodeAt(i + 1))) { i++; continue; }
      break;
    }
    // Glued to more alphanumerics, the run is something longer than an IBAN.
    if (chars.length !== len || (i < text.length && isAlnum(text.charCodeAt(i)))) continue;
    if (!ibanValid(chars)) continue;
    out.push({ kind: 'iban', label: 'IBAN', start: m.index, end: i });
    START.lastIndex = i;
  }
  return out;
}

/** An IBAN of `cc` with a random BBAN and its check digits, drawn at test time. */
export function drawIban(g: SampleRng, cc: string): string {
  const bban = bbanParts(IBAN_BBAN[cc]).map(([n, c]) => g.str(c === 'n' ? '0123456789' : c === 'a' ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', n)).join('');
  const check = 98 - mod97(`${cc}00${bban}`);
  return `${cc}${String(check).padStart(2, '0')}${bban}`;
}

/** Groups of four, as the registry prints an IBAN. */
export const spacedIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

export const IBAN_DETECTORS: readonly Detector[] = [
  { id: 'iban', category: 'pii', keywords: [], find: findIbans,
    samples: {
      tp: [...Object.keys(IBAN_BBAN).map((cc) => (g: SampleRng) => `IBAN ${spacedIban(drawIban(g, cc))}.`), (g) => `pay to ${drawIban(g, 'MU')}, thanks`],
      fp: ['DE89 3704 0044 0532 0130 01 (bad check digits)', 'GB82WEST12345698765432X', 'AB12 3456 7890'],
    } },
];
