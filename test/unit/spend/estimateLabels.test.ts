// An estimate never reads as the bill: a cloud request priced from estimated token counts (the provider sent no
// final usage: a cancelled stream, a server without a usage chunk) is counted by the spend model, and the status
// bar, the panel's cost cells and the chat footer (formatCost) label the figures it is part of "est.".
import * as assert from 'node:assert/strict';
import { renderEvent } from '../../../src/core/native/chatRender';
import { statusText, type StatusState } from '../../../src/core/presentation';
import { SpendModel } from '../../../src/core/spend';
import { formatAnswerCost, formatCost, formatSpent } from '../../../src/webview/common/format';
import { record } from './fixtures/records';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };
const NOW = new Date(2026, 10, 22, 18);
const at = (h: number): string => new Date(2026, 10, 22, h).toISOString();

suite('spend / estimates are labelled as estimates', () => {
  test('formatCost: "est." on an estimated figure only; unknown and $0 carry no label', () => {
    assert.equal(formatCost(0.0123, true), '$0.01 est.');
    assert.equal(formatCost(0.0043252, true), '$0.0043 est.');
    assert.equal(formatCost(0.0123, false), '$0.01');
    assert.equal(formatCost(null, true), 'unknown price');
    assert.equal(formatCost(0, true), '$0.00');
  });

  test('formatAnswerCost (chat footer, escalation view, request list): "est." only for a cloud answer priced from estimates', () => {
    assert.equal(formatAnswerCost({ costUsd: 0.0043252, route: 'cloud', source: 'estimate' }), '$0.0043 est.');
    assert.equal(formatAnswerCost({ costUsd: 0.0043252, route: 'cloud', source: 'provider' }), '$0.0043');
    assert.equal(formatAnswerCost({ costUsd: 0.0043252, route: 'local', source: 'estimate' }), '$0.0043', 'a local figure is not a bill estimate');
    assert.equal(formatAnswerCost({ costUsd: null, route: 'cloud', source: 'estimate' }), 'unknown price');
  });

  test('the spend model counts cloud requests priced from estimated tokens (not local ones, not unknown prices)', () => {
    const m = new SpendModel();
    m.add(record('a', { time: at(9) }));
    m.add(record('b', { time: at(10), costUsd: 0.0168, tokens: { input: 5000, output: 120, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, status: 'cancelled' }));
    m.add(record('c', { time: at(11), route: 'local', costUsd: 0, tokens: { input: 10, output: 10, cacheRead: 0, cacheWrite: 0, source: 'estimate' } }));
    m.add(record('d', { time: at(12), model: 'claude-mystery-9', costUsd: null, tokens: { input: 10, output: 10, cacheRead: 0, cacheWrite: 0, source: 'estimate' } }));
    const s = m.snapshot(NOW);
    assert.equal(s.today.estimatedCostRequests, 1);
    assert.equal(s.month.estimatedCostRequests, 1);
    assert.equal(s.month.estimatedTokenRequests, 3);
    assert.equal(s.byModel.find((r) => r.key === 'claude-sonnet-4-6')?.estimatedCostRequests, 1);
  });

  test('status bar: today\'s figure and the tooltip say "est." when an estimate is part of them', () => {
    const last = { route: 'cloud' as const, totalMs: 1234, model: 'claude-sonnet-4-6' };
    const v = statusText({ ...base, todayUsd: 0.42, monthUsd: 3.1, last, estimatedTodayRequests: 1, estimatedMonthRequests: 2 });
    assert.equal(v.text, '$(cloud) $0.42 est. today · 1.2 s');
    assert.ok(v.tooltip.includes('Cloud spend: $0.42 est. today, $3.10 est. this month'), v.tooltip);
    assert.ok(v.tooltip.includes('2 cloud requests this month priced from estimated tokens'), v.tooltip);
    // Yesterday's estimate: today's figure is the bill, the month's is not.
    const y = statusText({ ...base, todayUsd: 0.42, monthUsd: 3.1, last, estimatedTodayRequests: 0, estimatedMonthRequests: 1 });
    assert.equal(y.text, '$(cloud) $0.42 today · 1.2 s');
    assert.ok(y.tooltip.includes('Cloud spend: $0.42 today, $3.10 est. this month'), y.tooltip);
    const none = statusText({ ...base, todayUsd: 0.42, monthUsd: 3.1, last });
    assert.ok(!none.tooltip.includes('est.'), none.tooltip);
  });
});

suite('spend / estimates in the native Chat cost line', () => {
  test('a cloud answer priced from estimated tokens: "**Cost:** $0.02 est."', () => {
    const footer = { route: 'cloud' as const, provider: 'anthropic', model: 'claude-sonnet-4-5', reasons: [], redactions: {}, costUsd: 0.0168, ttftMs: 100, totalMs: 1400, notes: [] };
    const estimated = renderEvent({ type: 'done', status: 'cancelled', footer: { ...footer, usage: { input: 5000, output: 120, cacheRead: 0, cacheWrite: 0, source: 'estimate' } } }, 'cloud');
    assert.ok(estimated[0].kind === 'markdown' && estimated[0].text.includes('**Cost:** $0.02 est. ·'), JSON.stringify(estimated));
    const billed = renderEvent({ type: 'done', status: 'ok', footer: { ...footer, usage: { input: 5000, output: 120, cacheRead: 0, cacheWrite: 0, source: 'provider' } } }, 'cloud');
    assert.ok(billed[0].kind === 'markdown' && billed[0].text.includes('**Cost:** $0.02 ·'), JSON.stringify(billed));
  });
});

suite('spend / estimates in the panel\'s period cards', () => {
  test('formatSpent: the Today / This month figure says "est." and keeps the unpriced count', () => {
    assert.equal(formatSpent({ spentUsd: 1.2, unknownPriceRequests: 0, estimatedCostRequests: 0 }), '$1.20');
    assert.equal(formatSpent({ spentUsd: 1.2, unknownPriceRequests: 0, estimatedCostRequests: 3 }), '$1.20 est.');
    assert.equal(formatSpent({ spentUsd: 1.2, unknownPriceRequests: 2, estimatedCostRequests: 1 }), '$1.20 est. + 2 unpriced');
  });
});
