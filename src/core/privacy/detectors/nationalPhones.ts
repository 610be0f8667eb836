// Phone numbers written the national way, with a trunk 0 and no country code: UK `020 8307 4995`, `07802 908133`;
// DE `0151 45340636`; FR `05 95 69 12 00`, `06.49.36.53.82`; JP `090-8374-0048`; AU `0455 531 697`, `(02) 9876 5432`.
// Code is full of digit runs, so the shape is strict: a trunk 0 then a non-zero digit, groups joined by ONE kind of
// separator (space, dot or dash) used throughout, 10–12 digits in all, and nothing glued on either side.

import { DIGITS, type Detector, type RawHit } from '../detector';

// (0d…) area in brackets, or a 0d… first group; then 1–4 more groups of 2–8 digits with the same separator.
const NATIONAL = /(?:\(0[1-9]\d{0,3}\)[ ]?|0[1-9]\d{0,4}([ .-]))\d{2,8}(?:([ .-])\d{2,8}){0,3}(?![\w-]|[.:]\d)/g;

export function findNationalPhones(text: string): RawHit[] {
  const out: RawHit[] = [];
  NATIONAL.lastIndex = 0;
  for (let m = NATIONAL.exec(text); m; m = NATIONAL.exec(text)) {
    const prev = m.index > 0 ? text[m.index - 1] : '';
    // Glued to a word, a number, a decimal point, a '+' (international numbers have their own detector) or a path.
    if (/[\w.+\-/:@#$]/.test(prev)) continue;
    // The middle of a longer grouped number (`FI38 6880 0212 6743 61`, an account or order number).
    if (/[ ]/.test(prev) && /\d/.test(text[m.index - 2] ?? '')) continue;
    const s = m[0];
    const digits = s.replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 12) continue;
    // One separator throughout (a date-time or a version mixes them); after a bracketed area code, spaces.
    const seps = new Set(s.replace(/^\(0\d+\)/, '').replace(/\d/g, '').split(''));
    if (seps.size > 1) continue;
    // Three or more groups, or two when the second is long (`0151 45340636`, `07802 908133`): a lone `0123 4567`
    // pair is too short to be anyone's number.
    const groups = s.replace(/[()]/g, '').split(/[ .-]/).filter(Boolean);
    if (groups.length < 2 || (groups.length === 2 && groups[1]!.length < 6)) continue;
    out.push({ kind: 'phone', label: 'phone number', start: m.index, end: m.index + s.length });
  }
  return out;
}

const d = (g: { str(c: string, n: number): string }, n: number): string => g.str(DIGITS, n);

export const NATIONAL_PHONE_DETECTORS: readonly Detector[] = [
  {
    id: 'phone-national', category: 'pii', keywords: ['0'], find: findNationalPhones,
    samples: {
      tp: [
        (g) => `Call me on 020 ${d(g, 4)} ${d(g, 4)}.`,
        (g) => `Mobile: 07${d(g, 3)} ${d(g, 6)}, any time`,
        (g) => `Tel. 06.${d(g, 2)}.${d(g, 2)}.${d(g, 2)}.${d(g, 2)}`,
        (g) => `(call 090-${d(g, 4)}-${d(g, 4)})`,
        (g) => `reach her at (02) ${d(g, 4)} ${d(g, 4)};`,
      ],
      fp: [
        'version 0.10.2 released on 2024-05-06 at 09:30',
        'const PORT = 08080; const mask = 0x00ff00ff;',
        'coordinates 0.1234567890, 0.9876543210',
        'timestamps: 0 1700000000 1700000001',
        'order 0123 4567 shipped',
        'build 01.02.03.04-rc.5',
      ],
    },
  },
];
