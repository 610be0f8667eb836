// Part of a vendor token: a distinctive prefix followed by fewer characters than the full format. A token reaches
// a request in pieces — cut by a context trim or a terminal's width, wrapped onto a second line, or typed over two
// chat turns ("it starts with gh…", "and ends with …") — and each piece misses the full-length rule, yet the model
// can join them. Redacting the prefixed piece leaves only a random remainder no one can use. Only prefixes that
// mean nothing else (a separator inside, or a vendor's four capitals) and a body with the mixed classes of a
// random draw, so `ghp_` in prose, `sk_live_` placeholders and identifiers stay quiet.

import { ALNUM, type SampleRng } from '../detector';
import { escapeRegExp } from '../regexText';
import { PLACEHOLDER, re, type SecretRule } from '../rule';

const j = (...parts: string[]): string => parts.join('');

/** Prefixes (assembled from parts, so no line here looks like a token) whose every use is a secret. */
export const TOKEN_PREFIXES: readonly string[] = [
  j('gh', 'p_'), j('gh', 'o_'), j('gh', 'u_'), j('gh', 's_'), j('gh', 'r_'), j('github', '_pat_'), j('gl', 'pat-'),
  j('xo', 'xb-'), j('xo', 'xp-'), j('xo', 'xa-'), j('xo', 'xr-'), j('xo', 'xe-'), j('sk-', 'ant-'), j('sk-', 'proj-'),
  j('sk', '_live_'), j('rk', '_live_'), j('sk', '_test_'), j('np', 'm_'), j('py', 'pi-'), j('hf', '_'), j('sh', 'pat_'),
  j('sh', 'pss_'), j('do', 'p_v1_'), j('AK', 'IA'), j('AS', 'IA'),
];
/** The prefixes as one alternation for a regular expression's source. */
export const TOKEN_PREFIX_PATTERN = TOKEN_PREFIXES.map(escapeRegExp).join('|');


/** A random draw, not a word or a placeholder: two of upper/lower/digit, and not one character repeated. */
function looksDrawn(body: string): boolean {
  const classes = [/[A-Z]/, /[a-z]/, /\d/].filter((c) => c.test(body)).length;
  return classes >= 2 && /\d/.test(body) && new Set(body).size >= body.length / 3 && !PLACEHOLDER.test(body);
}

export const TRUNCATED_TOKEN_RULES: readonly SecretRule[] = [
  { kind: 'truncated-token', label: 'part of a vendor token', keywords: [...TOKEN_PREFIXES],
    // 10 characters after the prefix: under that a piece is no help to anyone; the full formats are 16–82.
    re: re(String.raw`(?<![A-Za-z0-9_])((?:${TOKEN_PREFIX_PATTERN})[A-Za-z0-9_-]{10,200})(?![A-Za-z0-9_-])`),
    validate: (secret) => looksDrawn(secret.slice(TOKEN_PREFIXES.find((p) => secret.startsWith(p))!.length)),
    samples: {
      tp: [(g: SampleRng) => `My token starts with ${j('gh', 'p_')}${g.mixed(ALNUM, 16)}`,
        (g: SampleRng) => `curl -H "Authorization: Bearer ${j('sk-', 'ant-', 'api03-')}${g.mixed(ALNUM, 14)}`,
        (g: SampleRng) => `key: ${j('AK', 'IA')}${g.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4)}${g.str('234567', 2)}${g.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 6)}\n…`],
      fp: [j('classic tokens start with gh', 'p_ and fine-grained ones with github', '_pat_'), j('export KEY=sk', '_live_', 'xxxxxxxxxxxxxxxx'),
        j('const prefix = "gh', 'p_"; // then 36 characters'), j('AK', 'IA', 'ENTERPRISEACCOUNT'), j('use the hf', '_hub client: hf', '_hub_download_file')],
    } },
];
