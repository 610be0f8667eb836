// Today's only cloud request ran on a model without a price (claude-nova-7, 1000 input tokens): its cost is unknown,
// so the status bar must not read a plain "$0.00 today" — the unknown is named where the figure is shown.
import * as assert from 'node:assert/strict';
import { requestCost, SpendModel } from '../../../src/core/spend';
import { statusText } from '../../../src/core/presentation/statusText';
import { record } from './fixtures/records';

suite('spend / an unpriced request today in the status bar', () => {
  const tokens = { input: 1000, output: 8, cacheRead: 0, cacheWrite: 0, source: 'provider' as const };
  const { costUsd } = requestCost({ route: 'cloud', model: 'claude-nova-7', usage: tokens, totalMs: 900, costPerHour: 0, cloudModel: 'claude-nova-7' });
  const m = new SpendModel();
  m.add(record('nova', { time: new Date(2026, 11, 6, 12).toISOString(), model: 'claude-nova-7', tokens, costUsd }));
  const q = m.quick(new Date(2026, 11, 6, 18));
  const base = { local: 'ready' as const, busy: false, completionEnabled: true, todayUsd: q.today.cloudUsd, monthUsd: q.month.cloudUsd,
    unknownPriceRequests: q.month.unknownPriceRequests, unknownTodayRequests: q.today.unknownPriceRequests };

  test('after the cloud request: "$0.00 + 1 unpriced today", never a bare $0.00', () => {
    assert.equal(costUsd, null);
    const v = statusText({ ...base, last: { route: 'cloud', totalMs: 900, model: 'claude-nova-7', status: 'ok' } });
    assert.match(v.text, /\$0\.00 \+ 1 unpriced today/);
    assert.match(v.tooltip, /Cloud spend: \$0\.00 \+ 1 unpriced today/);
  });

  test('after a later local answer the unpriced cloud request is still shown', () => {
    const v = statusText({ ...base, last: { route: 'local', totalMs: 300, model: 'qwen2.5-coder:7b', status: 'ok' } });
    assert.match(v.text, /1 unpriced today/);
  });
});
