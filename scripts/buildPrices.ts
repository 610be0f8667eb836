// Builds src/core/spend/prices.json (bundled with the extension) from the reference price file, so the table the
// extension ships is a reviewed, dated artefact and never fetched at run time.
//   npx tsx scripts/buildPrices.ts [path/to/prices-reference.json]
// Only chat/text models of the providers we call are kept (a model needs input and output prices).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MatchRule, ModelPrice, PriceTable, PriceTier, ProviderId } from '../src/core/spend/priceTable';

type Tiered = number | { base: number; tiers: { start: number; price: number }[] };

interface RefModel {
  id: string;
  name: string | null;
  match: MatchRule;
  context_window: number | null;
  prices: Record<string, Tiered>;
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

function convert(provider: ProviderId, m: RefModel): ModelPrice | undefined {
  const input = base(m.prices.input_mtok);
  const output = base(m.prices.output_mtok);
  if (input === undefined || output === undefined) return undefined;
  const checked = m.prices_checked && /^\d{4}-\d{2}-\d{2}$/.test(m.prices_checked) ? m.prices_checked : null;
  const out: ModelPrice = { id: m.id, name: m.name ?? m.id, provider, match: m.match, contextWindow: m.context_window ?? null, input, output };
  const cw = base(m.prices.cache_write_mtok); if (cw !== undefined) out.cacheWrite = cw;
  const cw1 = base(m.prices.cache_write_1h_mtok); if (cw1 !== undefined) out.cacheWrite1h = cw1;
  const cr = base(m.prices.cache_read_mtok); if (cr !== undefined) out.cacheRead = cr;
  // Audio tokens a chat answer may report (gpt-audio): without these they would be billed at the text prices.
  const ai = base(m.prices.input_audio_mtok); if (ai !== undefined) out.inputAudio = ai;
  const ao = base(m.prices.output_audio_mtok); if (ao !== undefined) out.outputAudio = ao;
  const tiers = tiersOf(m.prices);
  if (tiers.length) out.tiers = tiers;
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
