export * from './confidenceReport';
export { scoreConfidence, LOW_P } from './score';
export { LogprobSupport } from './support';
export { escalationHeadline, scoreAgainst, thresholdExplained, twoPlaces, withoutScore, THRESHOLD_SETTING } from './threshold';
