export * from './types';
export { scoreConfidence, LOW_P } from './score';
export { LogprobSupport } from './support';
