import * as assert from 'node:assert/strict';
import { DEFAULT_OUTPUT_TOKENS, MIN_HISTORY, OutputHistory, median, preflightEstimate } from '../../../src/core/spend';
import { formatEstimate } from '../../../src/shared/money';

suite('spend / pre-flight estimates', () => {
  test('median of odd and even counts', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  test('before MIN_HISTORY answers the default stands; after, the user\'s own median per route and kind', () => {
    const h = new OutputHistory();
    for (let i = 0; i < MIN_HISTORY - 1; i++) h.add('cloud', 'ask', 80);
    assert.deepEqual(h.expected('cloud', 'ask'), { tokens: DEFAULT_OUTPUT_TOKENS.ask, basis: 'default' });
    h.add('cloud', 'ask', 2000);
    assert.deepEqual(h.expected('cloud', 'ask'), { tokens: 80, basis: 'history' });
    assert.equal(h.expected('cloud', 'review').basis, 'default', 'reviews keep their own history');
    assert.equal(h.expected('local', 'ask').basis, 'default', 'local answers do not inform cloud estimates');
  });

  test('the window keeps the most recent answers only', () => {
    const h = new OutputHistory(5);
    for (let i = 0; i < 5; i++) h.add('cloud', 'ask', 1000);
    for (let i = 0; i < 5; i++) h.add('cloud', 'ask', 10);
    assert.equal(h.expected('cloud', 'ask').tokens, 10);
  });

  test('likely and at-most figures, hand-computed (Sonnet 5: 2000 in; 120 out likely, 1024 at most)', () => {
    const e = preflightEstimate('claude-sonnet-5', 2000, { tokens: 120, basis: 'history' }, 1024)!;
    // likely 2000×2 + 120×10 = 5200 µ$; at most: the prompt with its margin, ceil(2000 × 1.35) + 32 = 2732 tokens,
    // as 5-minute cache writes at $2.50, + 1024 × $10 = 6830 + 10240 = 17070 µ$
    assert.ok(Math.abs(e.likelyUsd - 0.0052) < 1e-12);
    assert.ok(Math.abs(e.atMostUsd - 0.01707) < 1e-12);
    assert.equal(formatEstimate(e.likelyUsd, e.atMostUsd), '~$0.0052, at most $0.02');
  });

  test('the likely answer never exceeds the cap; an unknown model has no estimate', () => {
    const e = preflightEstimate('claude-sonnet-5', 10, { tokens: 5000, basis: 'history' }, 100)!;
    // likely 10×2 + 100×10 = 1020 µ$ (the 5000-token median is capped at 100); at most (14 + 32)×2.5 + 100×10 = 1115 µ$
    assert.equal(e.expectedOutputTokens, 100);
    assert.ok(Math.abs(e.likelyUsd - 0.00102) < 1e-12);
    assert.ok(Math.abs(e.atMostUsd - 0.001115) < 1e-12);
    assert.equal(preflightEstimate('no-such-model', 10, { tokens: 5, basis: 'default' }, 100), undefined);
    assert.equal(formatEstimate(null, null), 'unknown price');
  });
});
