// Exact token counts with tiktoken (WASM), off the calling thread: in a worker when the bundled worker script
// exists (the extension: dist/tokenWorker.js), in-thread otherwise (unit tests under tsx, scripts).
// Nothing loads at import or construction; the choice and the worker are made on the first exact count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateTokens } from './encoding';
import { createInlineCounter } from './inlineCounter';
import type { TokenCounter, TokenCounterOptions } from './counterTypes';
import { createWorkerCounter } from './workerCounter';

export const WORKER_SCRIPT_NAME = 'tokenWorker.js';

/** The worker script to use, or undefined for in-thread counting. An explicit `workerScript` is always used. */
export function resolveWorkerScript(opts: TokenCounterOptions): string | undefined {
  if (opts.inline) return undefined;
  if (opts.workerScript) return opts.workerScript;
  const script = path.join(opts.assetsDir, WORKER_SCRIPT_NAME);
  return fs.existsSync(script) ? script : undefined;
}

export function createTokenCounter(opts: TokenCounterOptions): TokenCounter {
  let impl: TokenCounter | undefined;
  const get = (): TokenCounter => {
    if (!impl) {
      const workerScript = resolveWorkerScript(opts);
      impl = workerScript
        ? createWorkerCounter({ assetsDir: opts.assetsDir, workerScript, timeoutMs: opts.timeoutMs })
        : createInlineCounter(opts.assetsDir);
    }
    return impl;
  };
  return {
    count: (text, model) => get().count(text, model),
    estimate: estimateTokens,
    trimToTokens: (text, maxTokens, o) => get().trimToTokens(text, maxTokens, o),
    isLoaded: () => impl?.isLoaded() ?? false,
    dispose: () => impl?.dispose(),
  };
}
