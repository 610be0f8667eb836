// Lines in the formats of well-known credential files (.netrc, .pgpass, …), found wherever they appear: in the
// file itself or pasted into a sentence. Samples draw the password at test time.

import { ALNUM, type SampleRng } from '../detector';
import { re, type SecretRule } from '../rule';

const pw = (g: SampleRng): string => g.mixed(ALNUM, 16);

export const CREDENTIAL_FILE_RULES: readonly SecretRule[] = [
  { kind: 'netrc-password', label: '.netrc password', keywords: ['password', 'passwd'],
    re: re(String.raw`\b(?:machine|login|default)\b[\s\S]{0,300}?\bpass(?:word|wd)[ \t]+([^\s\\]{1,200})`),
    // "login … password please" in prose is not a .netrc line: require a digit, a symbol or mixed case.
    validate: (v) => !/^[a-z]+$|^[A-Z]+$/.test(v) && !/^\[REDACTED/.test(v),
    samples: { tp: [(g) => `machine api.acme.io login ci password ${pw(g)}`], fp: ['after login the password field is cleared'] } },
  { kind: 'pgpass-password', label: '.pgpass password', keywords: [],
    re: re(String.raw`^[ \t]*[A-Za-z0-9_.*\[\]:-]{1,100}:(?:\d{2,5}|\*):[^\s:]{1,100}:[^\s:]{1,100}:([^\s]{4,200})[ \t]*$`, 'm'),
    samples: { tp: [(g) => `db.internal:5432:shop:app:${pw(g)}`], fp: ['12:30:45:67:89 is not a pgpass line'] } },
];
