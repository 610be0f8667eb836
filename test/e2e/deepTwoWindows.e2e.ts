// Deep session, two windows on two workspaces with one profile (so one ledger folder), in the real workbench: the
// user asks the cloud in both at once, several times. Every answer is one intact ledger line (no torn or merged
// lines), the spend panel open in the first window counts the second window's requests without being reopened,
// and the first window's status bar tooltip sees today's spend from both.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { LedgerRecord } from '../../src/core/request';
import { FakeAnthropic } from '../fakes/anthropic';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { runCommand, screenshot, settleActivation, waitForWorkbench, WORKBENCH_READY_MS } from './workbenchPage';
import { statusItem, tag, withSettings } from './deepHelpers';

const ROUNDS = 3;

function ledgerLines(): string[] {
  const dir = ledgerDir(session().userDataDir);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
}

async function frameIn(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.evaluate(`!!document.querySelector(${JSON.stringify(selector)})`).catch(() => false)) return frame;
    }
    if (Date.now() > deadline) assert.fail(`no webview in this window shows ${selector}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function turnDone(page: Page, q: string): Promise<string> {
  const f = await frameIn(page, 'main.thread');
  return f.evaluate(`(() => {
    const turns = [...document.querySelectorAll('article.turn')].filter((t) => (t.querySelector('.question-text')?.textContent ?? '').includes(${JSON.stringify(q)}));
    const t = turns[turns.length - 1];
    if (!t) return '';
    const p = t.querySelector('.progress');
    return t.classList.contains('is-streaming') || (p && !p.hidden) ? '' : t.innerText;
  })()`) as Promise<string>;
}

async function askCloud(page: Page, q: string): Promise<string> {
  const f = await frameIn(page, 'main.thread');
  await f.locator('select.mode').selectOption('cloud');
  await f.locator('textarea.input').fill(q);
  await f.locator('button.send').click();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = await turnDone(page, q).catch(() => '');
    if (text) return text;
    if (Date.now() > deadline) assert.fail(`no finished turn for ${q}`);
    await page.waitForTimeout(250);
  }
}

async function cloudCount(f: Frame): Promise<number> {
  const text = await f.evaluate('document.body.innerText') as string;
  const m = /(\d+) requests · (\d+) local · (\d+) cloud/.exec(text);
  return m ? Number(m[3]) : -1;
}

suite('deep session: two windows on two workspaces write one ledger at once', function () {
  this.timeout(300_000);
  const cloud = new FakeAnthropic({ ttftMs: 40, perTokenMs: 10 });
  let restore: () => Promise<void> = async () => undefined;
  let second: Page | undefined;
  let otherFolder = '';

  suiteSetup(async () => {
    const c = await cloud.start();
    restore = await withSettings({ 'hybrid.anthropic.baseUrl': c.url });
    otherFolder = path.join(path.dirname(session().workspace), `second-${tag()}`);
    fs.mkdirSync(path.join(otherFolder, 'src'), { recursive: true });
    fs.writeFileSync(path.join(otherFolder, 'src', 'invoice.ts'), 'export function invoiceTotal(lines: { amount: number }[]): number {\n  return lines.reduce((s, l) => s + l.amount, 0);\n}\n');
    const page = session().page;
    // A window of its own, as a second VS Code window is (the session's page owns its browser context).
    const context = await page.context().browser()!.newContext({ viewport: { width: 1366, height: 860 } });
    second = await context.newPage();
    await second.goto(`${new URL(page.url()).origin}/?folder=${encodeURIComponent(otherFolder)}`, { timeout: WORKBENCH_READY_MS });
    await waitForWorkbench(second);
    await settleActivation(second, 30_000);
    await statusItem(second, /\blocal\b/).waitFor({ state: 'visible', timeout: 60_000 });
  });

  suiteTeardown(async () => {
    await second?.context().close().catch(() => undefined);
    await restore();
    await cloud.close();
    if (otherFolder) fs.rmSync(otherFolder, { recursive: true, force: true });
  });

  test(`${ROUNDS} rounds of a cloud question in each window at once: intact lines, one per answer; the first window's open panel counts both`, async () => {
    const page = session().page;
    await runCommand(page, 'Hybrid: Show Spend');
    const panel = await frameIn(page, 'section[aria-label="Totals"]');
    const deadline = Date.now() + 30_000;
    while ((await cloudCount(panel)) < 0 && Date.now() < deadline) await page.waitForTimeout(250);
    const before = await cloudCount(panel);
    const linesBefore = ledgerLines().length;
    await runCommand(page, 'Hybrid Assistant: Focus on Chat View');
    await runCommand(second!, 'Hybrid Assistant: Focus on Chat View');
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await Promise.all([
        askCloud(page, `Round ${i}: how should Cart validate quantities? (${tag()})`),
        askCloud(second!, `Round ${i}: how should invoiceTotal treat refunds? (${tag()})`),
      ]);
      assert.match(a, /\[fake-anthropic\]/, `window 1, round ${i}: ${a.slice(0, 300)}`);
      assert.match(b, /\[fake-anthropic\]/, `window 2, round ${i}: ${b.slice(0, 300)}`);
    }
    const added = ledgerLines().slice(linesBefore);
    const parsed = added.map((l) => { try { return JSON.parse(l) as LedgerRecord; } catch { return undefined; } });
    process.stdout.write(`      ${added.length} new ledger lines; unparsable: ${parsed.filter((p) => !p).length}\n`);
    assert.ok(parsed.every(Boolean), 'a torn or merged ledger line');
    const cloudAdded = parsed.filter((r) => r!.route === 'cloud' && r!.status === 'ok');
    assert.equal(cloudAdded.length, 2 * ROUNDS, `one cloud record per answer (${JSON.stringify(parsed.map((r) => [r!.route, r!.status]))})`);
    assert.equal(new Set(cloudAdded.map((r) => r!.id)).size, 2 * ROUNDS, 'ids are unique across windows');

    await runCommand(page, 'Hybrid: Show Spend');
    const live = await frameIn(page, 'section[aria-label="Totals"]');
    const until = Date.now() + 20_000;
    while ((await cloudCount(live)) < before + 2 * ROUNDS && Date.now() < until) await page.waitForTimeout(250);
    const after = await cloudCount(live);
    await screenshot(session(), 'deep-two-windows-spend');
    assert.equal(after, before + 2 * ROUNDS, `the first window's panel counts ${after - before} of ${2 * ROUNDS} new cloud requests`);
  });

  test("the first window's status bar tooltip names today's spend from both windows", async () => {
    const page = session().page;
    const today = new Date().toISOString().slice(0, 10);
    const records = ledgerLines().map((l) => JSON.parse(l) as LedgerRecord);
    const spentToday = records.filter((r) => r.route === 'cloud' && r.time.startsWith(today)).reduce((s, r) => s + (r.costUsd ?? 0), 0);
    await page.mouse.move(10, 10);
    // Our entry, whatever it says now: "local ready", or today's spend and how the last request ended.
    await statusItem(page, /\blocal\b|\btoday\b/).hover();
    const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /today/i }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const tip = await hover.innerText();
    process.stdout.write(`      tooltip: ${JSON.stringify(tip.slice(0, 400))}; ledger says today ${spentToday.toFixed(4)} USD\n`);
    const shown = /\$(\d+\.\d+)[^\n]*today|today[^\n]*\$(\d+\.\d+)/i.exec(tip);
    assert.ok(shown, 'the tooltip shows a figure for today');
    const figure = Number(shown[1] ?? shown[2]);
    const decimals = (shown[1] ?? shown[2]).split('.')[1].length;
    assert.ok(Math.abs(figure - spentToday) <= 10 ** -decimals, `the tooltip says $${figure} today, the ledger ${spentToday}`);
    await page.mouse.move(10, 10);
  });
});
