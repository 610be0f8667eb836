// Which usage a finished, failed or cancelled request is billed for. The rule (docs/spend.md, "Failed and cancelled
// requests"): the provider's final reported usage wins; usage reported before the stream ended early (Anthropic's
// message_start) is final for the input side only, so its output is estimated from the text streamed and labelled;
// a request that got an error answer or never connected, before any text, costs $0; a chars/4 estimate is used only
// when the provider said nothing, and its `source: 'estimate'` labels it.
import type { ChatBody, FailureCode, ProviderFailure, StreamResult } from '../wire/types';
import type { Usage } from '../request';
import { cacheWritesOf, type UsageGaps } from './cost';

// Refusals that happen before any inference: the provider bills nothing for them.
const REJECTED_BEFORE_RUN: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'auth', 'modelMissing', 'tooLarge', 'rateLimited', 'quota', 'blocked', 'budget', 'notLocal', 'notApi',
]);

/**
 * True when nothing was generated for the request: the provider (or our own gate) refused it, the provider answered
 * with an HTTP error instead of a stream (the APIs do not bill error answers — a 529 or a 500 after the SDK's
 * retries included) or with an error event in place of the answer (the same failure, sent inside a 200: "failed
 * requests are not charged"), or the connection failed before the API took the request. `streamedChars` = answer
 * text received; `accepted` = a 2xx answer had begun, so a connection lost after it cut a running request.
 */
export function rejectedBeforeRun(failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, streamedChars = 0, accepted = false): boolean {
  if (!failure) return false;
  // A gateway's budget (or a spend cap, or a key that expired) that stops a stream mid-answer stopped a model that was
  // running: its text is billed.
  if (REJECTED_BEFORE_RUN.has(failure.code) && !(streamedChars > 0 && (failure.code === 'budget' || failure.code === 'quota' || failure.code === 'auth'))) return true;
  if (streamedChars > 0) return false;
  const s = failure.status;
  if (typeof s === 'number') return s >= 400;
  // An in-stream error event carries no status (an HTTP error always does).
  if (failure.code === 'server') return true;
  return failure.code === 'connection' && !accepted;
}

/** Usage of a request nothing was billed for: counted by the provider as zero, not estimated. */
export function nothingBilled(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' };
}

export interface EndedEarly {
  /** Answer text received before the end. */
  streamedChars?: number;
  /** False when `reported` came before the provider's final count (Anthropic message_start without message_delta). */
  reportedFinal?: boolean;
  /** The API had answered 2xx and begun the stream (it took the prompt), whatever came after. */
  accepted?: boolean;
  /** The last HTTP status the request got (a 429 the SDK was waiting to retry when the user pressed Stop). */
  lastStatus?: number;
  /** Counts the reported usage left out (cost.ts usageGaps): estimated, labelled. */
  gaps?: UsageGaps;
}

/**
 * Usage reported before the stream ended: the input side is final, the output count is not (message_start says 1),
 * yet the provider bills every token it generated. The output is the larger of the two counts, labelled an estimate.
 */
export function withEstimatedOutput(reported: Usage, estimate: Usage): Usage {
  return { ...reported, output: Math.max(reported.output, estimate.output), source: 'estimate' };
}

/**
 * The usage to record for an ended stream: the provider's final count > $0 for a request that failed before any answer
 * (also after message_start: an error event then is a failed request, not charged) > usage reported early with the
 * output estimated > estimate.
 */
export function billedUsage(
  reported: Usage | undefined, failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, estimate: () => Usage,
  ended: EndedEarly = {},
): Usage {
  if (reported && ended.reportedFinal !== false) return fillGaps(reported, ended.gaps, estimate).usage;
  if (nothingRan(failure, ended, reported !== undefined)) return nothingBilled();
  return reported ? fillGaps(withEstimatedOutput(reported, estimate()), ended.gaps, estimate).usage : estimate();
}

/** The sides fillGaps estimated for these gaps (for the tokenizer's recount). */
export function gapSides(gaps: UsageGaps | undefined): EstimatedSide[] {
  return [...(gaps?.input ? ['input' as const] : []), ...(gaps?.output ? ['output' as const] : [])];
}

function nothingRan(failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, ended: EndedEarly, reported: boolean): boolean {
  const chars = ended.streamedChars ?? 0;
  const accepted = ended.accepted === true || reported;
  // Stopped with no stream begun while the SDK waited to retry an error answer (a 429's back-off): only a refusal came.
  if (!failure) return chars === 0 && !accepted && (ended.lastStatus ?? 0) >= 400;
  return rejectedBeforeRun(failure, chars, accepted);
}

/**
 * A reported usage with counts left out (a compatible server or proxy, cost.ts usageGaps): the missing side is
 * estimated — the prompt less what the reported cache fields account for, the output as in rule 2 — and the whole
 * labelled an estimate. The sides estimated are named so the pipeline recounts them with the tokenizer.
 */
export function fillGaps(reported: Usage, gaps: UsageGaps | undefined, estimate: () => Usage): { usage: Usage; sides: EstimatedSide[] } {
  const sides = gapSides(gaps);
  if (sides.length === 0) return { usage: reported, sides };
  const e = estimate();
  return {
    usage: {
      ...reported,
      input: gaps!.input ? Math.max(0, e.input - reported.cacheRead - cacheWritesOf(reported)) : reported.input,
      output: gaps!.output ? Math.max(reported.output, e.output) : reported.output,
      source: 'estimate',
    },
    sides,
  };
}

export type EstimatedSide = 'input' | 'output';

/**
 * A usage the provider said nothing about is chars/4 of the prompt and the answer (all a provider has). The caller
 * holds the model's tokenizer: recounted with it, the labelled estimate is what an auditor gets from tiktoken
 * (on the OpenAI SDK's api-promise.ts chars/4 says 917 tokens, o200k 905). Reported usage, even a partial one, is
 * never replaced; a tokenizer that fails leaves the chars/4 figure.
 */
export async function recountEstimate(
  result: Pick<StreamResult, 'usage' | 'estimatedFromText' | 'estimatedSides'>, body: Pick<ChatBody, 'system' | 'messages'>, answer: string,
  count: (text: string) => Promise<number>,
): Promise<Usage> {
  const sides = result.estimatedFromText ? ['input', 'output'] : result.estimatedSides ?? [];
  if (sides.length === 0) return result.usage;
  const u = result.usage;
  try {
    const [prompt, output] = await Promise.all([
      sides.includes('input') ? count([body.system, ...body.messages.map((m) => m.content)].join('\n')) : 0,
      sides.includes('output') && answer ? count(answer) : 0,
    ]);
    return {
      ...u,
      // A prompt whose cache reads and writes were reported: the uncached rest is what was not.
      input: sides.includes('input') ? Math.max(0, prompt - u.cacheRead - cacheWritesOf(u)) : u.input,
      output: sides.includes('output') && answer ? output : u.output,
      source: 'estimate',
    };
  } catch {
    return u;
  }
}
