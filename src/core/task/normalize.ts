// Text handling shared by the task rules: one normal form for any language before a rule reads it, word counts
// that work for scripts without spaces, and regexes assembled from word lists kept as data.

const LATIN_MARKS = /([A-Za-z])[\u0300-\u036f]+/g;

/** Accents off Latin letters only (é → e, ñ → n, ç → c); kana voicing marks and Hangul are left alone. */
export function foldAccents(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

/** NFKC (full-width letters and punctuation to ASCII, ligatures split) and then accent folding. */
export function normalizeText(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return foldAccents(text.normalize('NFKC'));
}

// Above this many characters the word count falls back to whitespace: segmenting pasted logs costs time and
// the answer ("long") is the same.
const SEGMENT_LIMIT = 4000;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Words as a reader counts them: a Chinese or Japanese sentence has no spaces but many words, so whitespace
 * splitting would call it a one-word question. Intl.Segmenter is built into Node and every VS Code host.
 */
export function countWords(prose: string): number {
  if (prose.length > SEGMENT_LIMIT || !/[\u0080-\uffff]/.test(prose)) return prose.trim().split(/\s+/).filter(Boolean).length;
  let n = 0;
  for (const s of segmenter.segment(prose)) if (s.isWordLike) n++;
  return n;
}

/**
 * One regex from a list of alternatives (each a small regex literal, read for its source): word lists stay data,
 * one entry a line, and their accents are folded like the text the rules read.
 */
export function anyOf(alternatives: readonly RegExp[], flags = 'i'): RegExp {
  return new RegExp(alternatives.map((r) => foldAccents(r.source)).join('|'), flags);
}

/** `(?:a|b|c)` from a word list, for a list inside a larger pattern. */
export function words(list: readonly string[]): string {
  return `(?:${list.map(foldAccents).join('|')})`;
}

/** The same regex with its accents folded, for a pattern written with accented words. */
export function folded(re: RegExp): RegExp {
  return new RegExp(foldAccents(re.source), re.flags);
}
