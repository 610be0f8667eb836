// IBANs (ISO 13616): country code, two mod-97 check digits, and the country's BBAN, whose length the registry
// fixes.

import type { Detector, RawHit } from '../detector';

// Lengths from the SWIFT IBAN registry (every country in it, release 2024).
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Case-insensitive: a lower-cased IBAN is still an IBAN (the check digits are computed on the upper-cased form).
const IBAN = /([A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])/g;

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/[ -]/g, '').toUpperCase();
  const len = IBAN_LENGTH[s.slice(0, 2)];
  if (!len || s.length !== len) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : ch;
    for (const digit of part) rem = (rem * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

function findIbans(text: string): RawHit[] {
  const out: RawHit[] = [];
  IBAN.lastIndex = 0;
  for (let m = IBAN.exec(text); m; m = IBAN.exec(text)) {
    if (m.index > 0 && /[A-Za-z0-9]/.test(text[m.index - 1])) { IBAN.lastIndex = m.index + 1; continue; }
    if (ibanValid(m[1])) out.push({ kind: 'iban', label: 'IBAN', start: m.index, end: m.index + m[0].length });
  }
  return out;
}


export const IBAN_DETECTORS: readonly Detector[] = [
  { id: 'iban', category: 'pii', keywords: [], find: findIbans,
    samples: { tp: ['IBAN DE89 3704 0044 0532 0130 00', 'pay to GB82WEST12345698765432.'], fp: ['DE89 3704 0044 0532 0130 01 (bad check digits)'] } },
];
