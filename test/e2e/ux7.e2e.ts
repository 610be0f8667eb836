// UX round 7, what is seen in the real workbench: the status bar keeps the local model's state after a refusal and
// says "answering…" while a question is answered; the spend chart's per-day figures are readable without a mouse
// (a readout in words, arrow keys, a table) and pass the access audits in High Contrast Light; the spend panel fits
// a narrow editor; a hybrid.local.numCtx far too large is refused with a warning that says why.

import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { contrastProblems, focusWalk, unnamedControls } from './a11yAudit';
import { chat, focusChat, frameWith, send, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot, setTheme, sidebarWidth, type ThemeKind } from './workbenchPage';

const ours = () => session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ has: session().page.locator('[aria-label^="Hybrid Assistant"]') })
  .or(session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item[aria-label^="Hybrid Assistant"]')).first();

async function ourStatus(): Promise<{ text: string; label: string; warning: boolean }> {
  const item = ours();
  const text = (await item.innerText()).trim();
  const label = await item.evaluate((e) => e.getAttribute('aria-label') ?? e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '');
  const warning = await item.evaluate((e) => e.classList.contains('warning-kind') || e.classList.contains('error-kind') || !!e.closest('.warning-kind, .error-kind'));
  return { text, label, warning };
}

async function openSpendChart(): Promise<Frame> {
  await runCommand(session().page, 'Hybrid: Show Spend');
  const f = await frameWith('section[aria-label="Totals"]');
  // The e2e ledger holds local requests without a price: the Requests view draws bars.
  await f.locator('button[data-metric="requests"]').click();
  await f.locator('svg.chart g.day').first().waitFor({ state: 'attached', timeout: 15_000 });
  return f;
}

suite('ux7: what the user sees', function () {
  this.timeout(300_000);
  // The files after this one start from editors they opened themselves: a spend panel this suite left open (and
  // restored by the reload of its last test) kept a webview over the editor area that the next file clicks into.
  suiteTeardown(async () => { await runCommand(session().page, 'View: Close All Editors'); });

  test('status bar: after a refused cloud question it still says the local model is ready, in no warning colour; while answering it says so', async () => {
    const s = session();
    await setTheme(s, 'dark');
    // An Ollama that answers slowly enough to be seen answering.
    const fake = new FakeOllama({ ttftMs: 400, perTokenMs: 60, text: 'It checks the code against the pattern, then keeps it. '.repeat(12) });
    const server = await fake.start();
    const back = await withSettings({ 'hybrid.local.baseUrl': server.url });
    try {
      await openFile(s.page, 'cart.ts');
      await focusChat();
      const refused = `#file:config/.env.local Which keys are set here? (${tag()})`;
      await send('cloud', refused);
      await until(async () => /Not sent/.test(await turnText(refused)) && !(await turnSpinning(refused)), 'the refusal');
      await statusItem(s.page, /not sent/).waitFor({ state: 'visible', timeout: 15_000 });
      const after = await ourStatus();
      process.stdout.write(`      after the refusal: ${JSON.stringify(after)}\n`);
      assert.match(after.text, /local ready · not sent/);
      assert.doesNotMatch(after.text, /refused/);
      assert.equal(after.warning, false, 'a refusal is the gate working, not a failure to warn about');
      await statusItem(s.page, /not sent/).hover();
      const hover = s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Last request/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      const tip = await hover.innerText();
      assert.match(tip, /Local model: ready/);
      assert.match(tip, /Last request: not sent \(nothing left this machine\)/);
      assert.doesNotMatch(tip, /refuse · none|Why: refused:/);
      await screenshot(s, 'ux7-assert-status-refused');
      await s.page.mouse.move(600, 400);

      // A private question: while it is answered the status bar says "answering…".
      const q = `Explain applyCoupon step by step (${tag()})`;
      await send('private', q);
      const seen = await statusItem(s.page, /answering…/).waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
      await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the local answer');
      process.stdout.write(`      answering seen: ${seen}; after: ${JSON.stringify(await ourStatus())}\n`);
      assert.ok(seen, 'the status bar never said "answering…" while the question was answered');
      assert.doesNotMatch((await ourStatus()).text, /answering/, 'it stops saying so when the answer is done');
    } finally {
      await back();
      await server.close();
    }
  });

  for (const kind of ['hcLight', 'light'] as ThemeKind[]) {
    test(`spend chart (${kind}): a day's figures in words without hover, arrow keys move, a table; the audits pass`, async () => {
      const s = session();
      await setTheme(s, kind);
      const f = await openSpendChart();
      const readout = f.locator('.chart-readout');
      const first = (await readout.innerText()).trim();
      assert.match(first, /^[A-Z][a-z]{2} \d{1,2}: \d+ cloud, \d+ local requests?(, \d+ not sent)?$/, `the readout says a day's figures: ${first}`);
      assert.equal(await f.locator('svg.chart g.day[tabindex="0"]').count(), 1, 'one tab stop for the chart');
      // Keyboard: Tab reaches the selected day, with a ring; Home and the arrows move it, and the readout follows.
      const walk = await focusWalk(f, 'h1');
      // The walk names what it reached by its first 40 characters.
      assert.ok(walk.reached.includes(first.slice(0, 40)), `Tab reaches the chart's selected day: ${JSON.stringify(walk.reached)}`);
      assert.deepEqual(walk.noRing, [], 'focused without a visible ring');
      await f.locator('svg.chart g.day.selected').focus();
      await s.page.keyboard.press('Home');
      const home = (await readout.innerText()).trim();
      assert.notEqual(home, first, 'Home moved to the first day');
      assert.equal(await f.evaluate(`document.activeElement?.getAttribute('data-day')`), '0');
      await s.page.keyboard.press('ArrowRight');
      assert.equal(await f.evaluate(`document.activeElement?.getAttribute('data-day')`), '1');
      assert.match(await f.evaluate(`document.activeElement?.getAttribute('aria-label') ?? ''`) as string, /^[A-Z][a-z]{2} \d{1,2}: /);
      await s.page.keyboard.press('End');
      // A click selects a day too (a mouse user need not wait for a tooltip).
      await f.locator('svg.chart g.day[data-day="0"] rect.hit').click();
      assert.equal((await readout.innerText()).trim(), home);
      // The table behind the disclosure: a row per day with requests.
      await f.locator('.chart-table summary').click();
      const rows = await f.locator('.chart-table tbody tr').count();
      assert.ok(rows > 0, 'the table lists the days');
      const row = await f.locator('.chart-table tbody tr').first().innerText();
      assert.match(row, /[A-Z][a-z]{2} \d{1,2}\s+\d+\s+\d+\s+\d+/, `a table row: ${row}`);
      // The parts of each row add up to its requests (a refused request was drawn and counted as cloud).
      const table = await f.locator('.chart-table table').evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent ?? '')));
      const [head, ...body] = table;
      for (const r of body) {
        const parts = r.slice(2).reduce((a, c) => a + Number(c), 0);
        assert.equal(parts, Number(r[1]), `${JSON.stringify(head)}: ${JSON.stringify(r)} does not add up`);
      }
      if (head.includes('Not sent')) assert.match(await f.locator('.legend').first().innerText(), /Not sent/);
      const contrast = await contrastProblems(f);
      assert.deepEqual(contrast, [], `${kind}: text below WCAG AA contrast`);
      assert.deepEqual(await unnamedControls(f), [], `${kind}: controls without a name`);
      const walk2 = await focusWalk(f, 'h1');
      assert.deepEqual(walk2.noRing, [], `${kind}: focused without a visible ring (table open)`);
      assert.deepEqual(walk2.unreached, [], `${kind}: controls Tab never reached`);
      const twins = walk2.reached.filter((n, i, all) => all.indexOf(n) !== i);
      assert.deepEqual(twins, [], 'controls a screen reader cannot tell apart');
      await f.locator('section[aria-label="Last 30 days"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await screenshot(s, `ux7-assert-chart-${kind}`);
      await s.page.keyboard.press('Control+W');
    });
  }

  test('spend panel in a narrow editor (side bar dragged wide): nothing runs past the right edge', async () => {
    const s = session();
    await setTheme(s, 'dark');
    const f = await openSpendChart();
    const width = await sidebarWidth(960);
    // The side bar goes back whatever fails below: left at 960 px it covers the editor the next files click into.
    try {
      await s.page.waitForTimeout(800);
      const over = await f.evaluate(`(() => {
        const w = document.documentElement.clientWidth;
        return { w, scroll: document.documentElement.scrollWidth, out: [...document.querySelectorAll('.panel-section, .card, .columns, svg.chart')]
          .filter((e) => e.getBoundingClientRect().right > w + 1).map((e) => (e.getAttribute('aria-label') || e.className.baseVal || e.className) + ' ' + Math.round(e.getBoundingClientRect().right)) };
      })()`) as { w: number; scroll: number; out: string[] };
      process.stdout.write(`      side bar ${width}px; panel ${JSON.stringify(over)}\n`);
      assert.ok(over.w < 420, `the panel is narrow (${over.w}px)`);
      assert.deepEqual(over.out, [], 'sections wider than a narrow panel');
      assert.ok(over.scroll <= over.w + 1, `the panel scrolls sideways: ${over.scroll} > ${over.w}`);
      // Every table shows all its columns: the latency table hid "Median first token" past the edge before ux7.
      await f.locator('.chart-table summary').click();
      const cut = await f.evaluate(`[...document.querySelectorAll('.table-wrap')].filter((w) => w.getBoundingClientRect().width > 0 && w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.getAttribute('aria-label') + ' ' + w.scrollWidth + '>' + w.clientWidth)`) as string[];
      assert.deepEqual(cut, [], 'tables with columns hidden past the edge of a narrow panel');
      // Each figure of a narrow row is labelled by its column's header (drawn by CSS from data-label).
      const labels = await f.evaluate(`[...document.querySelector('section[aria-label="Latency"] tbody tr').children].map((c) => getComputedStyle(c, '::before').content)`) as string[];
      assert.ok(labels.includes('"Median first token"'), `each narrow row names its figures: ${JSON.stringify(labels)}`);
      await f.locator('section[aria-label="Latency"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await s.page.waitForTimeout(300);
      await screenshot(s, 'ux7-assert-spend-narrow-latency');
      await screenshot(s, 'ux7-assert-spend-narrow');
    } finally {
      await sidebarWidth(380);
      await s.page.keyboard.press('Control+W');
    }
  });

  test('hybrid.local.numCtx = 1000000: a warning with the range in tokens and why; the chat still answers', async () => {
    const s = session();
    const back = await withSettings({ 'hybrid.local.numCtx': 1_000_000 });
    try {
      const toast = s.page.locator('.notifications-toasts .notification-toast').filter({ hasText: /numCtx/ }).first();
      await toast.waitFor({ state: 'visible', timeout: 20_000 });
      const text = await toast.innerText();
      process.stdout.write(`      warning: ${JSON.stringify(text)}\n`);
      assert.match(text, /hybrid\.local\.numCtx: expected a number between 512 and 262144 tokens \(got 1000000\)/);
      assert.match(text, /memory/);
      await screenshot(s, 'ux7-assert-numctx-warning');
      await openFile(s.page, 'cart.ts');
      await focusChat();
      const q = `What does subtotal return? (${tag()})`;
      await send('private', q);
      await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'a local answer with the default window');
      assert.equal((await (await chat()).locator('.turn:last-of-type .error-card').count()), 0);
    } finally {
      await back();
    }
  });
});
