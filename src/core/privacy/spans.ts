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

/** Kinds found by a generic rule (a name and a value's shape), not by a format of their own. */
export const isGenericKind = (kind: string): boolean => GENERIC.has(kind) || kind === 'high-entropy-key';

/**
 * A specific rule names the finding over the generic one (gitleaks' dedupe), and a secret names it over personal
 * data inside it (digits inside a key are not a phone number) — but the span is the union of everything that
 * overlaps, so a narrower specific match inside a wider generic one never shrinks what is redacted. Markers are
 * kept as they are. One sweep by start over the hits (n log n): a large text can hold 100k hits, and the pairwise
 * merge this replaced took two minutes on one, past any deadline.
 */
export function resolveOverlaps(hits: Hit[]): Hit[] {
  // (Key material found by its shape alone names a finding only when no rule with a name or a format does.)
  const rank = (h: Hit): number => (h.category === 'secret' ? (GENERIC.has(h.kind) ? 1 : h.kind === 'high-entropy-key' ? 1.5 : 0) : h.category === 'pii' ? 2 : 3);
  const others = hits.filter((h) => h.category !== 'marker');
  // Which hit names a group: the best rank, then the earliest start, then the first found.
  const byName = others.map((_, i) => i).sort((a, b) => rank(others[a]) - rank(others[b]) || others[a].start - others[b].start || a - b);
  const name = new Int32Array(others.length);
  byName.forEach((idx, place) => { name[idx] = place; });
  const byStart = others.map((_, i) => i).sort((a, b) => others[a].start - others[b].start || a - b);
  const kept: Hit[] = hits.filter((h) => h.category === 'marker').map((h) => ({ ...h }));
  let group: { start: number; end: number; best: number } | undefined;
  const close = (): void => { if (group) kept.push({ ...others[group.best], start: group.start, end: group.end }); };
  for (const i of byStart) {
    const h = others[i];
    // Overlap is strict (`a.start < b.end && b.start < a.end`): spans that only touch stay apart.
    if (group && h.start < group.end && group.start < h.end) {
      group.end = Math.max(group.end, h.end);
      if (name[i] < name[group.best]) group.best = i;
    } else if (group && h.end <= h.start && h.start < group.end) {
      kept.push({ ...h }); // an empty hit at a group's start overlaps nothing: it must not end the group
    } else {
      close();
      group = { start: h.start, end: h.end, best: i };
    }
  }
  close();
  return kept.sort((a, b) => a.start - b.start);
}
