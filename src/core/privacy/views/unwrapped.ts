// The unwrapped view: hard-wrapped values joined back into one run.

import { base64RunsOf, type B64Run } from '../textFacts';
import { ViewBuilder, isB64 as isB64Char, type View } from './builder';

// A module-local binding: under the CommonJS transform (tsx, mocha) an imported function is a property read at
// every call, and these loops call it for every character.
const isB64 = isB64Char;

/**
 * Hard-wrapped values (a token broken at column 76 in an e-mail, a terminal paste, a YAML folded string): a line
 * that ends in ≥ 20 token characters, followed by a line that starts with token characters, is read as one.
 * A wrapped value's lines are all as wide as the wrap except its last: a line shorter than the one before it
 * ends the value, so the next line (`// end`, a word) is not glued onto the value's tail.
 * Found from the text's runs of base64(url) characters (textFacts.ts, shared with the decoder and the unnamed-key
 * detector): only a run of 20 or more that ends a line can end a wrapped line, so code costs no pass of its own.
 */
export function unwrappedView(text: string, runs: readonly B64Run[] = base64RunsOf(text)): View | undefined {
  const cuts: [number, number][] = [];
  let width = 0;
  for (const r of runs) {
    // A run is maximal: it ends the line only when a newline (or CR LF) follows it directly.
    const run = r.stop - r.start;
    if (run < 20) continue;
    const end = r.stop;
    const nl = text.charCodeAt(end) === 13 ? end + 1 : end;
    if (text.charCodeAt(nl) !== 10) continue;
    let next = nl + 1;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    if (next >= text.length || !isB64(text.charCodeAt(next))) continue;
    // Whether this line was itself joined onto the line before.
    const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
    const last = cuts[cuts.length - 1];
    const continuing = last !== undefined && last[1] >= lineStart && last[1] < nl;
    if (continuing && run < width) continue;
    width = run;
    cuts.push([end, next]);
  }
  if (cuts.length === 0) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (const [a, b] of cuts) {
    view.copy(pos, a);
    pos = b;
  }
  return view.finish(pos);
}

