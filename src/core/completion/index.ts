// Inline completion core: the engine and the pieces it is made of (exported for tests and the benchmark).
export { CompletionEngine, DEFAULT_ENGINE_OPTIONS } from './engine';
export type { CompletionEngineDeps, CompletionInput, CompletionResult, CompletionSettings, CompletionSource, CompletionTrace, EngineOptions } from './engine';
export type { Snippet } from './snippets';
export type { Timers } from './timers';
export { buildWindow, cursorContext, estimateTokens } from './window';
export { decideLineMode, postprocess, streamHasEnough } from './postprocess';
export { balanceBrackets, openBrackets } from './brackets';
