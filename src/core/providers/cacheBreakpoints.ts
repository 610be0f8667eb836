// Where to put Anthropic `cache_control` breakpoints so caching really happens. A breakpoint caches the whole
// prompt prefix up to it, but only when that prefix reaches the model's minimum cacheable length; shorter marks
// are silently ignored (no error, no saving). At most 4 breakpoints per request.
//
// Minimums (Anthropic prompt-caching docs, cross-checked with gateways' tables, 2026): Opus 4.5/4.6 and Haiku 4.5
// need 4096 tokens, Sonnet 4.6 and Opus 4.7 and Haiku 3/3.5 2048, older Sonnet/Opus 1024. Sources disagree on
// Sonnet 4.6 (1024 vs 2048); we take the larger, so a mark is never placed where it cannot work. Unknown models
// default to 1024, the documented floor.

export const MAX_BREAKPOINTS = 4;

const MINIMUMS: [RegExp, number][] = [
  [/opus-4[-.][56]|haiku-4[-.]5|4[-.]5-haiku/, 4096],
  [/sonnet-4[-.]6|opus-4[-.]7|haiku/, 2048],
];

export function minCacheableTokens(model: string): number {
  for (const [re, n] of MINIMUMS) if (re.test(model)) return n;
  return 1024;
}

/** Same ≈ 4 characters a token rule the rest of the product uses for estimates before a tokenizer answers. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A candidate breakpoint: the end of a stable part of the prompt, with the text of that part. */
export interface PrefixSegment {
  id: string;
  text: string;
  /** A stable end (system prompt, attached context, end of history) — only these are worth marking. */
  stable: boolean;
}

/**
 * Which segments to mark. Segments are in prompt order; a stable segment is marked when the prefix up to its end
 * reaches the minimum. When more qualify than the limit, the last ones are kept: longer prefixes save more.
 */
export function planBreakpoints(model: string, segments: PrefixSegment[]): string[] {
  const min = minCacheableTokens(model);
  let chars = '';
  const eligible: string[] = [];
  for (const s of segments) {
    chars += s.text;
    if (s.stable && estimateTokens(chars) >= min) eligible.push(s.id);
  }
  return eligible.slice(-MAX_BREAKPOINTS);
}

/**
 * Splits a user message laid out by `userMessage()` (fenced context blocks, a blank line, the question) into the
 * attached context and the question, so the context can end a cached prefix. Undefined when nothing is attached.
 */
export function splitContext(userText: string): { context: string; question: string } | undefined {
  const m = /\n(?:```|~~~~)\n\n(?![\s\S]*\n(?:```|~~~~)\n\n)/.exec(userText);
  if (!m) return undefined;
  const end = m.index + m[0].length - 2;
  return { context: userText.slice(0, end), question: userText.slice(end) };
}
