// A bare "local confidence 0.30" said nothing a user could act on: is 0.30 bad? These words put the score beside
// the line that matters (hybrid.routing.escalationThreshold: below it the cloud is asked or offered), the same way
// in the chat view, the native chat participant and the route's reasons.

export const THRESHOLD_SETTING = 'hybrid.routing.escalationThreshold';

type Action = 'escalated' | 'offered' | 'available' | 'unavailable';
type Mode = 'auto' | 'offer' | 'off';

/** Two decimals, as the score is shown everywhere (0.7 and 0.70 side by side read as different numbers). */
export function twoPlaces(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/** "confidence 0.30 (cloud below 0.70)": the score against the line where the cloud comes in. */
export function scoreAgainst(score: number, threshold: number): string {
  return `confidence ${twoPlaces(score)} (cloud below ${twoPlaces(threshold)})`;
}

/** The escalation note's title: what happened, then the score against the threshold. */
export function escalationHeadline(action: Action, score: number, threshold: number): string {
  const s = scoreAgainst(score, threshold);
  switch (action) {
    case 'escalated': return `Escalated to the cloud: ${s}`;
    case 'offered': return `Not sure? ${capital(s)}`;
    case 'available': return capital(s);
    case 'unavailable': return `Stays local: ${s}`;
  }
}

/** The title's tooltip: what the scale means and what the setting does under the current mode. */
export function thresholdExplained(threshold: number, mode: Mode): string {
  const below = mode === 'auto' ? 'the cloud is asked or offered' : mode === 'offer' ? '"Ask the cloud" is offered'
    : 'nothing happens: escalation is off (hybrid.routing.escalation)';
  return `Local confidence runs from 0 (unsure) to 1 (sure of every word). Below ${twoPlaces(threshold)} (${THRESHOLD_SETTING}), ${below}.`;
}

/** "local confidence 0.95: sure of every word it wrote" → "sure of every word it wrote" (the headline has the score). */
export function withoutScore(summary: string): string {
  return summary.replace(/^local confidence \d(?:\.\d+)?: /, '');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
