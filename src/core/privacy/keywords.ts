// gitleaks' keyword pre-filter as one pass over the text: a table of every keyword's first two characters, and
// a `startsWith` only where a pair matches. With 200 keywords this is ~40 % cheaper than one alternation regex
// (even shaped as a trie), and it finds every keyword at a position, not only the longest.

export class KeywordIndex {
  private readonly bigrams = new Uint8Array(128 * 128);
  private readonly byBigram = new Map<number, string[]>();
  /** Keywords the table cannot hold (one character, non-ASCII) never switch a detector off: always present. */
  private readonly untabled: string[];

  constructor(keywords: Iterable<string>) {
    const all = [...new Set(keywords)];
    this.untabled = all.filter((k) => k.length < 2 || k.charCodeAt(0) > 127 || k.charCodeAt(1) > 127);
    for (const k of all) {
      if (this.untabled.includes(k)) continue;
      const b = k.charCodeAt(0) * 128 + k.charCodeAt(1);
      this.bigrams[b] = 1;
      this.byBigram.set(b, [...(this.byBigram.get(b) ?? []), k]);
    }
  }

  /** The keywords that occur in `text`. */
  present(text: string): Set<string> {
    const found = new Set<string>(this.untabled);
    // Locals, not fields, in the loop that visits every character of every scanned text.
    const bigrams = this.bigrams;
    const byBigram = this.byBigram;
    const n = text.length - 1;
    let c1 = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const c2 = text.charCodeAt(i + 1);
      if (c1 < 128 && c2 < 128 && bigrams[c1 * 128 + c2] === 1) {
        for (const k of byBigram.get(c1 * 128 + c2)!) if (text.startsWith(k, i)) found.add(k);
      }
      c1 = c2;
    }
    return found;
  }
}
