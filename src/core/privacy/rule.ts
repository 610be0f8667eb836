// A detector written as one regex (gitleaks' rule shape), for JavaScript's backtracking engine: every rule
// starts at a literal or a short bounded class, no nested quantifiers, and runs only when one of its keywords
// occurs in the text. The regex's first capture group that took part is the secret span; otherwise the whole
// match.

import type { Detector, DetectorSamples, RawHit } from './detector';
import { shannonEntropy } from './text';
import { TextFacts } from './textFacts';

export interface SecretRule {
  kind: string;
  label: string;
  /**
   * gitleaks' keyword pre-filter: the rule runs only if one of these occurs in the text. Case-sensitive literals,
   * spelled as they appear in real tokens (a substring search for a distinctive literal costs far less than
   * lower-casing the text). Empty = always run (only for rules whose regex starts with a cheap literal test).
   */
  keywords: string[];
  /** Must carry the `g` and `d` flags. */
  re: RegExp;
  /** Minimum Shannon entropy of the secret span (gitleaks: `entropy`). */
  entropy?: number;
  /** Secret values to ignore (documentation placeholders). */
  allow?: RegExp;
  /** The match must not follow a letter, digit or underscore (a `\b` the regex does not spend time on). */
  leftBoundary?: boolean;
  /** Extra check on the secret span. */
  validate?: (secret: string) => boolean;
  /** Extra check on the whole text at the span (e.g. not inside a public PEM block). */
  validateAt?: (text: string, start: number) => boolean;
  /**
   * For a rule without keywords: a cheap test every match implies (a literal piece each match contains), tried
   * before the regex so a text that cannot match costs one quick search instead of the rule's full pass.
   */
  requires?: RegExp;
  /** Every match lies inside a run of at least this many base64(url) characters (textFacts.ts: found once per text). */
  minBase64Run?: number;
  samples: DetectorSamples;
}

/** A rule regex: always global with match indices. */
export function re(source: string, flags = ''): RegExp {
  return new RegExp(source, `gd${flags}`);
}

// Terminator used by gitleaks' "unique token" rules: a quote, whitespace, `;`, an escaped newline, or the end.
// An escaped quote ends a value too (`\"sk_live_…\"` inside a JSON string). Also punctuation no token of these
// formats contains: Stripe's own docs pass a key as `curl … -u sk_live_…:`, a sentence ends `… sk_live_….`, a
// query string goes on `&…` (the red team found each of these leaking).
export const END = String.raw`(?=[\x60'"\s;,)\]}<>.:!?@|&#%*]|\\[nrt'"\x60\\]|$)`;
export const PLACEHOLDER = /EXAMPLE|X{6,}|x{6,}|0{8,}|\*{4,}/;

export function findByRule(rule: SecretRule, text: string): RawHit[] {
  const out: RawHit[] = [];
  const rx = rule.re;
  rx.lastIndex = 0;
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    const [start, end] = m.indices?.slice(1).find((g) => g !== undefined) ?? [m.index, m.index + m[0].length];
    const secret = text.slice(start, end);
    if (m[0].length === 0) rx.lastIndex++;
    if (rule.leftBoundary && start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) { rx.lastIndex = start + 1; continue; }
    if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue;
    if (rule.allow?.test(secret)) continue;
    if (rule.validate && !rule.validate(secret)) continue;
    if (rule.validateAt && !rule.validateAt(text, start)) continue;
    out.push({ kind: rule.kind, label: rule.label, start, end });
  }
  return out;
}

export function ruleDetector(rule: SecretRule): Detector {
  const { requires, minBase64Run } = rule;
  const find = (text: string, facts?: TextFacts): RawHit[] => {
    if (requires && !requires.test(text)) return [];
    if (minBase64Run !== undefined && !(facts ?? new TextFacts(text)).base64Runs().some((r) => r.stop - r.start >= minBase64Run)) return [];
    return findByRule(rule, text);
  };
  return { id: rule.kind, category: 'secret', keywords: rule.keywords, samples: rule.samples, find };
}
