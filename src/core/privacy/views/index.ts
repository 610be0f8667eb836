// Every view the scanner reads besides the text itself, in order. A view built over another view is mapped back
// to the original through both maps.

import type { View } from './builder';
import { charListView } from './charList';
import { despacedView } from './despaced';
import { dequotedView } from './dequoted';
import { joinedView } from './joined';
import { joinCallView, listJoinedView } from './listJoined';
import { normalisedView } from './normalised';
import { unescapedView } from './unescaped';
import { unwrappedView } from './unwrapped';
import { TextFacts } from '../textFacts';

export type { View } from './builder';
export { DecodeBudgetExceeded, decodedRuns, type EncodedRun } from './decoded';
export { TransformTriggers } from './transformed';

/** `facts`: the scanner's shared facts of `text` (the unwrapped view reads its base64 runs). */
export function textViews(text: string, facts = new TextFacts(text)): View[] {
  const out: View[] = [];
  const add = (v: View | undefined, under?: View): void => { if (v) out.push(under ? through(under, v) : v); };
  const normalised = normalisedView(text);
  if (normalised) add({ ...normalised, plain: true });
  add(joinedView(normalised ? normalised.text : text), normalised);
  add(unwrappedView(text, facts.base64Runs()));
  add(unescapedView(text));
  add(despacedView(text));
  add(charListView(text));
  add(listJoinedView(text));
  add(joinCallView(text));
  const dequoted = dequotedView(text);
  add(dequoted);
  if (dequoted) add(unwrappedView(dequoted.text), dequoted);
  return out;
}

/** `outer` was built over `inner`'s text: its offsets go back to the original through `inner`'s map. */
function through(inner: View, outer: View): View {
  const map = new Int32Array(outer.map.length);
  for (let i = 0; i < map.length; i++) map[i] = inner.map[outer.map[i]];
  return { text: outer.text, map };
}
