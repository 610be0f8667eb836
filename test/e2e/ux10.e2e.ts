// UX round 10, in the real workbench: Ollama down is said in one wording (the set-up list, the error card, the
// status bar and its tooltip); Stop is not offered under a turn that has already failed; New Chat after a window
// reload leaves no old turn (now, and after the next reload); the spend chart does not call a refused question
// "unpriced".

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ollamaDown } from '../../src/shared/ollamaDown';
import { updateUserSettings } from '../runners/codeServerHost';
import { chat, focusChat, frameWith, reloadWorkbench, send, statusItem, tag, turnSpinning, turnText, until } from './deepHelpers';
import { session } from './session';
import { runCommand, screenshot } from './workbenchPage';

const DOWN_URL = 'http://127.0.0.1:9';

suite('ux10: one Ollama-down wording, Stop only while answering, New Chat after a reload', function () {
  this.timeout(300_000);

  test('Ollama down: the set-up list, the error card and the status bar say one sentence; Stop never shows under the card', async () => {
    const s = session();
    const file = path.join(s.userDataDir, 'User', 'settings.json');
    const before = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)['hybrid.local.baseUrl'];
    updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': DOWN_URL });
    const one = ollamaDown(DOWN_URL);
    // Every finding is kept and asserted at the end, so one run says all that is wrong.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => { if (!ok) problems.push(what); };
    try {
      await reloadWorkbench(s.page);
      await focusChat();
      await runCommand(s.page, 'Hybrid: New Chat');
      const f = await chat();
      let intro = '';
      await until(async () => /start it with/.test(intro = await f.locator('section.empty').innerText().catch(() => '')), 'the set-up list', 30_000).catch(() => 0);
      process.stdout.write(`      set-up list: ${JSON.stringify(intro.slice(intro.indexOf('Your set-up')))}\n`);
      check(intro.includes(`${ollamaDown().cause} — start it with`) && !/not reachable/.test(intro), `the set-up list: ${intro.slice(intro.indexOf('Your set-up'))}`);
      const q = `Explain subtotal (${tag()})`;
      await send('private', q);
      // Watched every 40 ms from the question until its end: Stop beside a card that already says the turn failed.
      const seen: string[] = [];
      const deadline = Date.now() + 60_000;
      for (;;) {
        // The page is looked up afresh each time: a redrawn view is a new frame.
        const state = await (await chat()).evaluate(`(() => { const t = [...document.querySelectorAll('.turn')].at(-1);
          const stop = document.querySelector('button.stop'); const send = document.querySelector('button.send');
          const retry = t?.querySelector('.error-card button[data-fix="retry"]');
          // The keyboard on the card's Retry as soon as it shows: the turn's end must not take it away.
          if (retry && !window.__ux10Focused) { window.__ux10Focused = true; retry.focus(); }
          return { card: !!t?.querySelector('.error-card'), stop: !!stop && !stop.hidden, send: !!send && !send.hidden && !send.disabled }; })()`) as { card: boolean; stop: boolean; send: boolean };
        if (state.card && state.stop) seen.push('Stop shown under the error card');
        if (state.card && state.send && !(await turnSpinning(q))) break;
        if (Date.now() > deadline) throw new Error(`the failed turn never settled: ${JSON.stringify(state)}`);
        await s.page.waitForTimeout(40);
      }
      check(seen.length === 0, 'Stop shown under a card that already says the turn failed');
      const focused = await (await chat()).evaluate(`document.activeElement?.getAttribute('data-fix') ?? document.activeElement?.tagName ?? ''`) as string;
      check(focused === 'retry', `the turn's end redrew the card and dropped the focus from Retry (focus on ${focused})`);
      const card = (await (await chat()).locator('.turn:last-of-type .error-card').innerText()).replace(/\s+/g, ' ');
      process.stdout.write(`      error card: ${JSON.stringify(card)}\n`);
      check(card.includes(`${one.cause} — start it with ollama serve (or open the Ollama app).`), `the error card: ${card}`);
      const item = statusItem(s.page, /\blocal\b/);
      await item.waitFor({ state: 'visible', timeout: 20_000 });
      const itemText = await item.innerText();
      check(/local · Ollama not running/.test(itemText), `the status bar: ${itemText}`);
      await item.hover();
      const hover = s.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Hybrid Assistant' }).first();
      await hover.waitFor({ state: 'visible', timeout: 10_000 });
      const tip = (await hover.innerText()).replace(/\s+/g, ' ');
      check(tip.includes(one.cause) && /start it with .?ollama serve.? \(or open the Ollama app\)/.test(tip), `the tooltip: ${tip}`);
      await screenshot(s, 'ux10-ollama-down');
      await s.page.mouse.move(600, 400);
      assert.deepEqual(problems, []);
    } finally {
      updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': before });
      await reloadWorkbench(s.page);
    }
  });

  test('the spend chart says a refused question was not sent, not that prices are missing', async () => {
    const s = session();
    await runCommand(s.page, 'Hybrid: Show Spend');
    const frame = await frameWith('section[aria-label="Totals"]');
    let text = '';
    await until(async () => /Last 30 days/.test(text = await frame.locator('body').innerText()), 'the spend panel', 30_000);
    const empty = /No spend in the last[^\n]*/.exec(text)?.[0] ?? '';
    process.stdout.write(`      chart empty state: ${JSON.stringify(empty)}\n`);
    if (empty) assert.doesNotMatch(empty, /none with a price/, 'local answers and a refusal are not unpriced requests');
    await s.page.keyboard.press('Control+W');
  });

  test('New Chat right after a window reload leaves no old turn, then or after the next reload', async () => {
    const s = session();
    await focusChat();
    const q = `What does applyCoupon accept? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the local answer');
    await reloadWorkbench(s.page);
    // As a user does after a reload: New Chat from the palette before looking at the (restoring) view.
    await runCommand(s.page, 'Hybrid: New Chat');
    await focusChat();
    const count = async () => (await chat()).locator('.turn').count();
    await until(async () => (await (await chat()).locator('section.empty h2').count()) > 0, 'the intro after New Chat', 30_000).catch(() => 0);
    await s.page.waitForTimeout(3_000);
    const after = await count();
    await screenshot(s, 'ux10-new-chat-after-reload');
    assert.equal(after, 0, `${after} old turn(s) still shown after New Chat`);
    await reloadWorkbench(s.page);
    await focusChat();
    await s.page.waitForTimeout(2_000);
    assert.equal(await count(), 0, 'the cleared thread came back after the next reload');
    // Once more with the chat view hidden through the reload (the Explorer in front): New Chat reaches no page.
    const q2 = `What does subtotal return? (${tag()})`;
    await send('private', q2);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'the second answer');
    await runCommand(s.page, 'View: Show Explorer');
    await reloadWorkbench(s.page);
    await runCommand(s.page, 'Hybrid: New Chat');
    await focusChat();
    await s.page.waitForTimeout(3_000);
    assert.equal(await count(), 0, 'old turns shown after New Chat with the view hidden through the reload');
  });
});
