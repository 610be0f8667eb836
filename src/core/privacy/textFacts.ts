// What several detectors and views derive from one text, computed once per text on first use and shared: the
// scanner makes one per text (and per view) and hands it to every detector's `find`. Each fact is exactly what
// its users computed on their own before; sharing only saves the repeated pass over a large text.

import { isB64 } from './views/builder';

/** A maximal run of base64(url) characters: [start, stop), then up to two `=` of padding up to `end`. */
export interface B64Run {
  start: number;
  stop: number;
  end: number;
  /** Which character classes the run holds (B64_UPPER | B64_LOWER | B64_OTHER, and B64_NOT_HEX). */
  seen: number;
}

export const B64_CHAR = 1, B64_UPPER = 2, B64_LOWER = 4, B64_OTHER = 8, B64_NOT_HEX = 16;
/** Runs shorter than this are nobody's concern (the decoder starts at 16 characters, unnamed keys at 32). */
const MIN_RUN = 16;

// One table read per character: is it base64(url), and which classes does it add to a run.
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (!isB64(c)) continue;
  const upper = c >= 65 && c <= 90, lower = c >= 97 && c <= 122, digit = c >= 48 && c <= 57;
  CLASS[c] = B64_CHAR | (upper ? B64_UPPER : lower ? B64_LOWER : B64_OTHER) | ((upper && c > 70) || (lower && c > 102) || (!upper && !lower && !digit) ? B64_NOT_HEX : 0);
}

/** Every run of ≥ 16 base64(url) characters, by char code: a regex visiting every word costs 5× more. */
export function base64RunsOf(text: string): B64Run[] {
  const out: B64Run[] = [];
  const n = text.length;
  const cls = CLASS;
  let i = 0;
  while (i < n) {
    for (; i < n; i++) { const c = text.charCodeAt(i); if (c < 128 && cls[c] !== 0) break; }
    const start = i;
    let seen = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? cls[c] : 0;
      if (k === 0) break;
      seen |= k;
    }
    let end = i;
    while (end < n && end - i < 2 && text.charCodeAt(end) === 61) end++;
    if (i - start >= MIN_RUN) out.push({ start, stop: i, end, seen });
    i = Math.max(end, i + 1);
  }
  return out;
}

export class TextFacts {
  private b64?: B64Run[];
  constructor(readonly text: string) {}

  /** base64RunsOf(text), computed once. */
  base64Runs(): readonly B64Run[] {
    return (this.b64 ??= base64RunsOf(this.text));
  }
}
