// The public core API (architecture.md "Core API"). Adapters and tests import from here.

export * from './request';
export * from './settings';
export * from './providers/types';

export { scanSensitive, redact, DEFAULT_MAX_BYTES, type ScanOptions } from './privacy/scan';
export { createPathPolicy, DEFAULT_PRIVATE_GLOBS, type PathPolicy, type PathVerdict } from './privacy/paths';
export { classify, placeOf, type ClassifyOptions, type FindingPlace } from './task/classify';
export { scoreComplexity, type ComplexityResult } from './task/complexity';
export { SECRET_RULES } from './privacy/detectors';
export type { SecretRule } from './privacy/rule';
export { decide, describeSensitive, type DecideOptions } from './route/decide';
export { checkLocalEndpoint, isLocalEndpoint, isRemoteOllamaModel } from './route/locality';
export { EgressGate, type EgressGateOptions, type GateResult } from './egress/gate';
export { summarizeRedactions } from './egress/summary';
export { isSealed, type SealedChatBody } from './egress/seal';
export { priceOf, costOfProviderUsage, BUNDLED_PRICES, type PriceTable } from './spend';
export { runAsk, type AskDeps, type AskInput } from './pipeline/ask';
export { createAskDeps } from './pipeline/deps';
