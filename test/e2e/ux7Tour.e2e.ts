// UX round 7, the tour: what a user sees, saved to screenshots/ux7-*.png (git-ignored) to look at. The status bar
// in each state (idle, loading the model, streaming, refused, failed, offline), the chat (empty, a long answer, an
// error card) and the spend panel (empty, with data, narrow; dark, light, high contrast, high contrast light).
// It records what is shown (the status text, the audits' findings) on stdout; ux7.e2e.ts asserts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { FakeOllama } from '../fakes/ollama';
import { updateUserSettings } from '../runners/codeServerHost';
import { contrastProblems } from './a11yAudit';
import { chat, focusChat, frameWith, reloadWorkbench, send, tag, turnSpinning, turnText, until } from './deepHelpers';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { openFile, runCommand, screenshot, setTheme, sidebarWidth, type ThemeKind } from './workbenchPage';

const MODEL = 'qwen2.5-coder:1.5b';
export const LONG_ANSWER = [
  '## How `applyCoupon` works', '',
  'It takes a coupon code, looks it up in the table and applies the first rule that matches. '.repeat(3), '',
  '```ts', 'export function applyCoupon(cart: Cart, code: string): Cart {', '  const rule = COUPONS[code.toUpperCase()];',
  '  if (!rule) throw new Error(`unknown coupon ${code}`);', '  return { ...cart, discount: rule(cart) };', '}', '```', '',
  ...Array.from({ length: 8 }, (_, i) => `${i + 1}. Step ${i + 1}: a longer explanation that wraps in a narrow side bar, with \`inline code\` and a figure of ${(i + 1) * 12.5}%.`),
].join('\n');

const settingsFile = (): string => path.join(session().userDataDir, 'User', 'settings.json');
const current = (): Record<string, unknown> => JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;

/** The right part of the status bar, where our item sits, saved as ux7-status-<name>.png; its text on stdout. */
export async function statusShot(page: Page, name: string): Promise<string> {
  const bar = await page.locator('#workbench\\.parts\\.statusbar').boundingBox();
  const file = path.join(session().screenshotsDir, `ux7-status-${name}.png`);
  fs.mkdirSync(session().screenshotsDir, { recursive: true });
  if (bar) await page.screenshot({ path: file, clip: { x: bar.x + bar.width - 760, y: bar.y, width: 760, height: bar.height } });
  const texts = await page.locator('#workbench\\.parts\\.statusbar .statusbar-item').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
  process.stdout.write(`      status ${name}: ${JSON.stringify(texts)}\n`);
  return file;
}

async function shot(name: string): Promise<void> {
  process.stdout.write(`      screenshot: ${await screenshot(session(), `ux7-${name}`)}\n`);
}

async function spendAudit(label: string): Promise<Frame> {
  const f = await frameWith('.panel-body');
  await until(async () => !/Loading…/.test(await f.evaluate('document.body.innerText') as string), 'the spend panel');
  process.stdout.write(`      contrast ${label}: ${JSON.stringify(await contrastProblems(f))}\n`);
  return f;
}

suite('ux7 tour: screenshots of every state', function () {
  this.timeout(400_000);
  let fake: FakeOllama;
  let close: () => Promise<void> = async () => undefined;
  let original: Record<string, unknown> = {};

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 80, perTokenMs: 45, text: LONG_ANSWER });
    fake.setCold(9_000);
    const s = await fake.start();
    close = s.close;
    const settings = { 'hybrid.local.baseUrl': s.url, 'editor.quickSuggestions': { other: false, comments: false, strings: false }, 'editor.suggestOnTriggerCharacters': false };
    const was = current();
    original = Object.fromEntries(Object.keys(settings).map((k) => [k, was[k]]));
    updateUserSettings(session().userDataDir, settings);
    await setTheme(session(), 'dark');
    await reloadWorkbench(session().page);
  });

  suiteTeardown(async () => {
    updateUserSettings(session().userDataDir, original);
    await reloadWorkbench(session().page).catch(() => undefined);
    await close();
  });

  test('status bar: idle, loading the model, streaming, refused, failed; chat: empty, long answer, error card', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    const f = await focusChat();
    await runCommand(page, 'Hybrid: New Chat');
    await f.getByText('Checking your set-up').waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
    await statusShot(page, 'idle');
    await shot('chat-empty');

    // Loading: the completion model is cold; typing asks for ghost text.
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('const tourAnswer =', { delay: 40 });
    await page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: `loading ${MODEL}` }).first()
      .waitFor({ state: 'visible', timeout: 12_000 }).then(() => statusShot(page, 'loading'), () => process.stdout.write('      status loading: not seen\n'));
    await until(async () => fake.isLoaded(MODEL), 'the model loaded', 30_000);
    await page.keyboard.press('Escape');
    // Undo back to the file as it was (typing is undone word by word), so later scenarios see the sample unchanged.
    for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Z');

    const q = `What does applyCoupon accept? (${tag()})`;
    await send('private', q);
    await until(async () => (await turnText(q)).includes('How'), 'the answer streaming', 30_000);
    await statusShot(page, 'streaming');
    await shot('chat-streaming');
    await until(async () => !(await turnSpinning(q)), 'the long answer', 90_000);
    await statusShot(page, 'after-local');
    await shot('chat-long-answer');

    const refused = `#file:config/.env.local Which keys are set here? (${tag()})`;
    await send('cloud', refused);
    await until(async () => /Not sent/.test(await turnText(refused)) && !(await turnSpinning(refused)), 'the refusal');
    await statusShot(page, 'refused');
    await page.locator('#workbench\\.parts\\.statusbar .statusbar-item[aria-label^="Hybrid Assistant"]').first().hover().catch(() => undefined);
    await page.waitForTimeout(1_500);
    await shot('status-refused-tooltip');
    await page.mouse.move(600, 400);

    fake.setFault({ kind: 'status', status: 500, body: 'llama runner process has terminated: signal: killed' });
    const failed = `Explain subtotal (${tag()})`;
    await send('private', failed);
    await until(async () => !(await turnSpinning(failed)) && (await (await chat()).locator('.turn .error-card').count()) > 0, 'the error card');
    fake.setFault(undefined);
    await statusShot(page, 'failed');
    await (await chat()).evaluate(`document.querySelector('.turn:last-of-type .error-card')?.scrollIntoView({ block: 'center' })`);
    await shot('chat-error-card');
  });

  test('status bar offline; the chat set-up list and an error card with Ollama gone', async () => {
    const page = session().page;
    const back = current()['hybrid.local.baseUrl'];
    updateUserSettings(session().userDataDir, { 'hybrid.local.baseUrl': 'http://127.0.0.1:9' });
    try {
      await reloadWorkbench(page);
      const f = await focusChat();
      await runCommand(page, 'Hybrid: New Chat');
      await until(async () => /Ollama is not running/.test(await f.locator('section.empty').innerText()), 'the set-up list');
      await statusShot(page, 'offline');
      await shot('chat-empty-offline');
      const q = `Explain subtotal (${tag()})`;
      await send('private', q);
      await until(async () => !(await turnSpinning(q)) && (await f.locator('.turn .error-card').count()) > 0, 'the error card');
      await shot('chat-error-offline');
    } finally {
      updateUserSettings(session().userDataDir, { 'hybrid.local.baseUrl': back });
      await reloadWorkbench(page);
    }
  });

  for (const kind of ['dark', 'light', 'hc', 'hcLight'] as ThemeKind[]) {
    test(`spend panel with data, ${kind}; the chat after answers`, async () => {
      const page = session().page;
      await setTheme(session(), kind);
      await runCommand(page, 'Hybrid: Show Spend');
      const f = await spendAudit(`spend ${kind}`);
      await shot(`spend-${kind}`);
      await f.locator('section[aria-label="Last 30 days"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(400);
      await shot(`spend-${kind}-chart`);
      await page.keyboard.press('Control+W');
      const c = await focusChat();
      process.stdout.write(`      contrast chat ${kind}: ${JSON.stringify(await contrastProblems(c))}\n`);
      await shot(`chat-${kind}`);
    });
  }

  test('spend panel in a narrow editor, and empty', async () => {
    const page = session().page;
    await setTheme(session(), 'dark');
    await runCommand(page, 'Hybrid: Show Spend');
    await spendAudit('spend narrow');
    const width = await sidebarWidth(960);
    process.stdout.write(`      side bar ${width}px\n`);
    await page.waitForTimeout(800);
    await shot('spend-narrow');
    const f = await frameWith('.panel-body');
    await f.locator('section[aria-label="Last 30 days"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    await shot('spend-narrow-chart');
    await sidebarWidth(380);
    await page.keyboard.press('Control+W');

    const dir = ledgerDir(session().userDataDir);
    const aside = `${dir}.ux7-aside`;
    fs.rmSync(aside, { recursive: true, force: true });
    if (fs.existsSync(dir)) fs.renameSync(dir, aside);
    try {
      await reloadWorkbench(page);
      await runCommand(page, 'Hybrid: Show Spend');
      await spendAudit('spend empty');
      await shot('spend-empty');
      await page.keyboard.press('Control+W');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      if (fs.existsSync(aside)) fs.renameSync(aside, dir);
      await reloadWorkbench(page);
    }
  });
});
