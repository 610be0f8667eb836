// How a TCO figure's value reads on screen (pure, so the unit tests load it without a DOM).

import type { TcoFigureView } from '../../shared/protocol/spend';
import { formatCount, formatUsd } from '../common/format';

export function formatTcoValue(f: TcoFigureView): string {
  if (f.value === null) return f.note ?? '—';
  if (f.unit === 'usd') return formatUsd(f.value);
  if (f.unit === 'tokens') return `${formatCount(f.value)} tokens`;
  if (f.value >= 120) return 'over 10 years';
  return f.value < 1 ? 'under a month' : `${f.value.toFixed(1)} months`;
}
