// National identity numbers: US SSN (Presidio's invalidation rules), Canadian SIN (Luhn), UK National Insurance
// number, and bare nine-digit numbers where a label nearby says what they are.

import type { Detector, RawHit } from '../detector';
import { luhnValid } from './cards';

const SSN = /(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;

/** US SSN with Presidio's invalidation rules (area 000/666/9xx, group 00, serial 0000, known fakes). */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const all = area + group + serial;
  if (/^(\d)\1+$/.test(all)) return false;
  if (all === '123456789' || all === '078051120' || all === '219099999' || all.startsWith('98765432')) return false;
  return true;
}

export function findSsns(text: string): RawHit[] {
  const out: RawHit[] = [];
  SSN.lastIndex = 0;
  for (let m = SSN.exec(text); m; m = SSN.exec(text)) {
    if (m.index > 0 && /[\w.-]/.test(text[m.index - 1])) { SSN.lastIndex = m.index + 1; continue; }
    if (ssnValid(m[1], m[3], m[4])) out.push({ kind: 'us-ssn', label: 'US social security number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// SSNs and SINs without separators are only numbers unless something nearby says what they are.
const ID_CONTEXT = /\b(?:ssn|ssns|social[ _-]?security(?:[ _-]?(?:number|no|num))?|sin|social[ _-]?insurance(?:[ _-]?(?:number|no))?|nas)\b/gi;
const BARE9 = /(?<![\w.-])(\d{3})[ -]?(\d{2,3})[ -]?(\d{3,4})(?![\w-]|\.\d)/y;

export function findContextIds(text: string): RawHit[] {
  const out: RawHit[] = [];
  ID_CONTEXT.lastIndex = 0;
  for (let m = ID_CONTEXT.exec(text); m; m = ID_CONTEXT.exec(text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 40);
    const d = /\d/.exec(window);
    if (!d) continue;
    BARE9.lastIndex = from + d.index;
    const n = BARE9.exec(text);
    if (!n) continue;
    const digits = n[1] + n[2] + n[3];
    if (digits.length !== 9) continue;
    const sin = /^s(?:in|ocial[ _-]?insurance)|^nas/i.test(m[0]);
    const ok = sin ? sinValid(digits) : ssnValid(n[1], digits.slice(3, 5), digits.slice(5));
    if (ok) out.push({ kind: sin ? 'ca-sin' : 'us-ssn', label: sin ? 'Canadian social insurance number' : 'US social security number', start: n.index, end: n.index + n[0].length });
  }
  return out;
}

/** Canadian SIN: Luhn-valid, first digit not 8 (CRA; 0 only in CRA's published examples, which we still treat as data). */
export function sinValid(digits: string): boolean {
  return /^[0-79]\d{8}$/.test(digits) && luhnValid(digits) && !/^(\d)\1+$/.test(digits);
}

const SIN = /(?<![\w.-])([0-79]\d{2})([ -])(\d{3})\2(\d{3})(?![\w-]|\.\d)/g;

/** Separated SINs (123-456-782 / 123 456 782): the checksum keeps other 3-3-3 numbers out. */
export function findSins(text: string): RawHit[] {
  const out: RawHit[] = [];
  SIN.lastIndex = 0;
  for (let m = SIN.exec(text); m; m = SIN.exec(text)) {
    if (sinValid(m[1] + m[3] + m[4])) out.push({ kind: 'ca-sin', label: 'Canadian social insurance number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// UK National Insurance number (HMRC): two prefix letters (not D F I U V; second not O; not BG GB KN NK NT TN
// ZZ), six digits, suffix A–D. Q is allowed first: HMRC's own specimen QQ 12 34 56 C is what people paste.
const NINO = /(?<![A-Za-z0-9])(QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ ]?(\d{2})[ ]?(\d{2})[ ]?(\d{2})[ ]?([A-D])(?![A-Za-z0-9])/g;

function findNinos(text: string): RawHit[] {
  const out: RawHit[] = [];
  NINO.lastIndex = 0;
  for (let m = NINO.exec(text); m; m = NINO.exec(text)) {
    if (/^(?:BG|GB|KN|NK|NT|TN|ZZ)$/.test(m[1])) continue;
    out.push({ kind: 'uk-nino', label: 'UK National Insurance number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const NATIONAL_ID_DETECTORS: readonly Detector[] = [
  { id: 'us-ssn', category: 'pii', keywords: [], find: findSsns,
    samples: { tp: ['SSN 536-22-1946 on file'], fp: ['SSN 000-12-3456 is invalid', 'call 078-05-1120 (a published fake)'] } },
  { id: 'ca-sin', category: 'pii', keywords: [], find: findSins,
    samples: { tp: ['SIN 046-454-286'], fp: ['part 123-456-789'] } },
  { id: 'uk-nino', category: 'pii', keywords: [], find: findNinos,
    samples: { tp: ['NI number AB 12 34 56 C'], fp: ['GB 12 34 56 A is not issued'] } },
  { id: 'labelled-national-id', category: 'pii', keywords: [], find: findContextIds,
    samples: { tp: ['ssn: 536221946'], fp: ['ssn: 000000000'] } },
];
