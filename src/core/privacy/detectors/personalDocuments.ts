// Identity-document numbers (passport, driving licence, national ID card) have no checksum a scanner can rely
// on across countries, so they are found by their label: a passport / licence / ID-card key or phrase, then
// within a few characters a 6–18 character document number with at least five digits (US and UK passports are
// 9 digits, German ones C01X00T47, French 12AB34567, UK driving licences MORGA753116SM9IJ).

import type { Detector, RawHit } from '../detector';

const LABEL = /\b(?:passport|passeport|pasaporte|reisepass|personalausweis|driv(?:er'?s?|ing)[ _-]?licen[cs]e|national[ _-]?id(?:entity)?|id[ _-]?card|identity[ _-]?card|tax[ _-]?id|tin)(?:[ _.-]?(?:no|nr|num(?:ber)?|#|id|nummer|number))?\b|(?:passport|licen[cs]e|idCard|nationalId)(?:No|Nr|Num|Number|Id)\b/giy;
const LABEL_START = /passport|passeport|pasaporte|reisepass|personalausweis|licen[cs]e|national|id[ _-]?card|identity|tax|\btin\b|idCard|nationalId/gi;
// Each run of blanks is taken whole (`(?=([ \t]*))\N`, an atomic group): three optional runs side by side
// backtracked cubically, so a label followed by a few thousand spaces held the scan for seconds.
const VALUE = /\.?["']?(?=([ \t]*))\1(?:(?:[:=#>]|=>|:=|is|no\.?|number)(?=([ \t]*))\2)?(?:["'](?=([ \t]*))\3)?([A-Za-z0-9](?:[A-Za-z0-9]|[ -](?=[A-Za-z0-9])){5,19})(?![A-Za-z0-9])/y;

/**
 * Case-sensitive literals for the scanner's keyword pre-filter: tails of the label words that start at uncommon
 * letter pairs (see foreignCredentialWords.ts). Lower-case `tin` is left out (it is inside half the words of
 * English), so a lower-case `tin:` label alone is not looked at.
 */
const DOCUMENT_KEYWORDS = ['sport', 'SPORT', 'eport', 'EPORT', 'saporte', 'SAPORTE', 'eisepass', 'EISEPASS', 'sonalausweis', 'SONALAUSWEIS',
  'icence', 'icense', 'ICENCE', 'ICENSE', 'ational', 'ATIONAL', 'dcard', 'dCard', 'd_card', 'd card', 'd-card', 'DCARD', 'D_CARD', 'D CARD', 'D card',
  'tity', 'TITY', 'tax', 'Tax', 'TAX', 'TIN', 'Tin'];

function findDocumentNumbers(text: string): RawHit[] {
  const out: RawHit[] = [];
  LABEL_START.lastIndex = 0;
  for (let m = LABEL_START.exec(text); m; m = LABEL_START.exec(text)) {
    // Back up to the start of the label word (driver's licence, national_id).
    let s = m.index;
    while (s > 0 && m.index - s < 16 && /[A-Za-z'_ -]/.test(text[s - 1]) && !/[ ]{2}/.test(text.slice(s - 2, s))) s--;
    let label: RegExpExecArray | null = null;
    for (let at = s; at <= m.index && !label; at++) {
      if (at > 0 && /[A-Za-z0-9]/.test(text[at - 1])) continue;
      LABEL.lastIndex = at;
      label = LABEL.exec(text);
    }
    if (!label) continue;
    VALUE.lastIndex = label.index + label[0].length;
    const v = VALUE.exec(text);
    if (!v) continue;
    const raw = v[4];
    const compact = raw.replace(/[ -]/g, '');
    const digits = compact.replace(/\D/g, '').length;
    if (compact.length < 6 || compact.length > 18 || digits < 5) continue;
    const start = v.index + v[0].length - raw.length;
    out.push({ kind: 'identity-document', label: 'identity document number', start, end: start + raw.length });
    LABEL_START.lastIndex = Math.max(LABEL_START.lastIndex, start + raw.length);
  }
  return out;
}

export const DOCUMENT_DETECTORS: readonly Detector[] = [
  { id: 'identity-document', category: 'pii', keywords: DOCUMENT_KEYWORDS, find: findDocumentNumbers,
    samples: { tp: ['passport no: C01X00T47', 'driving licence number MORGA753116SM9IJ', 'my passport no. C01X00T47.', '(ID card nr. 12AB34567)'], fp: ['the passport office opens at 9', 'license: MIT'] } },
];
