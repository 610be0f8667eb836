// Birth dates after their label, in the languages records are written in. A date alone is no personal data
// (release dates, timestamps, fixtures); after "DOB", "Geburtsdatum", "生年月日" or "born" it is. The month may be
// a word in any language (`12 mars 1984`, `March 12, 1984`, `12 de marzo de 1984`): after the label, a number,
// a word and a year are a date whatever the word.

import type { Detector, RawHit } from '../detector';
import { afterLabels, labelRegex, nonAscii } from './labelled';

const LABELS = labelRegex([
  'dob', 'd.o.b.', 'd.o.b', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'born on', 'geburtsdatum', 'geburtstag', 'geb.',
  'geboren', 'geboren am', 'date de naissance', 'né le', 'née le', 'fecha de nacimiento', 'fecha nacimiento', 'f. de nacimiento', 'nacido el',
  'data di nascita', 'nato il', 'nata il', 'data de nascimento', 'nascido em', 'nascida em', 'geboortedatum', 'geboren op', 'födelsedatum',
  'fødselsdato', 'syntymäaika', 'data urodzenia', 'datum narození', 'dátum narodenia', 'születési dátum', 'születési idő', 'doğum tarihi',
  'data nașterii', 'datum rođenja', 'дата рождения', 'дата народження', 'дата на раждане', 'родился', 'родилась', 'ημερομηνία γέννησης',
  'تاريخ الميلاد', 'תאריך לידה', '生年月日', '出生日期', '出生年月日', '誕生日', '생년월일', 'ngày sinh', 'tanggal lahir', 'tarikh lahir',
  'วันเกิด', 'जन्म तिथि', 'जन्मतिथि',
]);

// (Anchored at the value's start.) Year first (ISO, CJK 年月日, Korean 년월일, `1984. 3. 12.`), day or month first
// with numbers, a day then a month word then a year, or a month word then a day and a year.
const YMD = /^(\d{4})[ \t]?[-/.年년][ \t]?(\d{1,2})[ \t]?[-/.月월][ \t]?(\d{1,2})(?:[ \t]?[日일.])?(?![\d])/u;
const DMY = /^(\d{1,2})[ \t]?[-/.][ \t]?(\d{1,2})[ \t]?[-/.][ \t]?(\d{4}|\d{2})(?![\d])/u;
const D_WORD_Y = /^(\d{1,2})(?:st|nd|rd|th|er|º|\.)?[ \t]+(?:de[ \t]+)?\p{L}{3,12}\.?,?[ \t]+(?:de[ \t]+)?(\d{4})(?![\d])/u;
const WORD_D_Y = /^\p{L}{3,12}\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})(?![\d])/u;

const year = (y: string): boolean => y.length === 2 || (Number(y) >= 1900 && Number(y) <= 2099);
const day = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31;

/** The date at the start of `v`, or undefined: its length when the numbers are a plausible calendar date. */
function dateAt(v: string): number | undefined {
  let m = YMD.exec(v);
  if (m) return year(m[1]) && Number(m[2]) >= 1 && Number(m[2]) <= 12 && day(m[3]) ? m[0].length : undefined;
  m = DMY.exec(v);
  if (m) return year(m[3]) && day(m[1]) && day(m[2]) && (Number(m[1]) <= 12 || Number(m[2]) <= 12) ? m[0].length : undefined;
  m = D_WORD_Y.exec(v);
  if (m) return day(m[1]) && year(m[2]) ? m[0].length : undefined;
  m = WORD_D_Y.exec(v);
  if (m) return day(m[1]) && year(m[2]) ? m[0].length : undefined;
  return undefined;
}

export function findBirthDates(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const { at, rest } of afterLabels(text, LABELS, false, 40)) {
    const n = dateAt(rest.replace(/[.)\]'"]+$/, ''));
    if (n) out.push({ kind: 'birth-date', label: 'date of birth', start: at, end: at + n });
  }
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export const BIRTH_DATE_DETECTORS: readonly Detector[] = [
  { id: 'birth-date', category: 'pii',
    keywords: ['DOB', 'dob', 'Dob', 'D.O.B', 'd.o.b', 'irth', 'IRTH', 'born', 'Born', 'BORN', 'eburt', 'EBURT', 'geb.', 'Geb.', 'eboren', 'naissance', 'NAISSANCE',
      'acimiento', 'ACIMIENTO', 'nacido', 'nascita', 'NASCITA', 'nato il', 'nata il', 'Nato il', 'Nata il', 'ascimento', 'ASCIMENTO', 'nascid', 'eboorte', 'EBOORTE',
      'urodzenia', 'URODZENIA', 'lahir', 'LAHIR'],
    alsoWhen: nonAscii, find: findBirthDates, plainViewsOnly: true,
    samples: {
      tp: [(g) => `DOB: ${g.int(1940, 2005)}-${pad(g.int(1, 12))}-${pad(g.int(1, 28))}`, (g) => `Geburtsdatum: ${pad(g.int(1, 28))}.${pad(g.int(1, 12))}.${g.int(1940, 2005)}`,
        (g) => `"dateOfBirth": "${pad(g.int(1, 12))}/${pad(g.int(1, 28))}/${g.int(1940, 2005)}"`, (g) => `born March ${g.int(1, 28)}, ${g.int(1940, 2005)}`,
        (g) => `Date de naissance : ${g.int(1, 28)} mars ${g.int(1940, 2005)}`, (g) => `生年月日：${g.int(1940, 2005)}年${g.int(1, 12)}月${g.int(1, 28)}日`,
        (g) => `Дата рождения: ${pad(g.int(1, 28))}.${pad(g.int(1, 12))}.${g.int(1940, 2005)}`],
      fp: ['dateOfBirth: Date;', 'birthDate: z.string().date(),', 'DOB: unknown', 'born in 1984 in Leeds', 'Released: 2024-03-12', 'date of birth: 2024-13-45',
        'the 2019 reborn 12.03.2020 build', 'dob = parse(row[3])', 'birthday party on Friday'],
    } },
];
