// E-mail addresses written to dodge scrapers: `jane.doe [at] acme [dot] com`, `jane(at)acme(dot)de`,
// `jane AT acme DOT io`, `jane@acme[.]com`. The address is personal data however it is spelled. A bracketed
// `at`/`dot` is unambiguous; the bare-word form (`at … dot …`) is English prose too ("look at the dot product"),
// so there the last label must be a common top-level domain and both words must be present.

import type { Detector, RawHit } from '../detector';

const LOCAL = String.raw`[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}`;
const LABELPART = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const BR_AT = String.raw`[ \t]*[\[({<][ \t]*(?:at|@)[ \t]*[\])}>][ \t]*`;
const BR_DOT = String.raw`[ \t]*[\[({<][ \t]*(?:dot|\.)[ \t]*[\])}>][ \t]*`;
const WORD_AT = String.raw`[ \t]+(?:at|AT)[ \t]+`;
const WORD_DOT = String.raw`[ \t]+(?:dot|DOT)[ \t]+`;

// Any `at` spelling, then labels joined by any `dot` spelling (or a plain dot).
const BRACKETED = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])(${LOCAL})(?:${BR_AT}|@|${WORD_AT})(${LABELPART}(?:(?:${BR_DOT}|${WORD_DOT}|\.)${LABELPART}){1,6})(?![\p{L}\p{N}-])`, 'giu');
const ANCHOR = /[[({<][ \t]*(?:at|AT|@|dot|DOT|\.)[ \t]*[\])}>]|[ \t](?:dot|DOT)[ \t]/;
const COMMON_TLD = /^(?:com|org|net|io|co|de|uk|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|cz|pt|ie|us|ca|au|nz|jp|cn|in|br|mx|ru|edu|gov|info|biz|me|dev|app|ai|eu)$/i;

/** Case-sensitive literals for the scanner's keyword pre-filter: every obfuscated address holds one. */
const OBFUSCATED_EMAIL_KEYWORDS = ['[at', '(at', '{at', '<at', '[AT', '(AT', '{AT', '<AT', '[ a', '( a', '[ A', '( A', '[@', '(@', '{@', '<@', '[ @', '( @',
  'dot ', 'DOT ', '[.', '(.', '{.', '<.', '[ .', '( .', '[dot', '(dot', '{dot', '<dot', '[DOT', '(DOT', '{DOT', '<DOT', '[ d', '( d', '[ D', '( D'];

function findObfuscatedEmails(text: string): RawHit[] {
  // Cheap gate: a bracketed at/dot, or a spelled-out dot; without one there is nothing to find.
  if (!ANCHOR.test(text)) return [];
  const out: RawHit[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    // A rejected candidate ("me at jane.doe …") may hold the real address: the next try starts inside it.
    BRACKETED.lastIndex = m.index + 1;
    const whole = m[0];
    const atPart = whole.slice(m[1].length, whole.length - m[2].length);
    const bracketed = /[\[({<]/.test(atPart) || /[\[({<]/.test(m[2]);
    if (atPart === '@' && !bracketed) continue; // a plain address: findEmails' job
    const labels = m[2].split(new RegExp(`${BR_DOT}|${WORD_DOT}|\\.`, 'i'));
    const tld = labels[labels.length - 1];
    if (!/^\p{L}{2,24}$/u.test(tld)) continue;
    if (!bracketed && (!COMMON_TLD.test(tld) || !/[ \t](?:dot|DOT)[ \t]/.test(m[2]))) continue;
    if (/^(?:example|test|invalid|localhost)$/i.test(labels[labels.length - 2] ?? '')) continue;
    out.push({ kind: 'email', label: 'e-mail address (obfuscated)', start: m.index, end: m.index + whole.length });
    BRACKETED.lastIndex = m.index + whole.length;
  }
  return out;
}

export const OBFUSCATED_EMAIL_DETECTORS: readonly Detector[] = [
  { id: 'obfuscated-email', category: 'pii', keywords: OBFUSCATED_EMAIL_KEYWORDS, find: findObfuscatedEmails,
    samples: { tp: ['mail jane.doe [at] acme-mail [dot] com', 'jane(at)acme-mail(dot)de', 'Call me at jane.doe [at] acme-mail [dot] com.'], fp: ['look at the dot product of a and b', 'arr[at] = dot[i]'] } },
];
