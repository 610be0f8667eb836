// Issue #21 item 0 as a new user meets it in the real workbench: code selected below a `// CONFIDENTIAL` header
// (the header not selected) is asked about with Ask (automatic) and an architecture question, with Ask (cloud), and
// from the chat view in both modes. The cloud is a loopback Anthropic fake started by this test, so the test can
// read every byte it received: none of the selected code. A benign twin (same code, no header) is the control
// that proves the fake is the cloud the workbench talks to.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import { updateUserSettings } from '../runners/codeServerHost';
import { session } from './session';
import { closeQuickInput, openFile, screenshot, waitForWorkbench, WORKBENCH_READY_MS } from './workbenchPage';

const rand = (): string => Math.random().toString(36).slice(2, 10);
const PRIVATE_CANARY = `settleLedger_${rand()}`;
const PUBLIC_CANARY = `settleLedger_${rand()}`;
const ARCHITECTURE = 'How should we restructure this settlement module into separate services? Compare event sourcing against a batch design, with the trade-offs for consistency, failure recovery and scaling.';

function source(header: string, canary: string): string {
  return `${header}\n\nexport function ${canary}(ledger: { amount: number; closed: boolean }[]): number {\n` +
    '  const open = ledger.filter((e) => !e.closed);\n  return open.reduce((a, e) => a + e.amount, 0);\n}\n';
}

const chatFrame = (): FrameLocator => session().page.frameLocator('iframe.webview').frameLocator('#active-frame');
const threadText = (): Promise<string> => chatFrame().locator('main.thread').innerText();

/**
 * The context chips of the turn that asked `question`, read from the DOM (textContent): with more than two files the
 * chat folds them into "Used N files", whose closed list innerText does not show.
 */
async function chipsOf(question: string): Promise<string> {
  return chatFrame().locator('article.turn').filter({ hasText: question }).last().locator('.context-chip')
    .evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' | '));
}

async function turnOf(question: string): Promise<string> {
  const text = await threadText();
  const at = text.lastIndexOf(question);
  return at < 0 ? '' : text.slice(at);
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the thread shows: ${JSON.stringify((await threadText().catch(() => '')).slice(-600))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs the palette command whose label is exactly `label`. The palette is opened with F1 from where the focus is
 * (the shared helper clicks the workbench first, which would move the cursor and drop the selection under test).
 */
async function runExact(label: string): Promise<void> {
  const page = session().page;
  const widget = page.locator('.quick-input-widget');
  const input = page.locator('.quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    // A quick input that is still closing (the Ask box that just took its answer) goes first. Waited for, not
    // closed with Escape: an Escape that reaches the editor would drop the selection.
    await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    if (await widget.isVisible()) await closeQuickInput(page);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${label}`, { timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const exact = new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first()
    .click({ timeout: 30_000 });
}

async function focusChat(): Promise<void> {
  await runExact('Hybrid Assistant: Focus on Chat View');
  await chatFrame().locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
}

const selectionShown = () => session().page.locator('#workbench\\.parts\\.statusbar').getByText(/\(\d+ selected\)/).first();

/** Opens the file and selects from line 3 to the end with the keyboard: the code, never the header on line 1. */
async function selectBelowHeader(name: string): Promise<void> {
  const page = session().page;
  await openFile(page, name);
  // Click on the text of line 1 (not below the last line), then select with the keyboard.
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Control+End');
  await selectionShown().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Runs an Ask command from the palette (focus stays where the selection is) and answers its input box. */
async function askFromPalette(label: string, question: string): Promise<void> {
  const page = session().page;
  await runExact(label);
  const exact = new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`);
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: exact }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-box input').fill(question);
  await page.keyboard.press('Enter');
}

async function send(mode: 'cloud' | 'auto', question: string): Promise<void> {
  const chat = chatFrame();
  await chat.locator('select.mode').selectOption(mode);
  await chat.locator('textarea.input').fill(question);
  await chat.locator('button.send').click();
}

suite('a file\'s privacy covers every part of it (issue #21 item 0)', () => {
  const cloud = new FakeAnthropic();
  let original: unknown;
  const settingsFile = (): string => path.join(session().userDataDir, 'User', 'settings.json');
  const received = (): string => JSON.stringify(cloud.requests.map((r) => r.body));

  suiteSetup(async function () {
    this.timeout(WORKBENCH_READY_MS + 120_000);
    const s = session();
    fs.writeFileSync(path.join(s.workspace, 'ledger-confidential.ts'), source('// CONFIDENTIAL', PRIVATE_CANARY));
    fs.writeFileSync(path.join(s.workspace, 'ledger-public.ts'), source('// Settlement helpers, see docs/settle.md', PUBLIC_CANARY));
    const { url } = await cloud.start();
    original = (JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>)['hybrid.anthropic.baseUrl'];
    updateUserSettings(s.userDataDir, { 'hybrid.anthropic.baseUrl': url });
    // code-server does not push settings.json edits to an open window: reload it.
    await s.page.reload({ timeout: WORKBENCH_READY_MS });
    await waitForWorkbench(s.page);
    await s.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: /local ready/i }).first()
      .waitFor({ state: 'visible', timeout: 60_000 });
  });

  suiteTeardown(async function () {
    this.timeout(WORKBENCH_READY_MS + 30_000);
    const s = session();
    updateUserSettings(s.userDataDir, { 'hybrid.anthropic.baseUrl': original });
    await s.page.reload({ timeout: WORKBENCH_READY_MS });
    await waitForWorkbench(s.page);
    await cloud.close();
  });

  test('Ask (automatic), architecture question: answered locally, nothing reaches the cloud', async () => {
    await selectBelowHeader('ledger-confidential.ts');
    const question = `${ARCHITECTURE} (${rand()})`;
    await askFromPalette('Hybrid: Ask', question);
    await focusChat();
    await until(async () => /\[fake-ollama\]/.test(await turnOf(question)), 'the local answer', 90_000);
    const turn = await turnOf(question);
    assert.match(turn, /private file/i, `the route does not say why: ${turn.slice(0, 500)}`);
    // The selection (from line 3), not the whole file, was attached: the header was not part of what was asked.
    assert.match(await chipsOf(question), /ledger-confidential\.ts:3/, `the selection was not attached: ${await chipsOf(question)}`);
    assert.equal(cloud.requests.length, 0, `the cloud fake received ${cloud.requests.length} request(s)`);
  });

  test('Ask (cloud): "Not sent" with "Retry on local", nothing reaches the cloud', async () => {
    await selectBelowHeader('ledger-confidential.ts');
    const question = `${ARCHITECTURE} (${rand()})`;
    await askFromPalette('Hybrid: Ask (cloud)', question);
    await focusChat();
    await until(async () => /Retry on local/.test(await turnOf(question)), 'the refusal with "Retry on local"');
    const turn = await turnOf(question);
    assert.match(turn, /Not sent/);
    assert.match(turn, /ledger-confidential\.ts is a private file/);
    assert.match(turn, /CONFIDENTIAL/);
    assert.equal(cloud.requests.length, 0);
    await screenshot(session(), 'chat-refusal-marked-file');
  });

  test('the chat view, automatic and cloud: no byte of the selected code reaches the cloud', async () => {
    await selectBelowHeader('ledger-confidential.ts');
    await focusChat();
    // Focus moved to the chat; the editor keeps its selection (clicks inside the webview do not touch it).
    await selectionShown().waitFor({ state: 'visible', timeout: 10_000 });
    const auto = `${ARCHITECTURE} (${rand()})`;
    await send('auto', auto);
    await until(async () => /\[fake-ollama\]/.test(await turnOf(auto)), 'the local answer', 90_000);
    assert.match(await chipsOf(auto), /ledger-confidential\.ts:3/, `the selection was not attached: ${await chipsOf(auto)}`);
    const toCloud = `${ARCHITECTURE} (${rand()})`;
    await send('cloud', toCloud);
    await until(async () => /Retry on local/.test(await turnOf(toCloud)), 'the refusal');
    assert.match(await turnOf(toCloud), /Not sent/);
    assert.equal(cloud.requests.length, 0);
    await closeQuickInput(session().page);
  });

  test('control: the same code without the header goes to this cloud fake (so "nothing received" above means held)', async () => {
    await selectBelowHeader('ledger-public.ts');
    await focusChat();
    await selectionShown().waitFor({ state: 'visible', timeout: 10_000 });
    const question = `${ARCHITECTURE} (${rand()})`;
    await send('cloud', question);
    await until(async () => /\[fake-anthropic\]/.test(await turnOf(question)), 'the cloud answer', 90_000);
    assert.ok(received().includes(PUBLIC_CANARY), 'the benign selection did not reach the fake');
    assert.ok(!received().includes(PRIVATE_CANARY), 'the marked file\'s code reached the cloud');
    assert.ok(!received().includes('ledger-confidential'), 'the marked file\'s name reached the cloud');
  });
});
