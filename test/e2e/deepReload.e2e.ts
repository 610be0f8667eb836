// Deep session: the window reloads at the worst moments. The very instant an answer ends (code-server would write
// workspace state a moment later), and in the middle of an answer: after the reload the thread is there — the
// finished answer whole, the interrupted one with its question and words so far, marked stopped, not spinning.

import * as assert from 'node:assert/strict';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { chat, focusChat, reloadWorkbench, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

/** Resolves the moment the turn for `q` stops streaming: asked back to back, with no pause between looks. */
async function turnEnds(q: string, ms: number): Promise<void> {
  const f = await chat();
  const deadline = Date.now() + ms;
  // A string expression: the webview's CSP forbids the eval that waitForFunction would need.
  const ended = `(() => {
    const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
    const t = turns[turns.length - 1];
    return !!t && !t.classList.contains('is-streaming') && (t.textContent ?? '').includes('[fake-ollama]');
  })()`;
  while (!(await (f.evaluate(ended) as Promise<boolean>).catch(() => false))) {
    if (Date.now() > deadline) assert.fail(`the answer to "${q}" did not end within ${ms} ms`);
  }
}

suite('deep session: the window reloads as an answer ends, and in the middle of one', function () {
  this.timeout(240_000);
  let fake: FakeOllama;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 50, perTokenMs: 20 });
    const s = await fake.start();
    restore = await withSettings({ 'hybrid.local.baseUrl': s.url });
  });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
  });

  test('a reload the instant an answer ends keeps it; a reload mid-answer keeps the question, marked stopped', async () => {
    const page = session().page;
    await focusChat();
    const q = `What does Cart.total return? (${tag()})`;
    await send('private', q);
    await turnEnds(q, 30_000);
    await reloadWorkbench(page); // at once: the end of the answer and the reload race, as when a user reloads then
    await focusChat();
    await until(async () => (await turnText(q)).length > 0, 'the finished turn restored after the reload', 30_000);
    const kept = await turnText(q);
    process.stdout.write(`      after a reload the instant it ended: ${JSON.stringify(kept.slice(0, 300))}\n`);
    assert.match(kept, /\[fake-ollama\]/, 'the answer is kept');
    assert.doesNotMatch(kept, /Stopped/, 'the finished answer is not marked stopped');
    assert.equal(await turnSpinning(q), false);

    fake.setReply({ perTokenMs: 500 });
    try {
      const m = `Write a long note about Cart (${tag()})`;
      await send('private', m);
      await until(async () => /\[fake-ollama\]/.test(await turnText(m)), 'the first words', 20_000);
      await reloadWorkbench(page);
      await focusChat();
      await until(async () => (await turnText(m)).length > 0, 'the interrupted turn restored after the reload', 30_000);
      const cut = await turnText(m);
      process.stdout.write(`      after a reload mid-answer: ${JSON.stringify(cut.slice(0, 300))}\n`);
      assert.match(cut, /Stopped/, 'marked stopped');
      assert.match(cut, /\[fake-ollama\]/, 'the words that had come are kept');
      assert.equal(await turnSpinning(m), false, 'no spinner for an answer nobody is writing');
      await shotOfTurn(m, 'reload-mid-answer');
    } finally {
      fake.setReply({ perTokenMs: 20 });
    }
  });
});
