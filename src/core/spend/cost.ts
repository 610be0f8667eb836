// What a request costs in USD, from our Usage or from a provider's raw usage object.
// Formula (as Cline/Roo and genai-prices): Σ tokens_of_kind × price_of_kind / 1e6, where `input` counts only
// uncached, unwritten input tokens. Unknown model → undefined ("unknown"), never 0.
import type { Route, Usage } from '../request';
import { BUNDLED_PRICES, findModel, pricesAt, type ModelPrice, type PriceTable } from './priceTable';
import { pricedTier, tierOf, usageFromProvider, type UsageProvider } from './providerUsage';

export { pricedTier, usageFromProvider, usageGaps } from './providerUsage';
export type { UsageGaps, UsageProvider } from './providerUsage';

/** Usage is split the way prices are: `cacheWrite` = 5-minute writes, `cacheWrite1h` = 1-hour writes. */
export type PricedUsage = Usage;

export interface CostBreakdown {
  model: ModelPrice;
  inputUsd: number;
  outputUsd: number;
  totalUsd: number;
  /** Input-side tokens that chose the tier (input + cache read + cache writes). */
  promptTokens: number;
  /** `above` of the tier that applied, or null for base prices. */
  tier: number | null;
}

function n(x: number | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}

/** `u` with the service tier a stream named on its chunks, when its usage did not (an estimate of a cut stream). */
export function withServiceTier(u: Usage, tier: unknown): Usage {
  const t = tierOf({ service_tier: tier });
  return t.serviceTier && !u.serviceTier && totalTokensOf(u) > 0 ? { ...u, ...t } : u;
}

/** The price breakdown, or undefined for a model the table does not know (or a service tier it has no price for). */
export function costBreakdown(model: string, usage: PricedUsage, table: PriceTable = BUNDLED_PRICES): CostBreakdown | undefined {
  const m = findModel(model, table);
  if (!m || !pricedTier(usage.serviceTier)) return undefined;
  const input = n(usage.input), output = n(usage.output), read = n(usage.cacheRead);
  const write5 = n(usage.cacheWrite), write1h = n(usage.cacheWrite1h);
  // Audio is a part of input / output with its own price (text price when the model has none).
  const audioIn = Math.min(n(usage.audioInput), input), audioOut = Math.min(n(usage.audioOutput), output);
  const imageIn = Math.min(n(usage.imageInput), input - audioIn);
  const audioRead = Math.min(n(usage.audioCacheRead), read), imageRead = Math.min(n(usage.imageCacheRead), read - audioRead);
  const promptTokens = input + read + write5 + write1h;
  // Long-context tiers bill the whole request at the tier's prices ("all-or-nothing", as Anthropic and OpenAI do).
  let p: { input: number; output: number; cacheWrite?: number; cacheWrite1h?: number; cacheRead?: number } = m;
  let tier: number | null = null;
  for (const t of m.tiers ?? []) if (promptTokens > t.above) { p = t; tier = t.above; }
  const inputUsd =
    ((input - audioIn - imageIn) * p.input + audioIn * (m.inputAudio ?? p.input) + imageIn * (m.inputImage ?? p.input) + (read - audioRead - imageRead) * (p.cacheRead ?? p.input) + audioRead * (m.cacheReadAudio ?? p.cacheRead ?? p.input) + imageRead * (m.cacheReadImage ?? p.cacheRead ?? p.input) + write5 * (p.cacheWrite ?? p.input) +
      write1h * (p.cacheWrite1h ?? p.cacheWrite ?? p.input)) / 1e6;
  const outputUsd = ((output - audioOut) * p.output + audioOut * (m.outputAudio ?? p.output)) / 1e6;
  return { model: m, inputUsd, outputUsd, totalUsd: inputUsd + outputUsd, promptTokens, tier };
}

/** USD for `usage` on `model`; undefined = unknown model (show "unknown", never $0). */
export function priceOf(model: string, usage: PricedUsage, table: PriceTable = BUNDLED_PRICES): number | undefined {
  return costBreakdown(model, usage, table)?.totalUsd;
}

/** All cache writes of a request, whatever their duration (for totals and displays). */
export function cacheWritesOf(u: Usage): number {
  return n(u.cacheWrite) + n(u.cacheWrite1h);
}

/** Tokens of every kind: a request that used none cost nothing, whatever its model. */
export function totalTokensOf(u: Usage): number {
  return n(u.input) + n(u.output) + n(u.cacheRead) + cacheWritesOf(u);
}

export interface ProviderCost {
  usage: Usage;
  cacheWrite1h: number;
  /** undefined = unknown model. */
  costUsd: number | undefined;
}

/** Cost of a raw provider usage object: the figure that should match the provider's bill. */
export function costOfProviderUsage(provider: UsageProvider, model: string, rawUsage: unknown, table: PriceTable = BUNDLED_PRICES): ProviderCost {
  const u = usageFromProvider(provider, rawUsage);
  return {
    usage: u,
    cacheWrite1h: u.cacheWrite1h ?? 0,
    costUsd: provider === 'ollama' ? 0 : priceOf(model, u, table),
  };
}

/**
 * What prompt caching saved on a cloud request: its price with every cache token billed as plain input, minus its
 * real price. Negative when writes cost more than later reads gave back. undefined for an unknown model.
 */
export function cacheSavingsUsd(served: string, usage: Usage, table: PriceTable = BUNDLED_PRICES): number | undefined {
  const model = undatedIfUnknown(served, table);
  if (n(usage.cacheRead) + cacheWritesOf(usage) === 0) return findModel(model, table) ? 0 : undefined;
  const real = priceOf(model, usage, table);
  const uncached = priceOf(model, {
    input: n(usage.input) + n(usage.cacheRead) + cacheWritesOf(usage), output: n(usage.output), cacheRead: 0, cacheWrite: 0,
    audioInput: n(usage.audioInput) + n(usage.audioCacheRead), audioOutput: usage.audioOutput, imageInput: n(usage.imageInput) + n(usage.imageCacheRead), source: usage.source,
  }, table);
  return real === undefined || uncached === undefined ? undefined : uncached - real;
}

/** Amortized hardware and power for a local request: costPerHour × inference time. */
export function localCost(totalMs: number, costPerHour: number): number {
  if (!(totalMs > 0) || !(costPerHour > 0)) return 0;
  return (costPerHour * totalMs) / 3_600_000;
}

/**
 * What the same tokens would have cost on `cloudModel` (for "saved vs all-cloud"). Cache tokens are priced as
 * plain input: a local request had no cloud cache to hit. undefined when the cloud model has no price.
 */
export function cloudEquivalent(usage: Usage, cloudModel: string, table: PriceTable = BUNDLED_PRICES): number | undefined {
  const input = n(usage.input) + n(usage.cacheRead) + cacheWritesOf(usage);
  return priceOf(cloudModel, { input, output: n(usage.output), cacheRead: 0, cacheWrite: 0, source: usage.source }, table);
}

export interface RequestCostInput {
  route: Route;
  model: string;
  /** Provider-reported when available, else a tiktoken estimate (its `source` says which). */
  usage: PricedUsage;
  totalMs: number;
  /** hybrid.local.costPerHour */
  costPerHour: number;
  /** hybrid.cloud.model: what local requests are compared against. */
  cloudModel: string;
  /**
   * The model asked for, when the server named another (OpenAI answers "gpt-4.1" as "gpt-4.1-2025-04-14"): a
   * snapshot newer than the price table is billed at its alias's price rather than left "unknown".
   */
  requestedModel?: string;
  table?: PriceTable;
  /** When the request started (the record's time): a dated price change applies from its UTC date. */
  at?: string | number;
}

/**
 * A record keeps only the served name; a snapshot newer than the table was billed at the alias asked for
 * (pricedModel), which is its name without the date suffix — so its cache savings are priced there as well.
 */
function undatedIfUnknown(model: string, table: PriceTable): string {
  if (findModel(model, table)) return model;
  const alias = model.replace(/-(?:\d{4}-\d{2}-\d{2}|\d{8})$/, '');
  return alias !== model && findModel(alias, table) ? alias : model;
}

/** The name to price: the model that answered when the table knows it, else the one asked for. */
export function pricedModel(served: string, requested: string | undefined, table: PriceTable = BUNDLED_PRICES): string {
  return requested && !findModel(served, table) && findModel(requested, table) ? requested : served;
}

/**
 * The ledger's cost fields for an ended request — THE pricing seam: Ask, completions and the spend store all call
 * this, so a figure in the chat footer, the ledger and the panel is computed one way. A request that used no
 * tokens costs $0 even on a model without a price (nothing was billed, so it is not "unknown").
 */
export function requestCost(i: RequestCostInput): { costUsd: number | null; cloudEquivalentUsd?: number | null } {
  const table = pricesAt(i.table ?? BUNDLED_PRICES, i.at);
  if (i.route === 'cloud') {
    if (totalTokensOf(i.usage) === 0) return { costUsd: 0 };
    const priced = pricedModel(i.model, i.requestedModel, table);
    const costUsd = priceOf(priced, i.usage, table) ?? null;
    // "All-cloud" means hybrid.cloud.model answers every request: a request another model answered (the light tier
    // after an escalation or a fallback) is compared with what the same usage costs on hybrid.cloud.model.
    const row = findModel(priced, table), main = findModel(i.cloudModel, table);
    if (row && main && row.id === main.id) return { costUsd };
    if (!row && !main && priced === i.cloudModel) return { costUsd };
    return { costUsd, cloudEquivalentUsd: priceOf(i.cloudModel, i.usage, table) ?? null };
  }
  if (i.route === 'local') {
    return { costUsd: localCost(i.totalMs, i.costPerHour), cloudEquivalentUsd: cloudEquivalent(i.usage, i.cloudModel, table) ?? null };
  }
  return { costUsd: 0 };
}

/**
 * Pre-flight estimate for a cloud request (cost preview, hybrid.confirmAboveUsd, budget checks): the prompt's
 * tokens as uncached input plus the expected output. undefined for an unknown model.
 */
export function previewCost(model: string, inputTokens: number, expectedOutputTokens: number, table: PriceTable = BUNDLED_PRICES): number | undefined {
  return priceOf(model, { input: inputTokens, output: expectedOutputTokens, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, table);
}
