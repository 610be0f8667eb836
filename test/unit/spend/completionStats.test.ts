// Acceptance rate and perceived latency of inline suggestions, folded from the ledger's suggestion records; they
// are marks on earlier requests, never requests (or money) of their own.
import * as assert from 'node:assert/strict';
import { suggestionRecord } from '../../../src/core/completion/completionRecords';
import { BUNDLED_PRICES, parseLine, serializeRecord } from '../../../src/core/spend';
import { ledgerCsv, ledgerJson } from '../../../src/core/spend/ledgerExport';
import { SpendModel } from '../../../src/core/spend/spendModel';

const at = Date.parse('2026-11-20T10:00:00Z');
const rec = (id: string, outcome: 'accepted' | 'partial' | 'dismissed', language: string, latencyMs: number, model = 'qwen2.5-coder:1.5b') =>
  suggestionRecord(id, outcome, { model, language, latencyMs }, 'ollama', at);

suite('spend: inline completion acceptance', () => {
  test('rate = (accepted + partly) ÷ seen, per language and model, with the wait users felt', () => {
    const m = new SpendModel();
    m.add(rec('a', 'accepted', 'typescript', 200));
    m.add(rec('b', 'dismissed', 'typescript', 400));
    m.add(rec('c', 'partial', 'typescript', 300));
    m.add(rec('d', 'dismissed', 'python', 1000, 'starcoder2:3b'));
    const v = m.snapshot(new Date(at)).completion;
    assert.deepEqual([v.total.accepted, v.total.partial, v.total.dismissed, v.total.rate], [1, 1, 2, 0.5]);
    assert.equal(v.total.p50Ms, 400);
    assert.equal(v.total.p95Ms, 1000);
    const ts = v.rows.find((r) => r.key === 'typescript · qwen2.5-coder:1.5b')!;
    assert.deepEqual([ts.accepted, ts.partial, ts.dismissed], [1, 1, 1]);
    assert.ok(Math.abs(ts.rate! - 2 / 3) < 1e-9);
    assert.equal(v.rows[1]!.key, 'python · starcoder2:3b');
    assert.equal(m.size, 0, 'no request counted');
    assert.equal(m.snapshot(new Date(at)).month.spentUsd, 0);
    assert.equal(m.acceptedCompletions, 1);
  });

  test('nothing seen yet: no rate rather than 0 %', () => {
    assert.equal(new SpendModel().snapshot(new Date(at)).completion.total.rate, null);
  });

  test('the records round-trip through the ledger with their language and no text', () => {
    const line = serializeRecord(rec('x', 'partial', 'rust', 250));
    const back = parseLine(line.trim())?.record;
    assert.equal(back?.language, 'rust');
    assert.equal(back?.outcome, 'partial');
    assert.equal(back?.totalMs, 250);
    assert.doesNotMatch(line, /suggestion text|prefix|suffix/);
  });
});

suite('spend: inline completion acceptance in the export', () => {
  test('CSV and JSON carry each suggestion outcome with its language and wait, and no text', () => {
    const records = [rec('a', 'accepted', 'go', 180), rec('b', 'dismissed', 'go', 220)];
    const [header, ...rows] = ledgerCsv(records, BUNDLED_PRICES).trim().split('\n');
    const cols = header!.split(',');
    const cell = (row: string, name: string): string => row.split(',')[cols.indexOf(name)]!;
    assert.deepEqual(rows.map((r) => [cell(r, 'outcome'), cell(r, 'language'), cell(r, 'totalMs')]), [['accepted', 'go', '180'], ['dismissed', 'go', '220']]);
    const json = JSON.parse(ledgerJson(records, BUNDLED_PRICES)) as Array<{ outcome: string; language: string }>;
    assert.deepEqual(json.map((r) => [r.outcome, r.language]), [['accepted', 'go'], ['dismissed', 'go']]);
  });
});
