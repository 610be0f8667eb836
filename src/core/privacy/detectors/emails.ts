// E-mail addresses (after Microsoft Presidio's recognizer), found from each '@' outward; documentation names
// (RFC 2606 domains), role mailboxes and image-density suffixes (`@2x.png`) are not people.

import { lastTextMemo } from '../memo';
import type { Detector, RawHit } from '../detector';

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


export const EMAIL_DETECTORS: readonly Detector[] = [
  { id: 'email', category: 'pii', keywords: [], find: (t) => [...findEmailsSeen(t)],
    samples: { tp: ['Write to jane.doe@acme-mail.de about it.', 'Contact (jane.doe@acme-mail.de).'], fp: ['Send it to support@acme.com or user@example.com.', 'icon@2x.png'] } },
];

/** The same hits for the text just scanned, shared with the contact-record detector (personalRecords.ts). */
export const findEmailsSeen = lastTextMemo(findEmails);
