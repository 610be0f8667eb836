// A customer record with no labels: `Jane Roe, (415) 555-0134, jane@…, 742 Evergreen Terrace, Springfield, IL 62704`,
// or the same on five lines of a pasted contact card. The e-mail and the phone are found on their own; the street
// address and the name have no label to say what they are, and alone a number beside capitalised words is a
// heading, a version or a commit message. What says "person" is the company they keep: two kinds of contact data
// (a phone, an e-mail, a street address) within one block — no blank line between them, a few lines apart. In such
// a block, the street address (house number, capitalised words, a street word), the city-state-ZIP that follows it
// and the field opening a line that reads as a person's name (personAt: two or three words filling it) are personal data.

import type { Detector, RawHit } from '../detector';
import { findEmailsSeen } from './emails';
import { personAt } from './personalNames';
import { findPhonesSeen } from './phones';

const STREET_WORDS = 'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Terrace|Place|Pl|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Crescent|Close|Trail|Row|Walk';
// A field of its own (it opens a line or follows a comma, tab or cell edge): `Version 3 Pro Way` is a heading.
const STREET = new RegExp(String.raw`(?<=(?:^|[\n,;\t|(])[ \t]*['"]?)\d{1,5}[A-Za-z]?(?:[ \t]+[NSEW]\.?)?(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,3}[ \t]+(?:${STREET_WORDS})\b\.?(?:,?[ \t]+(?:Apt|Suite|Unit|#)\.?[ \t]*\w{1,5})?`, 'gu');
// Written the other way round too: `Hauptstraße 5`, `12 rue de la Paix`.
const STREET_EU = /(?<=(?:^|[\n,;\t|])[ \t]*)(?:\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|gatan|vägen|vej|veien|katu)[ \t]+\d{1,4}[a-z]?|\d{1,5},?[ \t]+(?:rue|avenue|boulevard|chemin|place|allée|impasse|quai|via|viale|piazza|corso|calle|avenida|rua|travessa)[ \t]+[\p{L}'’ -]{2,40}\p{L})/gu;
// City and postcode: `Springfield, IL 62704`, `London NW1 6XE`, `10115 Berlin` (each a field of its own).
const CITY_ZIP = /(?<![\w-])\p{Lu}[\p{L}'’. -]{1,30},[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?![\w-])|(?<=(?:^|[\n,;\t|])[ \t]*)(?:\p{Lu}[\p{L}'’. -]{1,30}[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{4,5}[ \t]+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)(?![\w-])/gu;
// A whole postal address, wherever it stands: a street and, after a comma or on the next line, its city and postcode
// (`742 Evergreen Terrace, Springfield, IL 62704`, `27 Wellington Road, London NW1 3XE`, `Lindenstraße 17, 10115
// Berlin`). Street and city-postcode together locate a household with no other contact datum beside them; either
// alone is a heading, a version or a venue's street. (A business's address is read the same way: nothing tells them apart.)
export const STREET_BODY = String.raw`\d{1,5}[A-Za-z]?(?:[ \t]+[NSEW]\.?)?(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,3}[ \t]+(?:${STREET_WORDS})\b\.?(?:,?[ \t]+(?:Apt|Suite|Unit|#)\.?[ \t]*\w{1,5})?`;
const STREET_EU_BODY = String.raw`\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|gatan|vägen|vej|veien|katu)[ \t]+\d{1,4}[a-z]?`;
const CITY_BODY = String.raw`\p{Lu}[\p{L}'’. -]{1,30},[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?|\p{Lu}[\p{L}'’. -]{1,30}[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{4,5}[ \t]+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?`;
const FULL_ADDRESS = new RegExp(String.raw`(?<![\p{L}\p{N}_.-])(?:${STREET_BODY}|${STREET_EU_BODY})(?:,[ \t]*|[ \t]*\r?\n[ \t]*)(?:${CITY_BODY})(?![\w-])`, 'gu');
const ADDRESS_HINT = /\b[A-Z]{2}[ \t]+\d{5}\b|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b|,[ \t]*\d{4,5}[ \t]+[A-Z\u00C0-\u00DE]/;
// The person an address belongs to, right before it: `for Maria Gonzalez at 742 …`, `Aisha Rahman, 12 …`.
const NAME_BEFORE = /(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})(?:,|[ \t]+(?:at|of|in))?[ \t]+$/u;

/** Kinds of contact data two of which make a block a record. */
type Anchor = { kind: 'phone' | 'email' | 'street'; start: number; end: number };

const NEAR = 240;

function hits(re: RegExp, text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  re.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** The block around `at`: at most NEAR characters either way, not across a blank line. */
function blockAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - NEAR), start);
  const gapBefore = before.search(/\n[ \t]*\r?\n(?![\s\S]*\n[ \t]*\r?\n)/);
  const from = gapBefore === -1 ? Math.max(0, start - NEAR) : Math.max(0, start - NEAR) + gapBefore + 1;
  const after = text.slice(end, end + NEAR);
  const gapAfter = after.search(/\n[ \t]*\r?\n/);
  return [from, gapAfter === -1 ? Math.min(text.length, end + NEAR) : end + gapAfter];
}

export function findPersonalRecords(text: string): RawHit[] {
  const anchors: Anchor[] = [
    ...(text.includes('@') ? findEmailsSeen(text).map((h) => ({ kind: 'email' as const, start: h.start, end: h.end })) : []),
    ...findPhonesSeen(text).map((h) => ({ kind: 'phone' as const, start: h.start, end: h.end })),
  ].sort((a, b) => a.start - b.start);
  const out: RawHit[] = [];
  if (ADDRESS_HINT.test(text)) {
    FULL_ADDRESS.lastIndex = 0;
    for (let m = FULL_ADDRESS.exec(text); m; m = FULL_ADDRESS.exec(text)) {
      out.push({ kind: 'postal-address', label: 'postal address', start: m.index, end: m.index + m[0].length });
      // (A street and its city are two kinds of contact data: the block around them is a record.)
      anchors.push({ kind: 'street', start: m.index, end: m.index + m[0].length });
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index));
      const n = before ? personAt(before[1]) : undefined;
      if (before && n === before[1].length) out.push({ kind: 'person-name', label: 'personal name (beside an address)', start: m.index - before[0].length, end: m.index - before[0].length + n });
    }
    anchors.sort((a, b) => a.start - b.start);
  }
  // Anchors close together (no blank line between) are one record; each record's block is read once.
  for (let i = 0; i < anchors.length;) {
    let j = i + 1;
    while (j < anchors.length && anchors[j].start - anchors[j - 1].end <= NEAR && !/\n[ \t]*\r?\n/.test(text.slice(anchors[j - 1].end, anchors[j].start))) j++;
    const [from, to] = blockAround(text, anchors[i].start, anchors[j - 1].end);
    const kinds = new Set<string>(anchors.slice(i, j).map((a) => a.kind));
    if (anchors.slice(i, j).some((a) => a.kind === 'street')) kinds.add('city');
    out.push(...inRecord(text, from, to, kinds));
    i = j;
  }
  return out;
}

function inRecord(text: string, from: number, to: number, kinds: Set<string>): RawHit[] {
  const streets = [...hits(STREET, text, from, to), ...hits(STREET_EU, text, from, to)];
  if (streets.length) kinds.add('street');
  if (kinds.size < 2) return [];
  const out: RawHit[] = [];
  for (const s of streets) out.push({ kind: 'postal-address', label: 'postal address (in a contact record)', start: s.start, end: s.end });
  for (const c of hits(CITY_ZIP, text, from, to)) out.push({ kind: 'postal-address', label: 'postal address (in a contact record)', start: c.start, end: c.end });
  // The field opening a line (a CSV row, a contact card's first line) or a quoted field of a row or a tuple
  // (`VALUES ('Jane Roe', …)`) that reads as a person's name; an unquoted later field is as likely a city (`…, São Paulo (11) …`).
  const FIELD = /(?:(?:^|\n)[ \t]*(?:[-*>|][ \t]*)?|[(,][ \t]*['"])(?=\p{Lu})/gu;
  for (const f of hits(FIELD, text, from, to)) {
    // (The block may start mid-line: its start is a line start only after a newline.)
    if (f.start === from && from > 0 && text[from - 1] !== '\n') continue;
    const at = f.end;
    const n = personAt(text.slice(at, Math.min(to, at + 80)).split(/\r?\n|\r/)[0]);
    if (n) out.push({ kind: 'person-name', label: 'personal name (in a contact record)', start: at, end: at + n });
  }
  return out;
}

const phone = (g: { str(c: string, n: number): string }): string => `(${g.str('23456789', 1)}${g.str('0123456789', 2)}) ${g.str('23456789', 1)}${g.str('0123456789', 2)}-${g.str('0123456789', 4)}`;

export const PERSONAL_RECORD_DETECTORS: readonly Detector[] = [
  { id: 'personal-record', category: 'pii', keywords: ['@'], alsoWhen: (t) => /\(\d{3}\) ?\d{3}-\d{4}|\+\d{1,3}[ .-]\d/.test(t) || ADDRESS_HINT.test(t), find: findPersonalRecords, plainViewsOnly: true,
    samples: {
      tp: [(g) => `Hannelore Kowalczyk, ${phone(g)}, h.k${g.str('abcdefgh', 4)}@post-mail.com, 742 Evergreen Terrace, Springfield, IL 62704`,
        (g) => `Cornelius Abernathy\n${g.str('123456789', 3)} Juniper Lane\nPortland, OR 97205\n${phone(g)}`, (g) => `Ship it to ${g.str('123456789', 3)} Wexford Avenue, Springfield, IL 62704 by Friday.`,
        'Der Kunde wohnt in der Lindenstraße 17, 10115 Berlin.', 'Flat 3, 27 Wellington Road, London NW1 3XE'],
      fp: ['Build 1200 Main Street Runner\nsee CHANGELOG', '2024 Release Notes, 3 New Features Lane', 'Meet at 10 Downing Street tomorrow, Springfield, IL 62704', 'Version 3 Pro Way, Build 62704', 'Released 2024, 10115 Berlin office',
        'see section 12 Main Street Runner, IL 62704-style codes'],
    } },
];
