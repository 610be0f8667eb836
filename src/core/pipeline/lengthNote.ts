// The footer's note on an answer that ended with finish_reason "length". Two different limits end an answer so: our
// own answer cap (ANSWER_TOKENS), or the model's context window filling up first (vLLM's --max-model-len: a long
// prompt leaves room for a few dozen tokens). Blaming our cap for the second sent users to "continue", which cannot
// fit either.

import type { Usage } from '../request';

export function lengthNote(usage: Usage, answerTokens: number): string {
  const prompt = usage.input + usage.cacheRead + usage.cacheWrite + (usage.cacheWrite1h ?? 0);
  // Well under our cap by the server's own count, with a prompt the size of a context window (2,048 tokens is the
  // smallest in use): the window, not our cap, ended it — or a cap the server sets, which the count cannot tell apart.
  if (usage.source === 'provider' && usage.output < answerTokens * 0.9 && prompt + usage.output >= 2_048) {
    const n = (v: number): string => v.toLocaleString('en-US');
    return `The answer stopped after ${n(usage.output)} tokens, well before Hybrid's answer limit: the model's context window is full (${n(prompt)} prompt + ${n(usage.output)} answer = ${n(prompt + usage.output)} tokens), or the server caps answers shorter — send less context, or ask the server's admin for a longer context (vLLM: --max-model-len).`;
  }
  return `The answer reached the ${answerTokens.toLocaleString('en-US')}-token length limit and is cut off here — ask "continue" for the rest.`;
}
