// DOM helpers for the VS Code 1.96 workbench as served by code-server: the status bar, the command palette,
// quick open and the colour theme are ordinary DOM (webviews are nested iframes and are not used here).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { updateUserSettings } from '../runners/codeServerHost';
import { session, type E2ESession, type PackageJson } from './session';

export const WORKBENCH_READY_MS = 120_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: WORKBENCH_READY_MS });
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: WORKBENCH_READY_MS });
}

/** The extension's status bar entry: its text or aria-label mentions the local model's state. */
export function hybridStatusItem(page: Page): Locator {
  return page.locator('#workbench\\.parts\\.statusbar .statusbar-item')
    .filter({ hasText: /local (ready|offline)/i });
}

/**
 * Commands a user can always find in the palette: declared, with no `when` in menus.commandPalette (`false` hides
 * a command; other conditions such as `editorHasSelection` depend on the moment).
 */
export function paletteCommands(pkg: PackageJson): Array<{ id: string; label: string }> {
  const hidden = new Set((pkg.contributes?.menus?.commandPalette ?? [])
    .filter((m) => m.when !== undefined).map((m) => m.command));
  return (pkg.contributes?.commands ?? [])
    .filter((c) => !hidden.has(c.command))
    .map((c) => ({ id: c.command, label: c.category ? `${c.category}: ${c.title}` : c.title }));
}

/**
 * Opens the command palette (F1) with `query` typed after the '>' and returns the visible row labels. A quick input
 * that is still open (or closing: the one a command just took its answer from) is closed first, so the text never
 * lands in a box that is about to disappear; a fill that still misses reopens the palette (bounded).
 */
export async function searchPalette(page: Page, query: string): Promise<string[]> {
  const input = page.locator('.quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    if (await page.locator('.quick-input-widget').isVisible()) await closeQuickInput(page);
    await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 }, force: true }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${query}`, { timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  // The list filters as you type; give it one frame to settle before reading.
  await page.waitForTimeout(300);
  return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
}

/**
 * Searches the palette until a row contains `label`. The palette lists the commands known when it opened, and
 * contributions appear once the extension host has scanned them, so each retry reopens it.
 */
export async function findInPalette(page: Page, label: string, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await searchPalette(page, label);
    if (rows.some((r) => r.includes(label)) || Date.now() > deadline) return rows;
    await closeQuickInput(page);
    await page.waitForTimeout(1_000);
  }
}

/** Runs a command through the palette by its full label (e.g. "Hybrid: Show Spend"). */
export async function runCommand(page: Page, label: string): Promise<void> {
  // A webview that takes focus as it is revealed (the spend panel) can close the palette the moment it opens,
  // leaving its list hidden: the palette is opened again, a few times, before this counts as a failure.
  for (let attempt = 1; ; attempt++) {
    const rows = await findInPalette(page, label);
    if (!rows.some((r) => r.includes(label))) throw new Error(`"${label}" is not in the palette: ${rows.join(' | ')}`);
    const shown = await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: label }).first()
      .waitFor({ state: 'visible', timeout: attempt < 3 ? 4_000 : 10_000 }).then(() => true, (err: unknown) => {
        if (attempt >= 3) throw err;
        return false;
      });
    if (!shown) { await closeQuickInput(page); continue; }
    await page.keyboard.press('Enter');
    // The palette is gone once the widget hides — or once it holds something else: a command that asks at once
    // (Set API Key's provider pick) reuses the widget, which then never hides.
    await page.waitForFunction(`(() => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || getComputedStyle(w).display === 'none') return true;
      const input = w.querySelector('.quick-input-box input');
      return !input || !input.value.startsWith('>');
    })()`, undefined, { timeout: 10_000 });
    return;
  }
}

/** Editor tabs (every group) whose label contains `title`: a command that shows a panel must not add a second one. */
export function countTabs(page: Page, title: string): Promise<number> {
  return page.locator('.tabs-container .tab', { hasText: title }).count();
}

/** Waits (bounded, best effort) until the status bar no longer says "Activating Extensions...". */
export async function settleActivation(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.locator('#workbench\\.parts\\.statusbar').getByText('Activating Extensions').first()
    .waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => undefined);
}

export async function closeQuickInput(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/**
 * Opens a workspace file by its path relative to the open folder. Quick Open is given the file's absolute path:
 * the workbench then checks that one path on disk and lists it, instead of waiting for its file search to notice
 * a file the test has just written (a race that a loaded machine loses, issue #20).
 */
export async function openFile(page: Page, name: string): Promise<void> {
  const absolute = path.isAbsolute(name) ? name : findInWorkspace(session().workspace, name);
  const base = path.basename(absolute);
  if (await page.locator('.quick-input-widget').isVisible()) await closeQuickInput(page);
  const input = page.locator('.quick-input-box input');
  // Keys go where the focus is: after a webview (the spend panel, the chat) had it, Ctrl+P reaches the iframe, not
  // the workbench. And a quick input that opened can close again before it is typed into (something else took the
  // focus: a notification, a view revealing itself). Each try gives the workbench the focus first.
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 }, force: true }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: attempt === 1 ? 5_000 : 15_000 });
      await input.fill(absolute, { timeout: 5_000 });
      await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: base }).first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      if (await page.locator('.quick-input-widget').isVisible()) await closeQuickInput(page);
    }
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${base}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** `name` as a path under the workspace, or the one file of that name anywhere in it (as Quick Open would find it). */
function findInWorkspace(root: string, name: string): string {
  const direct = path.join(root, name);
  if (fs.existsSync(direct)) return direct;
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === path.basename(name) && full.endsWith(name)) found.push(full);
    }
  };
  walk(root);
  if (found.length !== 1) throw new Error(`openFile: ${found.length} files named ${name} under ${root}${found.length ? `: ${found.join(', ')}` : ''}`);
  return found[0];
}

export type ThemeKind = 'light' | 'dark' | 'hc' | 'hcLight';
const THEMES: Record<ThemeKind, { name: string; cssClass: string }> = {
  light: { name: 'Default Light Modern', cssClass: 'vs' },
  dark: { name: 'Default Dark Modern', cssClass: 'vs-dark' },
  hc: { name: 'Default High Contrast', cssClass: 'hc-black' },
  hcLight: { name: 'Default High Contrast Light', cssClass: 'hc-light' },
};

/**
 * Switches the colour theme through the profile's settings.json. code-server does not push edits of that file
 * to an open window, so the page reloads (the open editors come back with the window state).
 */
export async function setTheme(s: E2ESession, kind: ThemeKind): Promise<void> {
  updateUserSettings(s.userDataDir, { 'workbench.colorTheme': THEMES[kind].name });
  await s.page.reload({ timeout: WORKBENCH_READY_MS });
  await waitForWorkbench(s.page);
  await s.page.locator(`.monaco-workbench.${THEMES[kind].cssClass}`).waitFor({ state: 'attached', timeout: 30_000 });
  // Let fonts and editor decorations settle before a screenshot.
  await s.page.waitForTimeout(1_500);
}

export async function screenshot(s: E2ESession, name: string): Promise<string> {
  fs.mkdirSync(s.screenshotsDir, { recursive: true });
  const file = path.join(s.screenshotsDir, `${name}.png`);
  await s.page.screenshot({ path: file });
  return file;
}

/** Drags the side bar's edge to about `px` wide; returns the width it took. */
export async function sidebarWidth(px: number): Promise<number> {
  const page = session().page;
  const bar = page.locator('#workbench\\.parts\\.sidebar');
  // Dragged from the sash's own centre, and again if the width did not follow: from the side bar's last pixel the
  // drag back from a wide side bar sometimes started inside the chat view's webview, and the side bar stayed wide
  // for every file after (a webview over the editor the next file clicked into).
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await bar.boundingBox();
    assert.ok(box, 'the side bar is not shown');
    const edge = box.x + box.width;
    const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, top: r.y, bottom: r.y + r.height }; }));
    const y = box.y + box.height / 2;
    const sash = sashes.filter((s) => Math.abs(s.x - edge) <= 6 && s.top <= y && s.bottom >= y).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    const from = sash?.x ?? edge - 1;
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(box.x + px + (from - edge), y, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(400);
    const width = (await bar.boundingBox())?.width ?? 0;
    if (Math.abs(width - px) <= 30) return width;
  }
  return (await bar.boundingBox())?.width ?? 0;
}
