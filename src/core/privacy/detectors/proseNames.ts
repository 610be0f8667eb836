// A person's name in running prose, where no label says what it is: "call Maria Gonzalez on her cell", "Maria
// Gonzalez's home address", "my patient Henrik Lindqvist", "the complaint came from Aisha Rahman, who lives…", a
// ticket "from" someone, a change "requested by" someone, a letter signed off with a name. Two or three capitalised
// words are as often a product, a library or a place ("call React Native", "ask Google Cloud"), so the words must
// read as a name (no heading, product, organisation or vendor word: personAt) and the sentence must treat them as a
// person: a relation noun before them (`my patient`, `our tenant`), a personal possessive after them (`'s home
// address`), a relative `who`, a contact verb before them with a personal pronoun later in the same sentence, a
// message or request attributed to them, or a closing line above them. A family name after its own label
// (`"lastName": "Kowalczyk"`) is one capitalised word filling its field.

import type { Detector, RawHit } from '../detector';
import { afterLabels, labelRegex } from './labelled';
import { nameAt, personAt } from './personalNames';

// Two or three capitalised words (`O'Brien`, `Jean-Luc`); the boundary before the first is checked in code.
const CANDIDATE = /\p{Lu}\p{Ll}[\p{Ll}'’-]{0,30}(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}'’-]{0,30}){1,2}/gu;

const RELATIONS = 'patient|customer|client|tenant|employee|colleague|co-?worker|manager|boss|wife|husband|partner|son|daughter|mother|father|mom|mum|dad|sister|brother|' +
  'neighbou?r|friend|applicant|candidate|student|landlord|landlady|resident|guest|passenger|caller|complainant|claimant|beneficiary|contractor|nanny|caregiver';
// Before the name: a relation noun (`my patient`, `our new tenant`, `patient`), or a message or request attributed to
// someone (`ticket from`, `requested by`), a contact verb (`call`, `emailing`), or `Dear` — each a separate signal.
// (Relation nouns are also technical words, `client Assertion Credential`: a possessive determiner says it is a person.)
// (Lower case, as prose writes them: `Tenant Discovery Response` and `Our Tenant Portal` are titles.)
const RELATION_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)[ \\t]+(?:\\p{Ll}+[ \\t]+)?(?:${RELATIONS})|patient|tenant|applicant|claimant|complainant)[ \\t]*,?[ \\t]*$`, 'u');
const ATTRIBUTED_BEFORE = /(?:^|[^\p{L}])(?:(?:ticket|message|e-?mail|mail|note|letter|call|request|complaint|feedback|reply|voicemail|text|referral|order)s?[ \t]+from|(?:reported|requested|submitted|sent|signed|referred|raised|filed|complained|called)[ \t]+by|on behalf of)[ \t]+$/iu;
// (Also in the languages of the labels: `позвони`, `ruf … an`, `appelle`, `llama a`.)
const CONTACT_VERBS = ['(?:call|phone|text|e-?mail|ping|message|contact|ask|tell|remind|invite|notify|visit|pay|cc|dm|reach|warn|thank)(?:s|ed|ing)?',
  'позвон(?:и|ите|ить)', 'напиш(?:и|ите)', 'спрос(?:и|ите)', 'напомн(?:и|ите)', 'ruf(?:e|en)?', 'schreib(?:e|en)?', 'frag(?:e|en)?', 'appel(?:le|lez|er)',
  'écri(?:s|vez|re)[ \\t]+à', 'demande[ \\t]+à', 'llam(?:a|ar|e)(?:[ \\t]+a)?', 'escrib(?:e|ir)(?:[ \\t]+a)?', 'pregunt(?:a|ar)(?:[ \\t]+a)?'];
const CONTACT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${CONTACT_VERBS.join('|')})[ \\t]+$`, 'iu');
// Things done with a person, not with a product: `I met …`, `we interviewed …` (a name follows them on its own).
const MET_BEFORE = /(?:^|[^\p{L}])(?:met|meet|meeting|interviewed|interviewing|hired|fired|onboarded|married|dating|visited|introduced)(?:[ \t]+(?:with|to))?[ \t]+$/iu;
// After the name: a possessive of something only people have, a relative `who`, or a personal pronoun later in the
// same sentence (two name words the sentence then calls `she` or `his` are a person, with or without a contact
// verb before them; "call React Native on its thread" names no one).
const POSSESSIVE_AFTER = /^['’]s[ \t]+(?:home|address|phone|cell|mobile|number|birthday|date of birth|salary|diagnosis|medical|health|wife|husband|partner|kids?|children|son|daughter|mother|father|parents|passport|ssn|social security|maiden|family|condition|prescription|symptoms|medication|pregnancy|divorce|lawyer|therapist|doctor)\b/iu;
// Things organisations have too (`a Claude Tag Bundle's instructions`): only after a preposition (`per …'s request`).
const WEAK_POSSESSIVE_AFTER = /^['’]s[ \t]+(?:request|behalf|approval|instructions|consent|signature|permission)\b/iu;
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:per|on|at|with|without|by|under|upon|following)[ \t]+$/iu;
// (`whose` is not among them: "an Object whose properties", "a Header whose value".)
const WHO_AFTER = /^,?[ \t]+whom?\b/iu;
// English personal pronouns refer to people only; German `ihre`, Russian `её`, French `elle` also to nouns of that
// gender (`Die Eigenschaft … ihre`), so those count only after a contact verb.
const PERSON_PRONOUN_AFTER = /^[^.!?\n]{0,80}?(?:^|[^\p{L}])(?:she|her|hers|herself|he|him|his|himself)(?![\p{L}])/iu;
const PRONOUN_AFTER = /^[^.!?\n]{0,80}?(?:^|[^\p{L}])(?:she|her|hers|herself|he|him|his|himself|её|ее|его|ей|ему|ней|нему|она|он|ihr|ihm|ihre|ihren|ihrem|seine|seinen|seinem|elle|lui|ella|él)(?![\p{L}])/iu;
// A name opening a sentence as the subject of something only people do (`Aisha Rahman approved the PR`).
const SUBJECT_BEFORE = /(?:^|[.!?;][ \t]+|\n[ \t]*)$/;
const PERSON_VERBS = ['approved', 'reviewed', 'signed[ \\t]+off', 'said', 'asked', 'told', 'wrote[ \\t]+(?:me|us|back|to)', 'replied', 'emailed', 'phoned', 'called[ \\t]+(?:me|us)',
  'mentioned', 'complained', 'confirmed', 'promised', 'agreed', 'resigned', 'joined[ \\t]+(?:the|our)', 'left[ \\t]+(?:the|our)', 'quit', 'apologi[sz]ed', 'requested',
  'suggested', 'thinks', 'wants', 'needs', 'prefers', 'insists', 'insisted', 'reported[ \\t]+that'];
const PERSON_VERB_AFTER = new RegExp(`^[ \\t]+(?:has[ \\t]+|had[ \\t]+|just[ \\t]+|already[ \\t]+)?(?:${PERSON_VERBS.join('|')})(?![\\p{L}])`, 'iu');
const CLOSINGS = ['(?:best|kind|warm|warmest|many)[ \\t]+(?:regards|wishes|thanks)', 'regards', 'cheers', 'thanks', 'thank you', 'sincerely', 'yours(?:[ \\t]+(?:sincerely|truly|faithfully))?',
  'respectfully', 'mit freundlichen grüßen', 'viele grüße', 'beste grüße', 'cordialement', 'bien à vous', 'saludos', 'atentamente', 'cordiali saluti', 'met vriendelijke groet(?:en)?',
  'pozdrawiam', 'с уважением', 'saygılarımla', 'iyi çalışmalar', 'trân trọng', 'με εκτίμηση', 'φιλικά', 'atenciosamente', 'cumprimentos', 'सादर', 'धन्यवाद', 'ขอแสดงความนับถือ'];
const CLOSING = new RegExp(`(?:^|\\n)[ \\t]*(?:${CLOSINGS.join('|')})[ \\t]*[,!.]?[ \\t]*\\r?\\n[ \\t]*$`, 'iu');

// Vendors, products and places that read as two capitalised words (personAt refuses headings and organisations).
const NOT_PEOPLE = new Set(['google', 'microsoft', 'amazon', 'apple', 'github', 'gitlab', 'cloud', 'react', 'native', 'spring', 'boot', 'azure', 'docker', 'linux',
  'windows', 'slack', 'jira', 'stripe', 'vercel', 'netlify', 'heroku', 'firebase', 'oracle', 'meta', 'facebook', 'twitter', 'chrome', 'safari', 'firefox',
  'angular', 'vue', 'next', 'nuxt', 'express', 'django', 'rails', 'ruby', 'python', 'java', 'script', 'kotlin', 'swift', 'rust', 'go', 'mongo', 'redis',
  'postgres', 'mysql', 'kafka', 'spark', 'hadoop', 'new', 'york', 'san', 'los', 'las', 'united', 'kingdom', 'states', 'times', 'post', 'news', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'christmas', 'easter', 'general', 'customer', 'success', 'human', 'resources', 'legal', 'finance', 'security',
  'an', 'the', 'this', 'that', 'these', 'those', 'each', 'every', 'some', 'any', 'its', 'operations', 'ops', 'devops', 'platform', 'infrastructure', 'frontend', 'backend', 'mobile', 'ios', 'android', 'web', 'notes', 'meeting', 'calendar']);

export function personWords(v: string): number | undefined {
  const n = personAt(v) ?? fieldlessName(v);
  if (!n) return undefined;
  return v.slice(0, n).split(/[ \t]+/).some((w) => NOT_PEOPLE.has(w.toLowerCase())) ? undefined : n;
}
/** In prose a name is followed by more words, not by the end of a field: two or three name words then a non-letter. */
function fieldlessName(v: string): number | undefined {
  const n = nameAt(v.replace(/[,;:!?].*$/s, ''));
  if (!n) return undefined;
  const words = v.slice(0, n).split(/[ \t]+/).filter(Boolean);
  return words.length >= 2 && words.length <= 3 && words.every((w) => w.length >= 2) && personAt(v.slice(0, n)) === n ? n : undefined;
}

export function findProseNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index;
    if (at > 0 && /[\p{L}\p{N}_.@/\\-]/u.test(text[at - 1])) continue;
    // (A possessive ends the name: `Lindqvist's home`.)
    const n = personWords(text.slice(at, at + 100).split(/\r?\n|\r/)[0].replace(/['’]s(?![\p{L}]).*$/su, ''));
    // (Not a name here: the next try starts at its second word.)
    if (!n) { CANDIDATE.lastIndex = at + m[0].search(/[ \t]/) + 1; continue; }
    const before = text.slice(Math.max(0, at - 60), at);
    const after = text.slice(at + n, at + n + 120);
    const person = RELATION_BEFORE.test(before) || ATTRIBUTED_BEFORE.test(before) || POSSESSIVE_AFTER.test(after) || WHO_AFTER.test(after)
      || (WEAK_POSSESSIVE_AFTER.test(after) && PREPOSITION_BEFORE.test(before))
      || (SUBJECT_BEFORE.test(before) && PERSON_VERB_AFTER.test(after))
      || MET_BEFORE.test(before) || PERSON_PRONOUN_AFTER.test(after) || (CONTACT_BEFORE.test(before) && PRONOUN_AFTER.test(after)) || (CLOSING.test(before) && /^[ \t]*(?:\r?\n|$)/.test(after));
    if (person) out.push({ kind: 'person-name', label: 'personal name (in prose)', start: at, end: at + n });
    // (Not a person from its first word, perhaps from its second: `Per Rafael Fernandez's request`.)
    CANDIDATE.lastIndex = person ? at + n : at + m[0].search(/[ \t]/) + 1;
  }
  return out;
}

// A family name after its own label: one capitalised word (or two) filling the field; the label lists the ways
// records and code spell it, as identifiers too (`lastName`, `last_name`, `SURNAME`).
const FAMILY_LABELS = labelRegex(['last name', 'lastname', 'surname', 'family name', 'familyname', 'nachname', 'familienname', 'apellido', 'apellidos',
  'nom de famille', 'cognome', 'achternaam', 'sobrenome', 'nazwisko', 'фамилия']);

// One given name, the subject of a report about someone (`Bartholomew says she cannot log in`): a capitalised word
// before a verb of saying or wanting and a personal pronoun. (A product says `it`; `Everyone says he` is no name.)
// (Found from its verb and pronoun, which are rare, and read back to the word before: a regex starting at every
// capitalised word cost 30 ms a megabyte.)
const SAYS_SHE = /[ \t](?:says|said|told|tells|asked|asks|wrote|writes|reported|reports|mentioned|thinks|thought|wants|wanted|needs|needed|complained|complains|claims|claimed|replied|confirmed|called|emailed|insists|insisted)(?:[ \t]+(?:me|us|that))?[ \t]+(?:she|he)(?![\p{L}])/gu;
const GIVEN_BEFORE = /(?<![\p{L}\p{N}_.@/\\-])\p{Lu}\p{Ll}{2,20}(?:-\p{Lu}\p{Ll}{1,20})?$/u;
const NOT_GIVEN = /^(?:everyone|everybody|nobody|someone|somebody|anyone|anybody|he|she|it|this|that|who|which|customer|client|user|patient|doctor|manager|boss|mom|mum|dad|father|mother|teacher|support|sales|legal|finance|security|admin|owner|author|reviewer|maintainer|tenant|applicant|candidate|student|employee|colleague|partner|friend|then|also|and|but|so|because|when|if|since|while)$/i;

export function findGivenNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  SAYS_SHE.lastIndex = 0;
  for (let m = SAYS_SHE.exec(text); m; m = SAYS_SHE.exec(text)) {
    const from = Math.max(0, m.index - 44);
    const g = GIVEN_BEFORE.exec(text.slice(from, m.index));
    if (!g || NOT_GIVEN.test(g[0]) || NOT_PEOPLE.has(g[0].toLowerCase())) continue;
    out.push({ kind: 'person-name', label: 'given name (in prose)', start: from + g.index, end: m.index });
  }
  return out;
}

export function findFamilyNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const { at, rest } of afterLabels(text, FAMILY_LABELS, true, 60)) {
    const m = /^\p{Lu}\p{Ll}(?:[\p{Ll}'’-]{0,29}\p{Ll})?(?:[ \t-]\p{Lu}\p{Ll}(?:[\p{Ll}'’-]{0,29}\p{Ll})?)?(?=[ \t]*(?:["'`][ \t]*[,;)}\]]?|[,;|]|$))/u.exec(rest);
    if (!m || /^(?:Doe|Roe|Smith|Mustermann|Musterfrau|Bloggs|Name|Last|Surname|String|Text|Required|Optional|Unknown|None|Null|Undefined|Example|Sample|Test|User|Lastname|Acme|Foo|Bar|Baz|Qux|Placeholder|Anonymous)$/i.test(m[0])) continue;
    out.push({ kind: 'person-name', label: 'family name', start: at, end: at + m[0].length });
  }
  return out;
}

export const PROSE_NAME_DETECTORS: readonly Detector[] = [
  { id: 'person-name-prose', category: 'pii', keywords: [], find: findProseNames, plainViewsOnly: true,
    samples: {
      tp: ['Please call Maria Gonzalez on her cell if the job fails.', "Henrik Lindqvist's home address is in the export.", 'My patient Priya Ramanathan was seen today.',
        'The complaint came from Aisha Rahman, who lives nearby.', 'Ticket from Dmitri Volkov: export fails', '// requested by Leila Haddad from finance',
        'Thanks for the fix.\n\nBest regards,\nTomasz Kowalczyk\nHead of Procurement', 'email Siobhan Moreau directly, she owns the contract', 'ping Ingrid\tBergstrom about it, he said', 'позвони Марии Гонсалес на её мобильный', "Per Rafael Fernandez's request, skip archived orders."],
      fp: ['Call React Native on the main thread and email Spring Boot logs to the team.', 'Should we call Visual Studio Code first? Ask Google Cloud support.',
        'Thanks to Linus Torvalds and the Git community.', 'Call Set Up Node before the build; it caches.', "Google Cloud's phone support", 'Ask Customer Success, who handle refunds.',
        'Best regards,\nThe Team', 'My patient Record View shows it.', 'Requested by Build Bot', 'Tenant Discovery Response which contains the', 'Our Tenant Portal Login page', 'An Object whose truthy properties', 'Let header be a Structured Header whose value is a token', "add Update Bundle, which sets a Claude Tag Bundle's instructions"],
    } },
  { id: 'person-given-name', category: 'pii', keywords: [' she', ' he ', ' he\t'],
    find: findGivenNames, plainViewsOnly: true,
    samples: {
      tp: ['Bartholomew says she cannot log in since Tuesday.', 'Wilhelmina told me she reset it twice.'],
      fp: ['Webpack says it cannot resolve the module.', 'Everyone says he is right.', 'The Customer says she wants a refund', 'Support said he would call back'],
    } },
  { id: 'person-family-name', category: 'pii', keywords: ['ast', 'AST', 'urname', 'URNAME', 'amily', 'AMILY', 'achname', 'pellido', 'ognome', 'chternaam', 'obrenome', 'azwisko', 'амилия'],
    find: findFamilyNames, plainViewsOnly: true,
    samples: {
      tp: ['{"firstName": "Tomasz", "lastName": "Kowalczykowa", "tier": "gold"}', 'Surname: Lindqvist', 'last_name = "Ramanathan"'],
      fp: ['lastName: string;', "firstName: 'John',\n lastName: 'Doe',", "surname: 'Acme',", 'lastName: user.lastName,', '"lastName": "Doe"', 'surname: {{ surname }}', 'lastName: Last', 'last name: required', 'lastModified: Date.now()'],
    } },
];
