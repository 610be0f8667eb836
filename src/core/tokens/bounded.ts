// A token count whose cost does not grow with the text. tiktoken counts ~0.5 MB a second on one loaded core: a
// 22 MB selection took ~40 s to count before the model was even asked (and as long again to trim), and held the
// counting worker for everyone else meanwhile. Past `exactChars`, the start is counted exactly and the rest is
// extrapolated at the start's rate, with a margin so the figure errs high: the budget and cost checks stay on
// the safe side, and trimming recounts exactly whatever it keeps.

export const EXACT_CHARS = 400_000;
/** Extrapolated counts are raised by this much: the rest of a text may tokenize denser than its start. */
const MARGIN = 1.1;

export async function boundedCount(count: (text: string) => Promise<number>, text: string, exactChars = EXACT_CHARS): Promise<number> {
  if (text.length <= exactChars) return count(text);
  // Never split a surrogate pair: half a character counts as a token of its own.
  const code = text.charCodeAt(exactChars - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? exactChars - 1 : exactChars;
  const head = await count(text.slice(0, end));
  return Math.ceil(head * (text.length / end) * MARGIN);
}
