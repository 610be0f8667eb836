// The one notice shown when the local model is unavailable. The probe's message often already says how to start
// Ollama; the advice is added only when it does not, so the notice never repeats itself.

import { ollamaDown } from '../../shared/ollamaDown';

const START_ADVICE = /ollama serve|ollama app/i;

export function localProblemNotice(state: string, message: string): string {
  const text = `Hybrid: ${message.trim()}`;
  if (state !== 'offline') return text;
  const fix = ollamaDown().fix;
  const advice = START_ADVICE.test(message) ? '' : ` ${fix[0]!.toUpperCase()}${fix.slice(1)}.`;
  return `${text}${advice} Hybrid notices when it is back.`;
}
