// spend5 audit, part 2: a price change on a date, in the reference's own format. pydantic/genai-prices writes a price
// change as a list of conditional prices (`prices: [{prices: …}, {constraint: {start_date: …}, prices: …}]`, the last
// active one wins, `start_date` compared with the request's UTC date); its upstream snapshot carried Claude Sonnet 5
// that way (the $3/$15 step planned for 2026-09-01 — see the reference's note). The reference we ship has no such
// entry, so this file builds one from the reference's own Sonnet 5 row plus that step, runs it through
// scripts/buildPrices.ts, and bills requests either side of the change by hand:
//   before 2026-09-01 (UTC): in 2, read 0.2, write 5m 2.5, 1h 4, out 10      from 2026-09-01: in 3, read 0.3, 3.75, 6, out 15
// The request's start decides (the record's time), as genai-prices decides on the request's timestamp.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPriceTable } from '../../../scripts/buildPrices';
import type { HybridSettings } from '../../../src/core/settings';
import { ledgerCsv, ledgerJson, requestCost, SpendModel, type PriceTable } from '../../../src/core/spend';
import type { LedgerRecord } from '../../../src/core/request';
import { AskRig } from './fixtures/askRig';
import { near } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 output tokens
const REF = ['/work/shared/data/prices-reference.json', path.join(__dirname, 'fixtures', 'prices-reference.json')].find((p) => fs.existsSync(p))!;

interface RefModel { id: string; prices: unknown; [k: string]: unknown }
type Ref = { source: string; units: string; providers: Record<string, RefModel[]> };

/** The reference with Sonnet 5 written as upstream had it: the introductory price, then a dated step. */
function datedReference(): Ref {
  const ref = JSON.parse(fs.readFileSync(REF, 'utf8')) as Ref;
  const s5 = ref.providers.anthropic!.find((m) => m.id === 'claude-sonnet-5')!;
  s5.prices = [
    { prices: s5.prices },
    { constraint: { start_date: '2026-09-01' }, prices: { input_mtok: 3, cache_read_mtok: 0.3, cache_write_mtok: 3.75, cache_write_1h_mtok: 6, output_mtok: 15 } },
  ];
  return ref;
}

function inZone<T>(tz: string, f: () => Promise<T>): Promise<T> {
  const was = process.env.TZ;
  process.env.TZ = tz;
  return f().finally(() => { if (was === undefined) delete process.env.TZ; else process.env.TZ = was; });
}

const s5: Partial<HybridSettings> = { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-5', 'fallback.cloudToLocal': false };
const usage = { input: 1000, cacheRead: 4000, cacheWrite: 0 };

suite('spend5 / hand bills across a dated price change', function () {
  this.timeout(30_000);
  let table: PriceTable;
  const rig = new AskRig(ANSWER, Date.UTC(2026, 8, 1));
  const made: LedgerRecord[] = [];
  suiteSetup(async () => { table = buildPriceTable(datedReference() as never); await rig.open(); });
  suiteTeardown(() => rig.close());

  test('P0 the build keeps a model whose prices change on a date (it is not dropped as "no input price")', () => {
    const m = table.models.find((x) => x.id === 'claude-sonnet-5');
    assert.ok(m, 'claude-sonnet-5 is in the built table');
  });

  test('P1 started 23:59:5x UTC on 31 Aug, finished after midnight: the old price, 1000×2 + 4000×0.2 + 11×10 = 2000 + 800 + 110 = 2910 µ$', async () => {
    // The fake spaces its frames 150 ms apart, so the answer takes > 2 s and started before midnight.
    const r = await rig.run({ settings: s5, table, now: Date.UTC(2026, 8, 1, 0, 0, 0, 300), anthropic: { usage, delivery: { gapMs: 150 } } });
    const rec = r.records[0]!;
    assert.ok(rec.time < '2026-09-01T00:00:00.000Z', `started before the change: ${rec.time}`);
    near(rec.costUsd, 2910, 'P1');
    made.push(rec);
  });

  test('P2 started 00:00:0x UTC on 1 Sep: the new price, 1000×3 + 4000×0.3 + 11×15 = 3000 + 1200 + 165 = 4365 µ$', async () => {
    const r = await rig.run({ settings: s5, table, now: Date.UTC(2026, 8, 1, 0, 0, 5), anthropic: { usage } });
    near(r.records[0]!.costUsd, 4365, 'P2');
    made.push(r.records[0]!);
  });

  test('P3 Los Angeles, 31 Aug 18:00 PDT = 1 Sep 01:00 UTC: the provider\'s date, the new price (4365 µ$), in the local August day', () => inZone('America/Los_Angeles', async () => {
    const r = await rig.run({ settings: s5, table, now: Date.UTC(2026, 8, 1, 1), anthropic: { usage } });
    const rec = r.records[0]!;
    near(rec.costUsd, 4365, 'P3');
    const csv = ledgerCsv([rec], table).trim().split('\n');
    const head = csv[0]!.split(',');
    assert.equal(csv[1]!.split(',')[head.indexOf('localDay')], '2026-08-31');
    made.push(rec);
  }));

  test('P4 what the cache saved is priced at the request\'s own date: 31 Aug 4000×(2 − 0.2) = 7200 µ$, 1 Sep 4000×(3 − 0.3) = 10800 µ$ — CSV, JSON and the panel', () => {
    const [aug, sep] = made;
    const csv = ledgerCsv([aug!, sep!], table).trim().split('\n');
    const col = csv[0]!.split(',').indexOf('cacheSavedUsd');
    near(Number(csv[1]!.split(',')[col]), 7200, 'CSV Aug');
    near(Number(csv[2]!.split(',')[col]), 10_800, 'CSV Sep');
    const json = JSON.parse(ledgerJson([aug!, sep!], table)) as { cacheSavedUsd: number }[];
    near(json[0]!.cacheSavedUsd, 7200, 'JSON Aug');
    const model = new SpendModel({ priceTable: () => table });
    model.add(aug!);
    near(model.snapshot(new Date(Date.UTC(2026, 7, 31, 12))).month.cacheSavedUsd, 7200, 'panel, August');
  });

  test('P5 a local request on 31 Aug compared with Sonnet 5 at that day\'s price: 3000×2 + 500×10 = 11000 µ$ (16500 at September\'s)', () => {
    const tokens = { input: 3000, output: 500, cacheRead: 0, cacheWrite: 0, source: 'provider' as const };
    const aug = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage: tokens, totalMs: 1000, costPerHour: 0, cloudModel: 'claude-sonnet-5', table, at: '2026-08-31T12:00:00.000Z' } as never);
    near(aug.cloudEquivalentUsd, 11_000, 'cloud-equivalent on 31 Aug');
    const sep = requestCost({ route: 'local', model: 'qwen2.5-coder:7b', usage: tokens, totalMs: 1000, costPerHour: 0, cloudModel: 'claude-sonnet-5', table, at: '2026-09-01T12:00:00.000Z' } as never);
    near(sep.cloudEquivalentUsd, 16_500, 'cloud-equivalent on 1 Sep');
  });

  test('P6 the month across the change: 2910 + 4365 + 4365 = 11640 µ$ in the records, the ledger export and the JSON', () => {
    const total = made.reduce((s, r) => s + (r.costUsd ?? 0), 0);
    near(total, 11_640, 'records');
    const rows = ledgerCsv(made, table).trim().split('\n');
    const col = rows[0]!.split(',').indexOf('costUsd');
    near(rows.slice(1).reduce((s, row) => s + Number(row.split(',')[col]), 0), 11_640, 'CSV');
  });

  test('P7 a constraint this table cannot honour (a time-of-day price) on an Anthropic or OpenAI model stops the build, rather than pricing it wrongly', () => {
    const ref = datedReference();
    const s = ref.providers.anthropic!.find((m) => m.id === 'claude-sonnet-5')!;
    (s.prices as unknown[]).push({ constraint: { start_time: '16:30:00Z', end_time: '00:30:00Z' }, prices: { input_mtok: 1, output_mtok: 5 } });
    assert.throws(() => buildPriceTable(ref as never), /claude-sonnet-5/);
  });

  test('P8 the shipped reference builds the same table as before (no model has a dated price there)', () => {
    const ref = JSON.parse(fs.readFileSync(REF, 'utf8')) as Ref;
    const built = buildPriceTable(ref as never);
    assert.ok(built.models.every((m) => !('changes' in m)), 'no dated prices in the shipped table');
  });
});
