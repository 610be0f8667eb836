// Turning raw hits into findings: a secret grows to its whole value token (through concatenation glue), hits on
// our own `[REDACTED:kind]` labels are dropped, and overlapping hits merge into one finding named by the most
// specific rule.

import type { FindingCategory } from '../request';
import type { RawHit } from './detector';

export interface Hit extends Omit<RawHit, 'category'> {
  category: FindingCategory;
}

const LABEL = /^\[REDACTED:[a-z0-9-]{1,60}\]/;

/** A hit that is (or starts at) one of our own `[REDACTED:kind]` labels: a rescan must not flag the redaction. */
export function isOwnLabel(text: string, h: Hit): boolean {
  if (h.category === 'marker') return false;
  const m = LABEL.exec(text.slice(h.start, h.start + 80));
  // Only JSON punctuation may follow the label inside the hit; a value glued to a label is still a value.
  if (m) return !/[A-Za-z0-9+/_-]{6}/.test(text.slice(h.start + m[0].length, h.end));
  // A hit inside a label: only a real one (`[REDACTED:` + a kind + `]`). Text merely written to look like a label
  // (`[REDACTED:<a token>]`) is not ours, and what is inside it is scanned like anything else.
  const open = text.lastIndexOf('[REDACTED:', h.start);
  if (open === -1) return false;
  const label = LABEL.exec(text.slice(open, open + 80));
  return label !== null && h.end <= open + label[0].length;
}

// A secret's whole value token: a rule's length cap or a match that starts inside a value must not leave the rest.
const TOKEN_STOP = /[\s'"`,;<>(){}[\]|\\]/;

export function extendToToken(text: string, h: Hit): Hit {
  let { start, end } = h;
  const back = (): void => {
    while (start > 0 && !TOKEN_STOP.test(text[start - 1]) && !/[=:@?&#]/.test(text[start - 1]) && h.start - start < 4096) start--;
  };
  const forward = (): void => {
    while (end < text.length && !TOKEN_STOP.test(text[end]) && !/[@&]/.test(text[end]) && end - h.end < 65536) end++;
  };
  back();
  forward();
  // A value split by concatenation or `${…}` (the joined view found it): the fragments on either side of the
  // glue are part of it, even where the rule's match stopped short of them.
  for (let n = 0; n < 64; n++) {
    const g = GLUE_AFTER.exec(text.slice(end, end + 80));
    if (!g) break;
    end += g[0].length;
    forward();
  }
  for (let n = 0; n < 64 && start > 0; n++) {
    const g = GLUE_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
    if (!g) break;
    start -= g[0].length;
    back();
  }
  return start === h.start && end === h.end ? h : { ...h, start, end };
}

const GLUE_AFTER = /^(?:"'|'"|[$#]\{[^{}\r\n]{0,60}\}|(["'`])[ \t]*(?:\+|\.)?[ \t]*(?:\r?\n[ \t]*(?:\+[ \t]*)?)?\1)(?=[A-Za-z0-9_+/=-])/;
const GLUE_BEFORE = /(?<=[A-Za-z0-9_+/=-])(?:"'|'"|[$#]\{[^{}\r\n]{0,60}\}|(["'`])[ \t]*(?:\+|\.)?[ \t]*(?:\r?\n[ \t]*(?:\+[ \t]*)?)?\1)$/;

const GENERIC = new Set(['generic-secret', 'password-assignment', 'basic-auth-url', 'private-key-fragment', 'url-secret-parameter', 'truncated-token']);

/**
 * A specific rule names the finding over the generic one (gitleaks' dedupe), and a secret names it over personal
 * data inside it (digits inside a key are not a phone number) — but the span is the union of everything that
 * overlaps, so a narrower specific match inside a wider generic one never shrinks what is redacted.
 */
export function resolveOverlaps(hits: Hit[]): Hit[] {
  const rank = (h: Hit): number => (h.category === 'secret' ? (GENERIC.has(h.kind) ? 1 : 0) : h.category === 'pii' ? 2 : 3);
  const sorted = [...hits].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const kept: Hit[] = [];
  // Every view finds the same value again, mapped back to the same span: one copy is enough (the first in rank
  // order names it), and the overlap search below is quadratic in what it keeps.
  const seen = new Set<string>();
  for (const h of sorted) {
    if (h.category === 'marker') { kept.push(h); continue; }
    const key = `${h.start}:${h.end}:${h.category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Grow until stable: a union can reach a finding kept earlier.
    const over = kept.find((k) => k.category !== 'marker' && k.start < h.end && h.start < k.end);
    if (!over) { kept.push({ ...h }); continue; }
    over.start = Math.min(over.start, h.start);
    over.end = Math.max(over.end, h.end);
    for (let other = kept.find((k) => k !== over && k.category !== 'marker' && k.start < over!.end && over!.start < k.end); other;
      other = kept.find((k) => k !== over && k.category !== 'marker' && k.start < over!.end && over!.start < k.end)) {
      over.start = Math.min(over.start, other.start);
      over.end = Math.max(over.end, other.end);
      kept.splice(kept.indexOf(other), 1);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
