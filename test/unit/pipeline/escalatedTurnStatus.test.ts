// An automatic escalation continues the turn after the local answer's `done`: the turn must read as still working
// until the cloud's part ends (it looked finished while the cloud retried a 500, and the error came seconds later).

import * as assert from 'node:assert/strict';
import { applyAskEvent, newTurn, type AskEventView, type TurnView } from '../../../src/shared/protocol/chat';

const footer = { route: 'local', reasons: [], provider: 'ollama', model: 'm', redactions: {}, usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0, ttftMs: 1, totalMs: 2 };
const escalation = (action: string): AskEventView => ({ type: 'escalation', requestId: 'r1', confidence: 0.1, threshold: 0.7, headline: 'h', summary: 's', action, reason: 'r' } as never);
const done = (status: string): AskEventView => ({ type: 'done', status, footer } as never);
const route: AskEventView = { type: 'route', route: 'cloud', origin: 'askAuto', model: 'c', provider: 'anthropic', reasons: [], context: [], redactions: {}, estimatedCostUsd: null, likelyCostUsd: null } as never;

function play(events: AskEventView[]): TurnView {
  const t = newTurn('t1', 'q', 'auto');
  for (const e of events) applyAskEvent(t, e);
  return t;
}

suite('an escalated turn is still working until the cloud part ends', () => {
  test('escalated: streaming again after the local done; ok after the cloud done', () => {
    const t = newTurn('t1', 'q', 'auto');
    for (const e of [route, { type: 'delta', text: 'local' } as AskEventView, done('ok'), escalation('escalated')]) applyAskEvent(t, e);
    assert.equal(t.status, 'streaming');
    applyAskEvent(t, route);
    applyAskEvent(t, { type: 'delta', text: 'cloud' } as AskEventView);
    assert.equal(t.status, 'streaming');
    applyAskEvent(t, done('ok'));
    assert.equal(t.status, 'ok');
    assert.equal(t.escalated?.text, 'cloud');
  });
  test('the cloud part fails: the error sits in its block, the turn ends ok with the local answer', () => {
    const t = play([route, { type: 'delta', text: 'local' } as AskEventView, done('ok'), escalation('escalated'), route,
      { type: 'error', message: 'Anthropic had a server error (500)', fixes: ['retry'] } as AskEventView, done('failed')]);
    assert.equal(t.status, 'ok');
    assert.equal(t.text, 'local');
    assert.match(t.escalated?.error?.message ?? '', /500/);
    assert.equal(t.error, undefined, 'the local answer is not marked failed');
  });
  test('stopped during the cloud part: cancelled; an offer or no escalation leaves the turn as it was', () => {
    assert.equal(play([route, done('ok'), escalation('escalated'), route, done('cancelled')]).status, 'cancelled');
    for (const action of ['offered', 'available', 'unavailable']) assert.equal(play([route, done('ok'), escalation(action)]).status, 'ok', action);
  });
});
