// Builds src/core/spend/prices.json (bundled with the extension) from the reference price file, so the table the
// extension ships is a reviewed, dated artefact and never fetched at run time.
//   npx tsx scripts/buildPrices.ts [path/to/prices-reference.json]
// Only chat/text models of the providers we call are kept (a model needs input and output prices).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MatchRule, ModelPrice, PriceTable, PriceTier, ProviderId } from '../src/core/spend/priceTable';

type Tiered = number | { base: number; tiers: { start: number; price: number }[] };

type RefPrices = Record<string, Tiered>;

/** genai-prices' ConditionalPrice: a price that applies from a date (or, for other providers, at times of day). */
interface RefConditional {
  constraint?: { start_date?: string; start_time?: string; end_time?: string } | null;
  prices: RefPrices;
}

interface RefModel {
  id: string;
  name: string | null;
  match: MatchRule;
  context_window: number | null;
  prices: RefPrices | RefConditional[];
  prices_checked?: string | null;
}

interface RefFile {
  source: string;
  units: string;
  providers: Record<string, RefModel[]>;
}

const PROVIDERS: ProviderId[] = ['anthropic', 'openai'];
// Audio/image-only token kinds: we never send them, so a model priced only by them is left out.
const TEXT_FIELDS = ['input_mtok', 'output_mtok', 'cache_write_mtok', 'cache_write_1h_mtok', 'cache_read_mtok'];

function base(v: Tiered | undefined): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : v.base;
}

function tiersOf(prices: Record<string, Tiered>): PriceTier[] {
  const starts = new Set<number>();
  for (const f of TEXT_FIELDS) {
    const v = prices[f];
    if (v !== undefined && typeof v !== 'number') for (const t of v.tiers) starts.add(t.start);
  }
  return [...starts].sort((a, b) => a - b).map((start) => {
    const at = (f: string): number | undefined => {
      const v = prices[f];
      if (v === undefined) return undefined;
      if (typeof v === 'number') return v;
      let p = v.base;
      for (const t of v.tiers) if (t.start <= start) p = t.price;
      return p;
    };
    const tier: PriceTier = { above: start, input: at('input_mtok') ?? 0, output: at('output_mtok') ?? 0 };
    const cw = at('cache_write_mtok'); if (cw !== undefined) tier.cacheWrite = cw;
    const cw1 = at('cache_write_1h_mtok'); if (cw1 !== undefined) tier.cacheWrite1h = cw1;
    const cr = at('cache_read_mtok'); if (cr !== undefined) tier.cacheRead = cr;
    return tier;
  });
}

type Fields = Pick<ModelPrice, 'input' | 'output' | 'cacheWrite' | 'cacheWrite1h' | 'cacheRead' | 'inputAudio' | 'outputAudio' | 'inputImage' | 'cacheReadAudio' | 'cacheReadImage' | 'tiers'>;

/** One set of prices; undefined without an input and an output price (embeddings, audio-only models). */
function fieldsOf(prices: RefPrices): Fields | undefined {
  const input = base(prices.input_mtok);
  const output = base(prices.output_mtok);
  if (input === undefined || output === undefined) return undefined;
  const out: Fields = { input, output };
  const cw = base(prices.cache_write_mtok); if (cw !== undefined) out.cacheWrite = cw;
  const cw1 = base(prices.cache_write_1h_mtok); if (cw1 !== undefined) out.cacheWrite1h = cw1;
  const cr = base(prices.cache_read_mtok); if (cr !== undefined) out.cacheRead = cr;
  // Audio tokens a chat answer may report (gpt-audio): without these they would be billed at the text prices.
  const ai = base(prices.input_audio_mtok); if (ai !== undefined) out.inputAudio = ai;
  const ao = base(prices.output_audio_mtok); if (ao !== undefined) out.outputAudio = ao;
  // Image tokens an answer may report (gpt-image-1's input_tokens_details.image_tokens): priced apart from text.
  const ii = base(prices.input_image_mtok); if (ii !== undefined) out.inputImage = ii;
  // Cached audio (the realtime models): up to 5 × the text cache price (gpt-realtime-mini 0.3 against 0.06).
  const ca = base(prices.cache_audio_read_mtok); if (ca !== undefined) out.cacheReadAudio = ca;
  // Cached image tokens (gpt-image-1, the realtime models): their own cache price (gpt-realtime 0.5 against 0.4 for text).
  const ci = base(prices.cache_image_read_mtok); if (ci !== undefined) out.cacheReadImage = ci;
  const tiers = tiersOf(prices);
  if (tiers.length) out.tiers = tiers;
  return out;
}

/**
 * A price list with dates (genai-prices: tried last to first, the first whose start_date ≤ the request's date wins,
 * the unconstrained one always applies) becomes the unconstrained prices plus the dated changes after it, in order.
 * Until this round such a model was dropped from the table ("unknown price"). A constraint the table cannot honour
 * (a time-of-day price) stops the build: priced by its base it would be wrong part of each day.
 */
function convert(provider: ProviderId, m: RefModel): ModelPrice | undefined {
  const list: RefConditional[] = Array.isArray(m.prices) ? m.prices : [{ prices: m.prices }];
  const at = list.findIndex((c) => !c.constraint);
  if (at < 0) throw new Error(`${m.id}: no price without a constraint`);
  const unsupported = list.find((c) => c.constraint && typeof c.constraint.start_date !== 'string');
  if (unsupported) throw new Error(`${m.id}: a ${Object.keys(unsupported.constraint!).join('/')} constraint cannot be priced by this table`);
  const fields = fieldsOf(list[at]!.prices);
  if (!fields) return undefined;
  const checked = m.prices_checked && /^\d{4}-\d{2}-\d{2}$/.test(m.prices_checked) ? m.prices_checked : null;
  const out: ModelPrice = { id: m.id, name: m.name ?? m.id, provider, match: m.match, contextWindow: m.context_window ?? null, ...fields };
  // Entries before the unconstrained one are never reached in genai-prices' order.
  const changes = list.slice(at + 1).map((c) => {
    const from = c.constraint!.start_date!;
    const f = fieldsOf(c.prices);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !f) throw new Error(`${m.id}: the price from ${from} has no input and output price`);
    return { from, ...f };
  });
  if (changes.length) out.changes = changes;
  out.checked = checked;
  return out;
}

export function buildPriceTable(ref: RefFile): PriceTable {
  const models: ModelPrice[] = [];
  for (const provider of PROVIDERS) {
    for (const m of ref.providers[provider] ?? []) {
      const p = convert(provider, m);
      if (p) models.push(p);
    }
  }
  const dates = models.map((m) => m.checked).filter((d): d is string => !!d).sort();
  return {
    source: ref.source,
    units: 'USD per million tokens',
    pricesChecked: dates[dates.length - 1] ?? 'unknown',
    models,
  };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const refPath = process.argv[2] ?? path.resolve(root, '..', 'shared', 'data', 'prices-reference.json');
  const ref = JSON.parse(fs.readFileSync(refPath, 'utf8')) as RefFile;
  const table = buildPriceTable(ref);
  const outPath = path.join(root, 'src', 'core', 'spend', 'prices.json');
  fs.writeFileSync(outPath, JSON.stringify(table, null, 1) + '\n');
  console.log(`${path.relative(root, outPath)}: ${table.models.length} models, prices checked ${table.pricesChecked}`);
}
