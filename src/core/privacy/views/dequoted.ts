// The dequoted view: a value hard-wrapped inside a quoted mail (`> `), a comment (`// `, `# `, ` * `, `-- `, `; `)
// or an indented block carries the leader on every line, so neither the key-body rules (lines of bare base64)
// nor the unwrapped view (which joins a line to the next) see it. Here the leaders of such lines are removed and
// the line breaks kept; the scanner also reads the unwrapped view of this one, which joins the lines.
//
// Only lines that are one bare token after their leader (no space inside, ≥ 16 characters, or the tail of a
// wrapped run) are touched, so the comments of ordinary code build no view at all.

import { ViewBuilder, isB64 as isB64Char, type View } from './builder';

// A module-local binding: under the CommonJS transform (tsx, mocha) an imported function is a property read at
// every call, and these loops call it for every character.
const isB64 = isB64Char;

// Leaders: quote marks (nested `> > `), line comments, a block comment's ` * `, SQL/Lua `--`, Lisp/INI `;`,
// VB `'`, Fortran `!`, TeX `%`, batch `REM`/`::`, stacked (a quoted comment: `> // `), with the indentation around them.
// TeX/MATLAB/PostScript `%`, batch `REM` and `::`, Vim `"` and Haskell/SQL `--` too.
const LEADER = /[ \t]*(?:(?:>|\/\/+|#+|\*|--|;+|'|!|%+|REM(?=[ \t])|::|")[ \t]*){1,8}/y;
const MIN_TOKEN = 16;
const MIN_TAIL_RUN = 20;

export function dequotedView(text: string): View | undefined {
  // Cut points [line start, body start) to drop; found from each newline after a line ending in a long run, so
  // ordinary code (whose comment lines hold spaces) costs one pass of indexOf.
  const cuts = new Map<number, number>();
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let end = nl;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    let run = 0;
    while (run < MIN_TAIL_RUN && end - run - 1 >= 0 && isB64(text.charCodeAt(end - run - 1))) run++;
    if (run < MIN_TAIL_RUN) continue;
    const next = leaderEnd(text, nl + 1);
    if (next === undefined || !isBareToken(text, next, lineEnd(text, next), 1)) continue;
    cuts.set(nl + 1, next);
    // The line before loses its leader too when it is a bare token itself (a PEM body line).
    const prevStart = text.lastIndexOf('\n', nl - 1) + 1;
    const prev = leaderEnd(text, prevStart);
    if (prev !== undefined && isBareToken(text, prev, end, MIN_TOKEN)) cuts.set(prevStart, prev);
  }
  if (cuts.size === 0) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (const at of [...cuts.keys()].sort((x, y) => x - y)) {
    view.copy(pos, at);
    pos = cuts.get(at)!;
  }
  return view.finish(pos);
}

/** Where the body of the line starting at `at` begins, when the line opens with a leader; else undefined. */
function leaderEnd(text: string, at: number): number | undefined {
  LEADER.lastIndex = at;
  const m = LEADER.exec(text);
  if (!m || !/[>/#*;'!%":-]|REM/.test(m[0])) return undefined;
  return at + m[0].length;
}

function lineEnd(text: string, from: number): number {
  let e = text.indexOf('\n', from);
  if (e === -1) e = text.length;
  return e > from && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
}

/** The line's body is one token (trailing blanks allowed) of at least `min` characters. */
function isBareToken(text: string, from: number, to: number, min: number): boolean {
  let e = to;
  while (e > from && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (e - from < min) return false;
  for (let i = from; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!isB64(c) && c !== 61 && c !== 46) return false;
  }
  return true;
}
