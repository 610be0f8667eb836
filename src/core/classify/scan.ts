// scanSensitive: every detector over one text, with bounded cost. Findings say what and where, never the value.
// Cost controls (security-facts §1.6): a size cap, a binary sniff, gitleaks' keyword pre-filter, linear-time
// detectors, and an optional deadline checked between detectors. Anything we cannot scan is reported as one
// 'unscannable' finding, which every caller treats as sensitive.

import type { Finding, FindingCategory } from '../request';
import { findGenericSecrets } from './genericSecret';
import { FOREIGN_ASCII_KEYWORDS, findForeignPasswords } from './foreignCredentialWords';
import type { PathPolicy } from './paths';
import { findCards, findContextIds, findEmails, findIbans, findNinos, findPhones, findSins, findSsns, type RawHit } from './pii';
import { PRIVATE_KEY_FOOTER, PRIVATE_KEY_HEADER, SECRET_RULES } from './secretRules';
import { findCsvCredentialColumns, findKubernetesSecretData } from './structuredSecrets';
import { LineIndex, shannonEntropy } from './text';
import { findUrlSecrets } from './urlSecrets';
import { DecodeBudgetExceeded, decodedRuns, joinedView, normalisedView, unescapedView, unwrappedView, type View } from './views';
import { findMarkers } from './markers';
import { findPersonalDataInNames } from './nameParts';
import { despacedView } from './despacedView';
import { OBFUSCATED_EMAIL_KEYWORDS, findObfuscatedEmails } from './obfuscatedEmails';
import { DOCUMENT_KEYWORDS, findDocumentNumbers } from './personalDocuments';

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

interface Hit extends RawHit {
  category: FindingCategory;
}

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

const LABEL = /^\[REDACTED:[a-z0-9-]{1,60}\]/;

/** A hit that is (or starts at) one of our own `[REDACTED:kind]` labels: a rescan must not flag the redaction. */
function isOwnLabel(text: string, h: Hit): boolean {
  if (h.category === 'marker') return false;
  const m = LABEL.exec(text.slice(h.start, h.start + 80));
  // Only JSON punctuation may follow the label inside the hit; a value glued to a label is still a value.
  if (m) return !/[A-Za-z0-9+/_-]{6}/.test(text.slice(h.start + m[0].length, h.end));
  const open = text.lastIndexOf('[REDACTED:', h.start);
  if (open === -1) return false;
  const close = text.indexOf(']', open);
  return close !== -1 && h.end <= close + 1;
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

/**
 * The detectors over the text and over each view of it (normalised, joined, decoded), with view hits mapped back
 * to the original: a hit inside a decoded run covers the whole encoded run.
 */
function detectAllViews(text: string, opts: ScanOptions, depth: number): Hit[] {
  // Decode first: over the budget, nothing else is worth running.
  const runs = depth > 0 ? decodedRuns(text, DECODE_BUDGET) : [];
  const hits = detect(text, opts);
  const viewHits = (view: View | undefined): void => {
    if (!view) return;
    for (const h of detect(view.text, opts)) {
      hits.push({ ...h, start: view.map[h.start], end: h.end >= view.text.length ? view.map[view.text.length] : view.map[h.end - 1] + 1 });
    }
  };
  const normalised = normalisedView(text);
  viewHits(normalised);
  const joined = joinedView(normalised ? normalised.text : text);
  if (joined && normalised) {
    const nmap = normalised.map;
    viewHits({ text: joined.text, map: joined.map.map((i) => nmap[i]) });
  } else viewHits(joined);
  viewHits(unwrappedView(text));
  viewHits(unescapedView(text));
  viewHits(despacedView(text));
  if (depth > 0) {
    for (const run of runs) {
      for (const h of detectAllViews(run.decoded, { ...opts, path: undefined }, depth - 1)) {
        if (h.category === 'marker') continue;
        hits.push({ ...h, start: run.start, end: run.end, label: `${h.label} (${run.encoding}-encoded)` });
      }
    }
  }
  return hits;
}

// A secret's whole value token: a rule's length cap or a match that starts inside a value must not leave the rest.
const TOKEN_STOP = /[\s'"`,;<>(){}[\]|\\]/;

function extendToToken(text: string, h: Hit): Hit {
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

function detect(text: string, opts: ScanOptions): Hit[] {
  const deadline = opts.deadline;
  const check = (): void => {
    if (deadline !== undefined && Date.now() > deadline) throw new DeadlineExceeded();
  };
  const hits: Hit[] = [];
  const present = keywordsIn(text);

  for (const rule of SECRET_RULES) {
    if (rule.keywords.length > 0 && !rule.keywords.some((k) => present.has(k))) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      // The first capture group that took part is the secret (a rule may offer quoted and bare alternatives).
      const [start, end] = m.indices?.slice(1).find((g) => g !== undefined) ?? [m.index, m.index + m[0].length];
      const secret = text.slice(start, end);
      if (m[0].length === 0) rule.re.lastIndex++;
      if (rule.leftBoundary && start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) { rule.re.lastIndex = start + 1; continue; }
      if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue;
      if (rule.allow?.test(secret)) continue;
      if (rule.validate && !rule.validate(secret)) continue;
      if (rule.kind === 'private-key-fragment' && insidePublicPem(text, start)) continue;
      hits.push({ kind: rule.kind, label: rule.label, start, end, category: 'secret' });
    }
    check();
  }

  const secrets: RawHit[] = [];
  if (present.has('PRIVATE KEY')) secrets.push(...findPrivateKeys(text));
  if (present.has('PRIVATE KEY') || present.has('Private-MAC:')) secrets.push(...findHeadlessKeyBodies(text));
  secrets.push(...findUrlSecrets(text));
  secrets.push(...findKubernetesSecretData(text));
  for (const h of secrets) hits.push({ ...h, category: 'secret' });
  check();
  for (const h of findGenericSecrets(text)) hits.push({ ...h, category: 'secret' });
  if (FOREIGN_ASCII_KEYWORDS.some((k) => present.has(k)) || NON_ASCII.test(text)) {
    for (const h of findForeignPasswords(text)) hits.push({ ...h, category: 'secret' });
  }
  check();
  if (text.includes('@')) for (const h of findEmails(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findCards(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findSsns(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findIbans(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findPhones(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findSins(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findNinos(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findContextIds(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findPersonalDataInNames(text)) hits.push({ ...h, category: 'pii' });
  if (OBFUSCATED_EMAIL_KEYWORDS.some((k) => present.has(k))) for (const h of findObfuscatedEmails(text)) hits.push({ ...h, category: 'pii' });
  if (DOCUMENT_KEYWORDS.some((k) => present.has(k))) for (const h of findDocumentNumbers(text)) hits.push({ ...h, category: 'pii' });
  if (text.includes(',') || text.includes('\t') || text.includes(';')) {
    for (const h of findCsvCredentialColumns(text)) hits.push({ ...h, category: h.kind === 'csv-credential' ? 'secret' : 'pii' });
  }
  check();
  for (const h of findMarkers(text, opts.markers ?? [])) hits.push({ ...h, category: 'marker' });
  return hits;
}

// gitleaks' keyword pre-filter as one pass over the text: a table of every keyword's first two characters, and
// a `startsWith` only where a pair matches. With 200 keywords this is ~40 % cheaper than one alternation regex
// (even shaped as a trie), and it finds every keyword at a position, not only the longest.
const ALL_KEYWORDS = [...new Set([...SECRET_RULES.flatMap((r) => r.keywords), 'PRIVATE KEY', 'Private-MAC:', ...FOREIGN_ASCII_KEYWORDS, ...OBFUSCATED_EMAIL_KEYWORDS, ...DOCUMENT_KEYWORDS])];
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;
const BIGRAMS = new Uint8Array(128 * 128);
const BY_BIGRAM = new Map<number, string[]>();
// A keyword the table cannot hold (one character, non-ASCII) must never silently switch its rule off: it counts
// as always present.
const UNTABLED = ALL_KEYWORDS.filter((k) => k.length < 2 || k.charCodeAt(0) > 127 || k.charCodeAt(1) > 127);
for (const k of ALL_KEYWORDS) {
  if (UNTABLED.includes(k)) continue;
  const b = k.charCodeAt(0) * 128 + k.charCodeAt(1);
  BIGRAMS[b] = 1;
  BY_BIGRAM.set(b, [...(BY_BIGRAM.get(b) ?? []), k]);
}

function keywordsIn(text: string): Set<string> {
  const found = new Set<string>(UNTABLED);
  const n = text.length - 1;
  let c1 = text.charCodeAt(0);
  for (let i = 0; i < n; i++) {
    const c2 = text.charCodeAt(i + 1);
    if (c1 < 128 && c2 < 128 && BIGRAMS[c1 * 128 + c2] === 1) {
      for (const k of BY_BIGRAM.get(c1 * 128 + c2)!) if (text.startsWith(k, i)) found.add(k);
    }
    c1 = c2;
  }
  return found;
}

/** A base64 body under a PUBLIC KEY / CERTIFICATE header is public; a body with no header at all is not. */
function insidePublicPem(text: string, at: number): boolean {
  const begin = text.lastIndexOf('-----BEGIN', at);
  if (begin === -1 || at - begin > 65536) return false;
  const end = text.lastIndexOf('-----END', at);
  if (end > begin) return false;
  const header = text.slice(begin, text.indexOf('\n', begin) === -1 ? text.length : text.indexOf('\n', begin));
  return !/PRIVATE/.test(header);
}

const KEY_FOOTER = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|Private-MAC: /g;
const BODY_LINE = /^[ \t"']*(?:[A-Za-z0-9+/=]{1,128}|[A-Z][\w-]{2,30}: [^\n]{0,200})[ \t"',+]*(?:\\n)?[ \t"',+]*$/;

/**
 * A key whose header was cut off (a trim from the top, a pasted tail): from a PEM footer or PuTTY's MAC line,
 * the base64 lines above it belong to the key.
 */
function findHeadlessKeyBodies(text: string): RawHit[] {
  const out: RawHit[] = [];
  KEY_FOOTER.lastIndex = 0;
  for (let m = KEY_FOOTER.exec(text); m; m = KEY_FOOTER.exec(text)) {
    let start = text.lastIndexOf('\n', m.index - 1) + 1;
    for (let lines = 0; start > 0 && lines < 2000; lines++) {
      const prevStart = text.lastIndexOf('\n', start - 2) + 1;
      const line = text.slice(prevStart, start - 1).replace(/\r$/, '');
      if (!BODY_LINE.test(line)) break;
      start = prevStart;
    }
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    out.push({ kind: 'private-key', label: 'private key (without its header)', start, end });
  }
  return out;
}

const PEM_TYPES: [RegExp, string][] = [
  [/RSA/, 'RSA private key'], [/EC /, 'EC private key'], [/OPENSSH/, 'OpenSSH private key'],
  [/PGP/, 'PGP private key'], [/DSA/, 'DSA private key'], [/ENCRYPTED/, 'encrypted private key'],
];

/** PEM header, then the footer within 64 KB; a header without a footer still covers the base64 lines after it. */
function findPrivateKeys(text: string): RawHit[] {
  const out: RawHit[] = [];
  PRIVATE_KEY_HEADER.lastIndex = 0;
  for (let m = PRIVATE_KEY_HEADER.exec(text); m; m = PRIVATE_KEY_HEADER.exec(text)) {
    const start = m.index;
    const window = text.slice(start, start + 65536);
    PRIVATE_KEY_FOOTER.lastIndex = m[0].length;
    const f = PRIVATE_KEY_FOOTER.exec(window);
    let end: number;
    if (f) end = start + f.index + f[0].length;
    else {
      const body = /^(?:[\s"',+]|\\n|[A-Za-z0-9+/=:-])*/.exec(window.slice(m[0].length));
      end = start + m[0].length + (body ? body[0].length : 0);
    }
    const label = PEM_TYPES.find(([re]) => re.test(m[0]))?.[1] ?? 'private key';
    out.push({ kind: 'private-key', label, start, end });
    PRIVATE_KEY_HEADER.lastIndex = end;
  }
  return out;
}

const GENERIC = new Set(['generic-secret', 'password-assignment', 'basic-auth-url', 'private-key-fragment', 'url-secret-parameter']);

/**
 * A specific rule names the finding over the generic one (gitleaks' dedupe), and a secret names it over personal
 * data inside it (digits inside a key are not a phone number) — but the span is the union of everything that
 * overlaps, so a narrower specific match inside a wider generic one never shrinks what is redacted.
 */
function resolveOverlaps(hits: Hit[]): Hit[] {
  const rank = (h: Hit): number => (h.category === 'secret' ? (GENERIC.has(h.kind) ? 1 : 0) : h.category === 'pii' ? 2 : 3);
  const sorted = [...hits].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) {
    if (h.category === 'marker') { kept.push(h); continue; }
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
