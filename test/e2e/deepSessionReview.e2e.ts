// Deep session, private reviews, in the real workbench against a fake Ollama this process owns (it answers reviews
// with a finding, as the demo does): a user with a draft question in the chat box reviews a long file (only the
// visible part goes, and the turn says which lines), tries to review an image (told why there is nothing to
// review, not to "open a file"), reviews a 1.5 MB one-line minified bundle (ends with an answer or a clear message,
// never a stuck spinner), stops a slow review part-way (no diagnostics from half an answer) and runs it again
// (diagnostics appear). The draft in the chat box survives all of it, and nothing reaches the cloud.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const LONG_FILE = 'src/ledger_long.ts';
const IMAGE_FILE = 'media_logo.png';
const BUNDLE_FILE = 'dist_vendor.min.js';
// A 1×1 PNG: VS Code opens it in its image preview, not in a text editor.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function longSource(): string {
  const out = ['// Ledger helpers (generated for the review scenario).'];
  for (let i = 0; i < 2400; i++) out.push(`export function entry${i}(x: number): number { return x * ${i % 97} + ${i}; }`);
  return `${out.join('\n')}\n`;
}

function minifiedBundle(): string {
  let s = '!function(){"use strict";';
  for (let i = 0; s.length < 1_500_000; i++) s += `var a${i}=function(t){return t*${i % 31}+${i}};`;
  return `${s}}();`;
}

/** Opens `file` and waits until the extension sees it as the active editor (the chat box's context line names it). */
async function openForReview(page: Page, file: string): Promise<void> {
  await openFile(page, file);
  const base = file.split('/').pop()!;
  await until(async () => (await (await chat()).locator('.context-line').innerText()).includes(base), `the chat box to name ${file}`, 30_000);
}

const reviewTurns = async (): Promise<number> => (await chat()).locator('article.turn').filter({ hasText: /Review / }).count();
// The active group only: the bundle reviewed before may still be visible in another group with its own finding.
const warnings = (page: Page) => page.locator('.editor-group-container.active .monaco-editor').locator('.squiggly-warning, .squiggly-error, .squiggly-info');

suite('deep session: private reviews of a long file, an image, a minified bundle; Stop and run again', function () {
  this.timeout(300_000);
  const ollama = new FakeOllama({ demo: true, ttftMs: 60, perTokenMs: 20 });
  const cloud = new FakeAnthropic();
  let restore: () => Promise<void> = async () => undefined;
  const ws = (): string => session().workspace;
  const draft = `Draft I am still writing about Cart totals (${tag()})`;

  suiteSetup(async () => {
    fs.writeFileSync(path.join(ws(), LONG_FILE), longSource());
    fs.writeFileSync(path.join(ws(), IMAGE_FILE), PNG);
    fs.writeFileSync(path.join(ws(), BUNDLE_FILE), minifiedBundle());
    const o = await ollama.start();
    const c = await cloud.start();
    restore = await withSettings({ 'hybrid.local.baseUrl': o.url, 'hybrid.anthropic.baseUrl': c.url, 'hybrid.timeouts.idleMs': 6_000 });
  });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
    for (const f of [LONG_FILE, IMAGE_FILE, BUNDLE_FILE]) fs.rmSync(path.join(ws(), f), { force: true });
  });

  test('a long file: only the visible part is reviewed, the turn says which lines; the draft in the chat box stays', async () => {
    const page = session().page;
    const f = await focusChat();
    await f.locator('textarea.input').fill(draft);
    await openForReview(page, LONG_FILE);
    await runCommand(page, 'Hybrid: Review Selection (private)');
    const title = `Review ${LONG_FILE}`;
    await until(async () => /L\d+: (warning|error|info)/.test(await turnText(title)) && !(await turnSpinning(title)), 'the review of the long file', 60_000);
    const text = await turnText(title);
    process.stdout.write(`      long file review: ${JSON.stringify(text.slice(0, 600))}\n`);
    const range = /Review src\/ledger_long\.ts:(\d+)–(\d+)/.exec(text);
    assert.ok(range, 'the turn names the reviewed lines');
    assert.ok(Number(range[2]) - Number(range[1]) < 200, `only the visible part, not 2,401 lines (${range[0]})`);
    const sent = JSON.stringify(ollama.requests.filter((r) => r.path === '/api/chat').at(-1)?.body ?? '');
    assert.ok(sent.includes('entry1(') && !sent.includes('entry2300('), 'the model got the visible lines only');
    assert.equal(cloud.requests.length, 0, 'a private review reached the cloud');
    assert.equal(await (await chat()).locator('textarea.input').inputValue(), draft, 'the draft in the chat box was lost');
    await shotOfTurn(title, 'review-long-file');
  });

  test('an image in the active tab: the notice says it is not text, and no review turn starts', async () => {
    const page = session().page;
    const before = await reviewTurns();
    await openFile(page, IMAGE_FILE);
    await page.locator('.tabs-container .tab.active').filter({ hasText: IMAGE_FILE }).waitFor({ state: 'visible', timeout: 20_000 });
    await until(async () => /no text editor/.test(await (await chat()).locator('.context-line').innerText()), 'the chat box to see no text editor', 30_000);
    await runCommand(page, 'Hybrid: Review Selection (private)');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Hybrid:/ }).last();
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await toast.innerText();
    process.stdout.write(`      image review notice: ${JSON.stringify(text)}\n`);
    assert.match(text, /media_logo\.png/, 'the notice names the open file');
    assert.match(text, /not open as text|binary|image/i, 'the notice says why');
    assert.doesNotMatch(text, /^Hybrid: open a file/, 'the notice tells the user to open a file they have open');
    await screenshot(session(), 'deep-review-image');
    assert.equal(await reviewTurns(), before, 'a review turn started for an image');
    await page.keyboard.press('Escape');
  });

  test('a 1.5 MB one-line bundle: the review ends (an answer or a clear message), never a stuck spinner', async () => {
    const page = session().page;
    await openForReview(page, BUNDLE_FILE);
    const n = ollama.requests.length;
    await runCommand(page, 'Hybrid: Review Selection (private)');
    const title = `Review ${BUNDLE_FILE}`;
    await until(async () => (await turnText(title)).length > 0, 'the bundle review turn', 20_000);
    await until(async () => !(await turnSpinning(title)), 'the bundle review to end', 90_000);
    const text = await turnText(title);
    process.stdout.write(`      bundle review: ${JSON.stringify(text.slice(0, 700))}\n`);
    const body = JSON.stringify(ollama.requests.slice(n).find((r) => r.path === '/api/chat')?.body ?? '');
    process.stdout.write(`      the model was sent ${body.length} characters\n`);
    assert.match(text, /\[fake-ollama\]/, 'the review answered');
    assert.ok(body.includes('var a0=function(t){return t*0+0};var a1='), 'the start of the bundle reached the model');
    assert.match(text, /Review dist_vendor\.min\.js:1 \(visible part\)/, 'the title says only the part on screen was reviewed');
    assert.equal(cloud.requests.length, 0);
    await shotOfTurn(title, 'review-bundle');

    // All of it selected: 1.5 MB on one line, more than the local window. Reviewing an empty block and answering as
    // if the file had been read is the silent failure this guards: the start goes, and the chip says it was cut.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines:visible').first().click();
    await page.keyboard.press('Control+A');
    await until(async () => /selection/.test(await (await chat()).locator('.context-line').innerText()), 'the chat box to name the selection', 20_000);
    const m = ollama.requests.length;
    const turns = await (await chat()).locator('article.turn').filter({ hasText: title }).count();
    // The key binding, with the selection still in the editor (the palette helper clicks the workbench to focus it,
    // and a click in the editor would drop the selection).
    await page.keyboard.press('Control+Alt+KeyH');
    await page.keyboard.press('KeyR');
    await until(async () => (await (await chat()).locator('article.turn').filter({ hasText: title }).count()) > turns
      && !(await turnSpinning(title)), 'the review of the whole bundle', 90_000);
    const whole = await turnText(title);
    const sent = JSON.stringify(ollama.requests.slice(m).find((r) => r.path === '/api/chat')?.body ?? '');
    process.stdout.write(`      whole bundle selected: ${JSON.stringify(whole.slice(0, 500))}; the model was sent ${sent.length} characters\n`);
    assert.match(whole, /\[fake-ollama\]/);
    assert.ok(sent.length < 400_000, `the model was sent ${sent.length} characters of a 1.5 MB line (num_ctx 8192)`);
    assert.ok(sent.includes('var a0=function(t){return t*0+0};var a1='), 'the start of the bundle reached the model');
    assert.match(whole, /dist_vendor\.min\.js:1 \(trimmed\)/, 'the chip says only part of the selection was reviewed');
    assert.equal(cloud.requests.length, 0);
    await shotOfTurn(title, 'review-bundle-selected');
  });

  test('Stop during a slow review: "Stopped", no diagnostics from half an answer; run again: the finding and its squiggle', async () => {
    const page = session().page;
    await openForReview(page, 'src/cart.ts');
    ollama.setReply({ perTokenMs: 400 });
    const title = 'Review src/cart.ts';
    const turnsBefore = await (await chat()).locator('article.turn').filter({ hasText: title }).count();
    const squigglesBefore = await warnings(page).count();
    try {
      await runCommand(page, 'Hybrid: Review Selection (private)');
      await until(async () => (await (await chat()).locator('article.turn').filter({ hasText: title }).count()) > turnsBefore
        && /\[fake-ollama\]|L\d/.test(await turnText(title)), 'the first words of the slow review', 30_000);
      const f = await chat();
      await f.locator('button.stop').click();
      await until(async () => !(await turnSpinning(title)), 'the stopped review to end', 10_000);
      const stopped = await turnText(title);
      process.stdout.write(`      stopped review: ${JSON.stringify(stopped.slice(0, 400))}\n`);
      assert.match(stopped, /Stopped/);
      await page.waitForTimeout(1_000);
      assert.equal(await warnings(page).count(), squigglesBefore, 'a stopped review set diagnostics from half an answer');
      await shotOfTurn(title, 'review-stopped');
    } finally {
      ollama.setReply({ perTokenMs: 20 });
    }
    await openForReview(page, 'src/cart.ts');
    await runCommand(page, 'Hybrid: Review Selection (private)');
    await until(async () => (await (await chat()).locator('article.turn').filter({ hasText: title }).count()) > turnsBefore + 1
      && /L\d+: warning: /.test(await turnText(title)) && !(await turnSpinning(title)), 'the re-run review', 60_000);
    await until(async () => (await warnings(page).count()) > squigglesBefore, 'the re-run review\'s squiggle', 15_000);
    assert.equal(await (await chat()).locator('textarea.input').inputValue(), draft, 'the draft in the chat box was lost');
    assert.equal(cloud.requests.length, 0);
    await shotOfTurn(title, 'review-rerun');
  });
});
