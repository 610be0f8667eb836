// Deep session, a huge file, in the real workbench against fakes this process owns: the user opens a 22 MB CSV
// export, selects all of it and asks about it — automatically routed, then explicitly to the cloud, then as a
// private review. Classification, the privacy scan and token counting must stay bounded: each turn ends soon with
// an answer or a clear message that says what happened to the selection, the workbench stays responsive, nothing
// that could not be scanned reaches the cloud, and the local model is sent a bounded prompt, not 22 MB.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile } from './workbenchPage';
import { chat, focusChat, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const HUGE = 'data/orders_export_2026.csv';
const TARGET_BYTES = 22 * 1024 * 1024;
// Bounded: the answer (or the message) comes within this, from the moment the question is sent.
const TURN_MS = 45_000;

function hugeCsv(): string {
  const rows = ['order_id,placed_at,customer_ref,sku,qty,unit_price,total,currency,warehouse'];
  let size = rows[0].length + 1;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const row = `${100000 + i},2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00Z,C${(i * 7919) % 100000},SKU-${i % 4999},${1 + (i % 9)},${(3 + (i % 97) * 0.37).toFixed(2)},${((1 + (i % 9)) * (3 + (i % 97) * 0.37)).toFixed(2)},EUR,WH-${i % 13}`;
    rows.push(row);
    size += row.length + 1;
  }
  return `${rows.join('\n')}\n`;
}

/** Opens the huge file as text (past the workbench's large-file confirmation, as a user would) and selects all. */
async function openAndSelectAll(page: Page): Promise<void> {
  await openFile(page, HUGE);
  const anyway = page.locator('.editor-group-container.active .monaco-button, .editor-group-container.active a').filter({ hasText: /Open Anyway/ }).first();
  if (await anyway.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) await anyway.click();
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines:visible').first();
  await lines.waitFor({ state: 'visible', timeout: 60_000 });
  await lines.click();
  await page.keyboard.press('Control+A');
}

/**
 * Selects all of the huge file in its editor, and waits until the chat box says the selection is what goes. The
 * chat view is shown first: the palette (which focusChat uses) clicks the workbench, and a click in the editor
 * would drop the selection.
 */
async function selectAllOfHuge(page: Page): Promise<void> {
  await focusChat();
  await openAndSelectAll(page);
  await until(async () => /orders_export_2026\.csv.*selection/.test(await (await chat()).locator('.context-line').innerText()), 'the chat box to name the selection', 30_000);
}

/** Our status bar entry, whatever it says now: "local ready", today's spend, or how the last request ended ("not sent", "failed"). */
const hybridItem = (page: Page) => statusItem(page, /\blocal\b|\btoday\b|\bnot sent\b|\bfailed\b/);

const chatBodies = (f: FakeOllama, from: number): string[] => f.requests.slice(from).filter((r) => r.path === '/api/chat').map((r) => JSON.stringify(r.body));

suite('deep session: a 22 MB file selected whole — Ask (auto), Ask (cloud), a private review stay bounded and say so', function () {
  this.timeout(300_000);
  const ollama = new FakeOllama({ ttftMs: 60, perTokenMs: 15 });
  const cloud = new FakeAnthropic({ ttftMs: 60, perTokenMs: 15 });
  let restore: () => Promise<void> = async () => undefined;
  const file = (): string => path.join(session().workspace, HUGE);

  suiteSetup(async () => {
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(file(), hugeCsv());
    const o = await ollama.start();
    const c = await cloud.start();
    restore = await withSettings({ 'hybrid.local.baseUrl': o.url, 'hybrid.anthropic.baseUrl': c.url, 'hybrid.fallback.cloudToLocal': false });
  });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
    fs.rmSync(file(), { force: true });
  });

  test('Ask (auto) about all 22 MB: a local answer within the bound, a bounded prompt, and the turn says the selection was cut', async () => {
    const page = session().page;
    await selectAllOfHuge(page);
    const n = ollama.requests.length;
    const q = `Which orders in this export have a total that does not match qty × unit_price? (${tag()})`;
    const began = Date.now();
    await send('auto', q);
    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the huge-selection turn to end', TURN_MS + 60_000);
    const ms = Date.now() - began;
    const text = await turnText(q);
    const sent = chatBodies(ollama, n);
    process.stdout.write(`      auto, 22 MB selected: ended after ${ms} ms; local sent ${sent.map((b) => b.length).join(', ')} chars; cloud requests ${cloud.requests.length}; turn ${JSON.stringify(text.slice(0, 700))}\n`);
    await shotOfTurn(q, 'huge-auto');
    assert.ok(ms <= TURN_MS, `the turn took ${ms} ms`);
    assert.equal(cloud.requests.length, 0, 'a selection too big to scan for secrets reached the cloud');
    assert.match(text, /\[fake-ollama\]/, 'the local model answered');
    assert.ok(sent.length >= 1 && sent.every((b) => b.length < 400_000), 'the local model was sent a bounded prompt');
    assert.match(text, /trimmed|cut|only the first|part of/i, 'the turn says only part of the selection was read');
    await hybridItem(page).waitFor({ state: 'visible', timeout: 5_000 });
  });

  test('Ask (cloud) about all 22 MB: not sent, with a message that says why and the way out, within the bound', async () => {
    const page = session().page;
    await selectAllOfHuge(page);
    const q = `Summarise this export for finance (${tag()})`;
    const began = Date.now();
    await send('cloud', q);
    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the cloud turn to end', TURN_MS + 60_000);
    const ms = Date.now() - began;
    const text = await turnText(q);
    process.stdout.write(`      cloud, 22 MB selected: ended after ${ms} ms: ${JSON.stringify(text.slice(0, 700))}\n`);
    await shotOfTurn(q, 'huge-cloud');
    assert.ok(ms <= TURN_MS, `the turn took ${ms} ms`);
    assert.equal(cloud.requests.length, 0, 'unscanned content reached the cloud');
    assert.match(text, /Not sent/);
    assert.match(text, /too (large|big)|larger than|MB|KB/i, 'the message says the selection is too big to check');
    assert.match(text, /select|smaller|Retry on local/i, 'the message names a way out');
    assert.doesNotMatch(text, /secret|personal data|credential/i, 'a file with no secrets is said to contain one');
    await hybridItem(page).waitFor({ state: 'visible', timeout: 5_000 });
  });

  test('Review Selection (private) of all 22 MB: ends within the bound with a bounded prompt and says the review was cut', async () => {
    const page = session().page;
    await selectAllOfHuge(page);
    await openAndSelectAll(page);
    const n = ollama.requests.length;
    const title = `Review ${HUGE}`;
    const turns = await (await chat()).locator('article.turn').filter({ hasText: title }).count();
    const began = Date.now();
    // The key binding, so the selection stays (a palette click would drop it).
    await page.keyboard.press('Control+Alt+KeyH');
    await page.keyboard.press('KeyR');
    await until(async () => (await (await chat()).locator('article.turn').filter({ hasText: title }).count()) > turns
      && !(await turnSpinning(title)), 'the review of the whole export', TURN_MS + 60_000);
    const ms = Date.now() - began;
    const text = await turnText(title);
    const sent = chatBodies(ollama, n);
    process.stdout.write(`      review, 22 MB selected: ended after ${ms} ms; sent ${sent.map((b) => b.length).join(', ')} chars: ${JSON.stringify(text.slice(0, 600))}\n`);
    await shotOfTurn(title, 'huge-review');
    assert.ok(ms <= TURN_MS, `the review took ${ms} ms`);
    assert.ok(sent.length >= 1 && sent.every((b) => b.length < 400_000), 'the local model was sent a bounded prompt');
    assert.match(text, /\(trimmed\)|trimmed|cut/i, 'the review says it read only part of the selection');
    assert.equal(cloud.requests.length, 0);
  });
});
