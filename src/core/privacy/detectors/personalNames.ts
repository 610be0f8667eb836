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
  'doe', 'mustermann', 'musterfrau', 'bloggs', 'roe', 'public', 'admin', 'portal', 'record', 'records', 'id', 'number', 'info', 'data']);

/** The length of the name at the start of `v`, or undefined. */
export function nameAt(v: string): number | undefined {
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

const BARE_LABELS = ['Name', 'NAME', 'Customer', 'CUSTOMER', 'Contact', 'CONTACT', 'Client', 'Recipient', 'Passenger', 'Guest', 'Attendee', 'Employee', 'Member',
  'Tenant', 'Buyer', 'Seller', 'Sender', 'Signatory', 'Kunde', 'Kundin', 'Klient', 'Klientin', 'Cliente', 'Klant', 'Nom', 'Nombre', 'Nome', 'Naam', 'Imię', 'Имя', 'Клиент'];
// A bare `Name:` (`Customer:`, `Contact:` …) opening a line of a record or a ticket, capitalised as prose writes it:
// a key in code or YAML is lower case (`name: Set Up Node`). Two capitalised words say little alone, so here the name
// must fill its field (the line ends, or a comma, `<mail>`, `(`, a tab or a cell edge follows) and read as a person's:
// two or three words, none of them a heading, product or organisation word (`Contact: Support Team`).
const BARE = new RegExp(String.raw`^[ \t]*(?:[-*>#|][ \t]*)?(?:\*\*|__)?(?:${BARE_LABELS.join('|')})(?:\*\*|__)?[ \t]*(?::|=|[-–—](?=[ \t]))(?:\*\*|__)?[ \t]*`, 'gm');
const FILLS_FIELD = /^(?:\t|['"][ \t]*[,;)]|[ \t]*(?:$|[,;<(|]|[-–—][ \t]))/;

export function findBareNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m; m = BARE.exec(text)) {
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 100).split(/\r?\n|\r/)[0];
    const n = personAt(rest);
    if (n) out.push({ kind: 'person-name', label: 'personal name', start: at, end: at + n });
  }
  return out;
}

// A name after a title or a salutation (`Dear Mr. Bartholomew Featherstone,`, `Frau Dr. Ingeborg Oberhuber`): given and
// family name both, so `Mr. Robot` or `Dr. Seuss` alone stay as they are.
// (No look-behind and no `u` flag: tried at every position of the text, either costs several times more; the
// boundary before the title is checked in code.)
const TITLE = /(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Frau|Mme|Mlle|Sr|Sra|Srta|Sig|Sig\.ra|Dott)\.?[ \t]+(?:Dr\.?[ \t]+)?(?=[A-Z\u00C0-\u00DE\u0100-\u017F\u0391-\u03A9\u0410-\u042F])/g;

export function findTitledNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(text); m; m = TITLE.exec(text)) {
    if (m.index > 0 && /[\p{L}\p{N}_.]/u.test(text[m.index - 1])) continue;
    const at = m.index + m[0].length;
    const v = text.slice(at, at + 80).split(/\r?\n|\r/)[0];
    const n = nameAt(v);
    if (!n) continue;
    const words = v.slice(0, n).split(/[ \t,]+/).filter(Boolean);
    if (words.length < 2 || words.length > 3 || words.some((w) => NOT_PERSON.test(w.replace(/\.$/, '')))) continue;
    out.push({ kind: 'person-name', label: 'personal name', start: at, end: at + n });
  }
  return out;
}

/** Words of headings, products and organisations: a field holding one is not a person's name. */
const NOT_PERSON = new RegExp(`^(?:${['set', 'up', 'node', 'build', 'test', 'tests', 'run', 'deploy', 'release', 'support', 'team', 'visual', 'studio', 'code', 'server',
  'service', 'services', 'app', 'application', 'web', 'data', 'default', 'main', 'new', 'my', 'our', 'project', 'package', 'module', 'update', 'version',
  'production', 'staging', 'development', 'local', 'remote', 'global', 'private', 'internal', 'external', 'open', 'source', 'free', 'basic', 'standard',
  'premium', 'pro', 'enterprise', 'sales', 'account', 'accounts', 'billing', 'marketing', 'engineering', 'design', 'product', 'manager', 'office',
  'department', 'group', 'company', 'inc', 'ltd', 'llc', 'corp', 'corporation', 'limited', 'gmbh', 'foundation', 'university', 'college', 'school',
  'hospital', 'bank', 'store', 'shop', 'online', 'international', 'solutions', 'systems', 'technologies', 'software', 'labs', 'networks', 'media',
  'center', 'centre', 'desk', 'help', 'helpdesk', 'office', 'api', 'sdk', 'cli', 'bot', 'tool', 'tools', 'plugin', 'extension', 'library', 'framework',
  'step', 'job', 'task', 'workflow', 'action', 'actions', 'check', 'checks', 'lint', 'install', 'setup', 'configure', 'cache', 'upload', 'download',
  'publish', 'create', 'get', 'add', 'remove', 'delete', 'show', 'list', 'view', 'edit', 'save', 'load', 'start', 'stop', 'error', 'warning', 'info',
  'debug', 'log', 'all', 'any', 'none', 'other', 'various', 'multiple', 'several', 'north', 'south', 'east', 'west', 'county', 'city', 'state', 'street',
  'avenue', 'road', 'park', 'river', 'lake', 'mount', 'saint', 'st',
  // (Rotations, groups and automation accounts fill owner and trailer fields too: `Platform Oncall`, `Dependabot Preview`.)
  'platform', 'oncall', 'on-call', 'rotation', 'squad', 'guild', 'crew', 'staff', 'core', 'infra', 'sre', 'qa', 'automation', 'pipeline', 'preview',
  'dependabot', 'renovate', 'greenkeeper', 'snyk', 'copilot', 'bors', 'mergify'].join('|')})$`, 'i');

/** A person's name filling the field at the start of `v`: two or three words, no heading or organisation word. */
export function personAt(v: string): number | undefined {
  // (A comma may end the field rather than join `Surname, Given`: `Ingeborg Oberhuber, Hauptstraße 5`.)
  for (const cut of [v.length, v.indexOf(',')]) {
    if (cut <= 0) continue;
    const n = nameAt(v.slice(0, cut));
    if (!n || !FILLS_FIELD.test(v.slice(n))) continue;
    const words = v.slice(0, n).split(/[ \t,]+/).filter(Boolean);
    if (words.length > 3 || words.some((w) => w.replace(/\.$/, '').length < 2 || NOT_PERSON.test(w.replace(/\.$/, '')))) continue;
    return n;
  }
  return undefined;
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
  { id: 'person-name-titled', category: 'pii',
    keywords: ['Mr', 'Mrs', 'Ms', 'Mx', 'Miss', 'Dr', 'Prof', 'Herr', 'Frau', 'Mme', 'Mlle', 'Sr', 'Sig', 'Dott'],
    find: findTitledNames, plainViewsOnly: true,
    samples: {
      tp: ['Dear Mr. Bartholomew Featherstone,', 'Sehr geehrte Frau Dr. Ingeborg Oberhuber', 'cc: Prof. Evangeline Castellanos'],
      fp: ['Mr. Robot is a TV show', 'Dr. Seuss wrote it', 'const Mr = 1;', 'Dr. Strange Love Story Set', 'Mrs. Dalloway', 'Srv. Main Loop', 'PanResponder.create()'],
    } },
  { id: 'person-name-bare', category: 'pii',
    keywords: BARE_LABELS,
    find: findBareNames, plainViewsOnly: true,
    samples: {
      tp: ['Name: Jane Smith', '**Name:** Evangeline Wojciechowski', 'Kunde: Ingeborg Oberhuber, Hauptstraße 5', 'Name = Gwendolyn Abernathy', 'Ticket 4471\nName: Hannelore Kowalczyk\nIssue: export fails', 'Customer: Maximilian Okonkwo, order 4471', '| Name: Cornelius Abernathy |',
        'Contact: Evangeline Featherstone <e.f@example.org>'],
      fp: ['name: Set Up Node', 'Name: Set Up Node', 'Contact: Support Team', 'Client: Visual Studio Code', 'Name: Full Name', 'Name: John Doe', 'Customer: Acme Corp',
        'Name: Build And Test', 'Name: Hybrid Assistant Extension Pack', 'Name: Jane Smith.getName()', 'const Name: String = x', 'Name: String', 'Customer: Not Available'],
    } },
];
