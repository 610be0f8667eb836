// A snapshot newer than the table (gpt-5.5-2026-11-20) is billed at the alias asked for (gpt-5.5: $5 in, $0.50
// cached, $30 out), so its cache savings must be priced there too — the panel's "Cache saved" and the export's
// cacheSavedUsd were empty for it although its cost was known. Hand: 10000 prompt, 4000 cached, 8 out:
// all as input 10000×5 + 8×30 = 50240 µ$; billed 6000×5 + 4000×0.5 + 240 = 32240 µ$; saved 18000 µ$ = $0.018.
import * as assert from 'node:assert/strict';
import { BUNDLED_PRICES, cacheSavingsUsd, ledgerCsv, requestCost, SpendModel, usageFromProvider } from '../../../src/core/spend';
import { record } from './fixtures/records';

suite('spend / cache savings of a snapshot newer than the table', () => {
  const tokens = usageFromProvider('openai', { prompt_tokens: 10_000, completion_tokens: 8, prompt_tokens_details: { cached_tokens: 4000 } });
  const { costUsd } = requestCost({ route: 'cloud', model: 'gpt-5.5-2026-11-20', requestedModel: 'gpt-5.5', usage: tokens, totalMs: 1, costPerHour: 0, cloudModel: 'gpt-5.5' });
  const r = record('snap', { time: new Date(2026, 11, 6, 12).toISOString(), provider: 'openai', model: 'gpt-5.5-2026-11-20', tokens, costUsd });

  test('billed at the alias, saved at the alias: $0.03224 and $0.018', () => {
    assert.ok(Math.abs(costUsd! - 0.03224) < 1e-12);
    assert.ok(Math.abs(cacheSavingsUsd(r.model, tokens)! - 0.018) < 1e-12);
  });

  test('the panel\'s month and by-model cache savings and the CSV column carry it', () => {
    const m = new SpendModel();
    m.add(r);
    const snap = m.snapshot(new Date(2026, 11, 6, 18));
    assert.ok(Math.abs(snap.month.cacheSavedUsd - 0.018) < 1e-12, `${snap.month.cacheSavedUsd}`);
    const [head, row] = ledgerCsv([r], BUNDLED_PRICES).trim().split('\n').map((l) => l.split(','));
    assert.ok(Math.abs(Number(row![head!.indexOf('cacheSavedUsd')]) - 0.018) < 1e-12, row!.join(','));
  });

  test('an undated unknown name stays unknown', () => {
    assert.equal(cacheSavingsUsd('gpt-7-preview', tokens), undefined);
  });
});
