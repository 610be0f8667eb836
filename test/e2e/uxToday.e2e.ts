// What users see of today's merges, in the real workbench, dark and light: a cloud answer cut by the window dying
// (recorded at the next start from the in-flight journal) reads "interrupted (window closed mid-answer)" with an
// estimated cost in the spend panel and the status bar tooltip; the low-confidence offer's button names the model
// it asks, and the turn it starts is answered by that model.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOllama } from '../fakes/ollama';
import { requestCost, usageFromProvider } from '../../src/core/spend/cost';
import { serializeRecord } from '../../src/core/spend/ledgerRecord';
import type { LedgerRecord } from '../../src/core/request';
import { formatCost } from '../../src/shared/money';
import { EXTENSION_STORAGE } from './seedSpend';
import { session } from './session';
import { openFile, runCommand, screenshot, setTheme, type ThemeKind } from './workbenchPage';
import { chat, focusChat, frameWith, reloadWorkbench, send, shotOfTurn, statusItem, tag, threadText, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const CUT_MODEL = 'claude-sonnet-4-6';

/** The record the pipeline hands to the in-flight journal before a cloud answer goes out (askRecords.ts). */
function interrupted(id: string): LedgerRecord {
  const tokens = { ...usageFromProvider('anthropic', { input_tokens: 2400, output_tokens: 0 }), source: 'estimate' as const };
  const priced = requestCost({ route: 'cloud', model: CUT_MODEL, usage: tokens, totalMs: 0, costPerHour: 0, cloudModel: CUT_MODEL });
  return {
    v: 1, id, time: new Date(Date.now() - 20_000).toISOString(), origin: 'askCloud', kind: 'ask', route: 'cloud', provider: 'anthropic',
    model: CUT_MODEL, tokens, costUsd: priced.costUsd, cloudEquivalentUsd: priced.cloudEquivalentUsd, ttftMs: null, totalMs: 4,
    status: 'failed', outcome: 'interrupted', reasons: ['cloud: you chose Ask (cloud)'],
  };
}

/** A process id that ran and is gone: the journal's file then belongs to a window that closed. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  assert.ok(r.pid > 0);
  return r.pid;
}

/**
 * Edits settings.json in the workbench's own editor, as a user does, so the running extension sees the change
 * (no reload): `patch` merged into the file's settings, saved, the editor closed.
 */
async function typeUserSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  const file = path.join(session().userDataDir, 'User', 'settings.json');
  const text = JSON.stringify({ ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>), ...patch });
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  await page.locator('.tabs-container .tab.active').filter({ hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: 20_000 });
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines:visible').first();
  await editor.waitFor({ state: 'visible', timeout: 20_000 });
  // A webview over the editor area (seen with a side bar left wide) takes the click: focus the editor from the
  // keyboard instead. The save check below fails if the text went anywhere but settings.json.
  await editor.click({ timeout: 5_000 }).catch(() => runCommand(page, 'View: Focus Active Editor Group'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  await until(async () => fs.readFileSync(file, 'utf8').replace(/\s/g, '') === text.replace(/\s/g, ''), 'settings.json saved', 15_000);
  await page.keyboard.press('Control+W');
}

async function recentRow(id: string): Promise<{ cells: string[]; kindTitle: string | null }> {
  const frame = await frameWith('section[aria-label="Recent requests"]');
  return frame.evaluate(`(() => {
    const rows = [...document.querySelectorAll('section[aria-label="Recent requests"] tbody tr')];
    const row = rows.find((r) => r.textContent.includes('interrupted'));
    if (!row) return { cells: [], kindTitle: null };
    return { cells: [...row.cells].map((c) => c.innerText.trim()), kindTitle: row.cells[1].querySelector('[title]')?.getAttribute('title') ?? null };
  })()`) as Promise<{ cells: string[]; kindTitle: string | null }>;
}

suite('today\'s states as users see them: an interrupted cloud answer', function () {
  this.timeout(240_000);
  const id = `cut-${tag()}`;
  const cut = interrupted(id);

  test('the next start records it; the request list, the cards and the status bar say interrupted, estimate', async () => {
    const s = session();
    const dir = path.join(s.userDataDir, 'User', 'globalStorage', EXTENSION_STORAGE, 'ledger-inflight');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${deadPid()}-${id}.json`), serializeRecord(cut));
    await reloadWorkbench(s.page);
    const cost = formatCost(cut.costUsd, true);
    assert.match(cost, /^\$0\.\d+ est\.$/, 'the estimate has a cost');

    await statusItem(s.page, /\blocal\b/).hover();
    const hover = s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /window closed/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const tip = await hover.innerText();
    process.stdout.write(`      tooltip: ${JSON.stringify(tip)}\n`);
    assert.match(tip, /1 cloud answer cut off when a window closed mid-answer: recorded as an estimate \(outcome "interrupted"\)/);
    // Other scenarios of the run may add unpriced requests ("$0.04 est. + 1 unpriced today"): the label is what counts.
    assert.match(tip, /Cloud spend: \$\d+\.\d+ est\./, 'today\'s spend is labelled an estimate');
    await screenshot(s, 'ux-today-interrupted-tooltip');
    await s.page.mouse.move(10, 10);

    for (const theme of ['dark', 'light'] as ThemeKind[]) {
      await setTheme(s, theme);
      await runCommand(s.page, 'Hybrid: Show Spend');
      let row = await recentRow(id);
      await until(async () => (row = await recentRow(id)).cells.length > 0, 'the interrupted request in the list', 30_000);
      process.stdout.write(`      ${theme}: recent row ${JSON.stringify(row)}\n`);
      const [, kind, route, model, tokens, shownCost, taken, why] = row.cells;
      assert.equal(kind, 'ask (interrupted)', 'not an ordinary "(failed)"');
      assert.match(row.kindTitle ?? '', /^Interrupted \(window closed mid-answer\)/, 'the kind says why on hover');
      assert.equal(route, 'cloud');
      assert.equal(model, CUT_MODEL);
      assert.match(tokens ?? '', /^2\.4k \/ 0 est\.$/);
      assert.equal(shownCost, cost, 'its cost, as an estimate, not $0');
      assert.equal(taken, '—', 'no duration: the record was made before the request went out');
      assert.match(why ?? '', /^Window closed mid-answer: cost estimated from the prompt sent/);
      const frame = await frameWith('section[aria-label="Recent requests"]');
      await frame.evaluate(`document.querySelector('section[aria-label="Recent requests"]').scrollIntoView({ block: 'start' })`);
      await s.page.waitForTimeout(400);
      process.stdout.write(`      screenshot: ${await screenshot(s, `ux-today-interrupted-${theme}`)}\n`);
      const cards = await frame.locator('section[aria-label="Totals"]').innerText();
      // Other scenarios of the same e2e run may have spent today too: the card's figure includes this one, labelled.
      assert.match(cards, /Today\s+\$\d+\.\d+ est\./i, `the Today card shows the estimate, labelled: ${JSON.stringify(cards.slice(0, 200))}`);
      const budgets = await frame.locator('section[aria-label="Budgets"]').innerText();
      assert.match(budgets, /Today\s+\$\d+\.\d+ est\. · no limit/i, `the budget row says estimate as the card does: ${JSON.stringify(budgets)}`);
      const bars = await frame.evaluate(`[...document.querySelectorAll('svg title')].map((e) => e.textContent ?? '').filter((t) => /priced from estimated tokens/.test(t))`) as string[];
      assert.ok(bars.length > 0, `the day's bar says its figure is an estimate: ${JSON.stringify(bars)}`);
      await frame.evaluate(`window.scrollTo(0, 0)`);
      await s.page.waitForTimeout(300);
      process.stdout.write(`      screenshot: ${await screenshot(s, `ux-today-interrupted-cards-${theme}`)}\n`);
    }
    await setTheme(s, 'dark');
  });
});

suite('today\'s states as users see them: the offer names its model; a failed answer ends with its error card', function () {
  this.timeout(240_000);
  let ollama: FakeOllama;
  let cloud: FakeAnthropic;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    ollama = new FakeOllama({ ttftMs: 40, perTokenMs: 10 });
    ollama.logprobs = 'unsure';
    cloud = new FakeAnthropic({ ttftMs: 40, perTokenMs: 10 });
    const [l, c] = [await ollama.start(), await cloud.start()];
    restore = await withSettings({
      'hybrid.local.baseUrl': l.url, 'hybrid.anthropic.baseUrl': c.url, 'hybrid.cloud.provider': 'anthropic',
      'hybrid.routing.escalation': 'offer', 'hybrid.routing.localBelow': 0, 'hybrid.fallback.cloudToLocal': false,
    });
  });

  suiteTeardown(async () => {
    await restore();
    await ollama.close();
    await cloud.close();
  });

  test('the offer\'s button says "Ask the cloud (claude-haiku-4-5)"; taking it asks that model and the turn says so', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    await focusChat();
    const q = `Rename this variable to something clearer (${tag()})`;
    await send('auto', q);
    await until(async () => /Not sure\?/.test(await turnText(q)) && !(await turnSpinning(q)), 'the offer', 45_000);
    const f = await chat();
    const button = f.locator('article.turn').filter({ hasText: q }).last().locator('button[data-ask-cloud]');
    assert.equal((await button.innerText()).trim(), 'Ask the cloud (claude-haiku-4-5)');
    assert.match(await button.getAttribute('title') ?? '', /the cloud model claude-haiku-4-5/);
    await shotOfTurn(q, 'ux-today-offer');
    const before = cloud.requests.filter((r) => r.path === '/v1/messages').length;
    await button.click();
    await until(async () => cloud.requests.filter((r) => r.path === '/v1/messages').length > before, 'the cloud request', 30_000);
    const sent = cloud.requests.filter((r) => r.path === '/v1/messages').at(-1)!.body as { model?: string };
    assert.equal(sent.model, 'claude-haiku-4-5', 'the model the card named is the model asked');
    const last = f.locator('article.turn').last();
    await until(async () => /\[fake-anthropic\]/.test(await last.innerText()), 'the cloud answer', 30_000);
    const text = await last.innerText();
    process.stdout.write(`      the offer's turn: ${JSON.stringify(text.slice(0, 400))}\n`);
    assert.match(await last.locator('.route-line').first().innerText(), /Cloud\s+claude-haiku-4-5/, 'the route line names the light model');
    assert.match(await last.locator('.route-reasons').first().getAttribute('title') ?? '', /light tier \(claude-haiku-4-5\)/, 'the reasons say it is the light tier the offer named');
    const offered = f.locator('article.turn').filter({ hasText: q }).first();
    assert.equal(await offered.locator('button[data-ask-cloud]').count(), 0, 'a taken offer cannot be clicked again (a second click asked and billed again)');
    assert.match(await offered.locator('.escalation-taken').innerText(), /Asked the cloud \(claude-haiku-4-5\): its answer is the next turn/);
    await last.scrollIntoViewIfNeeded();
    await screenshot(session(), 'ux-today-offer-taken');
    // The same card in the light theme: the primary button and the warning border come from the theme's colours.
    await setTheme(session(), 'light');
    await focusChat();
    await until(async () => /Not sure\?/.test(await threadText()), 'the offer restored after the theme reload', 30_000);
    await (await chat()).evaluate(`document.querySelector('.escalation-offered')?.scrollIntoView({ block: 'center' })`);
    await page.waitForTimeout(400);
    process.stdout.write(`      screenshot: ${await screenshot(session(), 'ux-today-offer-light')}\n`);
    await setTheme(session(), 'dark');
  });
  test('a cloud answer cut by a dropped connection: words so far, its error card, then the footer; the same after a reload', async () => {
    const page = session().page;
    await focusChat();
    cloud.setReply({ perTokenMs: 120 });
    cloud.setFault({ kind: 'reset', afterTokens: 3, once: true });
    const q = `Sketch a multi-currency Cart API (${tag()})`;
    try {
      await send('cloud', q);
      await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the failed turn', 30_000);
    } finally {
      cloud.setReply({ perTokenMs: 10 });
    }
    const order = async (): Promise<{ parts: string[]; text: string }> => {
      const f = await chat();
      return f.evaluate(`(() => {
        const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
        const t = turns[turns.length - 1];
        const parts = [...t.querySelectorAll('.md, .error-card, .footer')].filter((e) => e.innerText.trim()).map((e) => e.classList.contains('md') ? 'words' : e.classList.contains('error-card') ? 'error' : 'footer');
        return { parts, text: t.innerText };
      })()`) as Promise<{ parts: string[]; text: string }>;
    };
    const live = await order();
    process.stdout.write(`      failed turn: ${JSON.stringify(live.parts)} ${JSON.stringify(live.text.slice(-400))}\n`);
    assert.deepEqual(live.parts.filter((p, i, a) => a.indexOf(p) === i), ['words', 'error', 'footer'], 'the words, then the error card, then the footer');
    await shotOfTurn(q, 'ux-today-failed-turn');
    await page.waitForTimeout(500);
    await reloadWorkbench(page);
    await focusChat();
    await until(async () => (await turnText(q)).length > 0, 'the failed turn restored from the thread file', 30_000);
    const restored = await order();
    assert.deepEqual(restored.parts.filter((p, i, a) => a.indexOf(p) === i), ['words', 'error', 'footer'], `after a reload: ${JSON.stringify(restored.parts)}`);
    assert.equal(await turnSpinning(q), false, 'no spinner on a restored failed answer');
    await shotOfTurn(q, 'ux-today-failed-turn-restored');
  });

  test('with OpenAI and hybrid.cloud.model unset, the tooltip names gpt-5.4 as the provider\'s default', async () => {
    const page = session().page;
    const back = await withSettings({ 'hybrid.cloud.provider': 'openai' });
    try {
      await statusItem(page, /\blocal\b/).hover();
      const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Cloud model/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await hover.innerText(), /Cloud model: gpt-5\.4 \(the default for OpenAI\)/);
      await screenshot(session(), 'ux-today-openai-tooltip');
      await page.mouse.move(10, 10);
    } finally {
      await back();
    }
  });
  test('switching to OpenAI with no model named says once where questions go now; its button opens hybrid.cloud.model', async () => {
    const page = session().page;
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /cloud provider is now OpenAI/ }).first();
    await typeUserSettings(page, { 'hybrid.cloud.provider': 'openai' });
    try {
      await toast.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await toast.innerText();
      process.stdout.write(`      toast: ${JSON.stringify(text)}\n`);
      assert.match(text, /cloud questions go to gpt-5\.4 \(the default for OpenAI, as hybrid\.cloud\.model is not set\)/);
      await screenshot(session(), 'ux-today-provider-switch-toast');
      await toast.locator('.monaco-button', { hasText: 'Choose a Model' }).first().click();
      const item = page.locator('.settings-editor .setting-item').filter({ hasText: /Cloud: Model/ }).first();
      await item.waitFor({ state: 'visible', timeout: 20_000 });
      await screenshot(session(), 'ux-today-provider-switch-setting');
      await page.keyboard.press('Control+W');
    } finally {
      await typeUserSettings(page, { 'hybrid.cloud.provider': 'anthropic' });
    }
  });
});
