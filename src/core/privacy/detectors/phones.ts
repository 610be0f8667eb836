// Phone numbers: international ones need the '+' (or a `00` prefix with a separator), North-American ones the
// usual punctuation; bare digit runs in code (timestamps, ids) are deliberately not phone numbers.

import { lastTextMemo } from '../memo';
import { DIGITS, type Detector, type RawHit } from '../detector';

// International numbers need the '+'; North-American ones need the usual punctuation. Bare digit runs in code
// (timestamps, ids) are deliberately not phone numbers.
// `00` is the international prefix outside North America; it needs a separator after the country code so bare
// digit runs stay quiet.
// A trunk prefix in parentheses may be glued to the area code: +33 (0)6 12 34 56 78, +44 (0)20 7946 0958.
const PHONE_INTL = /(?:\+|00(?=[1-9]\d{0,2}[ .-]))(\d{1,3})(?:[ .-]?\(?\d{1,4}\)?\d{0,4})(?:[ .-]?\d{2,4}){2,4}(?!\w|[.-]\d|[ ]\d)/g;
const PHONE_NANP = /(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([ .-]))[2-9]\d{2}[ .-]\d{4}(?![\w-]|\.\d)/g;
// Latin America writes a two-digit area code in brackets with no trunk 0: Brazil `(11) 91234-5678`, `(21) 3456-7890`,
// Mexico `(55) 1234 5678` — ten or eleven digits, never a North-American three-digit area.
const PHONE_AREA2 = /\([1-9]\d\) ?\d{4,5}[ -]\d{4}(?![\w-]|\.\d)/g;

export function findPhones(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const re of [PHONE_INTL, PHONE_NANP, PHONE_AREA2]) {
    re.lastIndex = 0;
    const before = re === PHONE_INTL ? /[\w+]/ : /[\w.+-]/;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > 0 && before.test(text[m.index - 1])) { re.lastIndex = m.index + 1; continue; }
      // `00…` after a group of digits is the middle of an account or reference number, not a dialling prefix.
      if (m[0].startsWith('00') && /(?:^|\s)[A-Z0-9]{2,6}[ -]$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 10 || digits.length > 15) continue;
      if (re === PHONE_NANP && m[1] !== undefined && !new RegExp(`^\\d{3}\\${m[1]}\\d{3}\\${m[1]}\\d{4}$`).test(m[0])) continue;
      out.push({ kind: 'phone', label: 'phone number', start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}


export const PHONE_DETECTORS: readonly Detector[] = [
  { id: 'phone', category: 'pii', keywords: [], find: (t) => [...findPhonesSeen(t)],
    samples: { tp: [(g) => `call me on +44 20 ${g.str('123456789', 4)} ${g.str(DIGITS, 4)}`, (g) => `office: (415) 55${g.str('123456789', 1)}-${g.str(DIGITS, 4)}`,
      (g) => `Telefone: (11) 9${g.str(DIGITS, 4)}-${g.str(DIGITS, 4)}.`, (g) => `Tel. (55) ${g.str(DIGITS, 4)} ${g.str(DIGITS, 4)}`],
    fp: ['const ts = 1700000000000;', 'version 10.2.3.4', 'see note (12) 345-6789', 'f(11) 91234-5678', 'range (10) 1234-12345'] } },
];

/** The same hits for the text just scanned, shared with the contact-record detector (personalRecords.ts). */
export const findPhonesSeen = lastTextMemo(findPhones);
