// Pre-flight cost of a cloud request, before it is sent, on the model that will answer it. Two figures:
//   likely   = price(prompt tokens as input, expected output): the user's median answer for the route+kind, or —
//              before there is history — a typical answer for the kind and the model's family (real API answers)
//   at most  = a true upper bound: the prompt counted with its token-count error, every prompt token billed as a
//              cache write (the project marks context for caching; a write costs more than plain input), the long-
//              context tier when the counted prompt may cross it, and a full max_tokens answer
// The likely figure is what the chat shows first ("~$0.001, at most $0.02"); only the upper bound is used where it
// protects the user (budget checks, hybrid.confirmAboveUsd), so a long answer can never slip past a limit.
import type { Kind, Route } from '../request';
import { priceOf } from './cost';
import { BUNDLED_PRICES, findModel, type PriceTable } from './priceTable';

/** Before this many answers for a route+kind, the typical answer stands in for the user's own median. */
export const MIN_HISTORY = 5;
/** For a model of no known family: a few paragraphs and a short code block. */
export const DEFAULT_OUTPUT_TOKENS: Readonly<Record<Exclude<Kind, 'completion'>, number>> = { ask: 400, review: 600, explain: 0 };
/** How many recent answers per route+kind the median is taken over. */
export const OUTPUT_WINDOW = 200;

export type ModelFamily = 'anthropic' | 'openai' | 'openaiReasoning';

/**
 * Typical answer lengths (output tokens) per family, from the 317 real Anthropic / OpenAI responses in
 * test/unit/spend/fixtures/real-usages.json (pydantic/genai-prices, MIT): an ask is the median answer, a review
 * (a list of findings) the 75th percentile. Reasoning models bill their hidden reasoning as output, hence longer.
 * test/unit/spend/preflightBound.test.ts recomputes these from the file.
 */
export const TYPICAL_OUTPUT_TOKENS: Readonly<Record<ModelFamily, { ask: number; review: number }>> = {
  anthropic: { ask: 75, review: 165 },
  openai: { ask: 15, review: 25 },
  openaiReasoning: { ask: 227, review: 561 },
};

/**
 * How far our prompt count may fall short of the provider's. OpenAI's o200k/cl100k encoders are exact for the text;
 * the margin covers the chat framing. Claude's tokenizer is not public and we count with cl100k, so the margin is
 * wide. Plus a fixed allowance for the message frame.
 */
export const TOKEN_COUNT_ERROR: Readonly<Record<'anthropic' | 'openai', { factor: number; frame: number }>> = {
  anthropic: { factor: 1.35, frame: 32 },
  openai: { factor: 1.05, frame: 32 },
};

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

  /** The user's median for route+kind, or basis 'default' (the typical answer is then the model's) before MIN_HISTORY. */
  expected(route: Route, kind: Exclude<Kind, 'completion'>): { tokens: number; basis: 'history' | 'default' } {
    const xs = this.byKey.get(`${route}/${kind}`) ?? [];
    if (xs.length < MIN_HISTORY) return { tokens: DEFAULT_OUTPUT_TOKENS[kind], basis: 'default' };
    return { tokens: Math.round(median(xs)), basis: 'history' };
  }
}

export function familyOf(model: string, table: PriceTable = BUNDLED_PRICES): ModelFamily | undefined {
  const m = findModel(model, table);
  const provider = m?.provider ?? (/^claude/i.test(model) ? 'anthropic' : /^(gpt|o\d)/i.test(model) ? 'openai' : undefined);
  if (provider === 'anthropic') return 'anthropic';
  if (provider !== 'openai') return undefined;
  return /^(gpt-5|o\d)/i.test(m?.id ?? model) ? 'openaiReasoning' : 'openai';
}

/** A typical answer of this kind on this model, before the user has history. */
export function typicalOutputTokens(kind: Exclude<Kind, 'completion'>, model: string, table: PriceTable = BUNDLED_PRICES): number {
  if (kind === 'explain') return 0;
  const f = familyOf(model, table);
  return f ? TYPICAL_OUTPUT_TOKENS[f][kind] : DEFAULT_OUTPUT_TOKENS[kind];
}

/** The prompt size the bound prices: our count with its error margin for the model's provider. */
export function boundPromptTokens(model: string, promptTokens: number, table: PriceTable = BUNDLED_PRICES): number {
  const f = familyOf(model, table);
  const e = TOKEN_COUNT_ERROR[f === 'anthropic' ? 'anthropic' : f ? 'openai' : 'anthropic'];
  return Math.ceil(promptTokens * e.factor) + e.frame;
}

export interface PreflightOptions {
  kind?: Exclude<Kind, 'completion'>;
  /** The cache duration the request's marks ask for (the project marks 5-minute caching on Anthropic). */
  cacheTtl?: '5m' | '1h';
}

/** Both figures, or undefined for a model without a price. The likely answer never exceeds the cap. */
export function preflightEstimate(
  model: string, promptTokens: number, expected: { tokens: number; basis: 'history' | 'default' }, maxOutputTokens: number,
  table: PriceTable = BUNDLED_PRICES, opts: PreflightOptions = {},
): PreflightEstimate | undefined {
  const wanted = expected.basis === 'default' ? typicalOutputTokens(opts.kind ?? 'ask', model, table) : expected.tokens;
  const out = Math.min(wanted, maxOutputTokens);
  const likelyUsd = priceOf(model, { input: promptTokens, output: out, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, table);
  // Every prompt token as a cache write: priced at the write rate (or the input rate where the model has none),
  // so the bound holds whether or not the provider caches; the tier is chosen on the bound's prompt size.
  const p = boundPromptTokens(model, promptTokens, table);
  const writes = opts.cacheTtl === '1h' ? { cacheWrite: 0, cacheWrite1h: p } : { cacheWrite: p };
  const atMostUsd = priceOf(model, { input: 0, output: maxOutputTokens, cacheRead: 0, ...writes, source: 'estimate' }, table);
  if (likelyUsd === undefined || atMostUsd === undefined) return undefined;
  return { likelyUsd, atMostUsd: Math.max(atMostUsd, likelyUsd), expectedOutputTokens: out, basis: expected.basis };
}
