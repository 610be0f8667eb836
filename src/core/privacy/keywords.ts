// gitleaks' keyword pre-filter as one pass over the text: a table of every keyword's first two characters, and
// a `startsWith` only where a pair matches. With 200 keywords this is ~40 % cheaper than one alternation regex
// (even shaped as a trie), and it finds every keyword at a position, not only the longest.

export class KeywordIndex {
  /** The keywords starting with each ASCII character pair, indexed by (c1 << 7) | c2; undefined where none does. */
  private readonly byBigram: (string[] | undefined)[] = new Array<string[] | undefined>(128 * 128).fill(undefined);
  /** Keywords the table cannot hold (one character, non-ASCII) never switch a detector off: always present. */
  private readonly untabled: string[];

  constructor(keywords: Iterable<string>) {
    const all = [...new Set(keywords)];
    this.untabled = all.filter((k) => k.length < 2 || k.charCodeAt(0) > 127 || k.charCodeAt(1) > 127);
    for (const k of all) {
      if (this.untabled.includes(k)) continue;
      const b = (k.charCodeAt(0) << 7) | k.charCodeAt(1);
      (this.byBigram[b] ??= []).push(k);
    }
  }

  /** The keywords that occur in `text`. */
  present(text: string): Set<string> {
    const found = new Set<string>(this.untabled);
    // A local, not a field, in the loop that visits every character of every scanned text; one array read per
    // pair (a holey array of 16,384 slots), and a two-character keyword needs no startsWith.
    const byBigram = this.byBigram;
    const n = text.length - 1;
    let c1 = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const c2 = text.charCodeAt(i + 1);
      if ((c1 | c2) < 128) {
        const ks = byBigram[(c1 << 7) | c2];
        if (ks !== undefined) for (let j = 0; j < ks.length; j++) { const k = ks[j]; if (k.length === 2 || text.startsWith(k, i)) found.add(k); }
      }
      c1 = c2;
    }
    return found;
  }
}
