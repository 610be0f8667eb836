// A refusal and a fallback as a user meets them in the demo workbench (issue #16): Ask (cloud) on a private file
// is refused with the refusal's own way out ("Retry on local"), nothing reaches the cloud fake; with the cloud
// unreachable, an Ask (cloud) falls back to the local fake and says so. Both saved to screenshots/ to look at.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { updateUserSettings } from '../runners/codeServerHost';
import { session } from './session';
import { findInPalette, openFile, runCommand, screenshot, waitForWorkbench, WORKBENCH_READY_MS } from './workbenchPage';

function chatFrame(): FrameLocator {
  return session().page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the thread shows: ${JSON.stringify((await threadText()).slice(-600))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const threadText = () => chatFrame().locator('main.thread').innerText();

async function focusChat(): Promise<void> {
  await runCommand(session().page, 'Hybrid Assistant: Focus on Chat View');
  await chatFrame().locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
}

async function send(mode: 'cloud' | 'private' | 'auto', question: string): Promise<void> {
  const chat = chatFrame();
  await chat.locator('select.mode').selectOption(mode);
  await chat.locator('textarea.input').fill(question);
  await chat.locator('button.send').click();
}

/** A loopback port nothing listens on: the cloud "is down". */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => resolve(p)); });
  });
}

/** The thread from the last occurrence of `question` on: that turn's route, answer, notices and buttons. */
async function turnOf(question: string): Promise<string> {
  const text = await threadText();
  const at = text.lastIndexOf(question);
  return at < 0 ? '' : text.slice(at);
}

/** Runs a palette command that asks for its question in an input box (so the palette does not close first). */
async function askFromPalette(label: string, title: string, question: string): Promise<void> {
  const page = session().page;
  const rows = await findInPalette(page, label);
  assert.ok(rows.some((r) => r.includes(label)), `"${label}" is not in the palette: ${rows.join(' | ')}`);
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: label }).first()
    .waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-box input').fill(question);
  await page.keyboard.press('Enter');
}

async function localReady(): Promise<void> {
  await session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: /local ready/i }).first()
    .waitFor({ state: 'visible', timeout: 60_000 });
}

suite('chat view: a refusal and a fallback', () => {
  test('Ask (cloud) on a private file is refused with "Retry on local"; nothing reaches the cloud', async () => {
    const s = session();
    // Flags only (nothing secret-shaped): the path alone makes it private.
    fs.writeFileSync(path.join(s.workspace, '.env.production'), 'FEATURE_FLAGS=beta,search\nCHECKOUT_TIMEOUT_MS=3000\n');
    await openFile(s.page, '.env.production');
    const question = `Which of these flags can we remove? (${Date.now().toString(36)})`;
    await askFromPalette('Hybrid: Ask (cloud)', 'Hybrid: Ask (cloud)', question);
    await focusChat();
    await until(async () => /Retry on local/.test(await turnOf(question)), 'the refusal with "Retry on local"');
    const turn = await turnOf(question);
    assert.match(turn, /private/i, 'the refusal says why');
    assert.match(turn, /\.env/, 'the refusal names the private path');
    assert.doesNotMatch(turn, /model must be a non-empty string|request failed/i, 'the refusal is shown as a failure');
    assert.match(turn, /Not sent/);
    assert.doesNotMatch(turn, /\[fake-anthropic\]/, 'a private file reached the cloud');
    await s.page.waitForTimeout(500);
    await screenshot(s, 'chat-refusal-private-file');
  });

  test('with the cloud unreachable, Ask (cloud) falls back to the local model and says so', async () => {
    const s = session();
    const file = path.join(s.userDataDir, 'User', 'settings.json');
    const original = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)['hybrid.anthropic.baseUrl'];
    updateUserSettings(s.userDataDir, { 'hybrid.anthropic.baseUrl': `http://127.0.0.1:${await closedPort()}` });
    try {
      // code-server does not push settings.json edits to an open window: reload it.
      await s.page.reload({ timeout: WORKBENCH_READY_MS });
      await waitForWorkbench(s.page);
      await localReady();
      await openFile(s.page, 'cart.ts');
      await focusChat();
      const question = `How would you restructure Cart for multiple currencies? (${Date.now().toString(36)})`;
      await send('cloud', question);
      await until(async () => /\[fake-ollama\]|Retry/.test(await turnOf(question)), 'the answer after the cloud failed', 90_000);
      const turn = await turnOf(question);
      assert.match(turn, /\[fake-ollama\]/, `no local answer: ${turn.slice(0, 600)}`);
      assert.match(turn, /answering with the local model instead/i, `the fallback is not explained: ${turn.slice(0, 600)}`);
      assert.doesNotMatch(turn, /\[fake-anthropic\]/);
      assert.doesNotMatch(turn, /Could not reach the model/, 'the failed cloud attempt still shows its error card');
      await s.page.waitForTimeout(500);
      await screenshot(s, 'chat-fallback-cloud-to-local');
    } finally {
      updateUserSettings(s.userDataDir, { 'hybrid.anthropic.baseUrl': original });
      await s.page.reload({ timeout: WORKBENCH_READY_MS });
      await waitForWorkbench(s.page);
    }
  });
});
