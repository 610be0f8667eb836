// decide(): architecture.md's routing policy as one pure function. Budget and provider health are inputs, so
// "over budget" and "local is down" are rows of the same table, and every outcome carries sentences a user can
// read. Reasons name what was found and where, never the value.

import { placeOf } from '../task/classify';
import { shownName } from '../privacy/shownName';
import type { BudgetState, CloudFallback, Decision, Finding, HealthState, Labels, Request } from '../request';
import type { HybridSettings } from '../settings';
import { ollamaDown } from '../../shared/ollamaDown';
import { twoPlaces } from '../confidence';
import { cloudKeyOwner, type CloudTier, effectiveTier, tierLabel } from './tiers';

export interface DecideOptions {
  /** Estimated cost of this request on the cloud model, for `confirmAboveUsd`; null = the model has no known price. */
  estimatedCostUsd?: number | null;
}

const LOCAL_ONLY = new Set(['inline', 'review', 'askPrivate']);

export function decide(
  request: Request,
  labels: Labels,
  settings: HybridSettings,
  budget: BudgetState,
  health: HealthState,
  opts: DecideOptions = {},
): Decision {
  const sensitive = labels.findings.length > 0 || labels.privatePaths.length > 0;
  const sensitiveWhy = describeSensitive(labels);

  if (request.kind === 'completion' || LOCAL_ONLY.has(request.origin)) {
    const why = request.kind === 'completion' || request.origin === 'inline'
      ? 'local: inline completions always run on this machine'
      : request.origin === 'review'
        ? 'local: reviews stay on this machine so proprietary code never leaves it'
        : 'local: you asked privately, so nothing leaves this machine';
    return local(why, settings, health, false, budget, opts);
  }

  if (request.origin === 'askCloud') {
    if (labels.privatePaths.length > 0) {
      return refuse(`refused: ${describePrivate(labels)}, and content from private paths never goes to the cloud; use Ask (private) instead`);
    }
    const blocking = labels.findings.filter((f) => f.category === 'marker' || f.category === 'unscannable' || f.category === 'path');
    if (blocking.length > 0) {
      return refuse(`refused: ${sentence(blocking[0])}, which is never sent to the cloud; use Ask (private) instead`);
    }
    if (labels.findings.length > 0 && settings['privacy.onCloudFindings'] === 'block') {
      return refuse(`refused: ${sensitiveWhy}, and hybrid.privacy.onCloudFindings is "block"; remove it or use Ask (private)`);
    }
    const reasons = ['cloud: you asked the cloud model'];
    if (labels.findings.length > 0) reasons.push(`${countFindings(labels.findings)} will be redacted before sending (${sensitiveWhy})`);
    return cloud(reasons, settings, budget, health, opts, labels.findings.length > 0);
  }

  // askAuto, explainRoute: the automatic choice, in three bands of the complexity score.
  const threshold = settings['routing.complexityThreshold'];
  const localBelow = Math.min(settings['routing.localBelow'], threshold);
  const score = labels.complexity.toFixed(2);
  const topic = labels.signals[0] ?? 'question';
  if (sensitive) return local(`local: ${sensitiveWhy}`, settings, health, true, budget, opts);
  if (labels.complexity < localBelow) {
    return withBand('low', local(`local: ${topic} (score ${score}, below ${localBelow}), nothing sensitive found`, settings, health, false, budget, opts,
      true, `band: local (score below hybrid.routing.localBelow ${localBelow})`));
  }
  if (labels.complexity < threshold) {
    return withBand('middle', local(`local first: ${topic} (score ${score}, between ${localBelow} and ${threshold}), nothing sensitive found`,
      settings, health, false, budget, opts, true, `band: local first (score from hybrid.routing.localBelow ${localBelow} up to hybrid.routing.complexityThreshold ${threshold}); ${escalationNote(settings)}`));
  }
  const reasons = [`cloud: ${topic} (score ${score}), nothing sensitive found`,
    `band: cloud (score at or above hybrid.routing.complexityThreshold ${threshold}) on the ${tierLabel(settings, 'frontier')}`];
  if (health.cloud === 'noKey') {
    const fallback = local(`local: ${topic} would go to the cloud, but no API key is set (run "Hybrid: Set API Key")`, settings, health, false, budget, opts, false);
    return withBand('high', fallback);
  }
  return withBand('high', cloud(reasons, settings, budget, health, opts, false));
}

function withBand(band: 'low' | 'middle' | 'high', d: Decision): Decision {
  return { ...d, band };
}

/** The middle band's promise, stated where the user reads the route. */
function escalationNote(settings: HybridSettings): string {
  // Two places, as the confidence itself is shown ("confidence 0.40 (cloud below 0.70)" beside "below 0.7" read as two numbers).
  const t = twoPlaces(settings['routing.escalationThreshold']);
  const target = tierLabel(settings, 'light');
  switch (settings['routing.escalation']) {
    case 'auto': return `if the local answer's confidence is below ${t}, the ${target} answers too (hybrid.routing.escalation "auto")`;
    case 'offer': return `if the local answer's confidence is below ${t}, you are offered the ${target} (hybrid.routing.escalation "offer")`;
    case 'off': return 'escalation off (hybrid.routing.escalation "off"); "Ask the cloud" stays available on the answer';
  }
}

export function cloud(reasons: string[], settings: HybridSettings, budget: BudgetState, health: HealthState,
  opts: DecideOptions, hasFindings: boolean, tier: CloudTier = 'frontier'): Decision {
  const served = effectiveTier(settings, tier);
  if (health.cloud === 'noKey') {
    return refuse(`refused: no ${cloudKeyOwner(settings).keyName} is set; run "Hybrid: Set API Key"`);
  }
  const crossing = budget.level === 'exceeded' ? undefined : wouldCross(budget, opts.estimatedCostUsd);
  if (budget.level === 'exceeded' || crossing) {
    const spent = crossing ?? budgetLine(budget);
    switch (settings['budget.onExceeded']) {
      case 'local':
        // The content goes to the local model instead, which is always allowed.
        return local(`local: ${spent}, and hybrid.budget.onExceeded is "local"`, settings, health, hasFindings, budget, opts, false);
      case 'block':
        return refuse(`refused: ${spent}, and hybrid.budget.onExceeded is "block"`);
      case 'confirm':
        return { route: 'cloud', tier: served, reasons: [...reasons, spent], needsConfirmation: `${capital(spent)}. Send this request to the cloud anyway?` };
    }
  }
  const out = [...reasons];
  if (budget.level === 'near') out.push(`note: ${budgetLine(budget)}`);
  const cost = opts.estimatedCostUsd;
  const cap = settings.confirmAboveUsd;
  const unknown = unknownPriceConfirmation(cost, cap, budget, settings['cloud.model']);
  if (unknown) return { route: 'cloud', tier: served, reasons: out, needsConfirmation: unknown };
  if (cap > 0 && typeof cost === 'number' && cost > cap) {
    return { route: 'cloud', tier: served, reasons: out, needsConfirmation: `This request is estimated at $${cost.toFixed(2)}, above your $${cap.toFixed(2)} confirmation limit. Send it?` };
  }
  return { route: 'cloud', tier: served, reasons: out };
}

function local(reason: string, settings: HybridSettings, health: HealthState, sensitive: boolean, budget: BudgetState,
  opts: DecideOptions, mayFallBack = true, note?: string): Decision {
  if (health.local === 'ready' || health.local === 'unknown') return { route: 'local', reasons: note ? [reason, note] : [reason] };
  const down = localProblem(health, settings);
  const privateOnly = /^local: (?:inline|reviews|you asked privately)/.test(reason);
  if (mayFallBack && !privateOnly && !sensitive && settings['fallback.localToCloud'] && health.cloud === 'ready') {
    const d = localToCloudFallback(down, settings, budget, health, opts);
    if (d.route !== 'local') return d;
  }
  const why = sensitive ? ' (the request has sensitive content, so it cannot fall back to the cloud)' : '';
  return refuse(`refused: ${down}${why}`);
}

/**
 * The one rule for a local → cloud fallback, whether the local model is known to be down when the route is
 * decided or fails during the request: only simple, non-sensitive automatic questions get here, so the light
 * tier answers (the frontier model only when the light tier is off), through the same budget and confirmation
 * checks as any cloud route. `down` says what went wrong with the local model.
 */
export function localToCloudFallback(down: string, settings: HybridSettings, budget: BudgetState, health: HealthState,
  opts: DecideOptions = {}, allowedBy: 'fallback.localToCloud' | 'fallback.overflowToCloud' = 'fallback.localToCloud',
  why: CloudFallback = 'localDown'): Decision {
  const d = cloud([`cloud: ${down}; falling back to the cloud's ${tierLabel(settings, 'light')} because hybrid.${allowedBy} is on and nothing sensitive was found`],
    settings, budget, { ...health, local: 'offline' }, opts, false, 'light');
  return d.route === 'cloud' ? { ...d, fallback: why } : d;
}

function localProblem(health: HealthState, settings: HybridSettings): string {
  const model = settings['local.chatModel'];
  switch (health.local) {
    case 'offline': return settings['local.provider'] === 'ollama' ? ollamaDown(settings['local.baseUrl']).text.replace(/\.$/, '')
      : `the local server at ${settings['local.baseUrl']} is not responding — start it, or check hybrid.local.baseUrl`;
    case 'modelMissing': return `the local model ${model} is not installed; run "ollama pull ${model}"`;
    case 'notLocal': return `the configured "local" endpoint ${settings['local.baseUrl']} is not on this machine (or the model is an Ollama cloud model); point hybrid.local.baseUrl at 127.0.0.1 or add the host to hybrid.privacy.trustedHosts`;
    default: return 'the local model is unavailable';
  }
}

// Float sums of spend must not turn "exactly what is left" into a crossing.
const EPS = 1e-9;

/**
 * A budget protects before the money is spent: a request whose upper bound (prompt plus a full-length answer) would
 * take today's or this month's cloud spend past its budget is treated as over budget (hybrid.budget.onExceeded),
 * even while the level reached so far is below 100 %. Reaching the budget exactly is allowed.
 */
export function wouldCross(budget: BudgetState, atMostUsd: number | null | undefined): string | undefined {
  if (typeof atMostUsd !== 'number' || !(atMostUsd > 0)) return undefined;
  const over: string[] = [];
  if (budget.dailyUsd > 0 && budget.spentTodayUsd + atMostUsd > budget.dailyUsd + EPS) {
    over.push(`$${Math.max(0, budget.dailyUsd - budget.spentTodayUsd).toFixed(2)} left of the $${budget.dailyUsd.toFixed(2)} daily budget`);
  }
  if (budget.monthlyUsd > 0 && budget.spentMonthUsd + atMostUsd > budget.monthlyUsd + EPS) {
    over.push(`$${Math.max(0, budget.monthlyUsd - budget.spentMonthUsd).toFixed(2)} left of the $${budget.monthlyUsd.toFixed(2)} monthly budget`);
  }
  if (!over.length) return undefined;
  return `over budget with this request (at most $${atMostUsd.toFixed(atMostUsd < 0.01 ? 4 : 2)}; ${over.join(' and ')})`;
}

/** A model with no known price cannot be checked against a limit, so it is asked about, never counted as $0. */
function unknownPriceConfirmation(cost: number | null | undefined, cap: number, budget: BudgetState, model: string): string | undefined {
  if (cost !== null) return undefined;
  const limits = [cap > 0 ? `your $${cap.toFixed(2)} confirmation limit` : '', budget.dailyUsd > 0 || budget.monthlyUsd > 0 ? 'your budget' : '']
    .filter(Boolean);
  if (!limits.length) return undefined;
  return `The price of ${model} is unknown, so this request cannot be checked against ${limits.join(' or ')} (add its price to hybrid.pricing). Send it?`;
}

function refuse(reason: string): Decision {
  return { route: 'refuse', reasons: [reason] };
}

function budgetLine(b: BudgetState): string {
  const parts: string[] = [];
  if (b.dailyUsd > 0) parts.push(`$${b.spentTodayUsd.toFixed(2)} of the $${b.dailyUsd.toFixed(2)} daily budget`);
  if (b.monthlyUsd > 0) parts.push(`$${b.spentMonthUsd.toFixed(2)} of the $${b.monthlyUsd.toFixed(2)} monthly budget`);
  const spent = parts.length ? parts.join(' and ') : 'the budget';
  return b.level === 'exceeded' ? `over budget (${spent} spent)` : `budget nearly used (${spent} spent)`;
}

/** "the selection contains an AWS access key (line 3)" plus "and 2 more" when there are several. */
export function describeSensitive(labels: Labels): string {
  if (labels.privatePaths.length > 0) return describePrivate(labels);
  if (labels.findings.length === 0) return 'nothing sensitive found';
  const first = sentence(labels.findings[0]);
  const more = labels.findings.length - 1;
  return more > 0 ? `${first}, and ${more} more sensitive item${more > 1 ? 's' : ''}` : first;
}

/** "config/.env matches a private path", or for a file private by its content "src/billing.ts is a private file: it carries …". */
function describePrivate(labels: Labels): string {
  const first = labels.privatePaths[0];
  const why = labels.privateReasons?.[first];
  const more = labels.privatePaths.length > 1 ? ` (and ${labels.privatePaths.length - 1} more)` : '';
  if (why) return `${shownName(first)}${more} is a private file: it ${why}`;
  const rule = labels.privatePathRules?.[first];
  return `${listPaths(labels.privatePaths)} matches a private path${rule ? ` (${rule})` : ''}`;
}

function sentence(f: Finding): string {
  const found = placeOf(f);
  // "the open file <name>" and "a tool result (<name>)" name a file: reasons reach the ledger (shownName).
  const place = { ...found, where: shownName(found.where) };
  const label = f.label ?? f.kind;
  if (f.category === 'unscannable') return `${place.where} could not be scanned (${label})`;
  if (f.category === 'path') return `${place.where} is a ${label}`;
  return `${place.where} contains ${article(label)} ${label} (line ${place.line})`;
}

function countFindings(findings: Finding[]): string {
  const n = findings.length;
  return n === 1 ? '1 sensitive item' : `${n} sensitive items`;
}

function listPaths(paths: string[]): string {
  return paths.length === 1 ? shownName(paths[0]) : `${shownName(paths[0])} (and ${paths.length - 1} more)`;
}

function article(label: string): string {
  if (/^"/.test(label)) return 'a';
  return /^[aeiouAEIO]|^(?:SSN|IBAN|RSA|EC |npm)/.test(label) && !/^(?:US|u)/.test(label) ? 'an' : 'a';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
