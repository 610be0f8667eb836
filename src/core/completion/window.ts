// The prompt window around the cursor. Runs on every keystroke, so the token budget is a character estimate
// (about 4 characters a token) and the cut is two string slices — never a tokenizer.

export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export interface PromptWindow {
  /** The tail of the text before the cursor, starting at a line boundary when it had to be cut. */
  prefix: string;
  /** The head of the text after the cursor, ending at a line boundary when it had to be cut. */
  suffix: string;
}

/** Keeps at most `prefixTokens` before and `suffixTokens` after the cursor, cutting on whole lines. */
export function buildWindow(prefix: string, suffix: string, prefixTokens: number, suffixTokens: number): PromptWindow {
  return { prefix: tailLines(prefix, prefixTokens * CHARS_PER_TOKEN), suffix: headLines(suffix, suffixTokens * CHARS_PER_TOKEN) };
}

function tailLines(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(text.length - maxChars);
  const nl = cut.indexOf('\n');
  // The cursor line itself is always kept, even when it alone exceeds the budget.
  return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
}

function headLines(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const nl = cut.lastIndexOf('\n');
  return nl > 0 ? cut.slice(0, nl) : cut;
}

/** What the classification and filters need to know about the cursor's surroundings. */
export interface CursorContext {
  /** Text on the cursor's line before the cursor. */
  lineBefore: string;
  /** Text on the cursor's line after the cursor. */
  lineAfter: string;
  /** The closest non-blank line above the cursor's line ('' when none). */
  lineAbove: string;
  /** The first non-blank line below the cursor's line ('' when none). */
  lineBelow: string;
}

export function cursorContext(prefix: string, suffix: string): CursorContext {
  const start = prefix.lastIndexOf('\n');
  const lineBefore = prefix.slice(start + 1);
  const end = suffix.indexOf('\n');
  const lineAfter = end < 0 ? suffix : suffix.slice(0, end);
  return {
    lineBefore,
    lineAfter,
    lineAbove: start < 0 ? '' : nonBlankLineBackwards(prefix, start),
    lineBelow: end < 0 ? '' : nonBlankLineForwards(suffix, end + 1),
  };
}

function nonBlankLineBackwards(text: string, endExclusive: number): string {
  let end = endExclusive;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1);
    const line = text.slice(start + 1, end);
    if (line.trim()) return line;
    if (start < 0) return '';
    end = start;
  }
  return '';
}

function nonBlankLineForwards(text: string, from: number): string {
  let start = from;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const line = nl < 0 ? text.slice(start) : text.slice(start, nl);
    if (line.trim()) return line;
    if (nl < 0) return '';
    start = nl + 1;
  }
  return '';
}
