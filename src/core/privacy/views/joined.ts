// The joined view: string concatenation (`"ab" + "cd"`, adjacent literals across lines), backslash line
// continuations and template glue removed, so a value split into pieces reads as one.

import { ViewBuilder, type View } from './builder';

// `"abc" + "def"`, `'abc' . 'def'`, `"abc" "def"` (adjacent literals, incl. across a line break), `\`-newline.
// A template literal's `${…}` between two value characters (`sk-ant-${''}api03…`, `${"x"}`) is glue too: what the
// expression adds is unknown, and what stands on either side of it is read as one value. Likewise Ruby's `#{…}`,
// an empty literal in f-string / JSX braces (`{''}`), and shell quotes switching mid-word (`"abc"'def'`).
const JOIN = /(["'`])[ \t]*(?:\+|\.|\.\.|&|\|\|)?[ \t]*(?:\\?\r?\n[ \t]*(?:\+|\.|&)?[ \t]*)?\1|\\\r?\n[ \t]*|[$#]\{[^{}\r\n]{0,60}\}|\{[ \t]*(['"])\2[ \t]*\}|"'|'"/g;

/** The text with concatenation glue removed; undefined when there is none. */
export function joinedView(text: string): View | undefined {
  JOIN.lastIndex = 0;
  let m = JOIN.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = JOIN.exec(text)) {
    // Only glue between two value-like characters; `"" + x` or `'a', 'b'` is not a split value.
    const before = text.charCodeAt(m.index - 1);
    const after = text.charCodeAt(m.index + m[0].length);
    if (!isValueChar(before) || !isValueChar(after)) continue;
    view.copy(pos, m.index);
    pos = m.index + m[0].length;
  }
  if (pos === 0) return undefined;
  return view.finish(pos);
}

function isValueChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 43
    || c === 47 || c === 61 || c === 46 || c === 126 || c === 58 || c === 64;
}
