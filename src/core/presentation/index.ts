export { statusText, formatMs } from './statusText';
export { formatUsd, plural } from '../../shared/money';
export type { StatusState, StatusView, LastRequest } from './statusText';
