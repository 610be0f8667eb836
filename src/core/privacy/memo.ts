// One detector's hits reused by another on the same text: the contact-record detector reads the e-mails and phones
// the e-mail and phone detectors have just found in the same view. One entry: the scan runs each view through all
// detectors in turn, so the last text seen is the one asked about. Callers copy hits, never change them.

import type { RawHit } from './detector';

export function lastTextMemo(find: (text: string) => RawHit[]): (text: string) => readonly RawHit[] {
  let lastText: string | undefined;
  let lastHits: readonly RawHit[] = [];
  return (text) => {
    if (text !== lastText) { lastHits = find(text); lastText = text; }
    return lastHits;
  };
}
