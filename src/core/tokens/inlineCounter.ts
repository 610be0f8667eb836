// tiktoken in the calling thread: blocks it for the first load (~2 s) and ~1 s per MB. Only for tests, benchmarks
// and scripts; the extension host uses the worker (workerCounter.ts).
import { encodingForModel, estimateTokens } from './encoding';
import { createEngine } from './bpeEngine';
import type { TokenCounter } from './counterTypes';

export function createInlineCounter(assetsDir: string): TokenCounter {
  const engine = createEngine(assetsDir);
  return {
    count: (text, model) => engine.count(text, encodingForModel(model)),
    estimate: estimateTokens,
    trimToTokens: (text, maxTokens, o = {}) => engine.trim(text, maxTokens, encodingForModel(o.model), o.keep ?? 'start'),
    isLoaded: () => engine.isLoaded(),
    dispose: () => engine.dispose(),
  };
}
