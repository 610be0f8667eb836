// The words of the escalation note (pure, so they are unit-tested without a DOM): its title with the score, the line
// under it, and the "Ask the cloud" button that names the model it asks.

import type { EscalationView } from '../../shared/protocol/chat';

/** "Ask the cloud (claude-haiku-4-5)": the button names the model it asks (the offer's light tier is not the frontier model). */
export function askLabel(model: string | undefined): string {
  return model ? `Ask the cloud (${model})` : 'Ask the cloud';
}

export function askTitle(model: string | undefined): string {
  return `Sends your question and context (not this answer) to ${model ? `the cloud model ${model}` : 'the cloud model'}, through the privacy gate`;
}

/** The pipeline's headline (the score against its threshold); a turn saved before it had one keeps the old words. */
export function escalationTitle(e: EscalationView): string {
  if (e.headline) return e.headline;
  const score = `local confidence ${e.confidence.toFixed(2)}`;
  switch (e.action) {
    case 'escalated': return `Escalated to the cloud (${score})`;
    case 'offered': return `Not sure? ${capital(score)}`;
    case 'available': return capital(score);
    case 'unavailable': return `Stays local (${score})`;
  }
}

/**
 * The title already carries the score; the line below says what made it (or why it escalated / cannot), without
 * saying the score again ("Not sure? Local confidence 0.11" over "local confidence 0.11: unsure of …" read twice).
 */
export function reasonLine(e: Pick<EscalationView, 'action' | 'summary' | 'reason'>): string {
  return withoutScore(e.action === 'available' ? e.summary : e.reason);
}

/** The title's tooltip: what the scale and its threshold mean (absent on turns saved before it existed). */
export function escalationTip(e: EscalationView): string | undefined {
  return e.thresholdTip;
}

/** "local confidence 0.95: sure of every word it wrote" → "sure of every word it wrote". */
function withoutScore(summary: string): string {
  return summary.replace(/^local confidence \d(?:\.\d+)?: /, '');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
