// A failure's wording once it is known whether any answer text had come (the stream providers call it last).
import { inSentence } from './failureText';
import type { ProviderFailure } from '../wire/types';

/**
 * A failure worded by whether any text had come. An in-stream error before any text: nothing is "incomplete", the
 * service simply did not answer. A connection lost after some text: not "cannot reach" (it was reached), but an
 * answer cut off in the middle.
 */
export function beforeAnyText(failure: ProviderFailure, name: string, streamedChars: number): ProviderFailure {
  if (streamedChars > 0 && failure.code === 'connection') {
    return {
      ...failure,
      message: `The connection to ${inSentence(name)} was lost in the middle of the answer — the answer is incomplete; check your network, then try again.`,
      fix: 'retry',
    };
  }
  if (streamedChars > 0 && failure.code === 'budget') {
    // The gateway let the request start and stopped it when the budget ran out: what was shown is all there is.
    return { ...failure, message: `${name} stopped the answer part-way: the team or key budget on the gateway ran out — the answer is incomplete; ask your gateway admin to raise the budget, or use Ask (private).` };
  }
  if (streamedChars === 0 && failure.code === 'stalled') {
    return { ...failure, message: failure.message.replace(/ stopped sending in the middle of the answer \(([^)]+)\) — the answer is incomplete;/, ' stopped sending before any answer text ($1);') };
  }
  if (streamedChars > 0 || failure.code !== 'server' || failure.status !== undefined) return failure;
  return { ...failure, message: failure.message.replace(/ failed in the middle of the answer \(([^)]+)\) — the answer is incomplete; try again\./, ` failed before answering ($1) — try again later.`) };
}
