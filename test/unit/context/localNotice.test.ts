// Issue #16 item 8: the Ollama notice says how to start it once, whatever the probe's own message already says.
import * as assert from 'node:assert/strict';
import { localProblemNotice } from '../../../src/core/presentation/localNotice';

const count = (s: string, w: RegExp) => (s.match(w) ?? []).length;

suite('presentation: local problem notice', () => {
  test('a probe message that already gives the advice is not repeated', () => {
    const text = localProblemNotice('offline', 'Ollama is not running at http://127.0.0.1:11434 — start it with `ollama serve`.');
    assert.equal(count(text, /ollama serve/g), 1, text);
    assert.match(text, /^Hybrid: Ollama is not running/);
    assert.match(text, /notices when it is back/);
  });
  test('a message without advice gets it once', () => {
    const text = localProblemNotice('offline', 'Cannot reach the local server.');
    assert.equal(count(text, /ollama serve/g), 1, text);
  });
  test('other states carry their message only', () => {
    assert.equal(localProblemNotice('modelMissing', 'qwen is not installed.'), 'Hybrid: qwen is not installed.');
  });
});
