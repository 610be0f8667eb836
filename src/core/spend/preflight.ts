// Pre-flight cost of a cloud request, before it is sent. The answer's length is unknown, so there are two figures:
//   likely   = price(prompt tokens as input, median output tokens of this user's recent answers for the route+kind)
//   at most  = price(prompt tokens as input, the answer cap sent as max_tokens)
// The likely figure is what the chat shows first ("~$0.001, at most $0.02"); only the upper bound is used where it
// protects the user (budget checks, hybrid.confirmAboveUsd), so a long answer can never slip past a limit.
import type { Kind, Route } from '../request';
import { previewCost } from './cost';
import { BUNDLED_PRICES, type PriceTable } from './priceTable';

/** Before this many answers for a route+kind, the default stands in for the user's own median. */
export const MIN_HISTORY = 5;
/** A typical chat answer (a few paragraphs and a short code block) until the user's own history says otherwise. */
export const DEFAULT_OUTPUT_TOKENS: Readonly<Record<Exclude<Kind, 'completion'>, number>> = { ask: 400, review: 600, explain: 0 };
/** How many recent answers per route+kind the median is taken over. */
export const OUTPUT_WINDOW = 200;

export interface PreflightEstimate {
  likelyUsd: number;
  atMostUsd: number;
  /** The output tokens the likely figure assumes, and where that number came from. */
  expectedOutputTokens: number;
  basis: 'history' | 'default';
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Recent output token counts of successful, provider-counted answers, per route and kind. */
export class OutputHistory {
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly cap = OUTPUT_WINDOW) {}

  add(route: Route, kind: Kind, outputTokens: number): void {
    const key = `${route}/${kind}`;
    let xs = this.byKey.get(key);
    if (!xs) { xs = []; this.byKey.set(key, xs); }
    xs.push(outputTokens);
    if (xs.length > this.cap) xs.shift();
  }

  /** The user's median for route+kind, or the default while there are fewer than MIN_HISTORY answers. */
  expected(route: Route, kind: Exclude<Kind, 'completion'>): { tokens: number; basis: 'history' | 'default' } {
    const xs = this.byKey.get(`${route}/${kind}`) ?? [];
    if (xs.length < MIN_HISTORY) return { tokens: DEFAULT_OUTPUT_TOKENS[kind], basis: 'default' };
    return { tokens: Math.round(median(xs)), basis: 'history' };
  }
}

/** Both figures, or undefined for a model without a price. The likely answer never exceeds the cap. */
export function preflightEstimate(
  model: string, promptTokens: number, expected: { tokens: number; basis: 'history' | 'default' }, maxOutputTokens: number,
  table: PriceTable = BUNDLED_PRICES,
): PreflightEstimate | undefined {
  const out = Math.min(expected.tokens, maxOutputTokens);
  const likelyUsd = previewCost(model, promptTokens, out, table);
  const atMostUsd = previewCost(model, promptTokens, maxOutputTokens, table);
  if (likelyUsd === undefined || atMostUsd === undefined) return undefined;
  return { likelyUsd, atMostUsd, expectedOutputTokens: out, basis: expected.basis };
}
