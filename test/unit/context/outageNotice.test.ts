// Issue #16 item 8: the "Ollama is not running" notice waits until the user asks for something local — never at
// start-up before anything was asked — and shows once per outage.
import * as assert from 'node:assert/strict';
import { OutageNotice } from '../../../src/core/route/outageNotice';

suite('presentation: outage notice timing', () => {
  test('start-up polls that find Ollama offline show nothing', () => {
    const n = new OutageNotice();
    assert.equal(n.onReport('unknown', false), false);
    assert.equal(n.onReport('offline', false), false);
    assert.equal(n.onReport('offline', false), false);
  });
  test('the first check the user caused shows it, once per outage', () => {
    const n = new OutageNotice();
    n.onReport('offline', false);
    assert.equal(n.onReport('offline', true), true);
    assert.equal(n.onReport('offline', true), false);
    assert.equal(n.onReport('offline', false), false);
    assert.equal(n.onReport('ready', false), false);
    assert.equal(n.onReport('offline', false), false, 'a new outage still waits for the user');
    assert.equal(n.onReport('modelMissing', true), true);
  });
});
