// What a demanding user checks in each theme (dark, light, high contrast dark and light), with the theme's real colours in the real
// workbench: every text in the chat view and the spend panel reads at WCAG AA contrast (the error title, the route
// badges and "unknown price" did not in Light Modern), every control Tab reaches shows a focus ring and has a name,
// the chat fits a narrow side bar (its figures are not cut off), and the Settings editor shows the cloud model's
// default as it is used (empty = the provider's default, both named), not one provider's model.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { updateUserSettings } from '../runners/codeServerHost';
import { contrastProblems, focusWalk, unnamedControls } from './a11yAudit';
import { chat, focusChat, frameWith, reloadWorkbench, send, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';
import { session } from './session';
import { openFile, runCommand, screenshot, setTheme, sidebarWidth, type ThemeKind } from './workbenchPage';

/** The primary side bar's width, dragged by its sash as a user would. */
async function audited(what: string, frame: Frame): Promise<void> {
  const contrast = await contrastProblems(frame);
  assert.deepEqual(contrast, [], `${what}: text below WCAG AA contrast`);
  assert.deepEqual(await unnamedControls(frame), [], `${what}: controls without a name`);
}

async function answered(mode: 'private' | 'cloud', q: string, fake: RegExp): Promise<void> {
  await send(mode, q);
  await until(async () => fake.test(await turnText(q)) && !(await turnSpinning(q)), `the ${mode} answer`);
}

const settingsFile = (): string => path.join(session().userDataDir, 'User', 'settings.json');
const setting = (key: string): unknown => (JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>)[key];

suite('ux6: readable, reachable and named in every theme', function () {
  this.timeout(300_000);

  for (const kind of ['dark', 'light', 'hc', 'hcLight'] as ThemeKind[]) {
    test(`${kind}: the chat (set-up list, an error card, a refusal, local and cloud answers) and the spend panel pass the audits`, async () => {
      const s = session();
      const baseUrl = setting('hybrid.local.baseUrl');
      // Ollama unreachable: the set-up list's warning and a failed turn's error card, in one reload with the theme.
      updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': 'http://127.0.0.1:9' });
      try {
        await setTheme(s, kind);
        await openFile(s.page, 'cart.ts');
        await focusChat();
        await runCommand(s.page, 'Hybrid: New Chat');
        const f = await chat();
        await until(async () => /Ollama is not running/.test(await f.locator('section.empty').innerText()), 'the set-up list saying Ollama is not reachable');
        await audited(`${kind} intro, Ollama offline`, f);
        const q = `Explain subtotal (${tag()})`;
        await send('private', q);
        await until(async () => !(await turnSpinning(q)) && (await f.locator('.turn .error-card').count()) > 0, 'the error card');
        await audited(`${kind} error card`, f);
      } finally {
        updateUserSettings(s.userDataDir, { 'hybrid.local.baseUrl': baseUrl });
        await reloadWorkbench(s.page);
      }
      const f = await focusChat();
      await answered('private', `What does applyCoupon accept? (${tag()})`, /\[fake-ollama\]/);
      await answered('cloud', `How would you restructure Cart? (${tag()})`, /\[fake-anthropic\]/);
      const refused = `#file:config/.env.local Which keys are set here? (${tag()})`;
      await send('cloud', refused);
      await until(async () => /Not sent/.test(await turnText(refused)) && !(await turnSpinning(refused)), 'the refusal');
      await audited(`${kind} answers and a refusal`, f);
      await screenshot(s, `ux6-${kind}-chat`);

      const walk = await focusWalk(f, '.composer');
      process.stdout.write(`      ${kind}: Tab reached ${walk.reached.length} controls\n`);
      assert.deepEqual(walk.noRing, [], `${kind}: focused without a visible ring`);
      assert.deepEqual(walk.unreached, [], `${kind}: controls Tab never reached`);

      await runCommand(s.page, 'Hybrid: Show Spend');
      const spend = await frameWith('section[aria-label="Totals"]');
      await until(async () => /Recent requests/.test(await spend.evaluate('document.body.innerText') as string), 'the spend panel');
      await audited(`${kind} spend panel`, spend);
      const latency = await spend.locator('section[aria-label="Latency"] .table-wrap').evaluate((e) => ({ scroll: e.scrollWidth, width: e.clientWidth }));
      assert.ok(latency.scroll <= latency.width + 1, `the latency table is cut at the panel's width: ${JSON.stringify(latency)}`);
      const spendWalk = await focusWalk(spend, 'h1');
      assert.deepEqual(spendWalk.noRing, [], `${kind} spend panel: focused without a visible ring`);
      const twins = spendWalk.reached.filter((n, i, all) => all.indexOf(n) !== i);
      assert.deepEqual(twins, [], `${kind} spend panel: controls a screen reader cannot tell apart (nine "Formula" before ux6)`);
      await screenshot(s, `ux6-${kind}-spend`);
      await s.page.keyboard.press('Control+W');
    });
  }

  test('a narrow side bar (230 px): nothing in the chat is wider than the view, the figures under an answer are not cut', async () => {
    const s = session();
    await setTheme(s, 'dark');
    await openFile(s.page, 'cart.ts');
    const f = await focusChat();
    const width = await sidebarWidth(230);
    assert.ok(width > 0 && width <= 260, `the side bar is ${width}px wide`);
    await answered('cloud', `Sketch a multi-currency Cart API (${tag()})`, /\[fake-anthropic\]/);
    const over = await f.evaluate(`(() => {
      const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.composer *, .turn:last-of-type .route *, .turn:last-of-type .footer *')]
        .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > w + 1)
        .map((e) => e.className || e.tagName);
    })()`) as string[];
    assert.deepEqual(over, [], 'parts of the chat run past the right edge of a narrow view');
    const cut = await f.evaluate(`[...document.querySelectorAll('.turn:last-of-type .footer-figures, .turn:last-of-type .footer-figures > span')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent)`) as string[];
    assert.deepEqual(cut, [], 'figures under the answer are cut off with an ellipsis');
    const context = await f.locator('.context-line').evaluate((e) => ({ text: e.textContent ?? '', cut: e.scrollWidth > e.clientWidth + 1 }));
    assert.ok(/lines 1–\d+/.test(context.text) && !context.cut, `the context line is cut in a narrow view: ${JSON.stringify(context)}`);
    const figures = await f.locator('.turn').last().locator('.footer-figures').innerText();
    assert.match(figures, /tokens/, `the token counts say what they count: ${figures}`);
    assert.match(figures, /first token/, `the latency figures say which is which: ${figures}`);
    await screenshot(s, 'ux6-narrow-footer');
    await sidebarWidth(380);
  });

  test('the Settings editor shows hybrid.cloud.model as used: empty, both providers\' defaults named; OpenAI\'s tooltip names gpt-5.4', async () => {
    const s = session();
    assert.equal(setting('hybrid.cloud.model'), undefined, 'the e2e profile leaves the cloud model unset');
    const back = await withSettings({ 'hybrid.cloud.provider': 'openai' });
    try {
      await runCommand(s.page, 'Preferences: Open Settings (UI)');
      await s.page.locator('.settings-editor').first().waitFor({ state: 'visible', timeout: 20_000 });
      // The search box has the focus when the editor opens; Monaco takes typed keys, not a filled value.
      await s.page.locator('.settings-editor .suggest-input-container').first().click();
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.type('hybrid.cloud.model');
      const item = s.page.locator('.settings-editor .setting-item').filter({ hasText: /Cloud: Model/ }).first();
      await item.waitFor({ state: 'visible', timeout: 20_000 });
      const value = await item.locator('input').first().inputValue();
      const description = await item.locator('.setting-item-description').innerText();
      process.stdout.write(`      Cloud: Model = ${JSON.stringify(value)}; ${JSON.stringify(description)}\n`);
      assert.equal(value, '', 'the field shows no model of one provider as the default');
      assert.match(description, /claude-sonnet-5 with Anthropic, gpt-5\.4 with OpenAI/);
      await screenshot(s, 'ux6-settings-cloud-model');
      await s.page.keyboard.press('Control+W');
      // The chat's set-up list names the model Cloud questions go to now.
      await focusChat();
      await runCommand(s.page, 'Hybrid: New Chat');
      await until(async () => /Cloud model: gpt-5\.4 \(OpenAI\), API key set\./.test(await (await chat()).locator('section.empty').innerText()), 'the set-up list naming gpt-5.4');
      await statusItem(s.page, /\blocal\b/).hover();
      const hover = s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Cloud model/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await hover.innerText(), /Cloud model: gpt-5\.4 \(the default for OpenAI\)/);
      await s.page.mouse.move(10, 10);
    } finally {
      await back();
    }
  });
});
