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

/** Each line pattern the command's git format sets (a name group for every author placeholder). */
function patterns(command: string): RegExp[] {
  if (!GIT.test(command)) return [];
  const out: RegExp[] = [];
  // (Porcelain and raw formats write `author <name> <mail> <time>` lines: `git blame --line-porcelain`, `cat-file -p`.)
  if (RAW.test(command)) out.push(/^(?:author|committer|tagger)[ \t]+(?<name>[^<\n]+?)(?:[ \t]+<[^>\n]*>(?:[ \t]+\d+[ \t]+[+-]\d{4})?)?[ \t]*$/);
  FORMAT.lastIndex = 0;
  for (let m = FORMAT.exec(command); m; m = FORMAT.exec(command)) {
    const fmt = m[1].replace(/^["']|["']$/g, '').replace(/\\"/g, '"');
    if (!AUTHOR.test(fmt)) continue;
    for (const line of fmt.split(/%n|\\n/)) {
      if (!AUTHOR.test(line)) continue;
      let src = '';
      let last = 0;
      PLACEHOLDER.lastIndex = 0;
      for (let p = PLACEHOLDER.exec(line); p; p = PLACEHOLDER.exec(line)) {
        src += line.slice(last, p.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        src += AUTHOR.test(p[0]) && p[0].length === 3 ? '(?<name>[^\\n]+?)' : p[0] === '%%' ? '%' : '[^\\n]*?';
        last = p.index + p[0].length;
      }
      src += line.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out.push(new RegExp(`^[ \\t]*${src}[ \\t]*$`));
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
  const byCall = new Map<string, RegExp[]>();
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
    for (const line of text.split('\n')) {
      for (const p of ps) {
        const m = p.exec(line.replace(/\r$/, ''));
        const name = m?.groups?.name;
        if (!name || personWords(name) !== name.length) continue;
        const start = at + m!.index + m![0].indexOf(name);
        if (!findings.some((f) => f.start <= start && f.end >= start + name.length)) {
          findings.push({ kind: 'person-name', category: 'pii', start, end: start + name.length, line: text.slice(0, start).split('\n').length, label: 'author name (asked of git)' });
          found++;
        }
        break;
      }
      at += line.length + 1;
    }
  }
  return found;
}
