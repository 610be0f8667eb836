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
