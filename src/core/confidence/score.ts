// One confidence score in 0..1 for a local answer, with the parts that made it.
//
// Token part (when the server reports log-probabilities): geometric-mean token probability × (1 − share of
// tokens whose probability is below LOW_P). A fluent, certain answer has both near 1; an answer that guesses has
// a lower mean and many low-probability tokens. Without log-probabilities the base is NO_TOKENS_BASE: there is
// no evidence against the answer, but also less evidence for it than a confident token stream gives.
//
// Answer-level signals then cap the score: empty answer → 0; repeating itself → REPEAT_CAP; says it does not
// know or lacks context → UNSURE_CAP; stopped at the token limit → LIMIT_CAP. Caps (not subtractions) keep the
// score readable: "said 'not sure'" alone always lands below the default escalation threshold of 0.7.

import { repetitionShare, unsurePhrase } from './signals';
import type { ConfidencePart, ConfidenceReport, LocalAnswer } from './confidenceReport';

export const LOW_P = 0.3;
export const NO_TOKENS_BASE = 0.8;
export const UNSURE_CAP = 0.4;
export const LIMIT_CAP = 0.5;
export const REPEAT_CAP = 0.3;
/** Repetition share above which the answer counts as looping. */
export const REPEAT_SHARE = 0.3;

export function scoreConfidence(answer: LocalAnswer): ConfidenceReport {
  const parts: ConfidencePart[] = [];
  const tokens = (answer.tokens ?? []).filter((t) => Number.isFinite(t.logprob));
  let score = NO_TOKENS_BASE;
  if (tokens.length > 0) {
    const meanLog = tokens.reduce((s, t) => s + Math.min(0, t.logprob), 0) / tokens.length;
    const low = tokens.filter((t) => Math.exp(t.logprob) < LOW_P).length / tokens.length;
    score = Math.exp(meanLog) * (1 - low);
    // Plain words for "share of tokens with probability below LOW_P": most users never met a log-probability.
    const pct = Math.round(low * 100);
    parts.push({ kind: 'tokens', value: score, text: pct === 0 ? 'sure of every word it wrote' : `unsure of ${pct} % of the words it wrote` });
  }
  if (answer.text.trim() === '') {
    parts.push({ kind: 'empty', value: 0, text: 'the answer is empty' });
  } else {
    const rep = repetitionShare(answer.text);
    if (rep > REPEAT_SHARE) parts.push({ kind: 'repetition', value: REPEAT_CAP, text: `repeats itself (${Math.round(rep * 100)} % of phrases repeated)` });
    const phrase = unsurePhrase(answer.text);
    if (phrase) parts.push({ kind: 'unsure', value: UNSURE_CAP, text: `said '${phrase}'` });
  }
  if (answer.hitTokenLimit) parts.push({ kind: 'tokenLimit', value: LIMIT_CAP, text: 'stopped at the token limit' });
  for (const p of parts) if (p.kind !== 'tokens') score = Math.min(score, p.value);
  score = Math.max(0, Math.min(1, score));
  const shown = parts.length ? parts.map((p) => p.text).join('; ') : 'no token probabilities from this server; no warning signs in the answer';
  return { score, parts, fromTokens: tokens.length > 0, summary: `local confidence ${score.toFixed(2)}: ${shown}` };
}
