// Budget position from the spend aggregates. Budgets cap what is paid to cloud providers, so they count cloud
// spend only (local costPerHour is a notional figure for the savings view, not a bill).
import type { BudgetState } from '../request';
import type { HybridSettings } from '../settings';

export const NEAR_FRACTION = 0.8;

type BudgetSettings = Pick<HybridSettings, 'budget.dailyUsd' | 'budget.monthlyUsd'>;

/** The cloud spend a BudgetState needs: `snapshot.today/month` or `SpendModel.quick(now)` fit. */
export interface SpendSoFar {
  today: { cloudUsd: number };
  month: { cloudUsd: number };
}

function fraction(spent: number, budget: number): number {
  return budget > 0 ? spent / budget : 0;
}

// Spend sums are floats; 79.99999999 % of a budget must not read as "near" nor 100 % as "just under".
const EPS = 1e-9;

export function budgetState(spend: SpendSoFar, settings: BudgetSettings): BudgetState {
  const dailyUsd = settings['budget.dailyUsd'] > 0 ? settings['budget.dailyUsd'] : 0;
  const monthlyUsd = settings['budget.monthlyUsd'] > 0 ? settings['budget.monthlyUsd'] : 0;
  const spentTodayUsd = spend.today.cloudUsd;
  const spentMonthUsd = spend.month.cloudUsd;
  let level: BudgetState['level'] = 'none';
  if (dailyUsd > 0 || monthlyUsd > 0) {
    const f = Math.max(fraction(spentTodayUsd, dailyUsd), fraction(spentMonthUsd, monthlyUsd));
    level = f >= 1 - EPS ? 'exceeded' : f >= NEAR_FRACTION - EPS ? 'near' : 'ok';
  }
  return { level, spentTodayUsd, spentMonthUsd, dailyUsd, monthlyUsd };
}

/** The larger of the daily and monthly fractions used, in percent (0 when no budget is set). */
export function budgetPercent(state: BudgetState): number {
  return 100 * Math.max(fraction(state.spentTodayUsd, state.dailyUsd), fraction(state.spentMonthUsd, state.monthlyUsd));
}

export interface BudgetWarning {
  period: 'day' | 'month';
  threshold: 80 | 100;
  /** e.g. "day:2026-11-22:80"; the adapter stores these so a warning is shown once per period. */
  key: string;
  message: string;
}

function money(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/**
 * Thresholds crossed and not warned about yet. `warned` holds the keys of warnings already shown (the adapter
 * keeps it, e.g. in globalState); pass the local day 'YYYY-MM-DD'. At 100 % only the 100 % warning is returned.
 */
export function budgetWarnings(state: BudgetState, day: string, warned: ReadonlySet<string>): BudgetWarning[] {
  const out: BudgetWarning[] = [];
  const check = (period: 'day' | 'month', spent: number, budget: number, periodKey: string): void => {
    if (budget <= 0) return;
    const f = spent / budget;
    const threshold: 80 | 100 | undefined = f >= 1 - EPS ? 100 : f >= NEAR_FRACTION - EPS ? 80 : undefined;
    if (!threshold) return;
    const key = `${period}:${periodKey}:${threshold}`;
    if (warned.has(key)) return;
    const label = period === 'day' ? 'daily' : 'monthly';
    const message = threshold === 100
      ? `Hybrid Assistant: ${label} cloud budget reached — ${money(spent)} of ${money(budget)}.`
      : `Hybrid Assistant: ${Math.floor(f * 100)}% of the ${label} cloud budget used — ${money(spent)} of ${money(budget)}.`;
    out.push({ period, threshold, key, message });
  };
  check('day', state.spentTodayUsd, state.dailyUsd, day);
  check('month', state.spentMonthUsd, state.monthlyUsd, day.slice(0, 7));
  return out;
}
