// What a user sees, in the dark, light and high-contrast themes, saved to screenshots/ (git-ignored) to look at:
// the workbench with the chat view, the chat's intro and a turn in a narrow sidebar, a failed turn's error card,
// the status bar's tooltip and the spend panel.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { updateUserSettings } from '../runners/codeServerHost';
import { chat, focusChat, frameWith, reloadWorkbench, send, statusItem, tag, turnSpinning, turnText, until } from './deepHelpers';
import { contrastProblems, focusWalk, unnamedControls } from './a11yAudit';
import { session } from './session';
import { hybridStatusItem, openFile, runCommand, screenshot, setTheme, settleActivation, sidebarWidth, type ThemeKind } from './workbenchPage';

/** The primary side bar's width, dragged by its sash as a user would. */
/** What the audits find in a webview, printed (the ux-access scenarios assert it). */
async function audit(label: string, frame: import('playwright-core').Frame): Promise<void> {
  const start = await frame.evaluate(`document.querySelector('.composer') ? '.composer' : 'h1'`) as string;
  const report = { contrast: await contrastProblems(frame), unnamed: await unnamedControls(frame), focus: await focusWalk(frame, start) };
  process.stdout.write(`      audit ${label}: ${JSON.stringify(report)}\n`);
}

async function shot(name: string): Promise<string> {
  const file = await screenshot(session(), name);
  process.stdout.write(`      screenshot: ${file}\n`);
  return file;
}

suite('screenshots', function () {
  this.timeout(240_000);
  for (const kind of ['dark', 'light', 'hc'] as ThemeKind[]) {
    test(`workbench in the ${kind} theme`, async () => {
      const s = session();
      await setTheme(s, kind);
      await openFile(s.page, 'cart.ts');
      // The chat view, so the picture shows the product and not only the editor.
      await runCommand(s.page, 'Hybrid Assistant: Focus on Chat View');
      await s.page.locator('iframe.webview').first().waitFor({ state: 'visible', timeout: 30_000 });
      await runCommand(s.page, 'Hybrid: New Chat');
      // The chat view must have rendered (after the theme reload too), and finished its set-up check.
      const f = await focusChat();
      await f.getByText('Checking your set-up').waitFor({ state: 'hidden', timeout: 15_000 });
      await hybridStatusItem(s.page).first().waitFor({ state: 'visible', timeout: 30_000 });
      await settleActivation(s.page);
      await s.page.waitForTimeout(1_000);
      const file = await shot(`workbench-${kind}`);
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      // Width/height from the IHDR chunk: the whole viewport, not an empty crop.
      assert.equal(png.readUInt32BE(16), s.page.viewportSize()?.width);
      assert.ok(png.length > 20_000, `${file} is suspiciously small (${png.length} bytes)`);
    });

    test(`the chat in a narrow side bar, the tooltip and the spend panel (${kind})`, async () => {
      const s = session();
      const width = await sidebarWidth(230);
      process.stdout.write(`      side bar: ${width}px\n`);
      await shot(`shots-${kind}-narrow-empty`);
      // After New Chat the introduction is read from its heading (it used to open scrolled to its end).
      const intro = await (await chat()).evaluate(`(() => { const h = document.querySelector('section.empty h2'); const t = document.querySelector('main.thread');
        return h && t ? Math.round(h.getBoundingClientRect().top - t.getBoundingClientRect().top) : null; })()`) as number | null;
      assert.ok(intro !== null && intro >= 0, `the empty state's heading is scrolled out of view (${intro} px)`);
      const q = `What does applyCoupon accept? (${tag()})`;
      await send('private', q);
      await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the local answer');
      await shot(`shots-${kind}-narrow-turn`);
      await (await chat()).evaluate(`document.querySelector('.turn:last-of-type .footer')?.scrollIntoView({ block: 'end' })`);
      await shot(`shots-${kind}-narrow-footer`);
      await audit(`chat ${kind}`, await chat());
      const overflow = await (await chat()).evaluate(`[document.documentElement.scrollWidth, document.documentElement.clientWidth, ...[...document.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map((e) => e.className || e.tagName)]`);
      process.stdout.write(`      narrow overflow ${kind}: ${JSON.stringify(overflow)}\n`);
      await statusItem(s.page, /\blocal\b/).hover();
      await s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Cloud model/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await shot(`shots-${kind}-tooltip`);
      await s.page.mouse.move(600, 400);
      await sidebarWidth(380);
      await runCommand(s.page, 'Hybrid: Show Spend');
      await s.page.waitForTimeout(1_500);
      await shot(`shots-${kind}-spend`);
      await audit(`spend ${kind}`, await frameWith('section[aria-label="Totals"]'));
      await s.page.mouse.wheel(0, 700);
      await s.page.waitForTimeout(500);
      await shot(`shots-${kind}-spend-2`);
      await s.page.keyboard.press('Control+W');
    });

    test(`a failed private question's error card (${kind})`, async () => {
      const s = session();
      const file = path.join(s.userDataDir, 'User', 'settings.json');
      const before = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)['hybrid.local.baseUrl'];
      updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': 'http://127.0.0.1:9' });
      try {
        await reloadWorkbench(s.page);
        await focusChat();
        const q = `Explain subtotal (${tag()})`;
        await send('private', q);
        await until(async () => !(await turnSpinning(q)) && (await turnText(q)).length > 0, 'the failed turn');
        await (await chat()).evaluate(`document.querySelector('.turn:last-of-type .error-card')?.scrollIntoView({ block: 'center' })`);
        await shot(`shots-${kind}-error`);
        // "Not sent" because Ollama is down: a set-up problem to fix, so it keeps the error look (a privacy refusal does not).
        assert.equal(await (await chat()).locator('.turn:last-of-type .error-card').count(), 1);
        assert.equal(await (await chat()).locator('.turn:last-of-type .error-card.refusal').count(), 0, 'the Ollama-down card lost its error look');
        await audit(`error ${kind}`, await chat());
        await runCommand(s.page, 'Hybrid: New Chat');
        await s.page.waitForTimeout(2_500);
        await shot(`shots-${kind}-empty-offline`);
      } finally {
        updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': before });
        await reloadWorkbench(s.page);
      }
    });
  }
});
