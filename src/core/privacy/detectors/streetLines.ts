// A street line that is a whole value: alone on its line (`1843 Juniper Ave` in a list of stops) or the whole of a
// quoted string (`dest="4412 Birchwood Lane"`). With nothing else on the line or in the string there is no sentence
// to make it a heading or a venue (`Version 3 Pro Way` has words before it, `10 Downing Street tomorrow` after it),
// and a house number, a name and a street word standing alone are how a delivery list or a record writes a home.

import type { Detector, RawHit } from '../detector';
import { STREET_BODY } from './personalRecords';

const ALONE = new RegExp(String.raw`^[ \t]*(${STREET_BODY})[ \t]*[,.]?[ \t]*\r?$`, 'gmu');
const QUOTED = new RegExp(String.raw`(["'\x60])(${STREET_BODY})\1`, 'gu');

export function findStreetLines(text: string): RawHit[] {
  const out: RawHit[] = [];
  const push = (start: number, v: string): void => { out.push({ kind: 'postal-address', label: 'postal address (a street line standing alone)', start, end: start + v.length }); };
  ALONE.lastIndex = 0;
  for (let m = ALONE.exec(text); m; m = ALONE.exec(text)) push(m.index + m[0].indexOf(m[1]), m[1]);
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) push(m.index + 1, m[2]);
  return out;
}

export const STREET_LINE_DETECTORS: readonly Detector[] = [
  { id: 'postal-address-street-line', category: 'pii', keywords: [], alsoWhen: (t) => /\d[ \t]+\p{Lu}/u.test(t), find: findStreetLines, plainViewsOnly: true,
    samples: {
      tp: ['Stops:\n1843 Juniper Ave\nwarehouse B', 'WARN geocode miss dest="4412 Birchwood Lane" order=8812', "const HOME = '77 Magnolia Drive';"],
      fp: ['Version 3 Pro Way of doing it', 'The meetup moved to 10 Downing Street tomorrow', '## 3 Main Street queues', 'const s = "3 Fast Lane jobs";'],
    } },
];
