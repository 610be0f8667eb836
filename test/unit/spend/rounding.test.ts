// Money is rounded once, at display, half-up on the exact decimal a bill would show. Binary floats hold 1.005 as
// 1.00499999999999989…, so rounding the float itself under-reads a half cent: the hand figures below are the
// bill's, each from prices-reference.json.
import * as assert from 'node:assert/strict';
import { requestCost, SpendModel, usageFromProvider } from '../../../src/core/spend';
import { statusText } from '../../../src/core/presentation/statusText';
import { formatCost, formatSpent, formatUsd } from '../../../src/shared/money';
import { record } from './fixtures/records';

const noon = new Date(2026, 11, 6, 12);
function cloud(id: string, model: string, raw: unknown, provider: 'anthropic' | 'openai' = 'anthropic') {
  const tokens = usageFromProvider(provider, raw);
  const { costUsd } = requestCost({ route: 'cloud', model, usage: tokens, totalMs: 800, costPerHour: 0, cloudModel: model });
  return record(id, { time: noon.toISOString(), provider, model, tokens, costUsd });
}

suite('spend / rounding to the cent, half-up on the exact figure', () => {
  test('one request of exactly $1.005 (Sonnet 4.6, 335000 input × $3) reads $1.01 in the status bar', () => {
    const m = new SpendModel();
    m.add(cloud('a', 'claude-sonnet-4-6', { input_tokens: 335_000, output_tokens: 0 }));
    const q = m.quick(new Date(2026, 11, 6, 18));
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: q.today.cloudUsd, monthUsd: q.month.cloudUsd,
      last: { route: 'cloud', totalMs: 800, model: 'claude-sonnet-4-6', status: 'ok' } });
    assert.ok(view.text.includes('$1.01 today'), view.text);
  });

  test('three Haiku 4.5 requests of $0.005 (5000 input × $1) sum to $0.015 → $0.02, not $0.01', () => {
    const m = new SpendModel();
    for (const id of ['a', 'b', 'c']) m.add(cloud(id, 'claude-haiku-4-5', { input_tokens: 5000, output_tokens: 0 }));
    const t = m.quick(new Date(2026, 11, 6, 18)).today;
    assert.equal(formatSpent(t), '$0.02');
  });

  test('Opus 4.5, 535000 input × $5 = $2.675 → $2.68; below a cent the fourth decimal rounds half-up too', () => {
    assert.equal(formatUsd(cloud('o', 'claude-opus-4-5', { input_tokens: 535_000, output_tokens: 0 }).costUsd), '$2.68');
    // gpt-4.1-nano: 12500 prompt × $0.1 = 1250 µ$ = $0.00125 → $0.0013.
    assert.equal(formatCost(cloud('n', 'gpt-4.1-nano', { prompt_tokens: 12_500, completion_tokens: 0 }, 'openai').costUsd, true), '$0.0013 est.');
    // gpt-4.1: 2250 prompt × $2 = 4500 µ$ → $0.0045; 14.5 µ$ stays "<$0.0001".
    assert.equal(formatUsd(cloud('g', 'gpt-4.1', { prompt_tokens: 2250, completion_tokens: 0 }, 'openai').costUsd), '$0.0045');
    assert.equal(formatUsd(0.0000145), '<$0.0001');
  });

  test('whole dollars above $1,000 and negatives (cache writes costing more than reads gave back) round the same way', () => {
    assert.equal(formatUsd(1000.5), '$1,001');
    assert.equal(formatUsd(-1.005), '-$1.01');
    assert.equal(formatUsd(12.345), '$12.35');
    assert.equal(formatUsd(0.125), '$0.13');
  });
});
