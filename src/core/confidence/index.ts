export * from './confidenceReport';
export { scoreConfidence, LOW_P } from './score';
export { LogprobSupport } from './support';
