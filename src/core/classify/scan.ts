// scanSensitive: every detector over one text, with bounded cost. Findings say what and where, never the value.
// Cost controls (security-facts §1.6): a size cap, a binary sniff, gitleaks' keyword pre-filter, linear-time
// detectors, and an optional deadline checked between detectors. Anything we cannot scan is reported as one
// 'unscannable' finding, which every caller treats as sensitive.

import type { Finding, FindingCategory } from '../request';
import { findGenericSecrets } from './genericSecret';
import type { PathPolicy } from './paths';
import { findCards, findEmails, findIbans, findPhones, findSsns, type RawHit } from './pii';
import { BASIC_AUTH_URL, DB_URL, PRIVATE_KEY_FOOTER, PRIVATE_KEY_HEADER, SECRET_RULES } from './secretRules';
import { LineIndex, isPlaceholder, shannonEntropy } from './text';

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
    hits = detect(text, opts);
  } catch (e) {
    if (!(e instanceof DeadlineExceeded)) throw e;
    findings.push({ kind: 'unscannable', category: 'unscannable', start: 0, end: text.length, line: 1,
      label: 'content too slow to scan' });
    return findings;
  }
  for (const h of resolveOverlaps(hits)) {
    findings.push({ kind: h.kind, category: h.category, start: h.start, end: h.end, line: lines.lineOf(h.start), label: h.label });
  }
  return findings;
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
      const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
      const secret = text.slice(start, end);
      if (m[0].length === 0) rule.re.lastIndex++;
      if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue;
      if (rule.allow?.test(secret)) continue;
      if (rule.validate && !rule.validate(secret)) continue;
      hits.push({ kind: rule.kind, label: rule.label, start, end, category: 'secret' });
    }
    check();
  }

  const secrets: RawHit[] = [];
  if (present.has('PRIVATE KEY')) secrets.push(...findPrivateKeys(text));
  if (text.includes('://')) {
    secrets.push(...findUrlPasswords(text, DB_URL, 'database-url-password', 'database password in a connection URL'));
    secrets.push(...findUrlPasswords(text, BASIC_AUTH_URL, 'basic-auth-url', 'password in a URL'));
  }
  for (const h of secrets) hits.push({ ...h, category: 'secret' });
  check();
  for (const h of findGenericSecrets(text)) hits.push({ ...h, category: 'secret' });
  check();
  if (text.includes('@')) for (const h of findEmails(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findCards(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findSsns(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findIbans(text)) hits.push({ ...h, category: 'pii' });
  for (const h of findPhones(text)) hits.push({ ...h, category: 'pii' });
  check();
  for (const h of findMarkers(text, opts.markers ?? [])) hits.push({ ...h, category: 'marker' });
  return hits;
}

// gitleaks' keyword pre-filter as one pass: a single alternation of every rule's (case-sensitive) keywords. One
// substring search per keyword cost about twice as much on large files, and lower-casing the text even more.
const ALL_KEYWORDS = [...new Set([...SECRET_RULES.flatMap((r) => r.keywords), 'PRIVATE KEY'])].sort((a, b) => b.length - a.length);
const KEYWORD_RE = new RegExp(ALL_KEYWORDS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
// The alternation reports the longest keyword at a position; shorter keywords it starts with are present too.
const PREFIXES = new Map(ALL_KEYWORDS.map((k) => [k, ALL_KEYWORDS.filter((o) => o.length < k.length && k.startsWith(o))]));

function keywordsIn(text: string): Set<string> {
  const found = new Set<string>();
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(text); m; m = KEYWORD_RE.exec(text)) {
    found.add(m[0]);
    for (const p of PREFIXES.get(m[0]) ?? []) found.add(p);
    KEYWORD_RE.lastIndex = m.index + 1;
  }
  return found;
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

function findUrlPasswords(text: string, re: RegExp, kind: string, label: string): RawHit[] {
  const out: RawHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [start, end] = m.indices?.[3] ?? [m.index, m.index + m[0].length];
    const password = m[3];
    if (isPlaceholder(password) || /^(?:password|pass|pwd|secret|\*+)$/i.test(password) || /^[:$%{<]/.test(password)) continue;
    out.push({ kind, label, start, end });
  }
  return out;
}

const markerCache = new Map<string, RegExp>();

function markerRegex(source: string): RegExp {
  let re = markerCache.get(source);
  if (!re) {
    let body: string;
    try {
      new RegExp(source);
      body = source;
    } catch {
      body = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    const pre = /^\w/.test(source) ? '\\b' : '';
    const post = /\w$/.test(source) ? '\\b' : '';
    re = new RegExp(`${pre}(?:${body})${post}`, 'g');
    markerCache.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

function findMarkers(text: string, markers: string[]): RawHit[] {
  const out: RawHit[] = [];
  for (const source of markers) {
    if (!source) continue;
    const re = markerRegex(source);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      out.push({ kind: 'marker', label: `"${source}" marker`, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

const GENERIC = new Set(['generic-secret', 'password-assignment', 'basic-auth-url']);

/**
 * A specific rule beats the generic one on the same span (gitleaks' dedupe), and a secret beats personal data
 * inside it (digits inside a key are not a phone number). Disjoint findings all stay.
 */
function resolveOverlaps(hits: Hit[]): Hit[] {
  const rank = (h: Hit): number => (h.category === 'secret' ? (GENERIC.has(h.kind) ? 1 : 0) : h.category === 'pii' ? 2 : 3);
  const sorted = [...hits].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const clash = kept.some((k) => k.start < h.end && h.start < k.end && rank(k) < rank(h) && h.category !== 'marker');
    if (!clash && !kept.some((k) => k.kind === h.kind && k.start === h.start && k.end === h.end)) kept.push(h);
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
