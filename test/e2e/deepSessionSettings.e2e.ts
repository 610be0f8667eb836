// Deep session, settings edited while the extension runs, in the real workbench: the user types malformed values
// into settings.json (told once which setting, what was expected, what applies meanwhile; nothing breaks), switches
// the cloud provider from Anthropic to OpenAI in the middle of a thread (the environment's OpenAI key is wrong:
// the card names the cause and the fix, the key is fixed from the card without retyping the question; the model
// id left over from Anthropic is named with its fix), then OpenAI fails with 5xx and recovers, and a cloud stream
// that stalls ends at the idle time-out. The cloud fakes belong to this process and count what they receive.

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import type { Exchange } from '../fakes/base';
import { FakeOpenAI, openaiErrorBody } from '../fakes/openai';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const IDLE_MS = 4_000;

/** OpenAI as api.openai.com answers: one key only (401 otherwise), and 404 model_not_found for a non-OpenAI id. */
class StrictOpenAI extends FakeOpenAI {
  goodKey = `sk-proj-e2e${randomBytes(12).toString('hex')}`;
  protected override async handle(ex: Exchange): Promise<void> {
    if (ex.req.headers.authorization !== `Bearer ${this.goodKey}`) {
      ex.res.writeHead(401, { 'content-type': 'application/json' });
      ex.res.end(JSON.stringify(openaiErrorBody(401)));
      return;
    }
    const model = (ex.record.body as { model?: string } | undefined)?.model;
    if (ex.record.path === '/v1/chat/completions' && model && !/^(gpt-|o\d)/.test(model)) {
      ex.res.writeHead(404, { 'content-type': 'application/json' });
      ex.res.end(JSON.stringify({ error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } }));
      return;
    }
    return super.handle(ex);
  }
}

const settingsFile = (): string => path.join(session().userDataDir, 'User', 'settings.json');
const readSettings = (): Record<string, unknown> => JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;

/**
 * Edits settings.json the way a user does, in the workbench's own editor (so the running extension sees the
 * change, no reload): the whole text replaced by `text`, saved, the editor closed.
 */
async function typeUserSettings(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  // Hidden editors of other tabs stay in the page: type only into the visible one, once its tab is the active one.
  await page.locator('.tabs-container .tab.active').filter({ hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: 20_000 });
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines:visible').first();
  await editor.waitFor({ state: 'visible', timeout: 20_000 });
  await editor.click();
  assert.equal(await page.locator('.tabs-container .tab.active').innerText().then((t) => t.includes('settings.json')), true, 'typing into another file');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  await until(async () => fs.readFileSync(settingsFile(), 'utf8').replace(/\s/g, '') === text.replace(/\s/g, ''), 'settings.json saved', 15_000);
  await page.keyboard.press('Control+W');
}

async function editSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  const next: Record<string, unknown> = { ...readSettings() };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k]; else next[k] = v;
  await typeUserSettings(page, JSON.stringify(next));
}

const toasts = (page: Page) => page.locator('.notifications-toasts .notification-toast');
async function toastText(page: Page, re: RegExp, ms = 15_000): Promise<string> {
  const t = toasts(page).filter({ hasText: re }).first();
  await t.waitFor({ state: 'visible', timeout: ms });
  return t.innerText();
}

suite('deep session: settings edited while running, Anthropic → OpenAI mid-thread, 5xx and a stalled stream', function () {
  this.timeout(300_000);
  const anthropic = new FakeAnthropic({ ttftMs: 50, perTokenMs: 15 });
  const openai = new StrictOpenAI({ ttftMs: 50, perTokenMs: 15 });
  let restore: () => Promise<void> = async () => undefined;
  const openaiChats = () => openai.requests.filter((r) => r.path === '/v1/chat/completions');

  suiteSetup(async () => {
    const a = await anthropic.start();
    const o = await openai.start();
    restore = await withSettings({
      'hybrid.anthropic.baseUrl': a.url,
      'hybrid.openai.baseUrl': `${o.url}/v1`,
      'hybrid.timeouts.idleMs': IDLE_MS,
      // The user's settings.json is typed as one line: the editor must not add brackets or indentation to it.
      'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoIndent': 'none', 'editor.formatOnSave': false,
    });
  });

  suiteTeardown(async () => {
    // Whatever this suite typed into settings.json goes (the provider and model return to the demo's), then the
    // suite's own settings are put back with a reload.
    const s = readSettings();
    for (const k of ['hybrid.cloud.provider', 'hybrid.cloud.model', 'hybrid.budget.dailyUsd', 'hybrid.privacy.onCloudFindings']) delete s[k];
    fs.writeFileSync(settingsFile(), JSON.stringify(s, null, 2));
    await restore();
    await Promise.all([anthropic.close(), openai.close()]);
  });

  test('malformed values typed into settings.json: one warning names each setting and what applies; asking still works', async () => {
    const page = session().page;
    await editSettings(page, { 'hybrid.timeouts.idleMs': '4s', 'hybrid.budget.dailyUsd': 'ten', 'hybrid.privacy.onCloudFindings': 'REDACT' });
    const warning = await toastText(page, /settings were ignored/);
    process.stdout.write(`      warning: ${JSON.stringify(warning)}\n`);
    assert.match(warning, /hybrid\.timeouts\.idleMs: expected a number/);
    assert.match(warning, /hybrid\.budget\.dailyUsd: expected a number/);
    assert.match(warning, /hybrid\.privacy\.onCloudFindings: read "REDACT" as "redact"/);
    await screenshot(session(), 'deep-settings-malformed');
    // The way to fix it is on the warning: the Settings editor opens at the first setting it names.
    await toasts(page).filter({ hasText: /settings were ignored/ }).first().getByRole('button', { name: 'Open Settings' }).click();
    await page.locator('.settings-editor .setting-item').filter({ hasText: /Idle Ms/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(session(), 'deep-settings-open-settings');
    await page.keyboard.press('Control+W');

    await openFile(page, 'cart.ts');
    await focusChat();
    const q = `Outline a plugin design for Cart discounts (${tag()})`;
    await send('cloud', q);
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'a cloud answer with the defaults in force', 30_000);

    // Fixed: the values go back to valid ones and no new warning appears.
    const shown = await toasts(page).count();
    await editSettings(page, { 'hybrid.timeouts.idleMs': IDLE_MS, 'hybrid.budget.dailyUsd': undefined, 'hybrid.privacy.onCloudFindings': undefined });
    await page.waitForTimeout(1_000);
    assert.ok(await toasts(page).filter({ hasText: /settings were ignored/ }).count() <= Math.max(shown, 1), 'a fixed value warns again');
  });

  test('Anthropic → OpenAI mid-thread: a wrong environment key, then a leftover Anthropic model id, each named with its fix', async () => {
    const page = session().page;
    // This user pinned a Claude model; left unset, the model would follow the provider (gpt-5.4 with OpenAI).
    await editSettings(page, { 'hybrid.cloud.model': 'claude-sonnet-5' });
    const f = await focusChat();
    const q1 = `Which pattern suits Cart's pricing rules? (${tag()})`;
    await send('cloud', q1);
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q1)) && !(await turnSpinning(q1)), 'the Anthropic answer', 30_000);

    await editSettings(page, { 'hybrid.cloud.provider': 'openai' });
    await focusChat();
    const q2 = `And how would that pattern handle currencies? (${tag()})`;
    await send('cloud', q2);
    await until(async () => !(await turnSpinning(q2)), 'the OpenAI turn to end', 30_000);
    const bad = await turnText(q2);
    process.stdout.write(`      OpenAI with the environment's wrong key: ${JSON.stringify(bad.slice(0, 500))}\n`);
    assert.match(bad, /OpenAI/);
    assert.match(bad, /key/i);
    assert.match(bad, /Set API Key/);
    assert.doesNotMatch(bad, /Anthropic/, 'the card names the provider that is no longer in use');
    await shotOfTurn(q2, 'settings-openai-bad-key');

    await f.locator('article.turn').last().locator('.error-card button[data-fix="setApiKey"]').click();
    const title = page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /API key/ });
    await title.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await title.innerText(), /OpenAI/, 'the prompt asks for the OpenAI key');
    await page.locator('.quick-input-box input').fill(openai.goodKey);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    // The re-ask reaches OpenAI with the right key; the model id the user pinned is still Anthropic's.
    await until(async () => (await f.locator('article.turn').filter({ hasText: q2 }).count()) === 2 && !(await turnSpinning(q2)), 'the re-asked turn to end', 30_000);
    const model = await turnText(q2);
    process.stdout.write(`      OpenAI with an Anthropic model id: ${JSON.stringify(model.slice(0, 500))}\n`);
    assert.match(model, /claude-sonnet-5/, 'the card names the model id');
    assert.doesNotMatch(model, /not installed/, 'a cloud model name is not something to install');
    assert.match(model, /hybrid\.cloud\.model|model setting|Open settings/i, 'the card names where to change it');
    await shotOfTurn(q2, 'settings-openai-model');

    await editSettings(page, { 'hybrid.cloud.model': 'gpt-5.4' });
    await focusChat();
    const before = openaiChats().length;
    await (await chat()).locator('article.turn').last().locator('.error-card button[data-fix="retry"]').click();
    await until(async () => /\[fake-openai\]/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'the OpenAI answer after the model fix', 30_000);
    const ok = await turnText(q2);
    process.stdout.write(`      OpenAI answered: ${JSON.stringify(ok.slice(0, 400))}\n`);
    assert.match(ok, /gpt-5\.4/);
    const sent = JSON.stringify(openaiChats().slice(before).map((r) => r.body));
    assert.ok(sent.includes(q1.slice(0, 30)), 'the follow-up carried the thread\'s earlier question to the new provider');
  });

  test('OpenAI answers 5xx: the local model answers and says why; then OpenAI recovers on the next question', async () => {
    await focusChat();
    openai.setFault({ kind: 'status', status: 500, times: 3 });
    const q = `Sketch an adapter layer for Cart's payment providers (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)), 'the 5xx turn to end', 60_000);
    const text = await turnText(q);
    process.stdout.write(`      5xx: ${JSON.stringify(text.slice(0, 600))}\n`);
    process.stdout.write(`      5xx notice: ${JSON.stringify(text.slice(-400))}\n`);
    assert.match(text, /\[fake-ollama\]/, 'the local model answered');
    assert.match(text, /The cloud model failed \(OpenAI had a server error \(500\) after 3 attempts/, 'the notice names what went wrong');
    assert.match(text, /answering with the local model instead/);
    await shotOfTurn(q, 'settings-5xx-fallback');
    openai.setFault(undefined);
    const q2 = `Name the adapter interface's methods (${tag()})`;
    await send('cloud', q2);
    await until(async () => /\[fake-openai\]/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'OpenAI back', 30_000);
  });

  test('a cloud stream that stalls after its first words ends at the idle time-out and says so', async () => {
    await focusChat();
    openai.setFault({ kind: 'stallAfterHeaders', afterTokens: 3, once: true });
    const q = `Walk through a refund flow for Cart (${tag()})`;
    await send('cloud', q);
    await until(async () => /\[fake-openai\]/.test(await turnText(q)), 'the first words', 20_000);
    const began = Date.now();
    await until(async () => !(await turnSpinning(q)), 'the stalled stream to end', IDLE_MS + 20_000);
    const waited = Date.now() - began;
    const text = await turnText(q);
    process.stdout.write(`      stalled cloud stream ended after ${waited} ms: ${JSON.stringify(text.slice(0, 600))}\n`);
    assert.ok(waited <= IDLE_MS + 15_000, `ended near the idle time-out (${waited} ms)`);
    process.stdout.write(`      stall notice: ${JSON.stringify(text.slice(-400))}\n`);
    assert.match(text, /OpenAI stopped sending in the middle of the answer \(nothing for 4 s\)/, 'the turn says the stream went quiet, and for how long');
    assert.match(text, /\[fake-ollama\]/, 'the local model answered instead');
    assert.doesNotMatch(text, /incomplete; try again/, 'the notice tells the user to retry an answer they just got');
    await shotOfTurn(q, 'settings-stalled-cloud');
  });
});
