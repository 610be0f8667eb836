// "Is local worth it for me?": total cost of ownership of the local tier against what the same tokens would have
// cost on the cloud model, from the user's own ledger and a few settings filled in once. Every figure carries its
// formula with the user's numbers substituted, so the panel can show it one click away. docs/spend.md has the same.
//
// By the calendar: hardware is amortised per calendar month (a 28-day February and a 31-day December each cost one
// month of hardware; a year costs twelve), "so far" is the days elapsed this month (today counts as a day) out of
// the month's own length, and the projection is this calendar month at the current pace.

export interface TcoSettings {
  /** hybrid.local.hardwareUsd */
  hardwareUsd: number;
  /** hybrid.local.amortizationMonths */
  amortizationMonths: number;
  /** hybrid.local.watts: draw while the local model answers */
  watts: number;
  /** hybrid.local.hoursOnPerDay: 0 = only inference time is counted; else the machine's daily on-time */
  hoursOnPerDay: number;
  /** hybrid.local.idleWatts: draw while on but not answering */
  idleWatts: number;
  /** hybrid.local.usdPerKwh */
  usdPerKwh: number;
  /** hybrid.local.costPerHour (already priced into each local record's costUsd); left out when hardware or power is
   *  entered, because it would count them twice */
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
  /** Length of this calendar month (28–31). */
  daysInMonth: number;
  cloudModel: string;
  soFar: TcoFigure[];
  projection: TcoFigure[];
  /** What the figures leave out or refuse to count twice, in sentences for the panel. */
  notes: string[];
  /** The answer in one sentence (state ready only). */
  verdict?: string;
}

/** Below these, a pace is noise: the projection waits. */
export const TCO_MIN_DAYS = 3;
export const TCO_MIN_REQUESTS = 10;

const usd = (v: number): string => `$${v.toFixed(v !== 0 && Math.abs(v) < 0.01 ? 4 : 2)}`;
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const num = (v: number): string => String(Math.round(v * 10_000) / 10_000);

export function daysInMonth(year: number, month0: number): number {
  return new Date(year, month0 + 1, 0).getDate();
}

/** Energy cost of `hours` of inference at `watts`, plus the rest of `onHours` idling at `idleWatts`. */
function energy(s: TcoSettings, inferenceHours: number, onHours: number): { usd: number; idleHours: number } {
  const idleHours = s.hoursOnPerDay > 0 ? Math.max(0, onHours - inferenceHours) : 0;
  return { usd: ((s.watts * inferenceHours + s.idleWatts * idleHours) / 1000) * s.usdPerKwh, idleHours };
}

export function computeTco(month: TcoMonth, s: TcoSettings, now: Date, cloudModel: string): TcoView {
  const d = Math.max(1, now.getDate());
  const D = daysInMonth(now.getFullYear(), now.getMonth());
  const months = Math.max(1, s.amortizationMonths);
  const onPerDay = Math.min(24, Math.max(0, s.hoursOnPerDay));
  const st = { ...s, hoursOnPerDay: onPerDay };
  const hardwarePerMonth = s.hardwareUsd / months;
  const hardwareSoFar = (hardwarePerMonth * d) / D;
  const hours = month.localMs / 3_600_000;
  const power = energy(st, hours, onPerDay * d);
  const ownCosts = s.hardwareUsd > 0 || (s.usdPerKwh > 0 && (s.watts > 0 || s.idleWatts > 0));
  // costPerHour is a plain rate standing for hardware and power; with those entered it would count them twice.
  const perHour = ownCosts ? 0 : month.localUsd;
  const localCost = hardwareSoFar + power.usd + perHour;
  const eq = month.localCloudEquivalentUsd;
  const net = eq - localCost;
  const costsEntered = ownCosts || s.costPerHour > 0;
  const notes: string[] = [];
  if (ownCosts && s.costPerHour > 0) {
    notes.push(`hybrid.local.costPerHour (${usd(s.costPerHour)}/h) is not added here: hardware and power are entered, and a per-hour rate would count them a second time. Clear one of them.`);
  }
  if (s.usdPerKwh > 0 && s.watts > 0 && onPerDay === 0) {
    notes.push('Power counts inference time only: an always-on machine also draws idle power — set hybrid.local.hoursOnPerDay and hybrid.local.idleWatts to count it.');
  }
  const base = { costsEntered, daysElapsed: d, daysInMonth: D, cloudModel, notes };

  if (month.localRequests === 0) return { ...base, state: 'empty', soFar: [], projection: [] };

  const unpriced = month.localWithoutCloudPrice ? ` (${month.localWithoutCloudPrice} without a price on ${cloudModel} left out)` : '';
  const powerFormula = onPerDay > 0
    ? `power (${num(s.watts)} W × ${num(hours)} h answering + ${num(s.idleWatts)} W × ${num(power.idleHours)} h idle of ${num(onPerDay)} h/day × ${d} days) ÷ 1000 × ${usd(s.usdPerKwh)}/kWh = ${usd(power.usd)}`
    : `power ${num(s.watts)} W ÷ 1000 × ${num(hours)} h of inference × ${usd(s.usdPerKwh)}/kWh = ${usd(power.usd)}`;
  const perHourFormula = ownCosts && s.costPerHour > 0
    ? `hybrid.local.costPerHour not added (hardware/power entered)`
    : `hybrid.local.costPerHour ${usd(s.costPerHour)} × ${num(hours)} h = ${usd(perHour)}`;
  const soFar: TcoFigure[] = [
    { id: 'localTokens', label: 'Local tokens this month', value: month.localTokens, unit: 'tokens',
      formula: `Σ input + output tokens of this month's ${month.localRequests} local requests = ${int(month.localTokens)}` },
    { id: 'cloudEquivalent', label: `Would have cost on ${cloudModel}`, value: eq, unit: 'usd',
      formula: `Σ each local request's tokens priced on ${cloudModel} (input and output prices of the bundled table)${unpriced} = ${usd(eq)}` },
    { id: 'localCost', label: 'Local tier cost this month', value: localCost, unit: 'usd',
      formula: `hardware ${usd(s.hardwareUsd)} ÷ ${num(months)} months × ${d}/${D} days = ${usd(hardwareSoFar)}; `
        + `${powerFormula}; ${perHourFormula}; total ${usd(localCost)}` },
    { id: 'netSavings', label: 'Net savings this month', value: net, unit: 'usd',
      formula: `${usd(eq)} would have cost − ${usd(localCost)} local cost = ${usd(net)}` },
  ];

  const missing: string[] = [];
  if (d < TCO_MIN_DAYS) missing.push(`${d} of ${TCO_MIN_DAYS} days this month`);
  if (month.localRequests < TCO_MIN_REQUESTS) missing.push(`${month.localRequests} of ${TCO_MIN_REQUESTS} local requests`);
  if (missing.length) {
    return { ...base, state: 'notEnoughData', reason: `Not enough data for a projection yet: ${missing.join(', ')}.`, soFar, projection: [] };
  }

  // The whole calendar month at this month's pace.
  const pace = D / d;
  const eqM = eq * pace;
  const hoursM = hours * pace;
  const powerM = energy(st, hoursM, onPerDay * D).usd;
  const variableM = powerM + perHour * pace;
  const localM = hardwarePerMonth + variableM;
  const tokensM = month.localTokens * pace;
  const margin = tokensM > 0 ? (eqM - variableM) / tokensM : 0; // per token, before hardware
  const breakEven = hardwarePerMonth === 0 ? 0 : margin > 0 ? hardwarePerMonth / margin : null;
  const perMonthBeforeHardware = eqM - variableM;
  const payback = s.hardwareUsd === 0 ? 0 : perMonthBeforeHardware > 0 ? s.hardwareUsd / perMonthBeforeHardware : null;
  const paybackAt = payback !== null && payback > 0 && payback <= 120 ? paybackDate(now, payback) : undefined;

  const projection: TcoFigure[] = [
    { id: 'projectedCloudEquivalent', label: `This month on the cloud model`, value: eqM, unit: 'usd',
      formula: `${usd(eq)} so far ÷ ${d} days × ${D} days = ${usd(eqM)}` },
    { id: 'projectedLocalCost', label: 'This month, local tier', value: localM, unit: 'usd',
      formula: `hardware ${usd(hardwarePerMonth)}/month + power ${usd(powerM)} (${num(hoursM)} h answering${onPerDay > 0 ? ` of ${num(onPerDay * D)} h on` : ''})`
        + ` + per-hour ${usd(perHour)} ÷ ${d} × ${D} = ${usd(localM)}` },
    { id: 'projectedNet', label: 'Net savings this month', value: eqM - localM, unit: 'usd',
      formula: `${usd(eqM)} − ${usd(localM)} = ${usd(eqM - localM)} (at this month's pace: ${int(tokensM)} local tokens in ${D} days)` },
    { id: 'breakEvenTokens', label: 'Break-even volume', value: breakEven, unit: 'tokens',
      formula: hardwarePerMonth === 0
        ? 'no hardware cost entered: local breaks even at any volume'
        : `hardware ${usd(hardwarePerMonth)}/month ÷ (cloud price − running cost per local token: (${usd(eqM)} − ${usd(variableM)}) ÷ ${int(tokensM)} tokens) = ${breakEven === null ? 'never' : `${int(breakEven)} tokens per month`}`,
      ...(breakEven === null ? { note: 'never: each local token costs more to run than it would on the cloud' } : {}) },
    { id: 'paybackMonths', label: 'Hardware pays for itself in', value: payback, unit: 'months',
      formula: s.hardwareUsd === 0
        ? 'no hardware cost entered'
        : `hardware ${usd(s.hardwareUsd)} ÷ (${usd(eqM)} − ${usd(variableM)} running cost per month) = ${payback === null ? 'never' : `${num(payback)} months`}${paybackAt ? `, from ${isoDay(now)}: ${paybackAt}` : ''}`,
      // A date decades away reads as noise; past ten years the panel just says so.
      ...(payback === null ? { note: 'never at this pace' } : paybackAt ? { note: `around ${paybackAt}` } : {}) },
  ];
  const netM = eqM - localM;
  const verdict = netM >= 0
    ? `Yes: at this pace local saves about ${usd(netM)} this month against ${cloudModel}, costs included.`
    : breakEven === null
      ? `No: running the local model costs more per token than ${cloudModel} would.`
      : `Not at this volume: local costs about ${usd(-netM)} more this month; it breaks even at ${int(breakEven)} local tokens per month (you use ${int(tokensM)}).`;
  return { ...base, state: 'ready', soFar, projection, verdict };
}

function isoDay(t: Date): string {
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

/**
 * The day the hardware is paid back, `months` calendar months from `now`: whole months step the calendar (the day of
 * the month kept, clamped to a shorter month), the fraction is that share of the days of the month it lands in. "2027-01-30".
 */
export function paybackDate(now: Date, months: number): string {
  const whole = Math.floor(months);
  const y = now.getFullYear(), m = now.getMonth() + whole;
  const at = new Date(y, m, Math.min(now.getDate(), daysInMonth(y, m)));
  const frac = months - whole;
  if (frac > 0) at.setDate(at.getDate() + Math.round(frac * daysInMonth(at.getFullYear(), at.getMonth())));
  return isoDay(at);
}
