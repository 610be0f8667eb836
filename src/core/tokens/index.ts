export { encodingForModel, estimateTokens } from './encoding';
export { boundedCount, EXACT_CHARS } from './bounded';
export { isTiktokenLoaded } from './bpeEngine';
export { createTokenCounter, resolveWorkerScript, WORKER_SCRIPT_NAME } from './tokenCounter';
export { createWorkerCounter, DEFAULT_WORKER_TIMEOUT_MS } from './workerCounter';
export type { WorkerCounterOptions, WorkerTokenCounter } from './workerCounter';
export type { EncodingName, TokenCounter, TokenCounterOptions, TrimOptions, TrimResult } from './counterTypes';
