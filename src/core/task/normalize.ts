// Text handling shared by the task rules: one normal form for any language before a rule reads it, word counts
// that work for scripts without spaces, and regexes assembled from word lists kept as data.

const LATIN_MARKS = /([A-Za-z])[\u0300-\u036f]+/g;

/** Accents off Latin letters only (é → e, ñ → n, ç → c); kana voicing marks and Hangul are left alone. */
export function foldAccents(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

// Chat is typed fast: "whats the best way", "dont break", and phones and Macs turn ' into ’. The rules are written
// with the plain apostrophe, so both spellings are brought back to it. Only contractions that are no other word:
// not "its", "were", "ill", "lets", nor "im" (German "im Backend").
const TYPOGRAPHIC = /[\u2018\u2019\u02bc]|[\u201c\u201d]/g;
const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\b(what|that|there|how|where|who)s\b/gi, "$1's"],
  [/\b(do|does|did|is|are|was|were|wo|ca|should|would|could|has|have|had|must|need)nt\b/gi, "$1n't"],
  [/\b(you|they)re\b/gi, "$1're"],
  [/\b(i|we|you|they)ve\b/gi, "$1've"],
];

function restoreApostrophes(text: string): string {
  let out = text.replace(TYPOGRAPHIC, (c) => (c === '\u201c' || c === '\u201d' ? '"' : "'"));
  for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  return out;
}

/** NFKC (full-width letters and punctuation to ASCII, ligatures split), accent folding, and typed-fast apostrophes. */
export function normalizeText(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return restoreApostrophes(text);
  return restoreApostrophes(foldAccents(text.normalize('NFKC')));
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
