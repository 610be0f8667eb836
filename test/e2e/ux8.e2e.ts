// UX round 8, what is seen in the real workbench: after a local request fails while the health check still reads
// "ready" (it polls every two minutes when up), the status bar names the cause ("local timed out · will retry",
// "Ollama offline", "model missing"), the tooltip carries the provider's message, and a click leads to the fix;
// the chat shows the local confidence against hybrid.routing.escalationThreshold, not as a bare number.

import * as assert from 'node:assert/strict';
import { FakeOllama, DEFAULT_OLLAMA_MODELS } from '../fakes/ollama';
import { chat, focusChat, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';
import { session } from './session';
import { screenshot, setTheme } from './workbenchPage';

const FIRST_BYTE_MS = 3_000;
const ours = () => session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item[aria-label^="Hybrid Assistant"]')
  .or(session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ has: session().page.locator('[aria-label^="Hybrid Assistant"]') })).first();

async function warningColour(): Promise<boolean> {
  return ours().evaluate((e) => e.classList.contains('warning-kind') || !!e.closest('.warning-kind') || !!e.querySelector('.warning-kind'));
}

/** Hovers our status item so its tooltip shows, and returns the hover's text. */
async function hoverTip(): Promise<string> {
  const page = session().page;
  await ours().hover();
  const hover = page.locator('.monaco-hover, .workbench-hover, .monaco-hover-content').filter({ hasText: 'Hybrid Assistant' }).first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  return (await hover.count()) ? (await hover.innerText()).trim() : '';
}

async function askPrivately(q: string, ms: number): Promise<string> {
  await focusChat();
  await send('private', q);
  await until(async () => !(await turnSpinning(q)), 'the private question to end', ms);
  return turnText(q);
}

suite('ux8: a local failure names its cause; confidence is shown against its threshold', function () {
  this.timeout(300_000);
  let fake: FakeOllama;
  let port = 0;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 60, perTokenMs: 15 });
    const s = await fake.start();
    port = s.port;
    restore = await withSettings({ 'hybrid.local.baseUrl': s.url, 'hybrid.timeouts.localFirstByteMs': FIRST_BYTE_MS });
    await setTheme(session(), 'dark');
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
  });

  setup(async () => {
    if (!fake.listening) await fake.start(port);
    fake.setModels(DEFAULT_OLLAMA_MODELS);
    fake.setReply({ ttftMs: 60, perTokenMs: 15 });
  });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
  });

  test('a private answer: "Stays local: confidence 0.xx (cloud below 0.70)", the tooltip names the setting', async () => {
    const q = `What does this function return? (${tag()})`;
    const text = await askPrivately(q, 30_000);
    assert.match(text, /\[fake-ollama\]/);
    const title = (await chat()).locator('article.turn').filter({ hasText: q }).last().locator('.escalation-title');
    const words = (await title.innerText()).trim();
    process.stdout.write(`      escalation title: "${words}"\n`);
    assert.match(words, /^Stays local: confidence [01]\.\d\d \(cloud below 0\.70\)$/);
    assert.match(await title.getAttribute('title') ?? '', /Below 0\.70 \(hybrid\.routing\.escalationThreshold\)/);
    await shotOfTurn(q, 'ux8-confidence-stays-local');
  });

  test('a local time-out: "local timed out · will retry", no warning colour, the tooltip says the cause and the retry', async () => {
    fake.setReply({ ttftMs: FIRST_BYTE_MS + 4_000 });
    const q = `Explain total once more (${tag()})`;
    const text = await askPrivately(q, FIRST_BYTE_MS + 20_000);
    assert.doesNotMatch(text, /\[fake-ollama\]/);
    const item = statusItem(session().page, /local timed out · will retry/);
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await warningColour(), false, 'a retry is all it needs: no warning background');
    const tip = await hoverTip();
    process.stdout.write(`      status tooltip after a time-out: ${JSON.stringify(tip)}\n`);
    assert.match(tip, /did not start answering within 3 s/);
    assert.match(tip, /next request tries the local model again/);
    assert.match(tip, /Click to open hybrid\.timeouts\.localFirstByteMs/);
    const file = await screenshot(session(), 'ux8-status-timed-out');
    process.stdout.write(`      screenshot: ${file}\n`);
    await session().page.mouse.move(10, 10);
  });

  test('Ollama stopped while the check still reads ready: "Ollama offline" in the warning colour, a click checks again', async () => {
    await fake.close();
    const q = `Is total safe for an empty list? (${tag()})`;
    await askPrivately(q, FIRST_BYTE_MS + 20_000);
    // The request's own failure says it first; the health check, rechecked by the click, says the same.
    const item = statusItem(session().page, /Ollama not running|local offline/);
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await item.innerText()).trim();
    process.stdout.write(`      status bar with Ollama stopped: "${text}"\n`);
    assert.equal(await warningColour(), true, 'the user must start Ollama');
    const tip = await hoverTip();
    process.stdout.write(`      status tooltip: ${JSON.stringify(tip)}\n`);
    assert.match(tip, /ollama serve/);
    const file = await screenshot(session(), 'ux8-status-ollama-offline');
    process.stdout.write(`      screenshot: ${file}\n`);
    await session().page.mouse.move(10, 10);
    await item.click();
    const notice = session().page.locator('.notification-toast').filter({ hasText: /ollama serve|not running|Cannot reach/i }).first();
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await notice.locator('a.monaco-button, .monaco-button').filter({ hasText: 'Check Again' }).count() > 0, 'the notice offers Check Again');
    await screenshot(session(), 'ux8-status-offline-clicked');
    await session().page.keyboard.press('Escape');
  });

  test('the chat model was removed: "model missing", warning colour, the pull command in the tooltip', async () => {
    // The check has seen Ollama back with every model (it polls every 2 minutes from here): the request finds out first.
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
    fake.setModels(DEFAULT_OLLAMA_MODELS.filter((m) => m.name !== 'qwen2.5-coder:7b'));
    const q = `Rename this variable (${tag()})`;
    await askPrivately(q, 30_000);
    const item = statusItem(session().page, /(?<!local )model missing/);
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    process.stdout.write(`      status bar with the model removed: "${(await item.innerText()).trim()}"\n`);
    assert.equal(await warningColour(), true);
    const tip = await hoverTip();
    assert.match(tip, /ollama pull qwen2\.5-coder:7b/);
    const file = await screenshot(session(), 'ux8-status-model-missing');
    process.stdout.write(`      screenshot: ${file}\n`);
    await session().page.mouse.move(10, 10);
    fake.setModels(DEFAULT_OLLAMA_MODELS);
  });
});
