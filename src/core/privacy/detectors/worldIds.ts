// National identity numbers outside North America and the UK, each with the check its issuer defines, so a
// look-alike number fails. Shapes that carry their own structure (a date inside, letters in fixed places, the
// issuer's punctuation) are found anywhere; bare digit runs only after their own label, in the issuer's language.
// Brazil CPF, Spain DNI/NIE, Italy codice fiscale, France NIR, China resident ID, South Korea RRN (strong shapes);
// India Aadhaar, Netherlands BSN, Germany Steuer-ID, Japan My Number, bare CPF (labelled).

import type { Detector, RawHit } from '../detector';
import { TextFacts } from '../textFacts';

const sum = (ds: number[]): number => ds.reduce((a, b) => a + b, 0);
const nums = (s: string): number[] => [...s].map(Number);

export function cpfValid(d: string): boolean {
  if (!/^\d{11}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  const x = nums(d);
  const check = (n: number): number => { const r = (sum(x.slice(0, n).map((v, i) => v * (n + 1 - i))) * 10) % 11; return r === 10 ? 0 : r; };
  return check(9) === x[9] && check(10) === x[10];
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export function dniValid(s: string): boolean {
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (!m || (m[1] && m[2].length !== 7) || (!m[1] && m[2].length !== 8)) return false;
  const n = Number(`${m[1] ? 'XYZ'.indexOf(m[1]) : ''}${m[2]}`);
  return DNI_LETTERS[n % 23] === m[3] && !/^(\d)\1+$/.test(m[2]);
}

const CF_ODD: Record<string, number> = Object.fromEntries([...'0123456789'].map((c, i) => [c, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21][i]])
  .concat([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][i]])));
export function codiceFiscaleValid(s: string): boolean {
  if (!/^[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(s)) return false;
  let total = 0;
  for (let i = 0; i < 15; i++) {
    const c = s[i];
    total += i % 2 === 0 ? CF_ODD[c] : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (total % 26)) === s[15];
}

export function nirValid(compact: string): boolean {
  const m = /^([12]\d{4})(\d{2}|2A|2B)(\d{6})(\d{2})$/.exec(compact);
  if (!m) return false;
  const body = BigInt(`${m[1]}${m[2] === '2A' ? '19' : m[2] === '2B' ? '18' : m[2]}${m[3]}`);
  return Number(97n - (body % 97n)) === Number(m[4]);
}

export function chinaIdValid(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const r = sum(nums(s.slice(0, 17)).map((v, i) => v * w[i])) % 11;
  return '10X98765432'[r] === s[17];
}

export function rrnValid(d: string): boolean {
  if (!/^\d{13}$/.test(d)) return false;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  return (11 - (sum(nums(d.slice(0, 12)).map((v, i) => v * w[i])) % 11)) % 10 === Number(d[12]);
}

const VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]];
const VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]];
export function aadhaarValid(d: string): boolean {
  if (!/^[2-9]\d{11}$/.test(d)) return false;
  let c = 0;
  nums(d).reverse().forEach((v, i) => { c = VERHOEFF_D[c][VERHOEFF_P[i % 8][v]]; });
  return c === 0;
}

export function bsnValid(d: string): boolean {
  if (!/^\d{9}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  const x = nums(d);
  return (sum(x.slice(0, 8).map((v, i) => v * (9 - i))) - x[8]) % 11 === 0;
}

export function steuerIdValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  let p = 10;
  for (const v of nums(d.slice(0, 10))) { let s = (v + p) % 10; if (s === 0) s = 10; p = (s * 2) % 11; }
  return (11 - p) % 10 === Number(d[10]);
}

export function myNumberValid(d: string): boolean {
  if (!/^\d{12}$/.test(d)) return false;
  const x = nums(d.slice(0, 11)).reverse();
  const r = sum(x.map((v, i) => v * (i < 6 ? i + 2 : i - 4))) % 11;
  return (r <= 1 ? 0 : 11 - r) === Number(d[11]);
}

export function thaiIdValid(d: string): boolean {
  if (!/^[1-8]\d{12}$/.test(d)) return false;
  const x = nums(d);
  return (11 - (sum(x.slice(0, 12).map((v, i) => v * (13 - i))) % 11)) % 10 === x[12];
}

export function tcKimlikValid(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const x = nums(d);
  const d10 = (((x[0] + x[2] + x[4] + x[6] + x[8]) * 7 - (x[1] + x[3] + x[5] + x[7])) % 10 + 10) % 10;
  return d10 === x[9] && sum(x.slice(0, 10)) % 10 === x[10];
}

interface IdShape {
  kind: string; label: string; re: RegExp; valid: (compact: string) => boolean; labelled?: RegExp;
  /** Every match is this many letters and digits in a row: a text without so long a base64 run is skipped. */
  minBase64Run?: number;
}

// Labels in the issuer's language (and English); a labelled number may follow within 30 characters.
const SHAPES: readonly IdShape[] = [
  { kind: 'br-cpf', label: 'Brazilian CPF', re: /\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-]|\.\d)/g, valid: cpfValid },
  { kind: 'br-cpf', label: 'Brazilian CPF', re: /(?<![\w.-])\d{11}(?![\w-]|\.\d)/g, valid: cpfValid, labelled: /\bCPF\b/i },
  { kind: 'es-dni', label: 'Spanish DNI/NIE', re: /[XYZ]?-?\d{7,8}-? ?[A-Z](?![\w-])/g, valid: dniValid },
  { kind: 'it-codice-fiscale', label: 'Italian codice fiscale', re: /[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])/g, valid: codiceFiscaleValid, minBase64Run: 16 },
  { kind: 'fr-nir', label: 'French social security number', re: /[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w-]|\.\d)/g, valid: nirValid },
  { kind: 'cn-resident-id', label: 'Chinese resident identity number', re: /\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\w-])/g, valid: (s) => chinaIdValid(s.toUpperCase()), minBase64Run: 18 },
  { kind: 'kr-rrn', label: 'Korean resident registration number', re: /\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6}(?![\w-]|\.\d)/g, valid: rrnValid },
  { kind: 'in-aadhaar', label: 'Aadhaar number', re: /(?<![\w.-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-]|\.\d)/g, valid: aadhaarValid, labelled: /aadhaa?r|आधार|\bUIDAI?\b/i },
  { kind: 'nl-bsn', label: 'Dutch citizen service number', re: /(?<![\w.-])\d{4}\.?\d{2}\.?\d{3}(?![\w-]|\.\d)|(?<![\w.-])\d{9}(?![\w-]|\.\d)/g, valid: bsnValid, labelled: /\bBSN\b|burgerservicenummer|sofi-?nummer/i },
  { kind: 'de-steuer-id', label: 'German tax identification number', re: /(?<![\w.-])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\w-]|\.\d)/g, valid: steuerIdValid, labelled: /steuer-?id|steuer-?identifikationsnummer|\bIdNr\b|\bTIN\b/i },
  // Thailand writes its 13 digits 1-4-5-2-1 (the issuer's punctuation is the shape); bare, only after a label.
  { kind: 'th-national-id', label: 'Thai national ID number', re: /(?<![\w.-])[1-8]-\d{4}-\d{5}-\d{2}-\d(?![\w-]|\.\d)/g, valid: thaiIdValid },
  { kind: 'th-national-id', label: 'Thai national ID number', re: /(?<![\w.-])[1-8]\d{12}(?![\w-]|\.\d)/g, valid: thaiIdValid, labelled: /บัตรประชาชน|เลขประจำตัวประชาชน|thai ?id|citizen ?id/i },
  { kind: 'tr-tc-kimlik', label: 'Turkish identity number', re: /(?<![\w.-])[1-9]\d{10}(?![\w-]|\.\d)/g, valid: tcKimlikValid, labelled: /\bT\.?[ \t]?C\.?[ \t]?(?:Kimlik|No)|\bkimlik\b|\bTCKN\b/i },
  // India's PAN: a holder-type letter in the fourth place (P: a person); no check digit, so only after its label.
  { kind: 'in-pan', label: 'Indian PAN', re: /(?<![\w.-])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\w-])/g, valid: () => true, labelled: /\bPAN\b|permanent account number|पैन/i },
  { kind: 'jp-my-number', label: 'Japanese My Number', re: /(?<![\w.-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\w-]|\.\d)/g, valid: myNumberValid, labelled: /マイナンバー|個人番号|my ?number/i },
];

// Every label in one pass: most texts hold none, and then no labelled shape needs its own pass over the text.
const ANY_LABEL = new RegExp(SHAPES.flatMap((s) => (s.labelled ? [`(?:${s.labelled.source})`] : [])).join('|'), 'i');

function findWorldIds(text: string, facts = new TextFacts(text)): RawHit[] {
  const out: RawHit[] = [];
  const anyLabel = ANY_LABEL.test(text);
  let longestRun = -1;
  for (const s of SHAPES) {
    if (s.minBase64Run !== undefined) {
      if (longestRun < 0) longestRun = facts.base64Runs().reduce((m, r) => Math.max(m, r.stop - r.start), 0);
      if (longestRun < s.minBase64Run) continue;
    }
    // A labelled shape runs only where its label occurs, and looks only just after it.
    const where: [number, number][] = [];
    if (s.labelled) {
      if (!anyLabel) continue;
      const label = new RegExp(s.labelled.source, 'gi');
      for (let m = label.exec(text); m; m = label.exec(text)) where.push([m.index + m[0].length, m.index + m[0].length + 30]);
      if (where.length === 0) continue;
    } else where.push([0, text.length]);
    for (const [from, to] of where) {
      const part = text.slice(from, Math.min(text.length, to + 24));
      s.re.lastIndex = 0;
      for (let m = s.re.exec(part); m; m = s.re.exec(part)) {
        if (s.labelled && m.index > to - from) break;
        // Glued to a word, a number or a path on the left: part of something longer (checked here, not by a
        // look-behind that would run at every position).
        const prev = from + m.index > 0 ? text[from + m.index - 1] : '';
        if (prev && (s.labelled ? /[\w.-]/ : /[A-Za-z0-9_.-]/).test(prev)) { s.re.lastIndex = m.index + 1; continue; }
        const compact = m[0].replace(/[ .-]/g, '');
        if (s.valid(compact)) out.push({ kind: s.kind, label: s.label, start: from + m.index, end: from + m.index + m[0].length });
      }
    }
  }
  return out;
}

export const WORLD_ID_DETECTORS: readonly Detector[] = [
  { id: 'world-national-id', category: 'pii', keywords: [], find: findWorldIds,
    samples: {
      tp: ['CPF: 529.982.247-25', 'meu CPF 52998224725.', 'DNI 12345678Z', 'NIE X1234567L', 'Codice fiscale: RSSMRA85T10A562S',
        'NIR : 1 85 05 78 006 084 91', '身份证号码：11010519491231002X', '주민등록번호: 850101-1234566', 'Aadhaar: 2345 6789 0124',
        'เลขบัตร 1-1017-00230-70-8', 'TC Kimlik No: 10000000146', '{"pan": "ABCPE1234F"}'],
      fp: ['version 123.456.789-10', 'order 12345678A shipped', 'build ABCDEF12G34H567I', 'id 11010519491231002Y', 'ts 1700000000123',
        'phone 2345 6789 0123 4567', 'hash 850101-1234567 mismatch', 'TC Kimlik No: 10000000147', 'pan: ABCDE1234F'],
    } },
];
