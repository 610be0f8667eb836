// Payment-card numbers: a bounded regex finds the candidate, the brand's lengths and the Luhn checksum remove
// look-alikes, and the numbers processors publish for testing are exempt.

import { DIGITS, type Detector, type RawHit, type SampleRng } from '../detector';
import { isPublicTestCard } from './publicTestCards';

// Leading context is checked in code, not with a look-behind: a pattern that starts with \d lets the engine skip
// non-digits quickly, a leading look-behind runs at every position.
// A comma after the number ends it (CSV rows, JSON arrays); a dot or dash followed by a digit continues it.
// Groups are joined by one separator used throughout: a space, a dash, a dot (`4111.1111.…`, as some European
// forms print it) or an underscore (a numeric literal in code: `4111_1111_1111_1111L`).
const CARD = /(\d{4}([ ._-]?)\d{4}\2\d{4}\2\d{1,7}|\d{4}([ ._-]?)\d{6}\3\d{4,5})(?!\d|[._-]\d|[ -]\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function cardBrand(d: string): boolean {
  if (d.length < 13 || d.length > 19) return false;
  if (/^4/.test(d)) return d.length === 13 || d.length === 16 || d.length === 19;
  if (/^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(d)) return d.length === 16;
  if (/^3[47]/.test(d)) return d.length === 15;
  if (/^(?:6011|65|64[4-9]|622)/.test(d)) return d.length >= 16;
  if (/^35(?:2[89]|[3-8]\d)/.test(d)) return d.length >= 16;
  if (/^3(?:0[0-5]|[689])/.test(d)) return d.length >= 14;
  // Maestro (50, 56–69 not claimed above): 12–19 digits issued; 16–19 here, shorter ones are too often other numbers.
  if (/^(?:50|5[6-9]|6\d)/.test(d)) return d.length >= 16;
  return false;
}

function findCards(text: string): RawHit[] {
  const out: RawHit[] = [];
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m; m = CARD.exec(text)) {
    // Part of a longer token or number: glued to a letter or digit (`AT3869…`, an IBAN or order id), or continuing a
    // digit group before it (`SE59 3896 5794 …`, a spaced IBAN) — not a card on its own.
    if (m.index > 0 && (/[\dA-Za-z]/.test(text[m.index - 1]) || (/[ .-]/.test(text[m.index - 1]) && /\d/.test(text[m.index - 2] ?? '')))) { CARD.lastIndex = m.index + 1; continue; }
    const digits = m[1].replace(/[ ._-]/g, '');
    if (cardBrand(digits) && luhnValid(digits) && !/^(\d)\1+$/.test(digits) && !isPublicTestCard(digits)) {
      out.push({ kind: 'credit-card', label: 'payment card number', start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}


/** The digits completed with a Luhn check digit. */
export function luhnComplete(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return partial + d;
  return partial + '0';
}

const visa = (g: SampleRng): string => { let c = ''; do c = luhnComplete('4' + g.str(DIGITS, 14)); while (isPublicTestCard(c)); return c; };

export const CARD_DETECTORS: readonly Detector[] = [
  { id: 'credit-card', category: 'pii', keywords: [], find: findCards,
    samples: { tp: [(g) => `card: ${visa(g)}`, (g) => `charged ${visa(g).replace(/(\d{4})(?=\d)/g, '$1 ')}.`,
      (g) => `Carte : ${visa(g).replace(/(\d{4})(?=\d)/g, '$1.')}`, (g) => `long pan = ${visa(g).replace(/(\d{4})(?=\d)/g, '$1_')}L;`],
    fp: ['Stripe test card 4242424242424242', 'order id 4000123412341235', 'version 2024.0101.1234.5678', 'const MAX = 1_000_000_000;'] } },
];
