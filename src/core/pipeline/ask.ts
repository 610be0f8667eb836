// One Ask / Review / Explain-route run: classify → decide → (egress gate) → stream → ledger, reported as AskEvents.
// Everything it touches comes in through AskDeps, so this file stays free of I/O and is unit-tested with fakes.

import { costDifferenceNote } from '../team/gateway';
import type { ChatBody, FixAction, ProviderFailure, StreamResult } from '../wire/types';
import type { ChatTurn, Decision, Labels, Request } from '../request';
import { interruptedRecord, ledger, nothingSent, zeroUsage } from './askRecords';
import { NO_MODEL, nextAttempt, refusalFixes, refusalMessage } from './attempts';
import type { AnswerFooter, AskEvent, AttachedContext } from './events';
import { localToCloudFallback } from '../route/decide';
import { isSaturation } from '../team/overflow';
import { cloudKeyOwner, cloudModelFor, tierLabel } from '../route/tiers';
import { afterLocalAnswer, localConfidenceFields, routeFor, type LocalOutcome } from './escalation';
import type { AskDeps, AskInput } from './askPorts';
import { buildMessages, systemPromptFor } from './prompts';
import { streamAnswer } from './streamAnswer';
import { trimContext } from './trimContext';
import type { PreflightEstimate } from '../spend/preflight';
import { recountEstimate } from '../spend/billing';

export type { AskDeps, AskInput, EscalateFrom, GateOutcome } from './askPorts';

import { ANSWER_TOKENS, explainText } from './explainText';
import { estimateNote } from './estimateNote';
import { lengthNote } from './lengthNote';
export { contextCount } from './explainText';
const NOTHING_TO_PAY: PreflightEstimate = { likelyUsd: 0, atMostUsd: 0, expectedOutputTokens: 0, basis: 'default' };
const FALLBACK_TO_LOCAL: ReadonlySet<string> = new Set(['server', 'timeout', 'stalled', 'rateLimited', 'connection', 'quota']);

export async function* runAsk(deps: AskDeps, input: AskInput, signal: AbortSignal): AsyncGenerator<AskEvent, void, void> {
  const s = deps.settings;
  const started = deps.now();
  const request: Request = {
    id: deps.newId(), kind: input.kind, origin: input.origin, question: input.question,
    context: input.context, history: input.history, ...(input.steps?.length ? { steps: input.steps } : {}),
    ...(input.escalateFrom ? { escalatedFrom: input.escalateFrom.id } : {}),
  };
  const labels = await refined(deps, request, deps.classify(request), signal);
  const sizes = await measure(deps, input);
  // The upper bound (a full ANSWER_TOKENS answer) guards budgets and confirmAboveUsd; the likely figure is shown.
  // Both are priced on the model that will answer: the frontier model first, then the light tier if it serves.
  const cloudPrompt = promptTokens(sizes, input, 'cloud') + sum(sizes.context);
  const estimateOn = (d: Decision | undefined): PreflightEstimate | undefined =>
    deps.preflight(cloudModelFor(s, d?.route === 'cloud' ? d.tier : undefined), cloudPrompt, input.kind, ANSWER_TOKENS);
  let estimate = estimateOn(undefined);
  let decision = routeFor(deps, request, labels, input.escalateFrom, estimate?.atMostUsd ?? null);
  if (decision.route === 'cloud' && cloudModelFor(s, decision.tier) !== s['cloud.model']) {
    estimate = estimateOn(decision);
    decision = routeFor(deps, request, labels, input.escalateFrom, estimate?.atMostUsd ?? null);
  }

  // Primary local, cloud for capacity: a private tier whose recent answers start too slowly sends this
  // non-sensitive automatic question to the light tier, when the user allows overflow.
  const saturated = decision.route === 'local' && input.origin === 'askAuto' && !isSensitive(labels) && s['fallback.overflowToCloud']
    ? deps.localPressure?.() : undefined;
  if (saturated) {
    const over = localToCloudFallback(`overflow: ${saturated}`, s, deps.budget(), deps.health(), { estimatedCostUsd: estimate?.atMostUsd ?? null }, 'fallback.overflowToCloud', 'overflow');
    if (over.route === 'cloud') decision = { ...over, reasons: [...decision.reasons, ...over.reasons] };
  }

  if (decision.route === 'refuse') {
    const fixes = refusalFixes(decision.reasons);
    yield routeEvent(decision, input, { model: '', provider: '', estimate });
    // No `failure`: an error event without one is a refusal to every surface (chat card, @hybrid, model picker).
    yield { type: 'error', message: refusalMessage(decision.reasons), fixes };
    if (!input.dryRun) await deps.record(nothingSent(deps, { request, decision, started }, NO_MODEL, NO_MODEL, 'refused'));
    return;
  }

  if (decision.needsConfirmation && !input.dryRun) {
    const ok = await deps.confirm(decision.needsConfirmation);
    if (!ok) {
      yield { type: 'error', message: 'Cancelled: the cloud request was not confirmed.', fixes: ['retryLocal'] };
      return;
    }
  }

  const run: Run = { deps, input, labels, sizes, signal };
  const target = decision.route === 'cloud' ? 'cloud' : 'local';
  const outcome = yield* attempt(run, { request, decision, target, estimate, started });
  if (outcome.kind === 'ok' && outcome.answer && !outcome.answer.result.toolCalls && target === 'local' && !input.dryRun) {
    yield* afterLocalAnswer(deps, request, labels, decision, outcome.answer, (d) => attempt(run,
      { request: { ...request, id: deps.newId(), escalatedFrom: request.id }, decision: d, target: 'cloud', estimate: estimateOn(d), started: deps.now() }),
    (tier) => estimateOn({ route: 'cloud', tier, reasons: [] })?.atMostUsd ?? null);
  }
  if (outcome.kind !== 'failed' || input.dryRun) return;

  // Fallbacks never weaken privacy: cloud → local is always allowed by privacy; local → cloud only for
  // requests the router would send to the cloud anyway (nothing sensitive, not a private-only command).
  const f = outcome.failure;
  if (target === 'cloud' && s['fallback.cloudToLocal'] && FALLBACK_TO_LOCAL.has(f.code) && deps.health().local === 'ready') {
    yield { type: 'notice', text: `The cloud model failed (${bracketed(f.message.split(' — ')[0])}) — answering with the local model instead.` }; // its "try again" advice was for a turn left without an answer
    const fallback: Decision = { route: 'local', reasons: [...decision.reasons, `local: fallback after the cloud failed (${f.code})`] };
    yield* attempt(run, { request: nextAttempt(request, deps.newId), decision: fallback, target: 'local', estimate, started: deps.now() });
  } else if (target === 'local' && input.origin === 'askAuto' && !isSensitive(labels) && (f.code === 'connection' || f.code === 'timeout' || isSaturation(f))
    && (s['fallback.localToCloud'] || (isSaturation(f) && s['fallback.overflowToCloud']))) {
    // The same rule (tier, budget, confirmation) as when the router already knew the local model was down. A full
    // private tier (429/503) is capacity, not an outage: the overflow setting allows it too.
    const overflow = isSaturation(f);
    const routed = localToCloudFallback(overflow ? `overflow: the private tier is saturated (${f.status ?? f.code})` : `the local model failed during the request (${f.code})`,
      s, deps.budget(), deps.health(), { estimatedCostUsd: estimate?.atMostUsd ?? null },
      overflow && !s['fallback.localToCloud'] ? 'fallback.overflowToCloud' : 'fallback.localToCloud', overflow ? 'overflow' : 'localDown');
    if (routed.route !== 'cloud') return;
    if (routed.needsConfirmation && !(await deps.confirm(routed.needsConfirmation))) return;
    yield { type: 'notice', text: `The local model is unavailable (${bracketed(f.message)}) — sending this non-sensitive question to the cloud's ${tierLabel(s, 'light')}, as hybrid.fallback.localToCloud allows.` };
    const fallback: Decision = { ...routed, reasons: [...decision.reasons, ...routed.reasons] };
    yield* attempt(run, { request: nextAttempt(request, deps.newId), decision: fallback, target: 'cloud', estimate, started: deps.now() });
  }
}

type AttemptOutcome = { kind: 'ok' | 'cancelled'; answer?: LocalOutcome } | { kind: 'failed'; failure: ProviderFailure };

/** Token counts of each part of the prompt, taken once per run (a count may cross to the tokenizer worker). */
interface Sizes { fixed: number; history: number[]; context: number[] }

/** One run's facts, fixed before its first attempt and shared by every attempt, escalation and fallback. */
interface Run { deps: AskDeps; input: AskInput; labels: Labels; sizes: Sizes; signal: AbortSignal }

/** One attempt: its ledger request (a fallback gets a new id), route, target tier, pre-flight estimate and start. */
interface Attempt { request: Request; decision: Decision; target: 'local' | 'cloud'; estimate: PreflightEstimate | undefined; started: number }

async function measure(deps: AskDeps, input: AskInput): Promise<Sizes> {
  const [fixed, history, context] = await Promise.all([
    deps.countTokens(systemPromptFor(input.kind) + input.question + stepsText(input.steps)),
    Promise.all((input.history ?? []).map((t) => deps.countTokens(t.content))),
    Promise.all(input.context.map((c) => deps.countTokens(c.text))),
  ]);
  return { fixed, history, context };
}

/** What the cloud never sees: turns the local model answered (see `attempt`). */
function sentHistory(input: AskInput, target: 'local' | 'cloud'): boolean[] {
  return (input.history ?? []).map((t) => target === 'local' || !t.local);
}

function promptTokens(sizes: Sizes, input: AskInput, target: 'local' | 'cloud'): number {
  const sent = sentHistory(input, target);
  return sizes.fixed + sum(sizes.history.filter((_, i) => sent[i]));
}

/** The agent loop's calls and results, for the pre-flight token count. */
function stepsText(steps: ChatTurn[] | undefined): string {
  return (steps ?? []).map((t) => [t.content, ...(t.toolCalls ?? []).map((c) => c.input), ...(t.toolResults ?? []).map((r) => r.content)].join('\n')).join('\n');
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

async function* attempt(run: Run, at: Attempt): AsyncGenerator<AskEvent, AttemptOutcome, void> {
  const { deps, input, labels, sizes, signal } = run;
  const { decision, target, estimate } = at;
  const s = deps.settings;
  const model = target === 'cloud' ? cloudModelFor(s, decision.tier) : s['local.chatModel'];
  const provider = target === 'cloud' ? await deps.cloud() : deps.local();
  if (!provider) {
    const owner = cloudKeyOwner(s);
    // In team mode the request would have gone to the gateway (provider id "litellm"), whatever cloud.provider says.
    const sentTo = owner.id === 'gateway' ? 'litellm' : s['cloud.provider'];
    const failure: ProviderFailure = {
      code: 'auth', fix: 'setApiKey',
      message: `No ${owner.keyName} — run “Hybrid: Set API Key” or set ${owner.env}.`,
    };
    yield routeEvent(decision, input, { model, provider: sentTo, estimate });
    yield { type: 'error', message: failure.message, fixes: ['setApiKey', 'retryLocal'], failure };
    if (!input.dryRun) await deps.record(nothingSent(deps, at, sentTo, model, 'auth'));
    return { kind: 'failed', failure };
  }

  // What was answered locally stays local: a cloud follow-up carries only the cloud exchanges of the thread.
  const sent = sentHistory(input, target);
  const history = (input.history ?? []).filter((_, i) => sent[i]);
  const keptLocal = (input.history ?? []).filter((t, i) => !sent[i] && t.role === 'assistant').length;
  // Trim context to the target window: window − answer − system/question/history.
  const system = systemPromptFor(input.kind);
  const window = target === 'local' ? s['local.numCtx'] : deps.contextWindow(model) ?? 128_000;
  const budget = window - ANSWER_TOKENS - promptTokens(sizes, input, target) - 64;
  const { items, trimmed } = await trimContext(input.context, budget, deps.countTokens, sizes.context);
  const attached: AttachedContext[] = items.map((c, i) => ({
    path: c.path ?? 'untitled', startLine: c.startLine ?? 1, endLine: c.endLine ?? c.startLine ?? 1, trimmed: trimmed[i],
  }));
  const body: ChatBody = {
    model, system, messages: [...buildMessages(history.map(({ role, content, toolCalls, toolResults }) => ({ role, content, ...(toolCalls ? { toolCalls } : {}), ...(toolResults ? { toolResults } : {}) })), input.question, items), ...(input.steps ?? [])],
    ...(input.tools?.length ? { tools: input.tools } : {}),
    maxTokens: ANSWER_TOKENS,
    temperature: input.kind === 'review' ? 0.1 : 0.3,
    ...(target === 'local' ? localConfidenceFields(deps, model) : {}),
  };

  let sendBody: ChatBody = body;
  let redactions: Record<string, number> = {};
  if (target === 'cloud') {
    const gated = deps.gate(body, items.map((c) => c.path).filter((p): p is string => !!p),
      items.filter((c) => c.privateFile).map((c) => c.path ?? 'untitled'));
    if (!gated.ok) {
      const failure: ProviderFailure = { code: 'blocked', message: gated.reason, fix: 'retryLocal' };
      yield routeEvent(decision, input, { model, provider: provider.id, context: attached, redactions: gated.kinds, estimate });
      yield { type: 'error', message: gated.reason, fixes: ['retryLocal', 'openSettings'], failure };
      if (!input.dryRun) await deps.record(nothingSent(deps, at, provider.id, model, 'blocked', gated.kinds));
      return { kind: 'failed', failure: { ...failure, code: 'blocked' } };
    }
    sendBody = gated.body;
    redactions = gated.redactions;
  }

  yield routeEvent(decision, input, { model, provider: provider.id, context: attached, redactions, estimate: target === 'cloud' ? estimate : NOTHING_TO_PAY });
  if (input.dryRun) {
    yield { type: 'delta', text: explainText(decision, target, model, redactions, estimate, labels, attached) };
    yield { type: 'done', status: 'ok', footer: footer(decision, { provider: provider.id, model, redactions, usage: zeroUsage(),
      costUsd: target === 'cloud' ? estimate?.likelyUsd ?? null : 0, ttftMs: null, totalMs: 0, notes: ['Nothing was sent: this is a preview of the route.'] }) };
    return { kind: 'ok' };
  }

  // Kept until the answer's own record lands, so a reload or crash mid-answer cannot lose what the provider bills.
  if (target === 'cloud') deps.pending?.(interruptedRecord(deps, at, provider.id, model, Math.min(window - ANSWER_TOKENS, promptTokens(sizes, input, target) + sum(sizes.context)), redactions));
  const { text, result: streamed } = yield* streamAnswer(provider, sendBody, signal);
  // Nothing reported: the providers' chars/4 count, recounted with the model's tokenizer (still labelled).
  // Counted with the tokenizer of the model that answered: a gateway group's name ("team-mini") says nothing of it.
  const result = { ...streamed, usage: await recountEstimate(streamed, sendBody, text, (t) => deps.countTokens(t, streamed.model || model)) };
  const priced = deps.cost(target, result.model || model, result.usage, result.timing.totalMs, model);
  // A gateway's own figure is the bill the team pays; our table's stays beside it so a difference shows.
  const cost = result.gatewayCostUsd ?? priced.costUsd;
  const status = result.finish === 'cancelled' ? 'cancelled' : result.finish === 'error' ? 'failed' : 'ok';
  await deps.record({
    ...ledger(deps, at.request, decision, { provider: provider.id, model: result.model || model, tokens: result.usage, costUsd: cost,
      ttftMs: result.timing.ttftMs, totalMs: result.timing.totalMs, status, outcome: result.failure?.code ?? result.finish, redactions,
      cloudEquivalentUsd: priced.cloudEquivalentUsd }),
    ...(result.gatewayCostUsd !== undefined ? { tableCostUsd: priced.costUsd } : {}),
  });
  // A model that hit max_tokens ends like any answer; without this the cut read as the whole answer.
  const notes = [...(result.finish === 'length' ? [lengthNote(result.usage, ANSWER_TOKENS)] : []), ...(result.notes ?? [])];
  const reconciled = costDifferenceNote(priced.costUsd, result.gatewayCostUsd);
  if (reconciled) notes.push(reconciled);
  if (keptLocal > 0) notes.push(`${keptLocal} earlier answer${keptLocal === 1 ? '' : 's'} from the local model stayed local and ${keptLocal === 1 ? 'was' : 'were'} not sent as history.`);
  if (result.usage.source === 'estimate') notes.push(estimateNote(result, provider.id));
  // A private group's answer is ours at $0 whatever its counts; the estimate note already says the gateway keeps its own record.
  else if (provider.id === 'litellm-private' && status === 'cancelled' && result.gatewayCostUsd === undefined) notes.push(`Stopped on the team gateway: it may bill the part streamed at its own price, which ${cost === 0 ? 'this $0' : 'this figure'} does not include.`);
  const searches = result.usage.webSearches ?? 0;
  if (searches > 0 && cost !== null) notes.push(`${searches} web search${searches === 1 ? '' : 'es'} ran: the provider bills a fee per search that the price table does not have, so this cost is the tokens' only.`);
  // Without this the footer's "unknown" looked like a missing model price.
  if (result.usage.serviceTier && cost === null) notes.push(tierNote(result.usage.serviceTier));
  // The error first: it sits right under the words that came, and no surface shows a finished turn without it.
  const failure = result.finish === 'error' ? result.failure : undefined;
  if (failure) yield { type: 'error', message: failure.message, fixes: fixList(failure), failure };
  yield { type: 'done', status, footer: footer(decision, { provider: provider.id, model: result.model || model, redactions, usage: result.usage,
    costUsd: cost, ttftMs: result.timing.ttftMs, totalMs: result.timing.totalMs, notes }), ...(result.toolCalls ? { toolCalls: result.toolCalls } : {}) };
  if (failure) return { kind: 'failed', failure };
  return status === 'cancelled' ? { kind: 'cancelled' } : { kind: 'ok', answer: { text, result } };
}

function tierNote(tier: string): string {
  // cost.ts names an inference geography the table has no price for "geo-<name>" (US-only inference costs more).
  if (tier.startsWith('geo-')) return `The API ran this request in its "${tier.slice(4)}" inference geography, which is billed above the price table's global price: cost unknown.`;
  return `The API ran this request on its "${tier}" service tier, which the price table has no price for: cost unknown.`;
}

function isSensitive(labels: Labels): boolean {
  return labels.findings.length > 0 || labels.privatePaths.length > 0;
}

function fixList(f: ProviderFailure): FixAction[] {
  const out: FixAction[] = [];
  if (f.fix) out.push(f.fix);
  // A used-up budget or credit: the card says retrying will not help, so it offers no Retry.
  if (!['auth', 'budget', 'quota'].includes(f.code) && !out.includes('retry')) out.push('retry');
  if (!out.includes('showLogs')) out.push('showLogs');
  return out;
}


function routeEvent(decision: Decision, input: AskInput, at: {
  model: string; provider: string; context?: AttachedContext[]; redactions?: Record<string, number>; estimate: PreflightEstimate | undefined;
}): AskEvent {
  return { type: 'route', route: decision.route, origin: input.origin, model: at.model, provider: at.provider,
    reasons: [...decision.reasons, ...(input.contextNotes ?? [])], context: at.context ?? [], redactions: at.redactions ?? {},
    estimatedCostUsd: at.estimate?.atMostUsd ?? null, likelyCostUsd: at.estimate?.likelyUsd ?? null };
}

function footer(decision: Decision, f: Omit<AnswerFooter, 'route' | 'reasons' | 'costUsd'> & { costUsd: number | null | undefined }): AnswerFooter {
  return { route: decision.route, reasons: decision.reasons, ...f, costUsd: f.costUsd ?? null };
}

// Only Ask (automatic) is routed by score, and a sensitive request stays local whatever the score says.
async function refined(deps: AskDeps, request: Request, labels: Labels, signal: AbortSignal): Promise<Labels> {
  const routedByScore = request.origin === 'askAuto' || request.origin === 'explainRoute';
  if (!deps.refine || !routedByScore || labels.findings.length > 0 || labels.privatePaths.length > 0) return labels;
  return deps.refine(request, labels, signal);
}

/** A failure's sentence inside a notice's brackets: without its full stop ("…try again.)" read as a typo). */
function bracketed(message: string): string {
  return message.replace(/\.\s*$/, '');
}
