export { statusText, formatMs, formatUsd } from './statusText';
export type { StatusState, StatusView, LastRequest } from './statusText';
