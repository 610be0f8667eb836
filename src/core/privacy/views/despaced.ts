// A value typed out with a space between every character (`g h p _ 1 a 2 b …`) reads as the value to a model.
// The despaced view removes those single spaces wherever 16 or more single token characters alternate with
// single spaces; ordinary prose and code never have such a run.

import { ViewBuilder, type View } from './builder';

// The last spaced character may run on into the unspaced rest of the value.
const SPACED = /(?<![A-Za-z0-9_+/=.-])(?:[A-Za-z0-9_+/=.-] ){15,}[A-Za-z0-9_+/=.-]+/g;

export function despacedView(text: string): View | undefined {
  SPACED.lastIndex = 0;
  let m = SPACED.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = SPACED.exec(text)) {
    view.copy(pos, m.index);
    const end = m.index + m[0].length;
    let i = m.index;
    for (; i < end && text[i + 1] === ' '; i += 2) view.emit(text[i], i);
    view.copy(i, end);
    pos = end;
  }
  if (pos === 0) return undefined;
  return view.finish(pos);
}
