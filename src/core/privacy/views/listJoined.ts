// A token cut into the elements of a list (`["<prefix>ab12", "cd34…", "ef56…"]`, a JSON array of chunks) reads
// as one here. Joining every list of strings would invent values out of unrelated words, so a list is joined
// only from an element that starts with a vendor prefix whose every use is a secret (truncatedTokens.ts), and
// only across elements made of token characters that follow it directly.

import { TOKEN_PREFIX_PATTERN } from '../detectors/truncatedTokens';
import { ViewBuilder, type View } from './builder';

const FIRST = new RegExp(`(["'\`])(?:${TOKEN_PREFIX_PATTERN})[A-Za-z0-9_\\-+/=]{0,200}(?=\\1)`, 'g');
const NEXT = /^(["'`])[ \t]*,[ \t]*(?:\r?\n[ \t]*)?(["'`])([A-Za-z0-9_\-+/=]{1,200})(?=\2)/;
const MAX_PIECES = 8;

/** The text with the glue between a prefixed element and the elements after it removed; undefined when none. */
export function listJoinedView(text: string): View | undefined {
  FIRST.lastIndex = 0;
  let m = FIRST.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = FIRST.exec(text)) {
    if (m.index < pos) continue;
    let close = m.index + m[0].length; // the closing quote of the current element
    for (let k = 0; k < MAX_PIECES; k++) {
      const n = NEXT.exec(text.slice(close, close + 240));
      if (!n) break;
      view.copy(pos, close);
      pos = close + n[0].length - n[3].length;
      close = pos + n[3].length;
    }
    FIRST.lastIndex = Math.max(FIRST.lastIndex, close);
  }
  if (pos === 0) return undefined;
  return view.finish(pos);
}

// A list the code itself joins with nothing between (`['ab12…', 'cd34…'].join('')`) is one string by its own
// statement, prefix or not: `secretAccessKey = ['…', '…'].join('')` reads here as `secretAccessKey = '……'.join('')`.
const JOIN_CALL = /\][ \t]*\.join\([ \t]*(["'`])\1[ \t]*\)/g;
const ELEMENT = /(["'`])([A-Za-z0-9_\-+/=]{1,200})\1[ \t]*(?:,[ \t]*(?:\r?\n[ \t]*)?)?/y;

/** The text with each such list's brackets, quotes and commas removed; undefined when none. */
export function joinCallView(text: string): View | undefined {
  if (!text.includes('.join(')) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  JOIN_CALL.lastIndex = 0;
  for (let m = JOIN_CALL.exec(text); m; m = JOIN_CALL.exec(text)) {
    // (Looked for in the 2,000 characters before only: a run of `].join('')` cannot make this quadratic.)
    const from = Math.max(pos, m.index - 2000);
    const found = text.slice(from, m.index).lastIndexOf('[');
    if (found < 0) continue;
    const open = from + found;
    const pieces: Array<[number, number]> = [];
    let at = open + 1;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
    for (ELEMENT.lastIndex = at; pieces.length < MAX_PIECES; ) {
      const e = ELEMENT.exec(text);
      if (!e) break;
      pieces.push([e.index + 1, e.index + 1 + e[2].length]);
      at = ELEMENT.lastIndex;
    }
    if (pieces.length < 2 || text.slice(at, m.index).trim() !== '') continue;
    const quote = pieces[0][0] - 1;
    view.copy(pos, open);
    view.copy(quote, quote + 1);
    for (const [s, e] of pieces) view.copy(s, e);
    view.copy(quote, quote + 1);
    pos = m.index + 1;
  }
  if (pos === 0) return undefined;
  return view.finish(pos);
}
