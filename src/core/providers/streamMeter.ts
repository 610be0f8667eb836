// Times a stream and counts what it yielded; the usage of a stream that ended without the provider's own counts.

import type { Clock } from '../ports';
import type { ChatTurn, Finish, Usage } from '../request';
import { billedUsage, gapSides } from '../spend/billing';
import type { UsageGaps } from '../spend/cost';
import type { ProviderFailure, StreamResult } from '../wire/types';

/** Rough count (≈ 4 characters a token); the spend helper replaces it with tiktoken where it matters. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

export function chatText(system: string, messages: readonly ChatTurn[]): string {
  return [system, ...messages.map((m) => m.content)].join('\n');
}

export class Meter {
  private start: number;
  private first: number | null = null;
  chars = 0;
  /** This attempt's last HTTP status (RequestGuard.state.lastStatus); undefined = no answer (yet). */
  status: number | undefined;

  constructor(private readonly clock: Clock) {
    this.start = clock.now();
  }

  /** Times from when the request was sent, for one prepared ahead (FimSendOptions.sendWhen). */
  startWhen(sent: Promise<unknown> | undefined): this {
    void sent?.then(() => { this.start = this.clock.now(); }, () => undefined);
    return this;
  }

  /** Notes the attempt's last HTTP status; a new attempt starts with undefined. */
  answered(status: number | undefined): void {
    this.status = status;
  }

  /** The API answered 2xx and began the stream: it took the prompt, so a cut after this is not "never connected". */
  get accepted(): boolean {
    return this.status !== undefined && this.status >= 200 && this.status < 300;
  }

  onText(text: string): void {
    if (this.first === null) this.first = this.clock.now();
    this.chars += text.length;
  }

  timing(): { ttftMs: number | null; totalMs: number } {
    // Never negative, whatever clock was injected: the ledger refuses a negative duration, and the bill with it.
    const since = (t: number): number => Math.max(0, t - this.start);
    const totalMs = since(this.clock.now());
    return { ttftMs: this.first === null ? null : Math.min(since(this.first), totalMs), totalMs };
  }

  estimated(inputText: string): Usage {
    return { input: estimateTokens(inputText), output: Math.ceil(this.chars / 4), cacheRead: 0, cacheWrite: 0, source: 'estimate' };
  }
}

/**
 * An ended-early result; `reported` is the provider's last reported usage, which wins over any estimate — for its
 * output count only when `reportedFinal` (spend/billing.ts).
 */
export function failed(
  meter: Meter, inputText: string, model: string, failure: ProviderFailure | undefined, notes?: string[], reported?: Usage,
  reportedFinal = true, gaps?: UsageGaps,
): StreamResult {
  const finish: Finish = failure ? 'error' : 'cancelled';
  const usage = billedUsage(reported, failure, () => meter.estimated(inputText), { streamedChars: meter.chars, reportedFinal, accepted: meter.accepted, lastStatus: meter.status, gaps });
  const fromText = !reported && usage.source === 'estimate';
  const sides = reported && usage.source === 'estimate' ? gapSides(gaps) : [];
  return { usage, timing: meter.timing(), model, finish, ...(failure ? { failure } : {}), ...(notes?.length ? { notes } : {}), ...(fromText ? { estimatedFromText: true } : {}), ...(sides.length ? { estimatedSides: sides } : {}) };
}

/** A finished stream's usage: the provider's, with any count it left out estimated (labelled, named for the recount). */
export function finishedUsage(meter: Meter, inputText: string, reported: Usage, gaps: UsageGaps, reportedFinal = true): Pick<StreamResult, 'usage' | 'estimatedSides'> {
  const usage = billedUsage(reported, undefined, () => meter.estimated(inputText), { streamedChars: meter.chars, reportedFinal, accepted: true, gaps });
  const sides = gapSides(gaps);
  return { usage, ...(sides.length ? { estimatedSides: sides } : {}) };
}

/**
 * A usage report whose counts are 0 while text was sent or received: a gateway that zeroes what it strips (or a
 * server that never counted) — not a free request. Those sides become gaps, estimated and labelled so.
 */
export function zeroedGaps(usage: Usage | undefined, gaps: UsageGaps | undefined, streamedChars: number, inputText: string): UsageGaps | undefined {
  if (!usage || !gaps) return gaps;
  const output = gaps.output || (streamedChars > 0 && usage.output === 0);
  const input = gaps.input || (inputText.length > 0 && usage.input + usage.cacheRead + usage.cacheWrite === 0);
  return output === gaps.output && input === gaps.input ? gaps : { input, output };
}
