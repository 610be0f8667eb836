// Provider usage objects read into our Usage: which counts they give, which they leave out, and the service tier or
// inference geography whose prices the table does not have. Pricing them is cost.ts's job.
import type { Usage } from '../request';
// The tiers the table's prices are for. Flex, priority, scale and batch are billed at other prices the table does not
// have: a request the API says ran on one is "unknown price", not the standard figure shown as if it were the bill.
const STANDARD_TIERS: ReadonlySet<string> = new Set(['standard', 'default', 'auto']);

/** Whether the table's prices are the bill for this service tier (none reported = standard). */
export function pricedTier(tier: string | undefined): boolean {
  return tier === undefined || STANDARD_TIERS.has(tier.toLowerCase());
}

// Where inference ran: Anthropic bills US-only inference ("us") above the global price the table has.
const PRICED_GEOS: ReadonlySet<string> = new Set(['global', 'not_available']);

export function tierOf(raw: unknown): { serviceTier?: string } {
  const geo = at(raw, 'inference_geo');
  if (typeof geo === 'string' && geo !== '' && !PRICED_GEOS.has(geo.toLowerCase())) return { serviceTier: /^[\w.-]{1,28}$/.test(geo) ? `geo-${geo}` : 'geo-other' };
  const t = at(raw, 'service_tier');
  if (typeof t !== 'string' || pricedTier(t)) return {};
  // A name the ledger cannot keep as it is is still a tier the table has no price for.
  return { serviceTier: /^[\w.-]{1,32}$/.test(t) ? t : 'other' };
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

/** Web searches a usage names (Anthropic's, or LiteLLM passing Claude's through in its OpenAI-shape usage). */
function searchesOf(raw: unknown): { webSearches?: number } {
  const searches = Math.floor(num(raw, 'server_tool_use', 'web_search_requests'));
  return searches ? { webSearches: searches } : {};
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
  // A prompt side of 0 in all (a proxy's message_start that leaves the counts to message_delta) counts no prompt: every
  // request sends one, so it is missing, not free.
  const promptSide = num(raw, 'input_tokens') + num(raw, 'cache_read_input_tokens') + num(raw, 'cache_creation_input_tokens') +
    num(raw, 'cache_creation', 'ephemeral_5m_input_tokens') + num(raw, 'cache_creation', 'ephemeral_1h_input_tokens');
  if (provider === 'anthropic') return { input: !isCount(at(raw, 'input_tokens')) || promptSide === 0, output: !isCount(at(raw, 'output_tokens')) };
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
    return {
      input: num(raw, 'input_tokens'), output: num(raw, 'output_tokens'),
      cacheRead: num(raw, 'cache_read_input_tokens'), cacheWrite: w5, ...(w1 ? { cacheWrite1h: w1 } : {}), ...tierOf(raw),
      ...searchesOf(raw), source: 'provider',
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
    // A proxy's cached count above the prompt cannot be: no more than the prompt was read from the cache.
    const cached = Math.min(prompt, num(raw, details, 'cached_tokens') || num(raw, chat ? 'input_tokens_details' : 'prompt_tokens_details', 'cached_tokens'));
    // Writes: OpenAI's cache_write_tokens; a LiteLLM gateway in front of Claude says cache_creation_tokens (with its
    // 5 m / 1 h split) and cache_creation_input_tokens on top. Billed as plain input they were 20–50 % under the bill.
    const written = num(raw, details, 'cache_write_tokens') || num(raw, details, 'cache_creation_tokens') || num(raw, 'cache_creation_input_tokens');
    const written1h = Math.min(written, num(raw, details, 'cache_creation_token_details', 'ephemeral_1h_input_tokens'));
    // Image tokens are a part of the prompt too; those the cache served are in `cached`, and the Realtime API says how
    // many of them were images (`cached_tokens_details.image_tokens`, priced at cacheReadImage).
    const imageRead = Math.min(cached, num(raw, details, 'cached_tokens_details', 'image_tokens'));
    const imageIn = Math.min(Math.max(0, num(raw, details, 'image_tokens') - imageRead), Math.max(0, prompt - cached - written));
    // audio_tokens counts the cached audio too; `cached_tokens_details` (Realtime) says which cached tokens were audio,
    // priced apart (gpt-realtime-mini: 0.3 against 0.06 for text). Without that split the audio is taken as uncached.
    const audioRead = Math.min(cached, num(raw, details, 'cached_tokens_details', 'audio_tokens'));
    const audioIn = Math.max(0, num(raw, details, 'audio_tokens') - audioRead), audioOut = num(raw, outDetails, 'audio_tokens');
    return {
      input: Math.max(0, prompt - cached - written),
      output,
      cacheRead: cached, cacheWrite: written - written1h, ...(written1h ? { cacheWrite1h: written1h } : {}), ...(audioIn ? { audioInput: audioIn } : {}), ...(audioOut ? { audioOutput: audioOut } : {}),
      ...(audioRead ? { audioCacheRead: audioRead } : {}), ...(imageIn ? { imageInput: imageIn } : {}), ...(imageRead ? { imageCacheRead: imageRead } : {}), ...tierOf(raw), ...searchesOf(raw), source: 'provider',
    };
  }
  return {
    input: num(raw, 'prompt_eval_count'), output: num(raw, 'eval_count'),
    cacheRead: 0, cacheWrite: 0, source: 'provider',
  };
}
