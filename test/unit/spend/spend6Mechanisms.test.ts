// spend6: the mechanisms behind the audit's fixes, probed beyond the hand bills that found them.
import * as assert from 'node:assert/strict';
import { costOfProviderUsage, ledgerCsv, BUNDLED_PRICES, pricedTier } from '../../../src/core/spend';
import { serializeRecord, parseLine } from '../../../src/core/spend/ledgerRecord';
import { parseLedgerLines, type LineCounts } from '../../../src/core/spend/ledgerLines';
import type { LedgerRecord } from '../../../src/core/request';
import { record } from './fixtures/records';
import { parseCsv } from './fixtures/csv';

const usd = (micro: number) => micro / 1e6;
const close = (got: number | undefined, micro: number) => assert.ok(got !== undefined && Math.abs(got - usd(micro)) < 1e-12, `${got} ≠ ${usd(micro)}`);

suite('spend6 / mechanisms', () => {
  test('service tiers: standard names in any case are priced; flex, priority, scale, batch and junk names are not', () => {
    for (const t of [undefined, 'default', 'Default', 'STANDARD', 'auto']) assert.equal(pricedTier(t), true, String(t));
    for (const t of ['flex', 'priority', 'scale', 'batch']) assert.equal(pricedTier(t), false, t);
    const raw = { prompt_tokens: 1000, completion_tokens: 11, service_tier: 'priority tier (beta)!' };
    const c = costOfProviderUsage('openai', 'gpt-4.1', raw);
    assert.equal(c.costUsd, undefined);
    assert.equal(c.usage.serviceTier, 'other', 'a name the ledger cannot keep is still an unpriced tier');
    assert.equal(parseLine(serializeRecord(record('t', { tokens: c.usage, costUsd: null })).slice(0, -1))!.record.tokens.serviceTier, 'other');
    close(costOfProviderUsage('anthropic', 'claude-sonnet-4-6', { input_tokens: 1000, output_tokens: 11, service_tier: 'standard' }).costUsd, 3165);
  });

  test('cached tokens under either details name, an empty prompt_tokens_details included: gpt-4.1 2000×2 + 2000×0.5 + 11×8 = 5088 µ$', () => {
    close(costOfProviderUsage('openai', 'gpt-4.1', { prompt_tokens: 4000, completion_tokens: 11, prompt_tokens_details: {}, input_tokens_details: { cached_tokens: 2000 } }).costUsd, 5088);
    close(costOfProviderUsage('openai', 'gpt-4.1', { input_tokens: 4000, output_tokens: 11, prompt_tokens_details: { cached_tokens: 2000 } }).costUsd, 5088);
  });

  test('image tokens the cache served are not billed twice: gpt-image-1, 1000 in, 400 cached, 800 image → 600 image left uncached: 600×10 + 400×1.25 + 11×40 = 6000 + 500 + 440 = 6940 µ$', () => {
    const c = costOfProviderUsage('openai', 'gpt-image-1', { input_tokens: 1000, output_tokens: 11, input_tokens_details: { cached_tokens: 400, image_tokens: 800, text_tokens: 200 } });
    assert.equal(c.usage.imageInput, 600);
    close(c.costUsd, 6940);
  });

  test('CSV: a negative number stays a number, a text cell that looks like one is defused, quotes still escape', () => {
    const r = record('csv-1', { model: '-1+1', reasons: ['@x', 'plain', '"=quoted"'], costUsd: 0.001 });
    const rows = parseCsv(ledgerCsv([r, record('csv-2', { costUsd: 0.002, model: 'claude-sonnet-4-6', tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 5000, source: 'provider' } })], BUNDLED_PRICES));
    const head = rows[0]!;
    assert.equal(rows[1]![head.indexOf('model')], "'-1+1");
    assert.equal(rows[1]![head.indexOf('reasons')], "'@x | plain | \"=quoted\"");
    const saved = rows[2]![head.indexOf('cacheSavedUsd')]!; // 5000 writes: 5000×3 − 5000×3.75 = −3750 µ$
    assert.ok(Number(saved) < 0 && saved.startsWith('-'), `writes cost more than reads gave back: ${saved} stays a number`);
  });

  test('glued records on one line: each whole one counts, a crash\'s cut is not a loss, a damaged one is said, a flipped line break loses nothing', () => {
    const line = (id: string) => serializeRecord(record(id)).slice(0, -1);
    const damaged = line('x').replace('"status":"ok"', '"status":"ok"}}garbage');
    const cut = line('cut').slice(0, 120);
    const flipped = `${line('f1')}\u000b${line('f2')}`;
    const text = [line('a') + line('b') + cut + line('c'), line('d') + damaged + line('e'), flipped, ''].join('\n');
    const got: LedgerRecord[] = [];
    const counts: LineCounts = { skipped: 0, salvaged: 0, damaged: 0, altered: 0 };
    parseLedgerLines(text, (r) => got.push(r), counts);
    assert.deepEqual(got.map((r) => r.id), ['a', 'b', 'c', 'd', 'e', 'f1', 'f2']);
    assert.equal(counts.damaged, 1, 'only the damaged record is said lost');
  });
});
