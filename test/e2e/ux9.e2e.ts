// UX round 9, what is seen in the real workbench: a stopped answer reads "stopped" wherever it is shown — the
// chat's footer note says the Stop came before the server's count, the status bar says "local · stopped" (not a
// latency as for a whole answer), the spend list says "ask (stopped)" with its figures for the part answered; a
// refusal is a notice in the theme's quote colours, not a red error card.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contrastProblems } from './a11yAudit';
import { chat, focusChat, frameWith, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { runCommand, screenshot, setTheme, type ThemeKind } from './workbenchPage';

const SECRET_DIR = 'ux9tmp';

/** The status item's text and its hover's text. */
async function hoverOurs(text: RegExp): Promise<string> {
  const page = session().page;
  const item = statusItem(page, text);
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  await item.hover();
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Hybrid Assistant' }).first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  return (await hover.count()) ? (await hover.innerText()).trim() : '';
}

suite('ux9: a stopped answer says so everywhere; a refusal is a notice, not an error', function () {
  this.timeout(300_000);
  let fake: FakeOllama;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 60, perTokenMs: 15 });
    const s = await fake.start();
    fs.mkdirSync(path.join(session().workspace, SECRET_DIR), { recursive: true });
    // Built-in private rule (".env.local"): generated at test time, never a real value.
    fs.writeFileSync(path.join(session().workspace, SECRET_DIR, '.env.local'), `API_TOKEN=${Math.random().toString(36).slice(2)}\n`);
    restore = await withSettings({ 'hybrid.local.baseUrl': s.url });
    await setTheme(session(), 'dark');
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
  });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
    fs.rmSync(path.join(session().workspace, SECRET_DIR), { recursive: true, force: true });
  });

  test('Stop: the footer says the Stop came before the count; the status bar "local · stopped"; the spend list "ask (stopped)"', async () => {
    const page = session().page;
    const f = await focusChat();
    fake.setReply({ perTokenMs: 500 });
    const q = `Write a long essay about reduce (${tag()})`;
    try {
      await send('private', q);
      await until(async () => /\[fake-ollama\]/.test(await turnText(q)), 'the first words', 20_000);
      await f.locator('button.stop').click();
      await until(async () => !(await turnSpinning(q)), 'the turn to end', 10_000);
    } finally {
      fake.setReply({ perTokenMs: 15 });
    }
    const text = await turnText(q);
    process.stdout.write(`      stopped turn: ${JSON.stringify(text.slice(-300))}\n`);
    assert.match(text, /Stopped — the answer above is incomplete/);
    assert.match(text, /the answer was stopped before the server sent its count/);
    assert.doesNotMatch(text, /server reported no usage/, 'the server did nothing wrong: the Stop came first');
    await shotOfTurn(q, 'ux9-stopped-turn');
    const tip = await hoverOurs(/local · stopped/);
    process.stdout.write(`      status tooltip after Stop: ${JSON.stringify(tip)}\n`);
    assert.match(tip, /Last request: local · .+ \(stopped before the end: the tokens and cost are for the part answered before the stop\)/);
    assert.doesNotMatch(tip, /cancelled/);
    const file = await screenshot(session(), 'ux9-status-stopped');
    process.stdout.write(`      screenshot: ${file}\n`);
    await page.mouse.move(600, 400);
    await runCommand(page, 'Hybrid: Show Spend');
    const spend = await frameWith('section[aria-label="Recent requests"]');
    const row = spend.locator('section[aria-label="Recent requests"] tr').filter({ hasText: 'ask (stopped)' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const cells = (await row.innerText()).trim();
    process.stdout.write(`      spend row: ${JSON.stringify(cells)}\n`);
    assert.match(cells, /Stopped: tokens and cost for the part answered/);
    assert.match(cells, /est\./, 'the tokens of a stopped local answer are counted from the text, and say so');
    assert.equal(await spend.locator('section[aria-label="Recent requests"]').getByText(/^ask \(cancelled\)$/).count(), 0);
    // The list fits the panel (its "Why" column was cut off at the right edge), and a refusal's badge reads "not sent".
    const fit = await spend.evaluate(`(() => { const w = document.querySelector('section[aria-label="Recent requests"] .table-wrap'); return w ? [w.scrollWidth, w.clientWidth] : null; })()`) as [number, number] | null;
    process.stdout.write(`      recent requests table scroll/client width: ${JSON.stringify(fit)}\n`);
    assert.ok(fit && fit[0] <= fit[1] + 1, `the request list is wider than the panel: ${JSON.stringify(fit)}`);
    const badges = await spend.locator('section[aria-label="Recent requests"] .badge').allInnerTexts();
    assert.ok(!badges.some((b) => b.trim() === 'refuse'), 'a route badge says "refuse"');
    await row.scrollIntoViewIfNeeded();
    await screenshot(session(), 'ux9-spend-stopped');
    await page.keyboard.press('Control+W');
  });

  for (const kind of ['dark', 'light', 'hc', 'hcLight'] as ThemeKind[]) {
    test(`a refusal is a notice in the quote colours, its text readable, its fix still a button (${kind})`, async () => {
      await setTheme(session(), kind);
      await focusChat();
      const q = `#file:${SECRET_DIR}/.env.local Which keys are set here? (${tag()})`;
      await send('cloud', q);
      await until(async () => /Not sent/.test(await turnText(q)) && !(await turnSpinning(q)), 'the refusal', 30_000);
      const card = (await chat()).locator('article.turn').filter({ hasText: q }).last().locator('.error-card');
      // The card's colours against the theme's error colours, resolved by the browser on a probe element.
      const look = await card.evaluate((e) => {
        const doc = e.ownerDocument;
        const probe = doc.createElement('div');
        probe.style.background = 'var(--vscode-inputValidation-errorBackground)';
        probe.style.border = '1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground))';
        doc.body.append(probe);
        const red = doc.defaultView!.getComputedStyle(probe);
        const own = doc.defaultView!.getComputedStyle(e);
        const out = { refusal: e.classList.contains('refusal'), bg: own.backgroundColor, border: own.borderTopColor, errorBg: red.backgroundColor, errorBorder: red.borderTopColor };
        probe.remove();
        return out;
      });
      process.stdout.write(`      refusal card (${kind}): ${JSON.stringify(look)}\n`);
      assert.ok(look.refusal, 'the card is marked as a refusal');
      assert.ok(look.errorBg === 'rgba(0, 0, 0, 0)' || look.bg !== look.errorBg, 'the card keeps the error background');
      assert.notEqual(look.border, look.errorBorder, 'the card keeps the error border');
      assert.ok(await card.locator('button[data-fix="retryLocal"]').isVisible(), 'the way out is still a button');
      assert.deepEqual(await contrastProblems(await chat(), 'article.turn:last-of-type'), [], `contrast in the refusal (${kind})`);
      await shotOfTurn(q, `ux9-refusal-${kind}`);
    });
  }
});
