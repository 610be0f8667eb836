// Stop stayed on under a finished error card while the host wrote the ledger: it is for an answer still coming.
import * as assert from 'node:assert/strict';
import { applyAskEvent, newTurn } from '../../../src/shared/protocol/chat';
import { stillAnswering } from '../../../src/webview/chat/turnStatus';

suite('chat view: Stop only while an answer is coming', () => {
  test('a turn that failed (or ended) no longer offers Stop while the host finishes; a fallback brings it back', () => {
    const t = newTurn('t1', 'q', 'auto');
    assert.equal(stillAnswering(true, [t]), true, 'streaming');
    applyAskEvent(t, { type: 'error', message: 'Ollama is not running', fixes: ['retry'] });
    assert.equal(stillAnswering(true, [t]), false, 'failed: the card is final');
    applyAskEvent(t, { type: 'route', route: 'cloud', origin: 'askAuto', model: 'm', provider: 'p', reasons: [], context: [], redactions: {} } as never);
    assert.equal(stillAnswering(true, [t]), true, 'a fallback attempt is an answer coming again');
    assert.equal(stillAnswering(false, [t]), false, 'the host is not busy');
    assert.equal(stillAnswering(true, []), true, 'busy before the turn arrived (a palette command)');
  });
});
