// Names where the structure, not a sentence, says they are people: a field for a person's role (`"owner": "…"`,
// `assignee: …`, `cc: …, …`, `TODO(…)`), a git trailer (`Co-authored-by: … <mail>`), a table or CSV column for
// people or their streets, a signature under `--`, a greeting (`Hi …,`) or a closing with a given name (`Thanks,
// Priya`), a git shortlog or blame line. The value must still read as a person's name (personAt: two or three
// name words, none of them a product, team or organisation word), so `owner: Platform Team` and `Co-authored-by:
// Dependabot Preview` stay. A bare `name` column counts only beside a column only people have (e-mail, phone,
// street, birth date): a `name` column of a package list is no list of people.

import type { Detector, RawHit } from '../detector';
import { findEmails } from './emails';
import { afterLabels, labelRegex } from './labelled';
import { nameAt, personAt } from './personalNames';
import { personWords } from './proseNames';
import { STREET_BODY } from './personalRecords';

const ROLES = ['owner', 'owners', 'assignee', 'assignees', 'assigned to', 'reporter', 'reviewer', 'reviewers', 'approver', 'approvers', 'requester', 'requestor',
  'point of contact', 'contact person', 'oncall', 'on call', 'on-call', 'attendee', 'attendees', 'account manager', 'responsible'];
// (`cc`, `bcc` and `dri` only as a line's key: as a label they match inside every `access` and `success`.)
const SHORT_ROLE = /^[ \t]*(?:[-*>][ \t]*)?["']?(?:cc|bcc|dri|CC|BCC|DRI|Cc|Bcc)["']?[ \t]*[:=][ \t]*["']?/gm;
const ROLE_LABELS = labelRegex(ROLES);
const ROLE_KEYWORDS = ['wner', 'WNER', 'ssign', 'SSIGN', 'eporter', 'EPORTER', 'eviewer', 'EVIEWER', 'pprover', 'PPROVER', 'eques', 'EQUES', 'ontact', 'ONTACT',
  'ncall', 'NCALL', 'n call', 'n-call', 'cc', 'CC', 'Cc', 'ttendee', 'TTENDEE', 'dri', 'DRI', 'anager', 'esponsible'];
// (Only the keys a person fills: `name` alone names packages and steps.)
const STREET_LABELS = labelRegex(['street', 'street address', 'line1', 'line 1', 'address1', 'address line 1', 'address line1', 'home address', 'shipping address', 'billing address', 'delivery address', 'ship to', 'deliver to']);

// Git trailers that credit a person (the mail after the name is part of the same datum).
const TRAILER = /^[ \t]*(?:[-+>][ \t]*)?(?:Co-authored-by|Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Helped-by|Requested-by|Approved-by)[ \t]*:[ \t]*/gim;
const TODO = /\b(?:TODO|FIXME|XXX|HACK)\(([^()\n]{3,60})\)/dg;
const SIGNATURE = /^--[ \t]?\r?\n[ \t]*([^\n]{3,80})/dgm;
// A sign-off after a dash on its own line (`— Priya`, `-- Henrik Lindqvist`).
// (Not one `-`: that is a Markdown list item, `- Brace Expansion`.)
const DASH_SIGN = /^[ \t]*(?:—|–|--)[ \t]?(\p{Lu}\p{Ll}{1,20}(?:[ \t]+\p{Lu}\p{Ll}{1,25}){0,2})[ \t]*$/dgmu;
// A mail address's display name (`Henrik Lindqvist <h@acme.io>`, as git, mail headers and trailers print it).
// (Only beside a mail the scanner takes for a person's, and as one finding with it: a placeholder's name goes with it.)
// (Found from the `<…@…>`, then read back: a regex starting at every capital letter cost 20 ms a megabyte.)
const ANGLED_MAIL = /<([^<>\s@]{1,64}@[^<>\s@]{1,120})>/g;
const NAME_BEFORE_MAIL = /(?<![\p{L}\p{N}_.])\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]+\p{Lu}[\p{L}'’-]{1,30}){1,2}[ \t]+$/u;
// A role key opening a YAML list or an object (`owners:` / `  - …`; `"reviewer": {"name": "…"}`).
const ROLE_BLOCK = new RegExp(String.raw`(?:^|[\s{,"'])(?:${ROLES.filter((r) => !/ /.test(r)).join('|')})["']?[ \t]*:[ \t]*(?:\r?\n((?:[ \t]*-[ \t]+[^\n]{3,80}\r?\n?){1,20})|\{[ \t]*["']?name["']?[ \t]*:[ \t]*["']?([^"'\n,}]{3,80}))`, 'dgim');
const GREETING = /^[ \t]*(?:Hi|Hello|Hey|Dear|Morning|Good morning)[ \t]+(\p{Lu}\p{Ll}{1,20}(?:[ \t]+\p{Lu}\p{Ll}{1,25})?)[ \t]*[,!]/dgmu;
// (A comma or a line break before the name: `Best Practices` is a heading.)
const CLOSING_GIVEN = /^[ \t]*(?:Thanks|Thank you|Thx|Cheers|Best|Regards|Best regards|Kind regards|Warm regards|Many thanks|Sincerely|Ta)[ \t]*(?:,[ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)(\p{Lu}\p{Ll}{1,20})[ \t]*[.!]?[ \t]*$/dgmu;
const NOT_GIVEN = /^(?:Team|All|Everyone|Everybody|Folks|Guys|Again|So|Much|In|Advance|You|Both|There|Sir|Madam|Friends|Colleagues|Anyway|Regards|Best|Thanks|Cheers)$/;
// `git shortlog -sn` (`  42\tName`) and `git blame` (`^3f2a1b9 (Name 2026-01-02 …`).
const SHORTLOG = /^[ \t]*\d{1,6}\t([^\t\n]{3,60})$/dgm;
const BLAME = /^\^?[0-9a-f]{7,40}[ \t]+(?:\S+[ \t]+)?\(([^()\n]{3,60}?)[ \t]+\d{4}-\d{2}-\d{2}/dgm;
// A `name` key holding a name in a script whose UI strings do not read as one: Cyrillic or Greek with every word
// capitalised (a label capitalises its first word only), Arabic or Hebrew not starting with the article `ال`.
const NAME_KEY = /(?:^|[\s{,])["']?name["']?[ \t]*[:=][ \t]*["']?(?=[\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF])/gm;
const SCRIPT_FULL_NAME = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]{1,30}(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]{1,30}){1,2}|(?!ال)[\p{sc=Arabic}\p{sc=Hebrew}]{2,20}(?:[ \t]+[\p{sc=Arabic}\p{sc=Hebrew}]{2,20}){1,2})(?=[ \t]*(?:["',;}]|$))/mu;

// Table and CSV headers: columns of people, of their streets, and columns only people have.
const PERSON_COLUMN = /^(?:owner|owners|assignee|reporter|reviewer|approver|requester|contact|contact[ _-]?name|customer|customer[ _-]?name|full[ _-]?name|employee|employee[ _-]?name|person|patient|tenant|member|member[ _-]?name|recipient|author|姓名|氏名|名前|이름|성명|имя|фио|الاسم|ชื่อ|ชื่อ-นามสกุล|नाम|पूरा नाम|họ tên|họ và tên|ad soyad|adı soyadı|ονοματεπώνυμο)$/i;
const NAME_COLUMN = /^(?:name|names|nom|nombre|nome|naam|vorname|nachname)$/i;
const PERSONAL_COLUMN = /^(?:e-?mail|email[ _-]?address|phone|phone[ _-]?number|mobile|tel|telephone|street|address|address1|line1|street[ _-]?address|city|zip|zip[ _-]?code|postcode|postal[ _-]?code|dob|birth[ _-]?date|date[ _-]?of[ _-]?birth|birthday|ssn|住所|地址|주소|电话|電話|전화)$/i;
const STREET_COLUMN = /^(?:street|address|address1|line1|street[ _-]?address|addr|地址|住所|주소)$/i;
const OTHER_SCRIPT_NAME = /^(?:[\p{sc=Arabic}\p{sc=Cyrillic}\p{sc=Greek}\p{sc=Hebrew}\p{sc=Thai}\p{sc=Devanagari}]{2,20}(?:[ \t]+[\p{sc=Arabic}\p{sc=Cyrillic}\p{sc=Greek}\p{sc=Hebrew}\p{sc=Thai}\p{sc=Devanagari}]{2,20}){1,2}|[\p{sc=Han}\p{sc=Hangul}]{2,4})(?=[ \t]*(?:["',;|<]|$))/u;
const STREET_START = new RegExp(String.raw`^${STREET_BODY}`, 'u');

const hit = (start: number, end: number, label = 'personal name (by its field)'): RawHit => ({ kind: label.includes('address') ? 'postal-address' : 'person-name', label, start, end });

/** Names in a field's value: one, or a list joined by `,`, `;` or `and`. */
function namesIn(text: string, at: number, rest: string, out: RawHit[]): void {
  let off = 0;
  for (let k = 0; k < 8 && off < rest.length; k++) {
    const v = rest.slice(off);
    // (A quoted value ends at its quote: `"owner": "…"}`.)
    const q = v.search(/["'`}\]]/);
    const n = personAt(q < 0 ? v : v.slice(0, q)) ?? otherScript(v);
    if (!n) return;
    out.push(hit(at + off, at + off + n));
    const sep = /^["']?[ \t]*(?:[,;]|[ \t]and)[ \t]*["']?[ \t]*/.exec(v.slice(n));
    if (!sep) return;
    off += n + sep[0].length;
  }
}
const otherScript = (v: string): number | undefined => OTHER_SCRIPT_NAME.exec(v)?.[0].length;

function cellsOf(line: string, sep: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const c of line.split(sep)) {
    const lead = c.length - c.trimStart().length;
    out.push({ text: c.trim().replace(/^"(.*)"$/, '$1'), start: from + lead + (c.trim().startsWith('"') ? 1 : 0) });
    from += c.length + sep.length;
  }
  return out;
}

/** CSV, TSV and Markdown tables whose header names columns of people or of their streets. */
// A cell that could head a column of people or streets: the table is read only from a line holding one.
// (Blanks bounded: started at every tab of a run of them, an unbounded one made a line of 100,000 tabs quadratic.)
const HEADER_HINT = new RegExp(String.raw`(?:^|[,\t|;])[ \t]{0,8}["*]{0,2}(?:${[PERSON_COLUMN, NAME_COLUMN, STREET_COLUMN].map((r) => r.source.slice(4, -2)).join('|')})["*]{0,2}[ \t]{0,8}(?=[,\t|;\r\n]|$)`, 'gim');

function tableCells(text: string, out: RawHit[]): void {
  HEADER_HINT.lastIndex = 0;
  let done = 0;
  for (let m = HEADER_HINT.exec(text); m; m = HEADER_HINT.exec(text)) {
    const start = text.lastIndexOf('\n', m.index - 1) + 1;
    if (start < done) continue;
    done = tableFrom(text, start, out);
    HEADER_HINT.lastIndex = Math.max(HEADER_HINT.lastIndex, done);
  }
}

/** The table whose header is the line at `from`; returns where it ends. */
function tableFrom(text: string, from: number, out: RawHit[]): number {
  let end = text.indexOf('\n', from);
  let offset = from;
  let cols: { person: number[]; street: number[]; bare: number[]; sep: string } | undefined;
  // A bare `name` column with no column only people have: its cells count when every one reads as a person's name
  // (no product, vendor or team word: a package list's `React Native` makes it no list of people).
  let bare: RawHit[] = [];
  let bareOk = true;
  const endBlock = (): void => { if (bareOk) out.push(...bare); bare = []; bareOk = true; };
  let first = true;
  for (;;) {
    if (end < 0) end = text.length;
    const raw = text.slice(offset, end);
    const line = raw.replace(/\r$/, '');
    if (!first && !cols) break;
    first = false;
    const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : line.includes(',') ? ',' : line.includes(';') ? ';' : '';
    if (!sep || line.length > 2000) { endBlock(); cols = undefined; } else if (cols && cols.sep === sep) {
      if (!/^[ \t|:-]+$/.test(line)) {
        const cells = cellsOf(line, sep);
        for (const i of cols.bare) if (cells[i]?.text) { const n = personWords(cells[i].text); if (n === cells[i].text.length) bare.push(hit(offset + cells[i].start, offset + cells[i].start + n)); else bareOk = false; }
        for (const i of cols.person) if (cells[i]) { const n = personAt(cells[i].text) ?? otherScript(cells[i].text); if (n) out.push(hit(offset + cells[i].start, offset + cells[i].start + n)); }
        for (const i of cols.street) if (cells[i]) { const m = STREET_START.exec(cells[i].text); const n = m ? m[0].length : /\d/.test(cells[i].text) && /[^\x00-\x7f]/.test(cells[i].text) ? cells[i].text.length : 0; if (n) out.push(hit(offset + cells[i].start, offset + cells[i].start + n, 'postal address (by its column)')); }
      }
    } else {
      const heads = cellsOf(line, sep).map((c) => c.text.replace(/^\*\*|\*\*$/g, ''));
      const personal = heads.some((h) => PERSONAL_COLUMN.test(h));
      const person = heads.flatMap((h, i) => (PERSON_COLUMN.test(h) || (personal && NAME_COLUMN.test(h)) ? [i] : []));
      const street = heads.flatMap((h, i) => (STREET_COLUMN.test(h) ? [i] : []));
      const bareCols = personal ? [] : heads.flatMap((h, i) => (NAME_COLUMN.test(h) ? [i] : []));
      endBlock();
      cols = person.length + street.length + bareCols.length > 0 && heads.length >= 2 ? { person, street, bare: bareCols, sep } : undefined;
    }
    if (end >= text.length) { offset = text.length; break; }
    offset = end + 1;
    end = text.indexOf('\n', offset);
  }
  endBlock();
  return offset;
}

export function findPersonFields(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const { at, rest } of afterLabels(text, ROLE_LABELS, true, 200)) namesIn(text, at, rest, out);
  if (/cc|CC|dri|DRI/.test(text)) {
    SHORT_ROLE.lastIndex = 0;
    for (let m = SHORT_ROLE.exec(text); m; m = SHORT_ROLE.exec(text)) { const at = m.index + m[0].length; namesIn(text, at, text.slice(at, at + 200).split('\n')[0], out); }
  }
  for (const { at, rest } of afterLabels(text, STREET_LABELS, true, 120)) {
    const m = STREET_START.exec(rest);
    if (m) out.push(hit(at, at + m[0].length, 'postal address (by its field)'));
  }
  const each = (re: RegExp, f: (m: RegExpExecArray) => void): void => { re.lastIndex = 0; for (let m = re.exec(text); m; m = re.exec(text)) f(m); };
  // (Each line-start pattern only when its literal part occurs: tried at every line, each cost 1.5 ms a megabyte.)
  if (/-by:/i.test(text)) each(TRAILER, (m) => {
    const at = m.index + m[0].length;
    const line = text.slice(at, at + 200).split('\n')[0];
    const n = personAt(line);
    if (!n) return;
    // (The mail after the name is the same person: one finding.)
    const mail = /^[ \t]*<[^<>\s]{3,120}>/.exec(line.slice(n));
    out.push(hit(at, at + n + (mail ? mail[0].length : 0)));
  });
  const inGroup = (m: RegExpExecArray, n: number | undefined): void => {
    const at = m.indices?.[1]?.[0];
    if (n && at !== undefined) out.push(hit(at, at + n));
  };
  each(TODO, (m) => inGroup(m, personAt(m[1])));
  if (/--[ \t]?\r?\n/.test(text)) each(SIGNATURE, (m) => inGroup(m, personAt(m[1].replace(/\r$/, ''))));
  if (/Hi|Hello|Hey|Dear|Morning/.test(text)) each(GREETING, (m) => inGroup(m, givenOrFull(m[1])));
  if (/Thanks|Thank you|Thx|Cheers|Best|Regards|Sincerely|Ta[,\r\n]/.test(text)) each(CLOSING_GIVEN, (m) => inGroup(m, givenOrFull(m[1])));
  if (text.includes('\t')) each(SHORTLOG, (m) => inGroup(m, personAt(m[1])));
  if (/—|–|--/.test(text)) each(DASH_SIGN, (m) => inGroup(m, givenOrFull(m[1])));
  if (text.includes('@')) each(ANGLED_MAIL, (m) => {
    const from = Math.max(0, m.index - 100);
    const n = NAME_BEFORE_MAIL.exec(text.slice(from, m.index));
    if (!n || !personWords(n[0].trimEnd()) || findEmails(` ${m[1]} `).length === 0) return;
    out.push(hit(from + n.index, m.index + m[0].length));
  });
  each(ROLE_BLOCK, (m) => {
    if (m[2] !== undefined) { const at = m.indices![2]![0]; const n = personAt(m[2]); if (n) out.push(hit(at, at + n)); return; }
    let at = m.indices![1]![0];
    for (const line of m[1].split('\n')) {
      const item = /^[ \t]*-[ \t]+/.exec(line);
      const n = item ? personAt(line.slice(item[0].length).replace(/\r$/, '')) : undefined;
      if (item && n) out.push(hit(at + item[0].length, at + item[0].length + n));
      at += line.length + 1;
    }
  });
  if (/\d{4}-\d{2}-\d{2}/.test(text)) each(BLAME, (m) => inGroup(m, personAt(m[1])));
  if (/[\u0370-\u06FF]/.test(text)) each(NAME_KEY, (m) => {
    const at = m.index + m[0].length;
    const n = SCRIPT_FULL_NAME.exec(text.slice(at, at + 100))?.[0].length;
    if (n) out.push(hit(at, at + n));
  });
  tableCells(text, out);
  return out;
}

/** One given name (not a word a greeting or closing takes: `Team`, `All`), or two or three name words. */
function givenOrFull(v: string): number | undefined {
  if (/[ \t]/.test(v)) return personAt(v);
  return !NOT_GIVEN.test(v) && nameAt(`${v} Xx`) !== undefined && personAt(`${v} Xx`) !== undefined ? v.length : undefined;
}

export const PERSON_FIELD_DETECTORS: readonly Detector[] = [
  { id: 'person-name-field', category: 'pii', keywords: [...ROLE_KEYWORDS, '-by:', '-By:', '-BY:', '@', '—', '–', 'hip to', 'HIP TO', 'hip-to', 'eliver to', 'TODO(', 'FIXME(', 'XXX(', 'HACK(', '--', 'Hi ', 'Hello ', 'Hey ', 'Dear ', 'Morning',
    'Thanks', 'Thank you', 'Thx', 'Cheers', 'Best', 'Regards', 'regards', 'Sincerely', 'Ta', '\t', ',', '|', 'treet', 'TREET', 'ine1', 'ine 1', 'INE1', 'ddress', 'DDRESS'],
  alsoWhen: (t) => /[\u0400-\u04FF\u0600-\u06FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/.test(t), find: findPersonFields, plainViewsOnly: true,
  samples: {
    tp: ['{"service": "billing", "owner": "Tomasz Kowalczyk"}', 'Please stop force-pushing.\n— Evangelina', 'Ingrid Bergstrom <ingrid.b@acme-corp.io> wrote:', 'assignee: Dmitri Volkov', 'cc: Henrik Lindqvist, Priya Ramanathan', 'Co-authored-by: Leila Haddad <leila@acme-corp.io>',
      '// TODO(Siobhan Moreau): remove after the audit', 'The fix ships Friday.\n--\nIngrid Bergstrom\nAccount Manager', 'Hi Wilhelmina,\n\nthe sync failed.', 'please revert.\n\nThanks, Bartholomew',
      'id,name,email\n7,Mateo Fernandez,m@x.io', '| Service | Owner |\n|---|---|\n| export | Aisha Rahman |', '    42\tKenji Takahashi', '{"line1": "742 Evergreen Terrace, Apt 5B"}', 'id,姓名,城市\n7,王建国,上海'],
    fp: ['{"owner": "Platform Team"}', 'owner: string;', 'assignee: Platform Oncall Bot', 'Co-authored-by: Dependabot Bot', '// TODO(perf): cache this', 'Hi Team,', 'Thanks, everyone', 'Thanks, All',
      'id,name,version\n1,Visual Studio Code,1.95', '| Name | Type |\n|---|---|\n| Spring Boot | lib |', '--\nThe Platform Team', 'cc: null', 'owner: req.user.name', '- Brace Expansion\n- Maps', 'John Doe <john@example.com>'],
  } },
];
