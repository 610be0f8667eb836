// The character-list view: a value spelled one character at a time, the way code hides a key from secret scanners
// (`['g','h','p','_',…].join('')`, `String.fromCharCode(103, 104, 112, …)`, `bytes([103, 104, …])`). The model reads
// the value at once; so does this view. Only runs of 16 or more, so short lists of letters or numbers stay as they are.

import { ViewBuilder, type View } from './builder';

// 16+ one-character string literals separated by commas: 'a', "b", `c`.
const QUOTED = /(['"`])[\x20-\x7E]\1(?:[ \t]*,[ \t\r\n]*(['"`])[\x20-\x7E]\2){15,}/g;
// 16+ character codes in a call or array that is about characters: fromCharCode(…), chr(…), bytes([…]), [..] with 32–126.
const CODES = /(?:fromCharCode|fromCodePoint|bytes|bytearray|chr|Uint8Array(?:\.from|\.of)?)[ \t]*\([ \t]*\[?[ \t]*((?:\d{2,3}[ \t]*,[ \t\r\n]*){15,}\d{2,3})/g;

export function charListView(text: string): View | undefined {
  if (!text.includes(',')) return undefined;
  // Each character of the value maps to its own literal, so a hit redacts exactly the literals it covers.
  const cuts: { start: number; end: number; chars: string[]; at: number[] }[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const chars: string[] = [];
    const at: number[] = [];
    for (const q of m[0].matchAll(/(['"`])([\x20-\x7E])\1/g)) { chars.push(q[2]); at.push(m.index + q.index!); }
    cuts.push({ start: m.index, end: m.index + m[0].length, chars, at });
  }
  CODES.lastIndex = 0;
  for (let m = CODES.exec(text); m; m = CODES.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    const chars: string[] = [];
    const at: number[] = [];
    for (const n of m[1].matchAll(/\d+/g)) { chars.push(String.fromCharCode(Number(n[0]))); at.push(start + n.index!); }
    if (chars.some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) > 126)) continue;
    cuts.push({ start, end: m.index + m[0].length, chars, at });
  }
  if (cuts.length === 0) return undefined;
  cuts.sort((a, b) => a.start - b.start);
  const view = new ViewBuilder(text);
  let pos = 0;
  for (const c of cuts) {
    if (c.start < pos) continue;
    view.copy(pos, c.start);
    c.chars.forEach((ch, i) => view.emit(ch, c.at[i]));
    pos = c.end;
  }
  return view.finish(pos);
}
