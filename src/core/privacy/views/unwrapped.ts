// The unwrapped view: hard-wrapped values joined back into one run.

import { ViewBuilder, isB64, type View } from './builder';

/**
 * Hard-wrapped values (a token broken at column 76 in an e-mail, a terminal paste, a YAML folded string): a line
 * that ends in ≥ 20 token characters, followed by a line that starts with token characters, is read as one.
 * Found from each newline by char code, so code without long runs costs one pass of indexOf.
 */
export function unwrappedView(text: string): View | undefined {
  const cuts: [number, number][] = [];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let end = nl;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    let run = 0;
    while (run < 20 && end - run - 1 >= 0 && isB64(text.charCodeAt(end - run - 1))) run++;
    if (run < 20) continue;
    let next = nl + 1;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    if (next < text.length && isB64(text.charCodeAt(next))) cuts.push([end, next]);
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

