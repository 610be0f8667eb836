// A stopped answer in the chat view (seen in the deep e2e session): Stop after the first words left the partial
// text and a footer of figures, and nothing said the answer was cut short — the footer replaced "Stopped.".
import * as assert from 'node:assert/strict';
import { applyAskEvent, newTurn, type FooterView } from '../../../src/shared/protocol/chat';
import { initialScrollTop, stoppedNote } from '../../../src/webview/chat/turnStatus';
import { errorTitle, refusalLook } from '../../../src/webview/chat/errorTitle';

const footer = {
  route: 'local', provider: 'ollama', model: 'qwen2.5-coder:7b', costUsd: 0, ttftMs: 80, totalMs: 290, notes: [],
  usage: { input: 131, output: 6, cacheRead: 0, cacheWrite: 0, source: 'estimate' },
} as unknown as FooterView;

suite('chat view: a stopped turn says it stopped', () => {
  test('Stop after the first words: the partial answer, its figures, and a line that it is incomplete', () => {
    const turn = newTurn('t1', 'Write a long essay', 'private');
    applyAskEvent(turn, { type: 'delta', text: '[fake-ollama] canned' });
    applyAskEvent(turn, { type: 'done', status: 'cancelled', footer });
    assert.equal(turn.status, 'cancelled');
    assert.ok(turn.footer, 'the figures stay');
    assert.equal(stoppedNote(turn), 'Stopped — the answer above is incomplete.');
  });

  test('Stop before the first word says so, with or without figures', () => {
    const turn = newTurn('t2', 'q', 'cloud');
    applyAskEvent(turn, { type: 'done', status: 'cancelled', footer });
    assert.equal(stoppedNote(turn), 'Stopped before the answer began.');
  });

  test('finished and failed turns carry no stop line', () => {
    const ok = newTurn('t3', 'q', 'private');
    applyAskEvent(ok, { type: 'delta', text: 'all of it' });
    applyAskEvent(ok, { type: 'done', status: 'ok', footer });
    assert.equal(stoppedNote(ok), undefined);
    const failed = newTurn('t4', 'q', 'private');
    applyAskEvent(failed, { type: 'error', message: 'x', fixes: [] });
    assert.equal(stoppedNote(failed), undefined);
  });
});

suite('chat view: the error card title under a partial answer', () => {
  test('words came, then the connection or the server failed: the title says it broke off, not "Could not reach"', () => {
    assert.equal(errorTitle('connection', false, true), 'The answer broke off part-way');
    assert.equal(errorTitle('server', false, true), 'The answer broke off part-way');
    assert.equal(errorTitle('stalled', false, true), 'The answer broke off part-way');
    assert.equal(errorTitle('connection'), 'Could not reach the model', 'nothing came: unchanged');
    assert.equal(errorTitle('auth', false, true), 'Cloud API key missing or refused', 'a cause that is not mid-answer keeps its title');
    assert.equal(errorTitle('server', false, false, 'Anthropic is overloaded (529) after 3 attempts — try again later.'), 'The model server is busy');
    assert.equal(errorTitle('server', false, false, 'OpenAI had a server error (500) — try again later.'), 'The model server had an error');
  });

  test('no failure title says "stopped": that word is the user\'s Stop (the turn\'s own line), not a fault', () => {
    const codes = ['connection', 'timeout', 'stalled', 'auth', 'modelMissing', 'tooLarge', 'rateLimited', 'quota', 'server', 'notApi', 'notLocal', 'blocked', 'budget', 'protocol', 'unknown', undefined];
    for (const code of codes) {
      for (const partial of [false, true]) assert.doesNotMatch(errorTitle(code, false, partial, 'Ollama stopped sending in the middle of the answer'), /\bstop/i, `${code} partial=${partial}`);
    }
  });

  test('a model name the server does not know is "not found": a cloud provider\'s 404 is no missing install', () => {
    assert.equal(errorTitle('modelMissing'), 'Model not found');
  });
});

suite('chat view: error card titles use the user\'s words (ux7: "The provider had an error" was our jargon)', () => {
  const codes = ['connection', 'timeout', 'stalled', 'auth', 'modelMissing', 'tooLarge', 'rateLimited', 'quota', 'server', 'notLocal', 'blocked', 'budget', 'unknown', undefined];
  test('no title says "provider"', () => {
    for (const c of codes) for (const partial of [false, true]) assert.doesNotMatch(errorTitle(c, false, partial), /provider/i, String(c));
  });
  test('a server error names the model server; a quota names the cloud', () => {
    assert.equal(errorTitle('server'), 'The model server had an error');
    assert.equal(errorTitle('quota'), 'Cloud quota reached');
  });
});

suite('chat view: where the thread starts, and how a refusal looks', () => {
  test('an empty thread starts at the top of the introduction, whatever was saved or how tall it is', () => {
    assert.equal(initialScrollTop(0, undefined, 1400), 0);
    assert.equal(initialScrollTop(0, 640, 1400), 0, 'a position saved from an older thread (New Chat) is not the intro\'s');
    assert.equal(initialScrollTop(3, 640, 1400), 640, 'turns and a saved position: where the user was');
    assert.equal(initialScrollTop(3, undefined, 1400), 1400, 'turns, nothing saved: the newest turn');
    assert.equal(initialScrollTop(3, 0, 1400), 0, 'a saved top is a position too');
  });

  test('a refusal by a privacy rule or a budget is a notice; one whose way out is a set-up fix keeps the error look', () => {
    assert.equal(refusalLook(['retryLocal']), 'notice', 'a private file');
    assert.equal(refusalLook(['openSettings']), 'notice', 'a budget');
    assert.equal(refusalLook(['retryLocal', 'openSettings']), 'notice');
    assert.equal(refusalLook([]), 'notice');
    assert.equal(refusalLook(['startOllama', 'retry']), 'problem', 'Private with Ollama down');
    assert.equal(refusalLook(['pullModel', 'retry']), 'problem', 'Private with the model missing');
    assert.equal(refusalLook(['setApiKey']), 'problem', 'Cloud with no key');
    assert.equal(refusalLook(['retryLocal', 'setApiKey']), 'problem', 'any set-up fix makes it a problem');
  });
});
