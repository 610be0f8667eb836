// The normalised view: NFKC (full-width → ASCII), invisibles (zero-width, soft hyphen, BOM, bidi marks) stripped,
// Unicode tag characters read as the ASCII they copy,
// common Cyrillic/Greek homoglyphs folded to Latin, other scripts' decimal digits read as ASCII. Built only when
// the text is not plain ASCII.

import type { View } from './builder';

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;
// Letters that render like Latin ones (Unicode confusables, the ones that matter in tokens).
const HOMOGLYPHS: Record<string, string> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j', 'ԁ': 'd', 'ɡ': 'g',
  'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
  'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v', 'α': 'a', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't',
  // Lower-case look-alikes of the letters vendor prefixes use (`sk_`, `ghp_`, `xoxb-`, `AKIA`): Cyrillic, Greek,
  // Armenian and IPA forms from Unicode's confusables table.
  'к': 'k', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ɩ': 'i', 'ı': 'i', 'ɑ': 'a', 'ϲ': 'c', 'ϳ': 'j', 'ѵ': 'v', 'υ': 'u', 'γ': 'y',
  'ո': 'n', 'ս': 'u', 'զ': 'q', 'հ': 'h', 'ց': 'g', 'ɢ': 'G', 'ʜ': 'H', 'ᴋ': 'K', 'ʟ': 'L', 'ᴘ': 'P', 'ꜱ': 'S', 'ᴛ': 'T', 'ᴜ': 'U', 'ᴠ': 'V', 'ᴡ': 'W', 'ᴢ': 'Z',
  'Ԍ': 'G', 'Һ': 'H', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ӏ': 'I', 'Ꭺ': 'A', 'Ᏼ': 'B', 'Ꮯ': 'C', 'Ꭼ': 'E', 'Ꮋ': 'H', 'Ꮶ': 'K', 'Ꮇ': 'M', 'Ꭲ': 'T',
};

const DIGIT = /^\p{Nd}$/u;
const COMBINING = /^\p{Mn}$/u;
/** A Unicode decimal digit's value: digits come in runs of ten from zero, so count the digits before it. */
function digitValue(cp: number): number {
  let k = 0;
  while (k < 9 && DIGIT.test(String.fromCodePoint(cp - k - 1))) k++;
  return k;
}

/** NFKC + invisibles + homoglyphs; undefined when the text is plain ASCII (nothing to normalise). */
export function normalisedView(text: string): View | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7F]/.test(text)) return undefined;
  const out: string[] = [];
  const map: number[] = [];
  let changed = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (cp < 128) { out.push(ch); map.push(i); i += width; continue; }
    if (INVISIBLE.test(ch)) { changed = true; i += width; continue; }
    // Unicode tag characters (U+E0020–E007E) are invisible copies of ASCII that models read ("ASCII smuggling").
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      changed = true;
      if (cp >= 0xe0020 && cp <= 0xe007e) { out.push(String.fromCharCode(cp - 0xe0000)); map.push(i); }
      i += width;
      continue;
    }
    // A combining mark on an ASCII character (`CONFIDE\u0301NTIAL`, a token with an accent stacked on one letter)
    // reads as the character to a model; other scripts keep theirs.
    if (COMBINING.test(ch) && out.length > 0 && out[out.length - 1].charCodeAt(0) < 128) { changed = true; i += width; continue; }
    let n = HOMOGLYPHS[ch] ?? ch.normalize('NFKC');
    // Decimal digits of other scripts (Arabic-Indic ٤, Devanagari ४, …) that NFKC leaves alone read as ASCII.
    if (n.length === 1 && n.charCodeAt(0) > 127 && DIGIT.test(n)) n = String(digitValue(n.codePointAt(0)!));
    if (n !== ch) changed = true;
    if (n.length === 0) { i += width; continue; }
    for (let k = 0; k < n.length; k++) { out.push(n[k]); map.push(i); }
    i += width;
  }
  if (!changed) return undefined;
  map.push(text.length);
  return { text: out.join(''), map: Int32Array.from(map) };
}
