// What a request costs in USD, from our Usage or from a provider's raw usage object.
// Formula (as Cline/Roo and genai-prices): Σ tokens_of_kind × price_of_kind / 1e6, where `input` counts only
// uncached, unwritten input tokens. Unknown model → undefined ("unknown"), never 0.
import type { Route, Usage } from '../request';
import { BUNDLED_PRICES, findModel, pricesAt, type ModelPrice, type PriceTable } from './priceTable';

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

// The tiers the table's prices are for. Flex, priority, scale and batch are billed at other prices the table does not
// have: a request the API says ran on one is "unknown price", not the standard figure shown as if it were the bill.
const STANDARD_TIERS: ReadonlySet<string> = new Set(['standard', 'default', 'auto']);

/** Whether the table's prices are the bill for this service tier (none reported = standard). */
export function pricedTier(tier: string | undefined): boolean {
  return tier === undefined || STANDARD_TIERS.has(tier.toLowerCase());
}

function tierOf(raw: unknown): { serviceTier?: string } {
  const t = at(raw, 'service_tier');
  if (typeof t !== 'string' || pricedTier(t)) return {};
  // A name the ledger cannot keep as it is is still a tier the table has no price for.
  return { serviceTier: /^[\w.-]{1,32}$/.test(t) ? t : 'other' };
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
  const audioRead = Math.min(n(usage.audioCacheRead), read);
  const promptTokens = input + read + write5 + write1h;
  // Long-context tiers bill the whole request at the tier's prices ("all-or-nothing", as Anthropic and OpenAI do).
  let p: { input: number; output: number; cacheWrite?: number; cacheWrite1h?: number; cacheRead?: number } = m;
  let tier: number | null = null;
  for (const t of m.tiers ?? []) if (promptTokens > t.above) { p = t; tier = t.above; }
  const inputUsd =
    ((input - audioIn - imageIn) * p.input + audioIn * (m.inputAudio ?? p.input) + imageIn * (m.inputImage ?? p.input) + (read - audioRead) * (p.cacheRead ?? p.input) + audioRead * (m.cacheReadAudio ?? p.cacheRead ?? p.input) + write5 * (p.cacheWrite ?? p.input) +
      write1h * (p.cacheWrite1h ?? p.cacheWrite ?? p.input)) / 1e6;
  const outputUsd = ((output - audioOut) * p.output + audioOut * (m.outputAudio ?? p.output)) / 1e6;
  return { model: m, inputUsd, outputUsd, totalUsd: inputUsd + outputUsd, promptTokens, tier };
}

/** USD for `usage` on `model`; undefined = unknown model (show "unknown", never $0). */
export function priceOf(model: string, usage: PricedUsage, table: PriceTable = BUNDLED_PRICES): number | undefined {
  return costBreakdown(model, usage, table)?.totalUsd;
}

export type UsageProvider = 'anthropic' | 'openai' | 'ollama';

type Raw = Record<string, unknown>;

function num(o: unknown, ...keys: string[]): number {
  let cur: unknown = o;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return 0;
    cur = (cur as Raw)[k];
  }
  return typeof cur === 'number' && Number.isFinite(cur) && cur > 0 ? cur : 0;
}

function has(o: unknown, key: string): boolean {
  return typeof o === 'object' && o !== null && key in o;
}

function at(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Raw)[key] : undefined;
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** The sides of a request a usage object leaves uncounted. */
export interface UsageGaps { input: boolean; output: boolean }

/**
 * Which counts a raw usage object leaves out. OpenAI and Anthropic always send both, but compatible servers and
 * proxies do not: `{}`, a usage with `prompt_tokens` only, a message_delta without `output_tokens`. Read as zero they
 * billed the request at $0 or its output at message_start's placeholder; the missing side is estimated and labelled
 * instead (spend/billing.ts fillGaps). An OpenAI output that `total_tokens − prompt_tokens` gives is counted, not missing.
 */
export function usageGaps(provider: UsageProvider, raw: unknown): UsageGaps {
  if (provider === 'anthropic') return { input: !isCount(at(raw, 'input_tokens')), output: !isCount(at(raw, 'output_tokens')) };
  if (provider === 'openai') {
    const prompt = isCount(at(raw, 'prompt_tokens')) || isCount(at(raw, 'input_tokens'));
    const output = isCount(at(raw, 'completion_tokens')) || isCount(at(raw, 'output_tokens')) || (prompt && isCount(at(raw, 'total_tokens')));
    return { input: !prompt, output: !output };
  }
  return { input: false, output: false };
}

/**
 * Maps a provider's raw usage object to our Usage (source "provider"), with 5-minute and 1-hour cache writes split.
 * - Anthropic Messages: `input_tokens` already excludes cache reads and writes; `cache_creation.ephemeral_5m/1h`
 *   splits the writes (older responses only give `cache_creation_input_tokens`, billed as 5-minute writes).
 *   `iterations` (compaction, advisor turns) are not added: the top-level figures are what is billed.
 * - OpenAI Chat/Responses: `prompt_tokens` (`input_tokens`) includes cached tokens and cache writes, so
 *   input = prompt − cached − cache_write. LiteLLM's usage for a Claude deployment has the same sums
 *   (prompt = input + writes + reads) with the writes as `cache_creation_tokens` and their TTL split.
 * - Ollama: `prompt_eval_count` / `eval_count`, no cache.
 */
export function usageFromProvider(provider: UsageProvider, raw: unknown): Usage {
  if (provider === 'anthropic') {
    const cc = has(raw, 'cache_creation') ? (raw as Raw).cache_creation : undefined;
    const w1 = cc ? num(cc, 'ephemeral_1h_input_tokens') : 0;
    // Writes the split does not account for (message_delta's cumulative total over message_start's split, or a
    // gateway's empty `cache_creation`) are still writes: billed at the 5-minute rate, never dropped.
    const w5 = Math.max(cc ? num(cc, 'ephemeral_5m_input_tokens') : 0, num(raw, 'cache_creation_input_tokens') - w1);
    const searches = Math.floor(num(raw, 'server_tool_use', 'web_search_requests'));
    return {
      input: num(raw, 'input_tokens'), output: num(raw, 'output_tokens'),
      cacheRead: num(raw, 'cache_read_input_tokens'), cacheWrite: w5, ...(w1 ? { cacheWrite1h: w1 } : {}), ...tierOf(raw),
      ...(searches ? { webSearches: searches } : {}), source: 'provider',
    };
  }
  if (provider === 'openai') {
    const chat = has(raw, 'prompt_tokens') || has(raw, 'completion_tokens');
    const prompt = chat ? num(raw, 'prompt_tokens') : num(raw, 'input_tokens');
    const outKey = chat ? 'completion_tokens' : 'output_tokens';
    // A server that leaves the output count out but gives the total: the output is the provider's own difference.
    const output = isCount(at(raw, outKey)) ? num(raw, outKey) : Math.max(0, num(raw, 'total_tokens') - prompt);
    // A gateway that sends both shapes may put the details under either name: the one with counts is the one meant.
    // The Realtime and transcription APIs say `input_token_details` / `output_token_details` (token, singular).
    const details = chat && has(raw, 'prompt_tokens_details') && at(raw, 'prompt_tokens_details') !== null ? 'prompt_tokens_details'
      : !chat && !has(raw, 'input_tokens_details') && has(raw, 'input_token_details') ? 'input_token_details' : 'input_tokens_details';
    const outDetails = chat ? 'completion_tokens_details' : has(raw, 'output_tokens_details') ? 'output_tokens_details' : 'output_token_details';
    const cached = num(raw, details, 'cached_tokens') || num(raw, chat ? 'input_tokens_details' : 'prompt_tokens_details', 'cached_tokens');
    // Writes: OpenAI's cache_write_tokens; a LiteLLM gateway in front of Claude says cache_creation_tokens (with its
    // 5 m / 1 h split) and cache_creation_input_tokens on top. Billed as plain input they were 20–50 % under the bill.
    const written = num(raw, details, 'cache_write_tokens') || num(raw, details, 'cache_creation_tokens') || num(raw, 'cache_creation_input_tokens');
    const written1h = Math.min(written, num(raw, details, 'cache_creation_token_details', 'ephemeral_1h_input_tokens'));
    // Image tokens are a part of the prompt too; those the cache served are in `cached` (billed at the cache price).
    const imageIn = Math.min(num(raw, details, 'image_tokens'), Math.max(0, prompt - cached - written));
    // audio_tokens counts the cached audio too; `cached_tokens_details` (Realtime) says which cached tokens were audio,
    // priced apart (gpt-realtime-mini: 0.3 against 0.06 for text). Without that split the audio is taken as uncached.
    const audioRead = Math.min(cached, num(raw, details, 'cached_tokens_details', 'audio_tokens'));
    const audioIn = Math.max(0, num(raw, details, 'audio_tokens') - audioRead), audioOut = num(raw, outDetails, 'audio_tokens');
    return {
      input: Math.max(0, prompt - cached - written),
      output,
      cacheRead: cached, cacheWrite: written - written1h, ...(written1h ? { cacheWrite1h: written1h } : {}), ...(audioIn ? { audioInput: audioIn } : {}), ...(audioOut ? { audioOutput: audioOut } : {}),
      ...(audioRead ? { audioCacheRead: audioRead } : {}), ...(imageIn ? { imageInput: imageIn } : {}), ...tierOf(raw), source: 'provider',
    };
  }
  return {
    input: num(raw, 'prompt_eval_count'), output: num(raw, 'eval_count'),
    cacheRead: 0, cacheWrite: 0, source: 'provider',
  };
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
    audioInput: n(usage.audioInput) + n(usage.audioCacheRead), audioOutput: usage.audioOutput, imageInput: usage.imageInput, source: usage.source,
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
