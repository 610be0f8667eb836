// The chat protocol's escalation parts: the askCloud message is validated like every other webview message, and
// events after an automatic escalation land in the turn's cloud section, leaving the local answer intact.
import * as assert from 'node:assert/strict';
import { LIMITS } from '../../../src/shared/protocol/validate';
import { applyAskEvent, isFromChat, newTurn, type AskEventView, type FooterView } from '../../../src/shared/protocol/chat';

const footer: FooterView = { route: 'cloud', provider: 'anthropic', model: 'claude-haiku-4-5', reasons: [], redactions: {},
  usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0.001, ttftMs: 1, totalMs: 2, notes: [] };

suite('protocol: escalation', () => {
  test('askCloud: accepted with a turn id, rejected otherwise', () => {
    assert.equal(isFromChat({ type: 'askCloud', turnId: 't1-a' }), true);
    for (const bad of [{ type: 'askCloud' }, { type: 'askCloud', turnId: '' }, { type: 'askCloud', turnId: '../x' },
      { type: 'askCloud', turnId: 'a'.repeat(LIMITS.id + 1) }, { type: 'askCloud', turnId: 't1', text: 'draft' }, { type: 'askCloud', turnId: 7 }]) {
      assert.equal(isFromChat(bad), false, JSON.stringify(bad));
    }
  });

  test('escalated: later route/delta/done/error go to the cloud section; the local answer stays', () => {
    const turn = newTurn('t1', 'q', 'auto');
    const events: AskEventView[] = [
      { type: 'delta', text: 'local draft' },
      { type: 'done', status: 'ok', footer: { ...footer, route: 'local' } },
      { type: 'escalation', requestId: 'r1', band: 'middle', confidence: 0.4, summary: 's', action: 'escalated', reason: 'why' },
      { type: 'route', route: 'cloud', origin: 'askAuto', model: 'claude-haiku-4-5', provider: 'anthropic', reasons: ['cloud: escalated'], context: [], redactions: {}, estimatedCostUsd: 0.001 },
      { type: 'delta', text: 'cloud answer' },
      { type: 'done', status: 'ok', footer },
    ];
    for (const e of events) applyAskEvent(turn, e);
    assert.equal(turn.text, 'local draft');
    assert.equal(turn.footer?.route, 'local');
    assert.equal(turn.escalated?.text, 'cloud answer');
    assert.equal(turn.escalated?.footer?.model, 'claude-haiku-4-5');
    assert.equal(turn.status, 'ok');
    applyAskEvent(turn, { type: 'error', message: 'cloud failed', fixes: ['retry'] });
    assert.equal(turn.status, 'ok', 'a failed escalation leaves the local answer standing');
    assert.equal(turn.escalated?.error?.message, 'cloud failed');
  });

  test('offered: the turn records the offer, no cloud section', () => {
    const turn = newTurn('t2', 'q', 'auto');
    applyAskEvent(turn, { type: 'escalation', requestId: 'r2', confidence: 0.5, summary: 's', action: 'offered', reason: 'below 0.7' });
    assert.equal(turn.escalation?.action, 'offered');
    assert.equal(turn.escalated, undefined);
  });
});
