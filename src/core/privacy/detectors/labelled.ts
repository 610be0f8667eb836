// Shared reading of "label, then value" for personal data written in records, forms, tickets and exports
// (`DOB: 1984-03-12`, `Nom du patient : …`, `"address": "…"`, `| Anschrift | … |`). A label list becomes one
// case-insensitive regex whose multi-word labels also match as identifiers (`date of birth` ~ `dateOfBirth`,
// `date_of_birth`); the left boundary is checked in code (a look-behind would run at every position).

import { escapeRegExp } from '../regexText';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** One regex for a label list: longest first, spaces also matching `_`, `-` or nothing, letter-aware right edge. */
export function labelRegex(labels: readonly string[]): RegExp {
  const esc = (s: string): string => escapeRegExp(s).replace(/ /g, '[ _\\-]?');
  const sorted = [...labels].sort((a, b) => b.length - a.length).map(esc);
  return new RegExp(`(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

// Between the label and its value: closing quotes/brackets of a key, then `:`, `：`, `=`, `=>`, `|`, `-`, or
// prose (`is`, `ist`, `est`, `es`, `è`, `é`); then opening quotes. At most two short qualifier words may come
// first (`Address (home):`, `Adresse postale :`, `Address line 1:`), and then the separator is required.
const SEP = /^(?:(?:[ \t(]{1,2}[\p{L}\d]{1,12}\)?){1,2}[ \t]*["'`\]]{0,2}[ \t]*(?:[:：=|]|=>)|["'`\]]{0,2}[ \t]*(?:[:：=|]|=>|[-–—](?=[ \t])|[ \t](?:is|was|ist|est|es|è|é|era|war)(?=[ \t])))[ \t]*["'`]?[ \t]*/u;
const SEP_OPTIONAL = /^["'`\]]{0,2}[ \t]*(?:[:：=|]|=>|[-–—](?=[ \t])|,)?[ \t]*["'`]?[ \t]*(?:(?:on|am|le|el|il|em|the)[ \t]+)?/u;

export interface LabelledValue {
  /** Offset of the label in the text. */
  labelAt: number;
  /** Offset of the value's first character in the text. */
  at: number;
  /** The text after the separator, up to the end of its line (at most `span` characters). */
  rest: string;
}

/**
 * Every place a label from `labels` is followed by a separator: the offset where its value starts and the rest
 * of the line. `needSeparator: false` also accepts the value right after the label (`born March 12, 1984`).
 */
export function afterLabels(text: string, labels: RegExp, needSeparator: boolean, span = 160): LabelledValue[] {
  const out: LabelledValue[] = [];
  labels.lastIndex = 0;
  for (let m = labels.exec(text); m; m = labels.exec(text)) {
    if (m.index > 0 && /^\p{L}/u.test(m[0]) && /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(m[0]) && WORD_CHAR.test(text[m.index - 1])) continue;
    const from = m.index + m[0].length;
    const line = text.slice(from, from + span + 40).split(/\r?\n|\r/)[0];
    const sep = (needSeparator ? SEP : SEP_OPTIONAL).exec(line);
    if (!sep) continue;
    if (needSeparator && sep[0].trim() === '') continue;
    out.push({ labelAt: m.index, at: from + sep[0].length, rest: line.slice(sep[0].length, sep[0].length + span) });
  }
  return out;
}

// Letters of the labels' other scripts: accented Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Vietnamese,
// kana, Han, Hangul. Typographic punctuation (— … ’ “) in an English text does not switch the labels on.
const LABEL_SCRIPTS = /[\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF\u0900-\u097F\u0E00-\u0E7F\u1E00-\u1EFF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uFF01-\uFF5E]/;

/** Letters outside ASCII that a label in another script (or with accents) is written in. */
export function nonAscii(text: string): boolean {
  return LABEL_SCRIPTS.test(text);
}
