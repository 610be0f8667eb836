// Answer-level signals that need no log-probabilities. Each returns a short quoted phrase or undefined, so the
// user sees what was found ("said 'not sure'") rather than a rule name.

const UNSURE: RegExp[] = [
  /\bI(?:'m| am) not (?:sure|certain)\b/i,
  /\bnot sure\b/i,
  /\bI (?:don't|do not) know\b/i,
  /\bI (?:can't|cannot|can not) (?:see|determine|tell|be sure|know)\b/i,
  /\bI(?:'m| am) unable to (?:see|determine|tell|answer)\b/i,
  /\bwithout (?:more|additional|further|the full) (?:context|information|code)\b/i,
  /\b(?:not enough|insufficient|lack(?:ing)?(?: the)?) (?:context|information)\b/i,
  /\b(?:need|would need) (?:more|additional) (?:context|information)\b/i,
  /\bI (?:don't|do not) have (?:enough |the |access to )?(?:context|information|the code|the file)\b/i,
  /\bit(?:'s| is) (?:unclear|hard to say|difficult to say)\b/i,
];

/** The first hedge the answer makes, quoted, e.g. "not sure". */
export function unsurePhrase(text: string): string | undefined {
  for (const re of UNSURE) {
    const m = re.exec(text);
    if (m) return m[0].toLowerCase();
  }
  return undefined;
}

/**
 * Share of the answer's word 6-grams that occur more than once: a model stuck in a loop repeats whole runs of
 * words, while normal prose and code rarely repeat six words in a row. Short answers report 0.
 */
export function repetitionShare(text: string): number {
  const words = text.split(/\s+/).filter(Boolean);
  const n = 6;
  if (words.length < n * 4) return 0;
  const seen = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).join(' ');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let repeated = 0;
  let total = 0;
  for (const count of seen.values()) {
    total += count;
    if (count > 1) repeated += count;
  }
  return total === 0 ? 0 : repeated / total;
}
