// An agent asked git for authors: `git log --format=%an`, `--pretty="%h %an <%ae> %s"`. The result is bare lines,
// and nothing in a line says `Henrik Lindqvist` is a person; the call that produced it does. So the format the call
// asked for is read back as a pattern over each line of its result, and what stands where `%an`, `%aN`, `%cn` or
// `%cN` stood (or after `author` in a porcelain or raw listing) is a name when it reads as one (two or three name
// words, no product or team word: `GitHub Actions` and `dependabot[bot]` stay).

import type { Finding } from '../request';
import { personWords } from '../privacy/detectors/proseNames';

const GIT = /\bgit\b[^\n|;&]*?\b(?:log|show|shortlog|rev-list|for-each-ref|blame|whatchanged|cat-file)\b/;
const RAW = /--(?:line-)?porcelain|--(?:pretty|format)[= ]raw|\bcat-file\b/;
const FORMAT = /--(?:pretty|format)(?:=|[ \t]+)(?:t?format:)?("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g;
const AUTHOR = /%(?:an|aN|cn|cN)/;
const PLACEHOLDER = /%(?:an|aN|cn|cN|[a-zA-Z]{1,2}|x[0-9a-f]{2}|n|%|[<>][^)]*\)|\([^)]*\))/g;

/** Where the names stand in one result line, or undefined when the line is not of the format. */
type LineMatcher = (line: string) => { start: number; end: number }[] | undefined;

const PORCELAIN = /^(?:author|committer|tagger)[ \t]+([^<\n]+?)(?:[ \t]+<[^>\n]*>(?:[ \t]+\d+[ \t]+[+-]\d{4})?)?[ \t]*$/;
const porcelain: LineMatcher = (line) => { const m = PORCELAIN.exec(line); return m ? [{ start: m.index + m[0].indexOf(m[1], 6), end: m.index + m[0].indexOf(m[1], 6) + m[1].length }] : undefined; };

/**
 * One format line as literals and placeholders, matched left to right: a placeholder runs to the first occurrence of
 * the literal after it (to the line's end when none follows), as git wrote it. Linear in the line, whatever the format
 * (a regex of lazy groups in a row backtracks polynomially). Two placeholders with nothing between them cannot be
 * told apart: such a format is not read.
 */
function formatMatcher(fmt: string): LineMatcher | undefined {
  const parts: ({ lit: string } | { name: boolean })[] = [];
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let p = PLACEHOLDER.exec(fmt); p; p = PLACEHOLDER.exec(fmt)) {
    const lit = fmt.slice(last, p.index) + (p[0] === '%%' ? '%' : '');
    if (lit) parts.push({ lit });
    if (p[0] !== '%%') {
      if (parts.length && !('lit' in parts[parts.length - 1])) return undefined;
      parts.push({ name: AUTHOR.test(p[0]) && p[0].length === 3 });
    }
    last = p.index + p[0].length;
  }
  if (fmt.slice(last)) parts.push({ lit: fmt.slice(last) });
  return (raw) => {
    const line = raw.trim();
    const lead = raw.indexOf(line);
    const names: { start: number; end: number }[] = [];
    let pos = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if ('lit' in part) { if (!line.startsWith(part.lit, pos)) return undefined; pos += part.lit.length; continue; }
      const next = parts[i + 1];
      const end = next && 'lit' in next ? line.indexOf(next.lit, pos) : line.length;
      if (end < 0) return undefined;
      if (part.name) names.push({ start: lead + pos, end: lead + end });
      pos = end;
    }
    return pos === line.length ? names : undefined;
  };
}

/** Each line matcher the command's git format sets. */
function patterns(command: string): LineMatcher[] {
  if (!GIT.test(command)) return [];
  const out: LineMatcher[] = [];
  // (Porcelain and raw formats write `author <name> <mail> <time>` lines: `git blame --line-porcelain`, `cat-file -p`.)
  if (RAW.test(command)) out.push(porcelain);
  FORMAT.lastIndex = 0;
  for (let m = FORMAT.exec(command); m; m = FORMAT.exec(command)) {
    const fmt = m[1].replace(/^["']|["']$/g, '').replace(/\\"/g, '"');
    if (!AUTHOR.test(fmt)) continue;
    for (const line of fmt.split(/%n|\\n/)) {
      const matcher = AUTHOR.test(line) ? formatMatcher(line) : undefined;
      if (matcher) out.push(matcher);
    }
  }
  return out;
}

function commandsOf(input: string): string[] {
  try {
    const out: string[] = [];
    const walk = (v: unknown, d: number): void => {
      if (d > 6) return;
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, d + 1));
    };
    walk(JSON.parse(input), 0);
    return out;
  } catch { return [input]; }
}

/**
 * `calls`: each tool call's id and arguments; `results`: each tool result's call id and its scanned text. Adds a
 * finding for every author name a git format placed in a result line.
 */
export function findToolAuthors(calls: { id: string; input: string }[], results: { callId: string; scanned: { text: string; findings: Finding[] } }[]): number {
  const byCall = new Map<string, LineMatcher[]>();
  for (const c of calls) {
    if (!/git/.test(c.input) || !(/%[ac][nN]/.test(c.input) || RAW.test(c.input))) continue;
    const ps = commandsOf(c.input).flatMap(patterns);
    if (ps.length) byCall.set(c.id, ps);
  }
  let found = 0;
  for (const r of results) {
    const ps = byCall.get(r.callId);
    if (!ps) continue;
    const { text, findings } = r.scanned;
    let at = 0;
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r$/, '');
      for (const p of ps) {
        const spans = p(line);
        if (!spans) continue;
        for (const { start, end } of spans) {
          const name = line.slice(start, end);
          if (!name || personWords(name) !== name.length || findings.some((f) => f.start <= at + start && f.end >= at + end)) continue;
          findings.push({ kind: 'person-name', category: 'pii', start: at + start, end: at + end, line: text.slice(0, at + start).split('\n').length, label: 'author name (asked of git)' });
          found++;
        }
        break;
      }
      at += raw.length + 1;
    }
  }
  return found;
}
