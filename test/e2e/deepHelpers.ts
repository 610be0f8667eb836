// Shared steps of the deep-session scenarios (deep*.e2e.ts): the chat view's frame, sending from it, waiting on
// a turn, the settings swap + reload that points the workbench at fakes this process owns, and screenshots.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { LedgerRecord } from '../../src/core/request';
import { updateUserSettings } from '../runners/codeServerHost';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { runCommand, screenshot, settleActivation, waitForWorkbench, WORKBENCH_READY_MS } from './workbenchPage';

export const tag = (): string => Date.now().toString(36);

/** The webview frame whose document holds `selector` (chat view: main.thread; spend panel: its totals). */
export async function frameWith(selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of session().page.frames()) {
      if (await frame.evaluate(`!!document.querySelector(${JSON.stringify(selector)})`).catch(() => false)) return frame;
    }
    if (Date.now() > deadline) assert.fail(`no webview shows ${selector}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const chat = (): Promise<Frame> => frameWith('main.thread');
export const threadText = async (): Promise<string> => (await chat()).locator('main.thread').innerText().catch(() => '');

/** The text of the last turn whose question contains `q` (route, answer, notices, error card, footer). */
export async function turnText(q: string): Promise<string> {
  const f = await chat();
  return f.evaluate(`(() => {
    const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
    return turns.length ? turns[turns.length - 1].innerText : '';
  })()`) as Promise<string>;
}

/** Whether the last turn for `q` still shows its progress dots (the "spinner"). */
export async function turnSpinning(q: string): Promise<boolean> {
  const f = await chat();
  return f.evaluate(`(() => {
    const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
    const t = turns[turns.length - 1];
    if (!t) return true;
    const p = t.querySelector('.progress');
    return t.classList.contains('is-streaming') || (!!p && !p.hidden);
  })()`) as Promise<boolean>;
}

export async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<number> {
  const began = Date.now();
  const deadline = began + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}; the thread ends: ${JSON.stringify((await threadText()).slice(-700))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - began;
}

export async function focusChat(): Promise<Frame> {
  await runCommand(session().page, 'Hybrid Assistant: Focus on Chat View');
  const f = await chat();
  await f.locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
  return f;
}

export async function send(mode: 'auto' | 'private' | 'cloud', question: string): Promise<void> {
  const f = await chat();
  await f.locator('select.mode').selectOption(mode);
  await f.locator('textarea.input').fill(question);
  await f.locator('button.send').click();
}

export function statusItem(page: Page, text: RegExp) {
  return page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: text }).first();
}

export async function reloadWorkbench(page: Page): Promise<void> {
  // code-server does not push settings.json edits to an open window: reload it.
  await page.reload({ timeout: WORKBENCH_READY_MS });
  await waitForWorkbench(page);
  await settleActivation(page, 30_000);
  await statusItem(page, /\blocal\b/).waitFor({ state: 'visible', timeout: 30_000 });
}

/** Applies `settings` to the profile and reloads; returns a function that puts the previous values back. */
export async function withSettings(settings: Record<string, unknown>): Promise<() => Promise<void>> {
  const s = session();
  const file = path.join(s.userDataDir, 'User', 'settings.json');
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const original = Object.fromEntries(Object.keys(settings).map((k) => [k, current[k]]));
  updateUserSettings(s.userDataDir, settings);
  await reloadWorkbench(s.page);
  return async () => {
    updateUserSettings(s.userDataDir, original);
    await reloadWorkbench(s.page).catch(() => undefined);
  };
}

/** Scrolls the turn for `q` into view and saves the page as screenshots/deep-<name>.png. */
export async function shotOfTurn(q: string, name: string): Promise<string> {
  const f = await chat();
  await f.evaluate(`(() => {
    const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
    turns[turns.length - 1]?.scrollIntoView({ block: 'start' });
  })()`);
  await session().page.waitForTimeout(400);
  const file = await screenshot(session(), `deep-${name}`);
  process.stdout.write(`      screenshot: ${file}\n`);
  return file;
}

/** Every record in the session's ledger files, in file order (none before the first request). */
export function ledgerRecords(): LedgerRecord[] {
  const dir = ledgerDir(session().userDataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerRecord));
}

/** The inline suggestion's ghost text in the editor. */
export function ghost(page: Page) {
  return page.locator('.ghost-text-decoration, .ghost-text-decoration-preview').first();
}

/**
 * Types `line` at the end of the active editor like a user (on a new line unless `newLine` is false), then dismisses
 * the suggestion: ms until ghost text showed, or -1 when none came within `ms`.
 */
export async function typeUntilGhost(page: Page, line: string, ms: number, newLine = true): Promise<number> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  if (newLine) await page.keyboard.press('Enter');
  await page.keyboard.type(line, { delay: 40 });
  const began = Date.now();
  const shown = await ghost(page).waitFor({ state: 'visible', timeout: ms }).then(() => true, () => false);
  const took = Date.now() - began;
  await page.keyboard.press('Escape');
  return shown ? took : -1;
}
