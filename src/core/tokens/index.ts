export { createTokenCounter, encodingForModel, estimateTokens, isTiktokenLoaded } from './tokenCounter';
export type { EncodingName, TokenCounter, TokenCounterOptions, TrimOptions, TrimResult } from './tokenCounter';
