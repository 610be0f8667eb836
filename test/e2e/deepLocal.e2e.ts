// Deep session, local side (promise 4, "never stuck"), in the real workbench against a fake Ollama this process
// owns: Ollama goes away mid-session while the user types and asks privately, then comes back — completion and
// Ask recover without a reload; a stream that stalls after its first words ends within the idle time-out with the
// partial answer kept and labelled; Stop during a long answer closes the HTTP request at the server.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, setTheme, type ThemeKind } from './workbenchPage';
import { chat, focusChat, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, typeUntilGhost, until, withSettings } from './deepHelpers';

const IDLE_MS = 4_000;
const FIRST_BYTE_MS = 3_000;
const SCRATCH = 'src/deep_scratch.ts';

suite('deep session: local model down and back, a stalled stream, Stop', function () {
  this.timeout(240_000);
  let fake: FakeOllama;
  let port = 0;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 80, perTokenMs: 25 });
    const s = await fake.start();
    port = s.port;
    fs.writeFileSync(path.join(session().workspace, SCRATCH), 'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n');
    restore = await withSettings({
      'hybrid.local.baseUrl': s.url,
      'hybrid.timeouts.idleMs': IDLE_MS,
      'hybrid.timeouts.localFirstByteMs': FIRST_BYTE_MS,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
    });
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
  });

  // A test that failed while Ollama was down (the first one stops it) must not leave the next ones without it.
  setup(async () => {
    if (!fake.listening) await fake.start(port);
  });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
    fs.rmSync(path.join(session().workspace, SCRATCH), { force: true });
  });

  test('Ollama stops mid-session: status bar and chat name the cause and the fix; it comes back without a reload', async () => {
    const page = session().page;
    await openFile(page, SCRATCH);
    assert.ok((await typeUntilGhost(page, 'const before =', 15_000)) >= 0, 'a completion while Ollama is up');
    await focusChat();
    const q1 = `What does total return? (${tag()})`;
    await send('private', q1);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q1)) && !(await turnSpinning(q1)), 'the first private answer');

    // Ollama quits in the middle of the next answer (the process dies: its connections go, nothing listens).
    fake.setReply({ perTokenMs: 400 });
    const qMid = `Walk me through total line by line (${tag()})`;
    await send('private', qMid);
    await until(async () => /\[fake-ollama\]/.test(await turnText(qMid)), 'the first words before Ollama quits', 15_000);
    await fake.close();
    fake.setReply({ perTokenMs: 25 });
    await until(async () => !(await turnSpinning(qMid)), 'the cut answer to end', 10_000);
    const mid = await turnText(qMid);
    process.stdout.write(`      Ollama quit mid-answer: ${JSON.stringify(mid.slice(0, 500))}\n`);
    assert.match(mid, /\[fake-ollama\]/, 'the words so far are kept');
    assert.match(mid, /broke off part-way/i, 'the title says the answer broke off');
    assert.match(mid, /middle of the answer.*incomplete/i, 'the message says the answer is incomplete');
    assert.match(mid, /ollama serve/);
    await shotOfTurn(qMid, 'ollama-quit-mid-answer');
    await openFile(page, SCRATCH);
    assert.equal(await typeUntilGhost(page, 'const during =', 4_000), -1, 'no ghost text from a server that is gone');
    const offline = statusItem(page, /local offline|Ollama not running/i);
    await offline.waitFor({ state: 'visible', timeout: 20_000 });
    const statusText = (await offline.innerText()).trim();
    process.stdout.write(`      status bar while down: "${statusText}"\n`);
    assert.match(statusText, /Ollama not running|not reachable/i, 'the status bar names the cause');

    await focusChat();
    const q2 = `Is total safe for an empty list? (${tag()})`;
    const began = Date.now();
    await send('private', q2);
    await until(async () => !(await turnSpinning(q2)), 'the private question to end while Ollama is down', FIRST_BYTE_MS + 15_000);
    const down = await turnText(q2);
    process.stdout.write(`      private question while down, ended after ${Date.now() - began} ms: ${JSON.stringify(down.slice(0, 400))}\n`);
    assert.match(down, /ollama serve|start Ollama/i, 'the card names the fix');
    assert.match(down, /not (running|reachable|responding)|cannot reach|could not reach|offline/i, 'the card names the cause');
    assert.doesNotMatch(down, /\[fake-/);
    const f = await chat();
    assert.ok(await f.locator('article.turn').last().locator('.error-card').count() === 1, 'one error card');
    await shotOfTurn(q2, 'local-down-card');

    assert.doesNotMatch(down, /^refused:/im, 'the router\'s tag is not the card\'s sentence');
    const retry = f.locator('article.turn').last().locator('.error-card button[data-fix="retry"]');
    assert.equal(await retry.count(), 1, 'the card offers Retry for when Ollama is started');

    // Ollama is started again on the same address; the user clicks Retry at once (before the next health poll).
    await fake.start(port);
    await retry.click();
    await until(async () => /\[fake-ollama\]/.test(await turnText(q2)), 'the retried private answer after Ollama came back', 20_000);
    const status = statusItem(page, /local ready|local ·/i);
    await status.waitFor({ state: 'visible', timeout: 25_000 });
    process.stdout.write(`      status bar after recovery: "${(await status.innerText()).trim()}"\n`);
    assert.equal(await statusItem(page, /not sent|refused|offline|not running/i).count(), 0, 'the status bar still shows the outage');
    await openFile(page, SCRATCH);
    assert.ok((await typeUntilGhost(page, 'const after =', 20_000)) >= 0, 'completion recovered without a reload');
  });

  test('a stream that stalls after its first words: the spinner stops within the idle time-out, the partial answer is kept and labelled', async () => {
    await focusChat();
    fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 4, once: true });
    const q = `Explain reduce in total, step by step (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)), 'the first words', 15_000);
    const firstWords = Date.now();
    const waited = await until(async () => !(await turnSpinning(q)), 'the stalled answer to end', IDLE_MS + 10_000);
    const text = await turnText(q);
    process.stdout.write(`      stalled stream ended ${Date.now() - firstWords} ms after the first words (idle ${IDLE_MS} ms): ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.ok(waited <= IDLE_MS + 6_000, `ended within the idle time-out (${waited} ms)`);
    assert.match(text, /\[fake-ollama\]/, 'the partial answer is kept');
    assert.match(text, /incomplete|stopped sending|cut off/i, 'the partial answer is labelled');
    assert.match(text, /Retry|try again/i, 'the card offers a way on');
    await shotOfTurn(q, 'stalled-partial');
    assert.equal(fake.requests.filter((r) => r.clientClosed).length >= 1, true, 'the stalled connection was closed by the client');
  });

  test('Stop during a long answer ends the HTTP request at the server and says "Stopped."', async () => {
    const f = await focusChat();
    fake.setReply({ perTokenMs: 600 });
    try {
      const q = `Write a long essay about reduce (${tag()})`;
      const before = fake.requests.length;
      await send('private', q);
      await until(async () => /\[fake-ollama\]/.test(await turnText(q)), 'the first words', 15_000);
      const req = fake.requests.slice(before).find((r) => r.path === '/api/chat' || r.path === '/api/generate');
      assert.ok(req, 'the question reached the fake');
      await f.locator('button.stop').click();
      await Promise.race([req.closedByClient, new Promise((_, rej) => setTimeout(() => rej(new Error('the fake never saw the client close after Stop')), 5_000))]);
      assert.equal(req.finished, false, 'the answer had not finished when Stop closed it');
      await until(async () => !(await turnSpinning(q)), 'the spinner to stop', 5_000);
      const text = await turnText(q);
      assert.match(text, /Stopped/);
      assert.equal(await f.locator('button.stop').isHidden(), true, 'the Stop button goes away');
      await shotOfTurn(q, 'stopped');
    } finally {
      fake.setReply({ perTokenMs: 25 });
    }
  });

  for (const kind of ['light', 'dark'] as ThemeKind[]) {
    test(`the outage cards as a user sees them (${kind})`, async () => {
      await setTheme(session(), kind);
      await focusChat();
      for (const [q, name] of [['Walk me through total', 'quit'], ['Explain reduce in total', 'stalled'], ['Write a long essay', 'stopped']] as const) {
        await until(async () => (await turnText(q)).length > 0, `the turn "${q}" restored after the reload`, 30_000);
        assert.equal(await turnSpinning(q), false, `"${q}" spins again after a reload`);
        await shotOfTurn(q, `${kind}-${name}`);
      }
    });
  }
});
