// A provider for pipeline tests: records every body it is sent and answers "answer" — or, given a failure, ends
// with it before any text, as a real provider reports an HTTP error or a refused connection.
import type { ChatBody, ChatProvider, ProviderFailure, StreamResult } from '../../../src/core/wire/types';

export function scriptedProvider(id: string, location: 'local' | 'cloud', failure?: ProviderFailure): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id, location, calls,
    async *stream(b: ChatBody) {
      calls.push(b);
      if (!failure) yield 'answer';
      return { usage: { input: 10, output: failure ? 0 : 2, cacheRead: 0, cacheWrite: 0, source: 'provider' }, timing: { ttftMs: 1, totalMs: 2 },
        model: b.model, finish: failure ? 'error' : 'stop', ...(failure ? { failure } : {}) } as StreamResult;
    },
  };
}
