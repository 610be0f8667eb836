// Personal-data detectors after Microsoft Presidio's recognizers: a bounded regex finds the candidate, a checksum
// or range check (Luhn, SSN ranges, IBAN mod-97) removes look-alikes, so ordinary numbers in code stay quiet.

import { isPublicTestCard } from './publicTestCards';

export interface RawHit {
  kind: string;
  label: string;
  start: number;
  end: number;
}

const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?){0,8}\.(\p{L}{2,24})(?![\p{L}\p{N}-])/uy;
// RFC 2606 / 6761 reserved names and file extensions after "@2x": documentation, not people.
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const NOT_TLD = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'css', 'json', 'md', 'html', 'py', 'go', 'rs', 'java', 'txt', 'lock']);
// Role mailboxes of an organisation, not a person.
const ROLE_LOCALS = new Set(['git', 'noreply', 'no-reply', 'donotreply', 'nobody', 'support', 'info', 'contact', 'sales', 'help',
  'hello', 'team', 'security', 'privacy', 'abuse', 'postmaster', 'webmaster', 'billing', 'press', 'jobs', 'careers']);

/** E-mail addresses, found from each '@' outward so a long line costs one pass. */
export function findEmails(text: string): RawHit[] {
  const out: RawHit[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && EMAIL_LOCAL.test(text[s - 1])) s--;
    while (s < at && /[.%+-]/.test(text[s])) s++;
    // user@host right after "scheme://" is a URL's user name, not a mailbox.
    if (s < at && text.slice(Math.max(0, s - 3), s) !== '://') {
      EMAIL_DOMAIN.lastIndex = at + 1;
      const m = EMAIL_DOMAIN.exec(text);
      if (m) {
        const domain = m[0];
        const local = text.slice(s, at).toLowerCase();
        const tld = m[1].toLowerCase();
        if (!RESERVED_DOMAIN.test(domain) && !NOT_TLD.has(tld) && !ROLE_LOCALS.has(local) && !/^\d+x$/.test(domain.split('.')[0])) {
          out.push({ kind: 'email', label: 'e-mail address', start: s, end: at + 1 + domain.length });
        }
      }
    }
    at = text.indexOf('@', at + 1);
  }
  return out;
}

// Leading context is checked in code, not with a look-behind: a pattern that starts with \d lets the engine skip
// non-digits quickly, a leading look-behind runs at every position.
// A comma after the number ends it (CSV rows, JSON arrays); a dot or dash followed by a digit continues it.
const CARD = /(\d{4}([ -]?)\d{4}\2\d{4}\2\d{1,7}|\d{4}([ -]?)\d{6}\3\d{4,5})(?!\d|[.-]\d|[ -]\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function cardBrand(d: string): boolean {
  if (d.length < 13 || d.length > 19) return false;
  if (/^4/.test(d)) return d.length === 13 || d.length === 16 || d.length === 19;
  if (/^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(d)) return d.length === 16;
  if (/^3[47]/.test(d)) return d.length === 15;
  if (/^(?:6011|65|64[4-9]|622)/.test(d)) return d.length >= 16;
  if (/^35(?:2[89]|[3-8]\d)/.test(d)) return d.length >= 16;
  if (/^3(?:0[0-5]|[689])/.test(d)) return d.length >= 14;
  // Maestro (50, 56–69 not claimed above): 12–19 digits issued; 16–19 here, shorter ones are too often other numbers.
  if (/^(?:50|5[6-9]|6\d)/.test(d)) return d.length >= 16;
  return false;
}

export function findCards(text: string): RawHit[] {
  const out: RawHit[] = [];
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m; m = CARD.exec(text)) {
    if (m.index > 0 && (/\d/.test(text[m.index - 1]) || (/[.-]/.test(text[m.index - 1]) && /\d/.test(text[m.index - 2] ?? '')))) { CARD.lastIndex = m.index + 1; continue; }
    const digits = m[1].replace(/[ -]/g, '');
    if (cardBrand(digits) && luhnValid(digits) && !/^(\d)\1+$/.test(digits) && !isPublicTestCard(digits)) {
      out.push({ kind: 'credit-card', label: 'payment card number', start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

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

// Lengths from the SWIFT IBAN registry (every country in it, release 2024).
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Case-insensitive: a lower-cased IBAN is still an IBAN (the check digits are computed on the upper-cased form).
const IBAN = /([A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])/g;

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/[ -]/g, '').toUpperCase();
  const len = IBAN_LENGTH[s.slice(0, 2)];
  if (!len || s.length !== len) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : ch;
    for (const digit of part) rem = (rem * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

export function findIbans(text: string): RawHit[] {
  const out: RawHit[] = [];
  IBAN.lastIndex = 0;
  for (let m = IBAN.exec(text); m; m = IBAN.exec(text)) {
    if (m.index > 0 && /[A-Za-z0-9]/.test(text[m.index - 1])) { IBAN.lastIndex = m.index + 1; continue; }
    if (ibanValid(m[1])) out.push({ kind: 'iban', label: 'IBAN', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// International numbers need the '+'; North-American ones need the usual punctuation. Bare digit runs in code
// (timestamps, ids) are deliberately not phone numbers.
// `00` is the international prefix outside North America; it needs a separator after the country code so bare
// digit runs stay quiet.
// A trunk prefix in parentheses may be glued to the area code: +33 (0)6 12 34 56 78, +44 (0)20 7946 0958.
const PHONE_INTL = /(?:\+|00(?=[1-9]\d{0,2}[ .-]))(\d{1,3})(?:[ .-]?\(?\d{1,4}\)?\d{0,4})(?:[ .-]?\d{2,4}){2,4}(?![\w.-]|[ ]\d)/g;
const PHONE_NANP = /(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([ .-]))[2-9]\d{2}[ .-]\d{4}(?![\w-]|\.\d)/g;

export function findPhones(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const re of [PHONE_INTL, PHONE_NANP]) {
    re.lastIndex = 0;
    const before = re === PHONE_INTL ? /[\w+]/ : /[\w.+-]/;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > 0 && before.test(text[m.index - 1])) { re.lastIndex = m.index + 1; continue; }
      // `00…` after a group of digits is the middle of an account or reference number, not a dialling prefix.
      if (m[0].startsWith('00') && /(?:^|\s)[A-Z0-9]{2,6}[ -]$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 10 || digits.length > 15) continue;
      if (re === PHONE_NANP && m[1] !== undefined && !new RegExp(`^\\d{3}\\${m[1]}\\d{3}\\${m[1]}\\d{4}$`).test(m[0])) continue;
      out.push({ kind: 'phone', label: 'phone number', start: m.index, end: m.index + m[0].length });
    }
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

export function findNinos(text: string): RawHit[] {
  const out: RawHit[] = [];
  NINO.lastIndex = 0;
  for (let m = NINO.exec(text); m; m = NINO.exec(text)) {
    if (/^(?:BG|GB|KN|NK|NT|TN|ZZ)$/.test(m[1])) continue;
    out.push({ kind: 'uk-nino', label: 'UK National Insurance number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
