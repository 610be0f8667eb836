// When a question is about the system: the classifier's architecture / design / migration / multi-module
// signals, or an explicit #codebase. Reuses the classifier's rules rather than a second list that would drift.

import { scoreComplexity } from '../task/complexity';

const SYSTEM_SIGNALS = new Set(['architecture question', 'design question', 'migration', 'spans several modules', 'structural change', 'asks for an approach']);

export function wantsCodebase(question: string): boolean {
  if (/(?:^|\s)#codebase\b/i.test(question)) return true;
  const { signals } = scoreComplexity({ id: '', kind: 'ask', origin: 'askAuto', question, context: [] });
  return signals.some((s) => SYSTEM_SIGNALS.has(s));
}
