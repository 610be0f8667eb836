// A person's name after a label that says it is one (`Patient name:`, `Nom du patient :`, `Patientenname:`,
// `ФИО:`, `氏名：`, `"fullName": "…"`), in the scripts names are written in. A bare `name:` is not among the labels:
// in code and configuration it names a step, a package or a field (`name: Set Up Node`), and two capitalised
// words say nothing. The value must read as a name: two or more capitalised words (particles such as `de`, `van`
// and a `Surname, Given` comma allowed), or two to eight Han / Hangul / kana characters with an optional reading.

import type { Detector, RawHit } from '../detector';
import { afterLabels, labelRegex, nonAscii } from './labelled';

const LABEL_LIST = [
  'patient name', "patient's name", 'name of patient', 'patient', 'full name', 'fullname', 'legal name', 'customer name',
  'employee name', 'member name', 'account holder', 'account holder name', 'cardholder', 'cardholder name', 'name on card', 'holder name',
  'first and last name', 'first name and last name', 'surname and first name', 'given name and surname', 'maiden name', "mother's maiden name",
  'next of kin', 'emergency contact', 'beneficiary name', 'insured name', 'guardian name', 'parent name', 'student name', 'applicant name',
  'nom du patient', 'nom complet', 'nom et prénom', 'nom prénom', 'prénom et nom', 'patient', 'patiente', 'nom du client', 'nom de naissance',
  'patientenname', 'name des patienten', 'name der patientin', 'vollständiger name', 'vor- und nachname', 'name, vorname', 'kundenname', 'patientin',
  'nombre del paciente', 'nombre completo', 'nombre y apellidos', 'paciente', 'nome del paziente', 'nome e cognome', 'nome completo', 'paziente',
  'nome do paciente', 'naam patiënt', 'naam van de patiënt', 'volledige naam', 'patiënt', 'imię i nazwisko', 'pacjent', 'jméno a příjmení',
  'pacient', 'hasta adı', 'ad soyad', 'adı soyadı', 'фио', 'ф.и.о.', 'ф. и. о.', 'имя пациента', 'пациент', 'пациентка', 'полное имя',
  'ονοματεπώνυμο', 'ασθενής', 'اسم المريض', 'الاسم الكامل', 'שם המטופל', 'שם מלא', '氏名', '患者名', '患者氏名', '姓名', '患者姓名',
  '病人姓名', '성명', '환자명', '환자 이름', '이름', 'họ và tên', 'họ tên', 'nama pasien', 'nama lengkap', 'ชื่อผู้ป่วย', 'ชื่อ-นามสกุล', 'रोगी का नाम',
];
const LABELS = labelRegex(LABEL_LIST);
/**
 * The pre-filter: each ASCII label without its first letter, as written, in capitals, in camel case and in snake
 * case (`atient name`, `ATIENT NAME`, `atientName`, `atient_name`); labels in other scripts run on non-ASCII text.
 */
const LABEL_KEYWORDS = [...new Set(LABEL_LIST.filter((l) => /^[\x20-\x7e]+$/.test(l)).flatMap((l) => {
  const rest = l.slice(1);
  return [rest, rest.toUpperCase(), rest.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()), rest.replace(/ /g, '_'), rest.toUpperCase().replace(/ /g, '_')];
}))];

// A name word: a capital then letters, apostrophes, hyphens (`O'Brien`, `Jean-Luc`, `DUPONT`), or an initial `J.`.
const WORD = String.raw`\p{Lu}(?:[\p{L}\p{M}'’\-]*\p{L}|\.)?`;
const PARTICLE = String.raw`(?:de|da|di|do|dos|das|del|della|der|den|du|la|le|van|von|ter|ten|bin|ibn|al|y|e|zu)`;
const LATIN = new RegExp(String.raw`^${WORD}(?:,?[ \t]+(?:${PARTICLE}[ \t]+)*${WORD}){1,4}`, 'u');
const CJK = /^[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Hiragana}ー・]{1,5}(?:[ \u3000]?[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Hiragana}ー・]{1,5})?(?:[ \u3000]?[（(][\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}\p{sc=Latin}ー・ \u3000]{2,24}[）)])?/u;

// Placeholder and form words: a template's `Full name: First Last`, `Patient: Not Available`.
const NOT_NAMES = new Set(['enter', 'your', 'name', 'first', 'last', 'full', 'middle', 'required', 'optional', 'string', 'text', 'unknown', 'none',
  'null', 'undefined', 'example', 'sample', 'test', 'user', 'customer', 'patient', 'client', 'not', 'available', 'applicable', 'see', 'below', 'above',
  'type', 'value', 'field', 'the', 'and', 'or', 'of', 'for', 'input', 'label', 'placeholder', 'given', 'surname', 'family', 'todo', 'tbd', 'redacted',
  'doe', 'mustermann', 'musterfrau', 'bloggs', 'public', 'john', 'jane', 'admin', 'portal', 'record', 'records', 'id', 'number', 'info', 'data']);

/** The length of the name at the start of `v`, or undefined. */
function nameAt(v: string): number | undefined {
  const latin = LATIN.exec(v);
  if (latin) {
    const words = latin[0].split(/[ \t,]+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2 || words.some((w) => NOT_NAMES.has(w.toLowerCase().replace(/\.$/, '')))) return undefined;
    // An identifier in capitals (`SET UP`) or a title in a heading style (`Set Up Node`) reads as a phrase: a name
    // has at most one all-capital word unless all of them are (`DUPONT Jean` yes, `HTTP API` no: too short).
    if (words.every((w) => /^\p{Lu}{1,4}$/u.test(w))) return undefined;
    // Followed by a word character or code punctuation, it is part of something else.
    if (/^[\p{L}\p{N}_(.=]/u.test(v.slice(latin[0].length))) return undefined;
    return latin[0].length;
  }
  const cjk = CJK.exec(v);
  if (cjk && [...cjk[0].replace(/[（(].*$/u, '').replace(/[ \u3000]/g, '')].length >= 2) return cjk[0].length;
  return undefined;
}

export function findPersonalNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const { at, rest } of afterLabels(text, LABELS, true, 80)) {
    const n = nameAt(rest);
    if (n) out.push({ kind: 'person-name', label: 'personal name', start: at, end: at + n });
  }
  return out;
}

export const PERSONAL_NAME_DETECTORS: readonly Detector[] = [
  { id: 'person-name', category: 'pii',
    keywords: LABEL_KEYWORDS,
    alsoWhen: nonAscii, find: findPersonalNames, plainViewsOnly: true,
    samples: {
      tp: ['Patient name: Hannelore Kowalczyk', 'Nom du patient : Évangéline Dubrovnik', 'Patientenname: Oberhuber, Ingeborg', '"fullName": "Radosław van der Berg"',
        'ФИО: Кузнецова Анастасия Владимировна', '氏名：山田 花子（ヤマダ ハナコ）', 'Cardholder: MARGARETHE LINDQVIST'],
      fp: ['patient name: string;', 'fullName: user.fullName,', 'Full name: First Last', 'Patient: Not Available', 'patient: { id: 3 }', 'name: Set Up Node',
        'Full name: John Doe', 'Customer Name: Enter Your Name', 'patient name: {{ patient.name }}', 'Patient: 45-year-old Male', 'Cardholder: HTTP API'],
    } },
];
