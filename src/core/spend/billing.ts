// Which usage a finished, failed or cancelled request is billed for. The rule (docs/spend.md, "Failed and cancelled
// requests"): the provider's final reported usage wins; usage reported before the stream ended early (Anthropic's
// message_start) is final for the input side only, so its output is estimated from the text streamed and labelled;
// a request that got an error answer or never connected, before any text, costs $0; a chars/4 estimate is used only
// when the provider said nothing, and its `source: 'estimate'` labels it.
import type { ChatBody, FailureCode, ProviderFailure, StreamResult } from '../wire/types';
import type { Usage } from '../request';

// Refusals that happen before any inference: the provider bills nothing for them.
const REJECTED_BEFORE_RUN: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'auth', 'modelMissing', 'tooLarge', 'rateLimited', 'quota', 'blocked', 'budget', 'notLocal',
]);

/**
 * True when nothing was generated for the request: the provider (or our own gate) refused it, the provider answered
 * with an HTTP error instead of a stream (the APIs do not bill error answers — a 529 or a 500 after the SDK's
 * retries included), or the connection failed before any text. `streamedChars` = answer text received.
 */
export function rejectedBeforeRun(failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, streamedChars = 0): boolean {
  if (!failure) return false;
  if (REJECTED_BEFORE_RUN.has(failure.code)) return true;
  if (streamedChars > 0) return false;
  const s = failure.status;
  return (typeof s === 'number' && s >= 400) || failure.code === 'connection';
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
}

/**
 * Usage reported before the stream ended: the input side is final, the output count is not (message_start says 1),
 * yet the provider bills every token it generated. The output is the larger of the two counts, labelled an estimate.
 */
export function withEstimatedOutput(reported: Usage, estimate: Usage): Usage {
  return { ...reported, output: Math.max(reported.output, estimate.output), source: 'estimate' };
}

/** The usage to record for an ended stream: final reported > partial reported + estimated output > $0 > estimate. */
export function billedUsage(
  reported: Usage | undefined, failure: Pick<ProviderFailure, 'code' | 'status'> | undefined, estimate: () => Usage,
  ended: EndedEarly = {},
): Usage {
  if (reported) return ended.reportedFinal === false ? withEstimatedOutput(reported, estimate()) : reported;
  if (rejectedBeforeRun(failure, ended.streamedChars ?? 0)) return nothingBilled();
  return estimate();
}

/**
 * A usage the provider said nothing about is chars/4 of the prompt and the answer (all a provider has). The caller
 * holds the model's tokenizer: recounted with it, the labelled estimate is what an auditor gets from tiktoken
 * (on the OpenAI SDK's api-promise.ts chars/4 says 917 tokens, o200k 905). Reported usage, even a partial one, is
 * never replaced; a tokenizer that fails leaves the chars/4 figure.
 */
export async function recountEstimate(
  result: Pick<StreamResult, 'usage' | 'estimatedFromText'>, body: Pick<ChatBody, 'system' | 'messages'>, answer: string,
  count: (text: string) => Promise<number>,
): Promise<Usage> {
  if (!result.estimatedFromText) return result.usage;
  try {
    const [input, output] = await Promise.all([count([body.system, ...body.messages.map((m) => m.content)].join('\n')), answer ? count(answer) : 0]);
    return { ...result.usage, input, output: answer ? output : result.usage.output, source: 'estimate' };
  } catch {
    return result.usage;
  }
}
