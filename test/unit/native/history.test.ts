// `@hybrid` history in VS Code's own Chat: an answer that broke off (Ollama died, the stream was cut) or that the
// user stopped is not sent back to the model as a whole answer on the next question — nor is its question — as
// our own chat view leaves failed and stopped turns out of history.
import * as assert from 'node:assert/strict';
import { historyOfTurns } from '../../../src/core/native/chatRender';

suite('@hybrid history leaves out answers that did not finish', () => {
  test('a cut local answer and a stopped cloud answer are left out with their questions; whole ones stay', () => {
    const h = historyOfTurns([
      { kind: 'request', prompt: 'walk me through total' },
      { kind: 'response', meta: { question: 'walk me through total', mode: 'private', route: 'local', answer: '[fake-ollama] canned answer from', incomplete: true } },
      { kind: 'request', prompt: 'sort orders?' },
      { kind: 'response', meta: { question: 'sort orders?', mode: 'cloud', route: 'cloud', answer: 'Use sort with', incomplete: true } },
      { kind: 'request', prompt: 'empty list?' },
      { kind: 'response', meta: { question: 'empty list?', mode: 'private', route: 'local', answer: 'It returns 0.' } },
    ]);
    assert.deepEqual(h.map((t) => [t.role, t.content]), [['user', 'empty list?'], ['assistant', 'It returns 0.']]);
  });
});
