// scanSensitive: every detector over one text, with bounded cost. Findings say what and where, never the value.
// Cost controls (security-facts §1.6): a size cap, a binary sniff, gitleaks' keyword pre-filter, linear-time
// detectors, and an optional deadline checked between detectors. The detectors are the rule table in detectors/
// (one shape, detector.ts); the views of the text are in views/. Anything we cannot scan is reported as one
// 'unscannable' finding, which every caller treats as sensitive.

import type { Finding } from '../request';
import type { Detector } from './detector';
import { DETECTORS } from './detectors';
import { KeywordIndex } from './keywords';
import { findMarkers } from './markers';
import type { PathPolicy } from './paths';
import { extendToToken, isGenericKind, isOwnLabel, resolveOverlaps, type Hit } from './spans';
import { LineIndex } from './text';
import { TextFacts } from './textFacts';
import { DecodeBudgetExceeded, decodedRuns, textViews, TransformTriggers, type View } from './views';

export interface ScanOptions {
  /** File the text comes from; when the path policy says private the whole text is one 'private-path' finding. */
  path?: string;
  /** Proprietary markers (regex sources). Default: none here; callers pass `hybrid.privacy.markers`. */
  markers?: string[];
  pathPolicy?: PathPolicy;
  /** Size cap in characters (≈ bytes for source code). Default 4 MB. */
  maxBytes?: number;
  /** Epoch milliseconds; past it the scan stops and returns 'unscannable'. */
  deadline?: number;
}

export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** Characters of encoded runs decoded per scan; past it the text is 'unscannable' (fails closed). */
export const DECODE_BUDGET = 1024 * 1024;
/** Nesting of encodings followed (base64 of a URL with a percent-encoded password = 2). */
const DECODE_DEPTH = 2;

class DeadlineExceeded extends Error {}

export function scanSensitive(text: string, opts: ScanOptions = {}): Finding[] {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  if (opts.path && opts.pathPolicy) {
    const verdict = opts.pathPolicy.isPrivate(opts.path);
    if (verdict.private) {
      findings.push({ kind: 'private-path', category: 'path', start: 0, end: text.length, line: 1,
        label: `private file (matches ${verdict.rule ?? 'a private glob'})` });
    }
  }
  const unscannable = whyUnscannable(text, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (unscannable) {
    findings.push({ kind: 'unscannable', category: 'unscannable', start: 0, end: text.length, line: 1, label: unscannable });
    return findings;
  }
  let hits: Hit[];
  try {
    hits = detectAllViews(text, opts, DECODE_DEPTH);
  } catch (e) {
    if (!(e instanceof DeadlineExceeded) && !(e instanceof DecodeBudgetExceeded)) throw e;
    findings.push({ kind: 'unscannable', category: 'unscannable', start: 0, end: text.length, line: 1,
      label: e instanceof DeadlineExceeded ? 'content too slow to scan' : 'too much encoded content to decode' });
    return findings;
  }
  if (text.includes('[REDACTED:')) hits = hits.filter((h) => !isOwnLabel(text, h));
  for (const h of resolveOverlaps(hits.map((h) => (h.category === 'secret' ? extendToToken(text, h) : h)))) {
    findings.push({ kind: h.kind, category: h.category, start: h.start, end: h.end, line: lines.lineOf(h.start), label: h.label });
  }
  return findings;
}

/**
 * Every detector over the text and over each view of it (views/), with view hits mapped back to the original:
 * a hit inside a decoded run covers the whole encoded run.
 */
function detectAllViews(text: string, opts: ScanOptions, depth: number): Hit[] {
  // Decode first: over the budget, nothing else is worth running.
  const facts = new TextFacts(text);
  const decoded = depth > 0 ? decodedRuns(text, DECODE_BUDGET, facts) : [];
  const present = KEYWORDS.present(text);
  const runs = depth > 0 ? [...decoded, ...TRIGGERS.runs(text, present)] : [];
  const hits = detect(text, opts, false, present, facts);
  // One push per hit: spreading a view's hits into push() overflows the stack once a large text has ~100k of them.
  for (const view of textViews(text, facts)) for (const h of mapBack(view, detect(view.text, opts, !view.plain))) hits.push(h);
  if (depth > 0) {
    for (const run of runs) {
      for (const h of detectAllViews(run.decoded, { ...opts, path: undefined }, depth - 1)) {
        if (h.category === 'marker') continue;
        // A line read backwards or in rot13 is gibberish but for the secret it hides: only secrets count there.
        if ((run.encoding === 'reversed' || run.encoding === 'rot13') && (h.category !== 'secret' || (run.specificOnly && isGenericKind(h.kind)))) continue;
        hits.push({ ...h, start: run.start, end: run.end, label: `${h.label} (${run.encoding}-encoded)` });
      }
    }
  }
  return hits;
}

function mapBack(view: View, hits: Hit[]): Hit[] {
  return hits.map((h) => ({ ...h, start: view.map[h.start], end: h.end >= view.text.length ? view.map[view.text.length] : view.map[h.end - 1] + 1 }));
}

const TRIGGERS = new TransformTriggers(DETECTORS.flatMap((d) => (d.category === 'secret' ? d.keywords : [])));
/** The detectors' keywords and the reversed/rot13 triggers: one pass over a text finds both. */
const KEYWORDS = new KeywordIndex([...DETECTORS.flatMap((d) => d.keywords), ...TRIGGERS.triggers]);
/** For each keyword, the detectors it switches on (by index), so a text costs one lookup per keyword it holds. */
const SWITCHES = new Map<string, number[]>();
DETECTORS.forEach((d, i) => { for (const k of d.keywords) SWITCHES.set(k, [...(SWITCHES.get(k) ?? []), i]); });

/** The detectors to run on a text, in table order: those without keywords, with one present, or asking to. */
function wanted(present: Set<string>, text: string, joinedView: boolean): boolean[] {
  const on = DETECTORS.map((d) => d.keywords.length === 0);
  for (const k of present) for (const i of SWITCHES.get(k) ?? []) on[i] = true;
  // Several detectors share one test (any non-ASCII label script): each distinct test reads the text once.
  const asked = new Map<(text: string) => boolean, boolean>();
  DETECTORS.forEach((d, i) => {
    if (on[i] || !d.alsoWhen) return;
    let yes = asked.get(d.alsoWhen);
    if (yes === undefined) asked.set(d.alsoWhen, (yes = d.alsoWhen(text)));
    on[i] = yes;
  });
  if (joinedView) DETECTORS.forEach((d, i) => { if (d.plainViewsOnly) on[i] = false; });
  return on;
}

/**
 * The generic loop: each detector whose keywords occur, over one text; the deadline is checked between them.
 * `joinedView`: the text is a view that rejoins pieces, which the plain-text detectors skip.
 */
function detect(text: string, opts: ScanOptions, joinedView = false, present = KEYWORDS.present(text), facts = new TextFacts(text)): Hit[] {
  const deadline = opts.deadline;
  const hits: Hit[] = [];
  const on = wanted(present, text, joinedView);
  for (let i = 0; i < DETECTORS.length; i++) {
    if (!on[i]) continue;
    const d = DETECTORS[i]!;
    for (const h of d.find(text, facts)) hits.push({ ...h, category: h.category ?? d.category });
    if (deadline !== undefined && Date.now() > deadline) throw new DeadlineExceeded();
  }
  for (const h of findMarkers(text, opts.markers ?? [])) hits.push({ ...h, category: 'marker' });
  return hits;
}

function whyUnscannable(text: string, maxBytes: number): string | undefined {
  if (text.length > maxBytes) return `content larger than ${Math.round(maxBytes / 1024)} KB`;
  if (text.indexOf('\u0000') !== -1) return 'binary content';
  if (text.indexOf('\uFFFD') !== -1) return 'content that is not valid UTF-8';
  // Control characters other than tab/newline/CR/form feed/escape in the first 8 KB: a binary format.
  const head = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  if (control > 0 && control / Math.max(head.length, 1) > 0.01) return 'binary content';
  return undefined;
}

/** Replaces each finding's span with `[REDACTED:<kind>]`; overlapping spans merge into one. */
export function redact(text: string, findings: Finding[]): string {
  const spans = findings
    .filter((f) => f.end > f.start)
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), kind: f.kind }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; kind: string }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let pos = 0;
  for (const s of merged) {
    out += text.slice(pos, s.start) + `[REDACTED:${s.kind}]`;
    pos = s.end;
  }
  return out + text.slice(pos);
}
