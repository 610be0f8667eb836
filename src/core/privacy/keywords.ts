// gitleaks' keyword pre-filter as one pass over the text: a table of every keyword's first two characters, and
// a `startsWith` only where a pair matches. With 200 keywords this is ~40 % cheaper than one alternation regex
// (even shaped as a trie), and it finds every keyword at a position, not only the longest. With 700 keywords one
// character pair in five of ordinary code starts some keyword ('or', 're', 'se' …), so a bit mask of third
// characters per pair, then the keywords of that exact three-character start, keep the `startsWith` calls few.

export class KeywordIndex {
  /** 1 for each ASCII pair (c1 << 7 | c2) that starts some keyword: four pairs in five start none. */
  private readonly pairs = new Uint8Array(128 * 128);
  /** Per pair (c1 << 7 | c2), four 32-bit words: bit c3 set when a keyword starts with c1 c2 c3 (all ASCII). */
  private readonly third = new Int32Array(128 * 128 * 4);
  /** The keywords of three or more characters starting with each ASCII triple, keyed (c1 << 14) | (c2 << 7) | c3. */
  private readonly byTrigram = new Map<number, string[]>();
  /** Pairs with a two-character keyword or one whose third character is not ASCII: their whole list is tried. */
  private readonly odd: (string[] | undefined)[] = new Array<string[] | undefined>(128 * 128).fill(undefined);
  /** Keywords the table cannot hold (one character, non-ASCII) never switch a detector off: always present. */
  private readonly untabled: string[];

  constructor(keywords: Iterable<string>) {
    const all = [...new Set(keywords)];
    this.untabled = all.filter((k) => k.length < 2 || k.charCodeAt(0) > 127 || k.charCodeAt(1) > 127);
    for (const k of all) {
      if (this.untabled.includes(k)) continue;
      const b = (k.charCodeAt(0) << 7) | k.charCodeAt(1);
      this.pairs[b] = 1;
      const c3 = k.length > 2 ? k.charCodeAt(2) : 128;
      if (c3 < 128) {
        this.third[b * 4 + (c3 >> 5)] |= 1 << (c3 & 31);
        const t = (b << 7) | c3;
        this.byTrigram.set(t, [...(this.byTrigram.get(t) ?? []), k]);
      } else (this.odd[b] ??= []).push(k);
    }
  }

  /** The keywords that occur in `text`. */
  present(text: string): Set<string> {
    const found = new Set<string>(this.untabled);
    // Locals, not fields, in the loop that visits every character of every scanned text.
    const { pairs, third, byTrigram, odd } = this;
    const len = text.length;
    let c1 = text.charCodeAt(0);
    let c2 = len > 1 ? text.charCodeAt(1) : 0;
    for (let i = 0; i + 1 < len; i++) {
      // Read in bounds only: one NaN from charCodeAt past the end turns the whole loop to slow double arithmetic.
      const c3 = i + 2 < len ? text.charCodeAt(i + 2) : 0;
      const b = (c1 << 7) | c2;
      if ((c1 | c2) < 128 && pairs[b] !== 0) {
        if (c3 < 128 && (third[b * 4 + (c3 >> 5)] & (1 << (c3 & 31))) !== 0) {
          const ks = byTrigram.get((b << 7) | c3)!;
          for (let j = 0; j < ks.length; j++) { const k = ks[j]; if (k.length === 3 || text.startsWith(k, i)) found.add(k); }
        }
        const os = odd[b];
        if (os !== undefined) for (let j = 0; j < os.length; j++) { const k = os[j]; if (k.length === 2 || text.startsWith(k, i)) found.add(k); }
      }
      c1 = c2;
      c2 = c3;
    }
    return found;
  }
}
