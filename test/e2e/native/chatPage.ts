// DOM helpers for VS Code 1.139's own Chat view (code-server 4.139.1): open it, choose a mode and a model in the
// input's pickers, send a prompt, and read the last response.

import type { Frame, Page } from 'playwright-core';

export async function openChat(page: Page): Promise<void> {
  if (await page.locator('.interactive-input-part').first().isVisible().catch(() => false)) return;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Chat: Open Chat');
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Chat: Open Chat' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.interactive-input-part').first().waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Picks `name` in the input's picker whose item has `cls` (model-picker-item / chat-mode-picker-item). The model
 * list fills once the providers answered, so the picker is reopened until the entry shows up.
 */
async function pick(page: Page, cls: string, name: string, timeoutMs = 60_000): Promise<void> {
  const button = page.locator(`.interactive-input-part .${cls} .action-label`).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await button.innerText().catch(() => '')).trim() === name) return;
    await button.click();
    // The model list groups models ("Other Models" starts collapsed): its search box finds any of them.
    const search = page.locator('.action-widget input').first();
    if (await search.isVisible().catch(() => false)) await search.fill(name);
    const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: name }).first();
    if (await row.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
      await row.click();
      await page.waitForTimeout(300);
      continue;
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`"${name}" never appeared in the ${cls} list`);
    await page.waitForTimeout(1_000);
  }
}

export const pickModel = (page: Page, name: string): Promise<void> => pick(page, 'model-picker-item', name);
export const pickMode = (page: Page, name: string): Promise<void> => pick(page, 'chat-mode-picker-item', name);

export async function newChat(page: Page): Promise<void> {
  await page.locator('.auxiliarybar a.action-label[aria-label^="New Chat"]').first().click();
  await page.waitForTimeout(500);
}

/** Types the prompt into the chat input (suggest widgets dismissed) and sends it. */
export async function send(page: Page, prompt: string): Promise<void> {
  const editor = page.locator('.interactive-input-part .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A'); // replaces a sticky "@hybrid " left from the last turn
  await page.keyboard.type(prompt, { delay: 2 });
  await page.keyboard.press('Escape'); // closes a completion list the text may have opened; the text stays
  await page.locator('.interactive-input-part .chat-submit-button a.action-label').first().click();
}

/** The text of the newest response once it contains `done` (or the chat shows an error), bounded. */
export async function lastResponse(page: Page, done: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    const responses = page.locator('.interactive-item-container.interactive-response');
    text = (await responses.count()) > 0
      ? await responses.last().innerText().catch(() => '')
      : await page.locator('.interactive-session').first().innerText().catch(() => '');
    if (done.test(text)) return text;
    await page.waitForTimeout(500);
  }
  return text;
}

/** The webview frame whose document is the spend panel. */
export async function spendFrame(page: Page, timeoutMs = 30_000): Promise<Frame | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const title = await (frame.evaluate('document.querySelector("h1")?.textContent ?? ""') as Promise<string>).catch(() => '');
      if (title.includes('Spend')) return frame;
    }
    await page.waitForTimeout(250);
  }
  return undefined;
}

/** "Hybrid: Show Spend" from the command palette, as a user opens it; the spend panel's frame once it rendered. */
export async function openSpendFromPalette(page: Page): Promise<Frame> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-box input').fill('>Hybrid: Show Spend');
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Hybrid: Show Spend' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const frame = await spendFrame(page);
  if (!frame) throw new Error('the spend panel did not render');
  return frame;
}

/** The codicon the newest response's route badge draws (lock, cloud, circle-slash), or '' when it drew none. */
export async function badgeIcon(page: Page): Promise<string> {
  const icon = page.locator('.interactive-item-container.interactive-response').last().locator('.codicon-lock, .codicon-cloud, .codicon-circle-slash').first();
  const cls = await icon.getAttribute('class', { timeout: 5_000 }).catch(() => null);
  return /codicon-(lock|cloud|circle-slash)\b/.exec(cls ?? '')?.[1] ?? '';
}
