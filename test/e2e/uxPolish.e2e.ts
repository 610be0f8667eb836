// Polish a user notices in the first minute: a restored chat paints its thread first (never the intro for a moment
// after a reload or reopening the view), and saving an API key says so briefly, in the status bar, without a
// notification that stays and without ever echoing the key.

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chat, focusChat, reloadWorkbench, send, statusItem, tag, turnSpinning, turnText, until } from './deepHelpers';
import { session } from './session';
import { findInPalette, openFile, runCommand, screenshot } from './workbenchPage';

/**
 * Runs in every frame before its own scripts: in the chat view's document it notes, once per animation frame (what
 * gets painted) and on a short timer, whether the thread shows turns, the intro, or nothing, each change once.
 */
const PAINT_RECORDER = `(() => {
  const log = [];
  let last = '';
  Object.defineProperty(window, '__hybridPaints', { value: log, configurable: true });
  const look = () => {
    const thread = document.querySelector('main.thread');
    if (!thread) return;
    const state = thread.querySelector('article.turn') ? 'turns' : thread.querySelector('section.empty') ? 'intro' : 'blank';
    if (state !== last) { log.push(state); last = state; }
  };
  const frame = () => { look(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  setInterval(look, 4);
})()`;

async function paints(): Promise<string[]> {
  const f = await chat();
  await until(async () => (await f.locator('article.turn').count()) > 0, 'the restored thread', 30_000);
  const log = await f.evaluate('window.__hybridPaints') as string[] | undefined;
  assert.ok(Array.isArray(log), 'the paint recorder did not run in the chat view');
  return log;
}

/** Runs a palette command that answers with a quick pick of its own, and picks `row` from it. */
async function commandWithPick(label: string, title: RegExp, row: string): Promise<void> {
  const page = session().page;
  const rows = await findInPalette(page, label);
  assert.ok(rows.some((r) => r.includes(label)), `"${label}" is not in the palette`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: row }).first().click();
}

/** A toast (not the notification centre) whose text matches. */
const toast = (re: RegExp) => session().page.locator('.notifications-toasts .notification-toast').filter({ hasText: re });

suite('polish: first paint and transient confirmations', function () {
  this.timeout(240_000);

  test('a restored thread paints first: no intro flashes after a reload or when the view is reopened', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    await focusChat();
    const q = `What does subtotal return? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the answer', 60_000);

    // The thread is saved in workspace state when the answer ends; code-server writes that to the browser's storage
    // a moment later, and a reload at once can beat the write (then nothing is restored, which is not this test).
    await page.waitForTimeout(2_000);
    await page.addInitScript(PAINT_RECORDER);
    await reloadWorkbench(page);
    await focusChat();
    const afterReload = await paints();
    process.stdout.write(`      after reload the chat painted: ${afterReload.join(' → ')}\n`);
    assert.ok(!afterReload.includes('intro'), `the intro flashed before the restored thread: ${afterReload.join(' → ')}`);

    await runCommand(page, 'View: Show Explorer');
    await focusChat();
    const afterReopen = await paints();
    process.stdout.write(`      reopened, the chat painted: ${afterReopen.join(' → ')}\n`);
    assert.ok(!afterReopen.includes('intro'), `the intro flashed before the thread: ${afterReopen.join(' → ')}`);
    assert.equal(afterReopen[0], 'turns', `the first paint is the thread: ${afterReopen.join(' → ')}`);
  });

  test('saving an API key is confirmed in the status bar for a moment; no toast stays, the key is never shown', async () => {
    const page = session().page;
    const key = `hy-e2e-${randomBytes(9).toString('hex')}`;
    await commandWithPick('Hybrid: Set API Key', /Set the API key for/, 'LiteLLM gateway');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /API key/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.quick-input-box input').fill(key);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    const saved = statusItem(page, /API key saved/);
    await saved.waitFor({ state: 'visible', timeout: 5_000 });
    await page.waitForTimeout(600); // a toast slides in within this
    const shot = await screenshot(session(), 'polish-key-saved');
    process.stdout.write(`      screenshot: ${shot}\n`);
    assert.equal(await toast(/API key/).count(), 0, 'a notification toast confirms the key (it should be a passing status bar message)');
    assert.doesNotMatch(await page.evaluate('document.body.innerText') as string, new RegExp(key), 'the key is on screen');
    await saved.waitFor({ state: 'hidden', timeout: 10_000 });

    await commandWithPick('Hybrid: Clear API Key', /Clear the stored API key of/, 'LiteLLM gateway');
    await statusItem(page, /API key cleared/).waitFor({ state: 'visible', timeout: 5_000 });
    await page.waitForTimeout(600);
    assert.equal(await toast(/API key cleared/).count(), 0, 'a notification toast confirms the cleared key');
  });

  test('Check Local Model with all well says so in the status bar for a moment, not in a toast', async () => {
    const page = session().page;
    await runCommand(page, 'Hybrid: Check Local Model');
    const ok = statusItem(page, /Hybrid: .*ready/);
    await ok.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(600);
    assert.equal(await toast(/Hybrid: .*ready/).count(), 0, 'a notification toast says the local model is ready');
    await ok.waitFor({ state: 'hidden', timeout: 10_000 });
  });
});
