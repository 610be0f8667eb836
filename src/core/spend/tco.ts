// "Is local worth it for me?": total cost of ownership of the local tier against what the same tokens would have
// cost on the cloud model, from the user's own ledger and a few settings filled in once. Every figure carries its
// formula with the user's numbers substituted, so the panel can show it one click away. docs/spend.md has the same.
//
// A month is 30 days for amortisation and projections; "so far" figures use the days elapsed this calendar month
// (today counts as a day).

export interface TcoSettings {
  /** hybrid.local.hardwareUsd */
  hardwareUsd: number;
  /** hybrid.local.amortizationMonths */
  amortizationMonths: number;
  /** hybrid.local.watts */
  watts: number;
  /** hybrid.local.usdPerKwh */
  usdPerKwh: number;
  /** hybrid.local.costPerHour (already priced into each local record's costUsd) */
  costPerHour: number;
}

/** This month's local totals, as the spend model keeps them. */
export interface TcoMonth {
  localRequests: number;
  /** input + output tokens of local requests */
  localTokens: number;
  /** Σ cloudEquivalentUsd of local requests with a cloud price */
  localCloudEquivalentUsd: number;
  /** Σ costUsd of local requests (costPerHour × inference time) */
  localUsd: number;
  /** Σ inference time of local requests, ms */
  localMs: number;
  localWithoutCloudPrice: number;
}

export type TcoUnit = 'usd' | 'tokens' | 'months';

export interface TcoFigure {
  id: string;
  label: string;
  /** null = not enough data, or no finite answer (e.g. local never breaks even); `note` says which. */
  value: number | null;
  unit: TcoUnit;
  /** The formula with the user's numbers in it. */
  formula: string;
  note?: string;
}

export interface TcoView {
  state: 'empty' | 'notEnoughData' | 'ready';
  /** Why the projection is withheld (state notEnoughData). */
  reason?: string;
  /** False until any of hardware, power or costPerHour is set: local then looks free, and the panel says so. */
  costsEntered: boolean;
  daysElapsed: number;
  cloudModel: string;
  soFar: TcoFigure[];
  projection: TcoFigure[];
  /** The answer in one sentence (state ready only). */
  verdict?: string;
}

/** Below these, a pace is noise: the projection waits. */
export const TCO_MIN_DAYS = 3;
export const TCO_MIN_REQUESTS = 10;
const MONTH_DAYS = 30;

const usd = (v: number): string => `$${v.toFixed(v !== 0 && Math.abs(v) < 0.01 ? 4 : 2)}`;
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const num = (v: number): string => String(Math.round(v * 10_000) / 10_000);

export function computeTco(month: TcoMonth, s: TcoSettings, now: Date, cloudModel: string): TcoView {
  const d = Math.max(1, now.getDate());
  const months = Math.max(1, s.amortizationMonths);
  const hardwarePerMonth = s.hardwareUsd / months;
  const hardwareSoFar = (hardwarePerMonth * d) / MONTH_DAYS;
  const hours = month.localMs / 3_600_000;
  const power = (s.watts / 1000) * hours * s.usdPerKwh;
  const perHour = month.localUsd;
  const localCost = hardwareSoFar + power + perHour;
  const eq = month.localCloudEquivalentUsd;
  const net = eq - localCost;
  const costsEntered = s.hardwareUsd > 0 || (s.watts > 0 && s.usdPerKwh > 0) || s.costPerHour > 0;
  const base = { costsEntered, daysElapsed: d, cloudModel };

  if (month.localRequests === 0) return { ...base, state: 'empty', soFar: [], projection: [] };

  const unpriced = month.localWithoutCloudPrice ? ` (${month.localWithoutCloudPrice} without a price on ${cloudModel} left out)` : '';
  const soFar: TcoFigure[] = [
    { id: 'localTokens', label: 'Local tokens this month', value: month.localTokens, unit: 'tokens',
      formula: `Σ input + output tokens of this month's ${month.localRequests} local requests = ${int(month.localTokens)}` },
    { id: 'cloudEquivalent', label: `Would have cost on ${cloudModel}`, value: eq, unit: 'usd',
      formula: `Σ each local request's tokens priced on ${cloudModel} (input and output prices of the bundled table)${unpriced} = ${usd(eq)}` },
    { id: 'localCost', label: 'Local tier cost this month', value: localCost, unit: 'usd',
      formula: `hardware ${usd(s.hardwareUsd)} ÷ ${num(months)} months × ${d}/30 days = ${usd(hardwareSoFar)}; `
        + `power ${num(s.watts)} W ÷ 1000 × ${num(hours)} h of inference × ${usd(s.usdPerKwh)}/kWh = ${usd(power)}; `
        + `hybrid.local.costPerHour ${usd(s.costPerHour)} × ${num(hours)} h = ${usd(perHour)}; total ${usd(localCost)}` },
    { id: 'netSavings', label: 'Net savings this month', value: net, unit: 'usd',
      formula: `${usd(eq)} would have cost − ${usd(localCost)} local cost = ${usd(net)}` },
  ];

  const missing: string[] = [];
  if (d < TCO_MIN_DAYS) missing.push(`${d} of ${TCO_MIN_DAYS} days this month`);
  if (month.localRequests < TCO_MIN_REQUESTS) missing.push(`${month.localRequests} of ${TCO_MIN_REQUESTS} local requests`);
  if (missing.length) {
    return { ...base, state: 'notEnoughData', reason: `Not enough data for a projection yet: ${missing.join(', ')}.`, soFar, projection: [] };
  }

  const pace = MONTH_DAYS / d;
  const eq30 = eq * pace;
  const variable30 = (power + perHour) * pace;
  const local30 = hardwarePerMonth + variable30;
  const tokens30 = month.localTokens * pace;
  const margin = month.localTokens > 0 ? (eq - power - perHour) / month.localTokens : 0; // per token, before hardware
  const breakEven = hardwarePerMonth === 0 ? 0 : margin > 0 ? hardwarePerMonth / margin : null;
  const perMonthBeforeHardware = eq30 - variable30;
  const payback = s.hardwareUsd === 0 ? 0 : perMonthBeforeHardware > 0 ? s.hardwareUsd / perMonthBeforeHardware : null;

  const projection: TcoFigure[] = [
    { id: 'projectedCloudEquivalent', label: 'Next 30 days on the cloud model', value: eq30, unit: 'usd',
      formula: `${usd(eq)} so far ÷ ${d} days × 30 = ${usd(eq30)}` },
    { id: 'projectedLocalCost', label: 'Next 30 days, local tier', value: local30, unit: 'usd',
      formula: `hardware ${usd(hardwarePerMonth)}/month + (power ${usd(power)} + per-hour ${usd(perHour)}) ÷ ${d} days × 30 = ${usd(local30)}` },
    { id: 'projectedNet', label: 'Net savings, next 30 days', value: eq30 - local30, unit: 'usd',
      formula: `${usd(eq30)} − ${usd(local30)} = ${usd(eq30 - local30)} (at this month's pace: ${int(tokens30)} local tokens per 30 days)` },
    { id: 'breakEvenTokens', label: 'Break-even volume', value: breakEven, unit: 'tokens',
      formula: hardwarePerMonth === 0
        ? 'no hardware cost entered: local breaks even at any volume'
        : `hardware ${usd(hardwarePerMonth)}/month ÷ (cloud price − running cost per local token: (${usd(eq)} − ${usd(power + perHour)}) ÷ ${int(month.localTokens)} tokens) = ${breakEven === null ? 'never' : `${int(breakEven)} tokens per 30 days`}`,
      ...(breakEven === null ? { note: 'never: each local token costs more to run than it would on the cloud' } : {}) },
    { id: 'paybackMonths', label: 'Hardware pays for itself in', value: payback, unit: 'months',
      formula: s.hardwareUsd === 0
        ? 'no hardware cost entered'
        : `hardware ${usd(s.hardwareUsd)} ÷ (${usd(eq30)} − ${usd(variable30)} running cost per 30 days) = ${payback === null ? 'never' : `${num(payback)} months`}`,
      // A calendar month decades away reads as noise; past ten years the panel just says so.
      ...(payback === null ? { note: 'never at this pace' } : payback > 120 ? {} : { note: `around ${paybackMonthLabel(now, payback)}` }) },
  ];
  const net30 = eq30 - local30;
  const verdict = net30 >= 0
    ? `Yes: at this pace local saves about ${usd(net30)} per 30 days against ${cloudModel}, costs included.`
    : breakEven === null
      ? `No: running the local model costs more per token than ${cloudModel} would.`
      : `Not at this volume: local costs about ${usd(-net30)} more per 30 days; it breaks even at ${int(breakEven)} local tokens per 30 days (you use ${int(tokens30)}).`;
  return { ...base, state: 'ready', soFar, projection, verdict };
}

/** The calendar month the hardware is paid back in, counting from now: "2027-03". */
export function paybackMonthLabel(now: Date, months: number): string {
  const at = new Date(now.getFullYear(), now.getMonth() + Math.ceil(months), 1);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}
