// What `@hybrid` writes when a request fails: the failure once (before any answer it is the reply's error box,
// which the participant returns as errorDetails; a "Failed:" line above it said the same again), under partial
// words the "Failed:" line itself, and for a refused key a button that runs Set API Key.
import * as assert from 'node:assert/strict';
import { renderEvent, type ChatOut } from '../../../src/core/native/chatRender';
import type { AskEvent } from '../../../src/core/pipeline/events';

const keyError: AskEvent = { type: 'error', message: 'Anthropic rejected the API key (401) — run “Hybrid: Set API Key”.', fixes: ['setApiKey', 'retryLocal'], failure: { code: 'auth', message: 'x', status: 401 } };
const cut: AskEvent = { type: 'error', message: 'Ollama closed the connection in the middle of the answer', fixes: ['startOllama'], failure: { code: 'connection', message: 'x' } };
const markdown = (out: ChatOut[]) => out.flatMap((o) => (o.kind === 'markdown' ? [o.text] : [])).join('');

suite('@hybrid: a failure is said once, with its fix', () => {
  test('a refused key before any answer: no second copy of the message, a Set API Key button, Retry on local', () => {
    const out = renderEvent(keyError, 'cloud', false);
    assert.equal(markdown(out), '', 'the message is the reply\'s error box only');
    assert.deepEqual(out.filter((o) => o.kind !== 'markdown').map((o) => o.button.title), ['Set API Key', 'Retry on local']);
    const cmd = out.find((o) => o.kind === 'command');
    assert.equal(cmd?.kind === 'command' && cmd.button.command, 'hybrid.setApiKey');
  });

  test('a failure under words that came: the "Failed:" line says the answer broke off', () => {
    assert.match(markdown(renderEvent(cut, 'private', true)), /\*\*Failed:\*\* Ollama closed the connection in the middle/);
  });
});
