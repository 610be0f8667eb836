// Proprietary markers (`hybrid.privacy.markers`). A plain-word marker matches case-insensitively, with any run
// of spaces, underscores or hyphens between its words and at word boundaries where `_` also counts as one
// (`__CONFIDENTIAL__`, `Internal  Use Only`) — but not inside an identifier (`CONFIDENTIAL_FIELDS`,
// `isConfidential`). The rule for case, so prose stays benign:
// - written in capitals (CONFIDENTIAL) it is a marker anywhere;
// - capitalised (Confidential, Internal use only) it is a marker in notice form: first on its line (after
//   comment leaders) and followed by the end of the line, punctuation, "and …", or "information/material/notice";
// - in lower case only as a whole notice line: first on its line and followed by the end of the line, a dash,
//   a full stop or "and …" ("proprietary and confidential."); inside a sentence ("keep this confidential") or as
//   a key (`confidential: true`) it is ordinary text.
// Markers that are real regular expressions are used as written.

import type { RawHit } from './detector';
import { backtrackingRisk } from './regexRisk';
import { escapeRegExp } from './regexText';


/**
 * Words in any script are plain words (`Geschäftsgeheimnis`, `Société confidentiel`, `社外秘`): matched without
 * regard to case like English ones, so GESCHÄFTSGEHEIMNIS is one too. Anything else is a regular expression.
 */
const isPlainMarker = (s: string): boolean => /^[\p{L}\p{N}_\s-]+$/u.test(s);

/** The settings problems of a marker list: patterns matched literally instead of as written, and why. */
export function markerProblems(markers: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of markers) {
    const risk = isPlainMarker(m) ? undefined : backtrackingRisk(m);
    if (risk) out.push(`hybrid.privacy.markers: "${m.slice(0, 60)}" is matched as literal text: ${risk}`);
  }
  return out;
}

const cache = new Map<string, { re: RegExp; plain: boolean }>();

function compile(source: string): { re: RegExp; plain: boolean } {
  let c = cache.get(source);
  if (!c) {
    const plain = isPlainMarker(source);
    if (plain) {
      // "and" is also written "&" or "+" ("Proprietary & Confidential").
      const parts = source.trim().split(/[\s_-]+/);
      const words = parts.map((w) => (/^and$/i.test(w) ? '(?:and|&|\\+)' : escapeRegExp(w)));
      // Letter-spaced, as title pages and banners set it (`C O N F I D E N T I A L`): one space between letters.
      const spaced = parts.map((w) => (/^and$/i.test(w) ? '(?:a n d|&|\\+)' : [...w].map(escapeRegExp).join('[ \\u00A0]')));
      const forms = parts.every((w) => w.length < 2) ? words.join('[\\s_-]+') : `(?:${words.join('[\\s_-]+')}|${spaced.join('[\\s_-]+')})`;
      c = { re: new RegExp(`(?<![A-Za-z0-9]|[A-Za-z0-9]_)${forms}(?![A-Za-z0-9]|_[A-Za-z0-9])`, 'giu'), plain };
    } else {
      let body: string;
      // An invalid pattern, or one that could backtrack for minutes on a body, is matched as the literal text.
      try { new RegExp(source); body = backtrackingRisk(source) ? escapeRegExp(source) : source; } catch { body = escapeRegExp(source); }
      c = { re: new RegExp(body, 'g'), plain };
    }
    cache.set(source, c);
  }
  c.re.lastIndex = 0;
  return c;
}

const LINE_LEAD = /^[\s/*#;!<>"'`{(%-]*(?:<!--\s*|\/\/\s*|--\s*|REM\s+)?$/;
// Comment closers, possibly nested (`/* <!-- confidential --> */`): a notice line may end in any run of them.
const CLOSERS = String.raw`(?:\s*(?:\*\/|-->|\*\)|-\}|#>|'''|"""|\]\]|%>|\?>|\}|\*\*|__))*\s*$`;
const LOWER_TAIL = new RegExp(String.raw`^(?:${CLOSERS}|\s*[—–.!]|\s+-\s|\s+(?:and|&)\s)`);
const NOTICE_TAIL = new RegExp(String.raw`^(?:${CLOSERS}|\s*[—–:.!,;(\-]|\s+(?:&|\+|(?:and|information|material|materials|notice|data|document|—)\b))`, 'i');

export function findMarkers(text: string, markers: string[]): RawHit[] {
  const out: RawHit[] = [];
  for (const source of markers) {
    if (!source || !source.trim()) continue;
    const { re, plain } = compile(source);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (plain && !isNotice(text, m.index, m[0])) continue;
      out.push({ kind: 'marker', label: `"${source}" marker`, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

function isNotice(text: string, at: number, word: string): boolean {
  const letters = word.replace(/[^A-Za-z]/g, '');
  if (letters === letters.toUpperCase()) return true;
  const lower = word[0] !== word[0].toUpperCase();
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, at);
  const after = text.slice(at + word.length, lineEnd);
  const leadOk = LINE_LEAD.test(before) || /(?:\b(?:strictly|company|proprietary\s+(?:and|&|\+)|highly|and)|&)\s+$/i.test(before);
  if (lower) return LINE_LEAD.test(before) && LOWER_TAIL.test(after);
  return leadOk && NOTICE_TAIL.test(after);
}
