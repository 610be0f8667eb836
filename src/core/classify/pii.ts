// Personal-data detectors after Microsoft Presidio's recognizers: a bounded regex finds the candidate, a checksum
// or range check (Luhn, SSN ranges, IBAN mod-97) removes look-alikes, so ordinary numbers in code stay quiet.

export interface RawHit {
  kind: string;
  label: string;
  start: number;
  end: number;
}

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/y;
// RFC 2606 / 6761 reserved names and file extensions after "@2x": documentation, not people.
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const NOT_TLD = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'css', 'json', 'md', 'html', 'py', 'go', 'rs', 'java', 'txt', 'lock']);
const ROLE_LOCALS = new Set(['git', 'noreply', 'no-reply', 'donotreply', 'nobody']);

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
const CARD = /(\d{4}([ -]?)\d{4}\2\d{4}\2\d{1,7}|\d{4}([ -]?)\d{6}\3\d{4,5})(?![\d.,-]|[ -]\d)/g;

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
  return false;
}

export function findCards(text: string): RawHit[] {
  const out: RawHit[] = [];
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m; m = CARD.exec(text)) {
    if (m.index > 0 && /[\d.,-]/.test(text[m.index - 1])) { CARD.lastIndex = m.index + 1; continue; }
    const digits = m[1].replace(/[ -]/g, '');
    if (cardBrand(digits) && luhnValid(digits) && !/^(\d)\1+$/.test(digits)) {
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

// Lengths from the SWIFT IBAN registry for the countries users are most likely to paste.
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22,
  GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15,
  PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, AE: 23, SA: 24, IL: 23, BR: 29, QA: 29, UA: 29,
};

const IBAN = /([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, '');
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
const PHONE_INTL = /\+(\d{1,3})(?:[ .-]?\(?\d{1,4}\)?)(?:[ .-]?\d{2,4}){2,4}(?![\w.-]|[ ]\d)/g;
const PHONE_NANP = /(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([ .-]))[2-9]\d{2}[ .-]\d{4}(?![\w-]|\.\d)/g;

export function findPhones(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const re of [PHONE_INTL, PHONE_NANP]) {
    re.lastIndex = 0;
    const before = re === PHONE_INTL ? /[\w+]/ : /[\w.+-]/;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > 0 && before.test(text[m.index - 1])) { re.lastIndex = m.index + 1; continue; }
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 10 || digits.length > 15) continue;
      if (re === PHONE_NANP && m[1] !== undefined && !new RegExp(`^\\d{3}\\${m[1]}\\d{3}\\${m[1]}\\d{4}$`).test(m[0])) continue;
      out.push({ kind: 'phone', label: 'phone number', start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
