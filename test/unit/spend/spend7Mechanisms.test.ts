// spend7: the mechanisms behind the audit's fixes, probed beyond the bills that found them — the cumulative merge on
// nested and odd values, the singular/plural details names, cached audio bounds and overrides, the ledger's version
// and seal rules on lines no bill wrote.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeCumulative } from '../../../src/core/spend/cumulativeUsage';
import { BUNDLED_PRICES, cacheSavingsUsd, costOfProviderUsage, Ledger, LedgerTail, nodeLedgerFs, parseLedgerLines, SpendModel, unreadableLinesNotice, usageFromProvider, withOverrides, type LineCounts } from '../../../src/core/spend';
import { crc32, parseLine, sealedAsWritten, serializeRecord } from '../../../src/core/spend/ledgerRecord';
import type { LedgerRecord } from '../../../src/core/request';
import { record } from './fixtures/records';

const near = (got: number | undefined, micro: number, what: string) => assert.ok(got !== undefined && Math.abs(got - micro / 1e6) < 1e-9, `${what}: ${got} ≠ ${micro / 1e6}`);
const sealed = (json: string) => `${json.slice(0, -1)},"crc":"${crc32(json)}"}`;
const body = (r: LedgerRecord) => serializeRecord(r).trimEnd().replace(/,"crc":"[0-9a-f]{8}"\}$/, '}');

suite('spend7 / mechanisms', () => {
  test('the cumulative merge: later counts replace, null / 0 / missing keep, nested details follow, a later positive replaces a 0', () => {
    const a = mergeCumulative(undefined, { prompt_tokens: 1000, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 200, audio_tokens: 0 } });
    const b = mergeCumulative(a, { prompt_tokens: 0, completion_tokens: 11, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 30 }, cost: null });
    assert.deepEqual(b, { prompt_tokens: 1000, completion_tokens: 11, prompt_tokens_details: { cached_tokens: 200, audio_tokens: 30 } });
    assert.deepEqual(mergeCumulative(b, {}), b);
    assert.deepEqual(mergeCumulative({ list: [1, 2] }, { list: [3] }), { list: [3] }, 'arrays are values, not merged');
  });

  test('details names: the plural Responses name wins over the singular Realtime one when both are sent; the chat shape never reads the singular', () => {
    const both = usageFromProvider('openai', { input_tokens: 1000, output_tokens: 10, input_tokens_details: { cached_tokens: 400 }, input_token_details: { cached_tokens: 900 } });
    assert.equal(both.cacheRead, 400);
    const chat = usageFromProvider('openai', { prompt_tokens: 1000, completion_tokens: 10, input_token_details: { audio_tokens: 900 } });
    assert.equal(chat.audioInput, undefined);
  });

  test('cached audio is bounded by the cached count, and a larger cached audio than audio leaves no uncached audio', () => {
    const u = usageFromProvider('openai', { prompt_tokens: 2000, completion_tokens: 0, prompt_tokens_details: { cached_tokens: 500, audio_tokens: 300, cached_tokens_details: { audio_tokens: 800 } } });
    assert.equal(u.audioCacheRead, 500);
    assert.equal(u.audioInput, undefined);
    assert.equal(u.input, 1500);
  });

  test('cached audio on a model without a cached-audio price (gpt-4o-realtime-preview has one; gpt-4.1 none) is billed at the text cache price: 1000×2 + 1000×0.5 = 2500 µ$', () => {
    near(costOfProviderUsage('openai', 'gpt-4.1', { prompt_tokens: 2000, completion_tokens: 0, prompt_tokens_details: { cached_tokens: 1000, cached_tokens_details: { audio_tokens: 1000 } } }).costUsd, 2500, 'gpt-4.1');
  });

  test('an override of gpt-realtime-mini (input 0.6 → 1.2) keeps the cached-audio price in proportion: 1000 cached audio × 0.6 = 600 µ$', () => {
    const table = withOverrides(BUNDLED_PRICES, { 'gpt-realtime-mini': { input: 1.2, output: 4.8 } });
    near(costOfProviderUsage('openai', 'gpt-realtime-mini', { prompt_tokens: 1000, completion_tokens: 0, prompt_tokens_details: { cached_tokens: 1000, audio_tokens: 1000, cached_tokens_details: { audio_tokens: 1000 } } }, table).costUsd, 600, 'override');
  });

  test('cache savings count cached audio as audio input: uncached 800×0.6 + 1200×10 + 100×2.4 = 12720, real 4852 → 7868 µ$ saved', () => {
    const u = usageFromProvider('openai', { prompt_tokens: 2000, completion_tokens: 100, prompt_tokens_details: { cached_tokens: 1000, audio_tokens: 1200, cached_tokens_details: { text_tokens: 200, audio_tokens: 800 } } });
    near(cacheSavingsUsd('gpt-realtime-mini', u), 7868, 'saved');
  });

  test('versions: "2" (a string), 1.5 and 0 are no newer format; v 3 reads as newer; a v 3 line with an unknown status is sealed-invalid, not counted', () => {
    const j = body(record('v'));
    for (const v of ['"2"', '1.5', '0']) assert.equal(parseLine(sealed(j.replace('{"v":1,', `{"v":${v},`))), undefined, v);
    assert.equal(parseLine(sealed(j.replace('{"v":1,', '{"v":3,')))?.newer, true);
    const odd = sealed(j.replace('{"v":1,', '{"v":3,').replace('"status":"ok"', '"status":"queued"'));
    assert.equal(parseLine(odd), undefined);
    assert.equal(sealedAsWritten(odd), true);
  });

  test('an impossible value without a seal (an old line) or with a broken seal is damage, not "written so"; both never counted', () => {
    const j = body(record('x')).replace('"input":1200', '"input":-1');
    const counts: LineCounts = { skipped: 0, salvaged: 0, damaged: 0, altered: 0 };
    const got: LedgerRecord[] = [];
    parseLedgerLines(`${j}\n${sealed(j).replace('"input":-1', '"input":-2')}\n`, (r) => got.push(r), counts);
    assert.equal(got.length, 0);
    assert.equal(counts.damaged, 2);
    assert.equal(counts.invalid ?? 0, 0);
  });

  test('a duplicate that differs only in its reasons (the ledger shortens them) is not a conflict; one that differs in cost is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend7-mech-'));
    try {
      const a = record('d', { time: '2026-12-03T10:00:00.000Z' });
      fs.writeFileSync(path.join(dir, 'ledger-2026-12.jsonl'), serializeRecord(a) + serializeRecord({ ...a, reasons: ['other words'] }) + serializeRecord({ ...a, costUsd: 0.5 }));
      const l = await (await Ledger.open(dir)).load();
      assert.equal(l.records.length, 1);
      assert.equal(l.duplicates, 2);
      assert.equal(l.conflicting, 1);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  test('the tail counts impossible and newer lines once per file as last read, and afresh after the file shrinks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend7-mech-'));
    try {
      const file = path.join(dir, 'ledger-2026-12.jsonl');
      const bad = sealed(body(record('b', { time: '2026-12-03T10:00:00.000Z' })).replace('"output":300', '"output":-3')) + '\n';
      const newer = sealed(body(record('n', { time: '2026-12-03T10:00:01.000Z' })).replace('{"v":1,', '{"v":2,')) + '\n';
      fs.writeFileSync(file, bad + newer);
      const tail = new LedgerTail(dir, nodeLedgerFs);
      await tail.read();
      await tail.read();
      assert.deepEqual([tail.invalidNow, tail.newerNow], [1, 1]);
      fs.writeFileSync(file, newer);
      await tail.read();
      assert.deepEqual([tail.invalidNow, tail.newerNow], [0, 1]);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  test('the panel\'s model (what the status bar and budgets read) counts a replay once and a replay with another cost as a conflict, said like the export says it', () => {
    const m = new SpendModel();
    const a = record('p', { time: '2026-12-03T10:00:00.000Z', costUsd: 0.001 });
    assert.equal(m.add(a), true);
    assert.equal(m.add({ ...a }), false);
    assert.equal(m.add({ ...a, costUsd: 0 }), false);
    assert.equal(m.add({ ...a, costUsd: null }), false);
    assert.equal(m.conflicting, 2);
    near(m.snapshot(new Date('2026-12-03T12:00:00Z')).month.cloudUsd, 1000, 'the first copy counts');
    assert.match(unreadableLinesNotice({ damaged: 0, conflicting: m.conflicting }) ?? '', /2 record ids appear twice with different figures/);
  });
});
