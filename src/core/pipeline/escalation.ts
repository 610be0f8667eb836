// Local first, cloud when unsure: what happens after a local answer, and the route of a manual "Ask the cloud".
// The pipeline calls in here so ask.ts stays a straight line. An escalation is a new cloud request with its own
// ledger record (`escalatedFrom` = the local one); it re-sends the user's question and context through the
// egress gate — never the local draft — and never happens for sensitive or private requests.

import { escalationHeadline, scoreConfidence, thresholdExplained, twoPlaces, THRESHOLD_SETTING } from '../confidence';
import { decideEscalation, escalationAction, escalationTier, escalationUnavailable } from '../route/escalate';
import { cloudModelFor, effectiveTier, type CloudTier } from '../route/tiers';
import type { ChatBody, StreamResult } from '../wire/types';
import type { Decision, Labels, Request } from '../request';
import type { AskDeps, EscalateFrom } from './askPorts';
export type { EscalateFrom } from './askPorts';
import type { AskEvent, EscalationEvent } from './events';

/** Alternatives per token asked of local servers; 1 is enough for the score and keeps chunks small. */
const TOP_LOGPROBS = 1;

/** Extra fields of a local chat body: ask for log-probabilities unless this server/model showed it ignores them. */
export function localConfidenceFields(deps: AskDeps, model: string): Pick<ChatBody, 'logprobs'> {
  return deps.logprobs.shouldAsk(deps.settings['local.baseUrl'], model) ? { logprobs: TOP_LOGPROBS } : {};
}

/** The route of this run: a manual escalation of an earlier local answer, or the usual decision. */
export function routeFor(deps: AskDeps, request: Request, labels: Labels, escalateFrom: EscalateFrom | undefined,
  estimatedCostUsd: number | null): Decision {
  if (!escalateFrom) return deps.decide(request, labels, deps.budget(), deps.health(), estimatedCostUsd);
  return decideEscalation(request, labels, deps.settings, deps.budget(), deps.health(),
    { band: escalateFrom.band, manual: true, ...(escalateFrom.offered ? { offered: true } : {}) }, { estimatedCostUsd });
}

export interface LocalOutcome {
  text: string;
  result: StreamResult;
}

/**
 * After a finished local answer: score it, then escalate (auto, middle band), offer, or just keep the manual
 * action available — or say why it is unavailable. `escalate` runs the cloud attempt with the given decision.
 */
export async function* afterLocalAnswer(
  deps: AskDeps, request: Request, labels: Labels, decision: Decision, answer: LocalOutcome,
  escalate: (d: Decision) => AsyncGenerator<AskEvent, unknown, void>,
  /** The pre-flight upper bound on the tier's model, so an automatic escalation is checked against the budget too. */
  boundOn: (tier: CloudTier) => number | null = () => null,
): AsyncGenerator<AskEvent, void, void> {
  const s = deps.settings;
  const asked = answer.result.tokens !== undefined || deps.logprobs.shouldAsk(s['local.baseUrl'], answer.result.model);
  if (asked && answer.result.usage.output > 0) deps.logprobs.record(s['local.baseUrl'], answer.result.model, answer.result.tokens !== undefined);
  if (request.origin !== 'askAuto' && request.origin !== 'askPrivate') return;

  const report = scoreConfidence({ text: answer.text, tokens: answer.result.tokens, hitTokenLimit: answer.result.finish === 'length' });
  const threshold = s['routing.escalationThreshold'];
  const scored = (action: EscalationEvent['action']) => ({ type: 'escalation' as const, requestId: request.id, band: decision.band,
    confidence: report.score, threshold, headline: escalationHeadline(action, report.score, threshold),
    thresholdTip: thresholdExplained(threshold, s['routing.escalation']), summary: report.summary, action });
  const unavailable = escalationUnavailable(request, labels);
  if (unavailable) {
    yield { ...scored('unavailable'), reason: `"Ask the cloud" is unavailable: ${unavailable}.` };
    return;
  }
  let action = escalationAction(s, report.score);
  // Only the middle band promised "cloud when unsure"; below localBelow the user chose local, so offer instead.
  if (action === 'escalate' && decision.band !== 'middle') action = 'offer';
  if (action === 'none') {
    // A plain "Ask the cloud" on a confident answer asks the frontier model (the user judged the answer wrong).
    yield { ...scored('available'), askModel: cloudModelFor(s, effectiveTier(s, escalationTier({ band: decision.band, manual: true }))), reason: report.score < threshold ? 'escalation is off (hybrid.routing.escalation "off")' : `${report.summary} (at or above ${twoPlaces(threshold)})` };
    return;
  }
  const why = `${report.summary} — below ${twoPlaces(threshold)} (${THRESHOLD_SETTING})`;
  // The offer's button asks the tier the offer names (routeFor with `offered`): the card says which model that is.
  const offer = { ...scored('offered'), askModel: cloudModelFor(s, effectiveTier(s, escalationTier({ band: decision.band, manual: true, offered: true }))) };
  if (action === 'offer') {
    yield { ...offer, reason: why };
    return;
  }
  const ctx = { band: decision.band, manual: false, confidenceSummary: report.summary };
  const tier = escalationTier(ctx);
  const d = decideEscalation(request, labels, s, deps.budget(), deps.health(), ctx, { estimatedCostUsd: boundOn(effectiveTier(s, tier)) });
  if (d.route !== 'cloud') {
    yield { ...offer, reason: `${why}; not escalated automatically: ${d.reasons[0]}` };
    return;
  }
  if (d.needsConfirmation && !(await deps.confirm(d.needsConfirmation))) {
    yield { ...offer, reason: `${why}; the cloud request was not confirmed` };
    return;
  }
  yield { ...scored('escalated'), reason: `${why}; asking the cloud` };
  yield* escalate(d);
}
