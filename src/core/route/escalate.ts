// Escalation: after a local answer, whether to ask the cloud, and the route that request takes. An escalation is
// a new cloud request like any other — it goes through the same budget and key rules as `decide`, carries only
// the user's question and context (never the local draft), and is unavailable for anything sensitive or private.

import type { BudgetState, Decision, HealthState, Labels, Request } from '../request';
import type { HybridSettings } from '../settings';
import { twoPlaces, THRESHOLD_SETTING } from '../confidence';
import { cloud, describeSensitive, type DecideOptions } from './decide';
import { tierLabel, type CloudTier } from './tiers';

export type EscalationAction = 'escalate' | 'offer' | 'none';

/** What to do with a finished local answer of confidence `score`, under `hybrid.routing.escalation`. */
export function escalationAction(settings: HybridSettings, score: number): EscalationAction {
  if (score >= settings['routing.escalationThreshold']) return 'none';
  switch (settings['routing.escalation']) {
    case 'auto': return 'escalate';
    case 'offer': return 'offer';
    case 'off': return 'none';
  }
}

/** Why "Ask the cloud" cannot be offered for this request, or undefined when it can. */
export function escalationUnavailable(request: Request, labels: Labels): string | undefined {
  if (request.kind === 'completion' || request.origin === 'inline') return 'inline completions never leave this machine';
  if (request.origin === 'askPrivate') return 'you asked privately, so nothing leaves this machine';
  if (request.origin === 'review') return 'reviews stay on this machine';
  if (labels.privatePaths.length > 0 || labels.findings.length > 0) {
    return `${describeSensitive(labels)}, and sensitive requests never escalate to the cloud`;
  }
  return undefined;
}

export interface EscalationContext {
  /** The band of the original automatic decision; "middle" escalations use the light tier. */
  band?: Decision['band'];
  /** True for the manual "Ask the cloud" action, false when triggered by low confidence. */
  manual: boolean;
  /** A manual action that took the low-confidence offer: it asks the tier the offer named, not the frontier model. */
  offered?: boolean;
  /** The local answer's confidence summary, named in the reason. */
  confidenceSummary?: string;
}

/** The tier an escalation asks for (before a turned-off light tier falls back to the frontier model). */
export function escalationTier(ctx: Pick<EscalationContext, 'manual' | 'band' | 'offered'>): CloudTier {
  return (!ctx.manual || ctx.offered) && ctx.band === 'middle' ? 'light' : 'frontier';
}

/**
 * The route of an escalation. The light tier serves automatic escalations out of the middle band (work that
 * needed a second opinion, not a frontier model), and so does the offer of one when the user takes it; a manual
 * request — the user judged a confident local answer wrong — and anything from the high band go to the frontier model.
 */
export function decideEscalation(request: Request, labels: Labels, settings: HybridSettings, budget: BudgetState,
  health: HealthState, ctx: EscalationContext, opts: DecideOptions = {}): Decision {
  const unavailable = escalationUnavailable(request, labels);
  if (unavailable) return { route: 'refuse', reasons: [`refused: "Ask the cloud" is unavailable: ${unavailable}`] };
  const tier = escalationTier(ctx);
  const why = ctx.offered ? 'you took the offer to ask the cloud after a local answer that was not confident'
    : ctx.manual ? 'you asked the cloud after the local answer' : `the local answer was not confident (${ctx.confidenceSummary ?? 'low confidence'}; cloud below ${twoPlaces(settings['routing.escalationThreshold'])}, ${THRESHOLD_SETTING})`;
  const reasons = [`cloud: ${why}; escalated to the ${tierLabel(settings, tier)}`,
    'the local draft is not sent; the cloud gets only your question and context'];
  const d = cloud(reasons, settings, budget, health, opts, false, tier);
  // Over budget with onExceeded "local" means "answer locally" — the user already has that answer.
  if (d.route === 'local') return { route: 'refuse', reasons: [`refused: ${d.reasons[0].replace(/^local: /, '')}; the local answer stands`], band: ctx.band };
  return { ...d, band: ctx.band };
}
