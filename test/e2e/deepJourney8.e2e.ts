// Deep session, round 8 (a user's day), in the real workbench against fakes this process owns: three Asks sent as
// fast as the user can click (every question shown, in order, each ended and recorded once); a private file opened
// through a symlink with a harmless name and a secrets file whose name differs only in case, each refused for the
// cloud; settings.json left as invalid JSON and the window reloaded (the extension keeps its settings and answers);
// Ask (auto) whose local model returns an empty answer (the user is told, never a blank turn); a workspace of 5,000
// files with a binary file opened anyway and reviewed (a clear notice, nothing sent, the workbench responsive).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, ledgerRecords, reloadWorkbench, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const LINK_DIR = 'notes8';
const BULK_DIR = 'bulk8';
const BINARY = `${BULK_DIR}/firmware.ts`;

/** Ollama that answers nothing at all (no marker) while `empty` is on: a model that returns an empty message. */
class EmptyOllama extends FakeOllama {
  empty = false;
  override answerFor(body: unknown): string {
    return this.empty ? '' : super.answerFor(body);
  }
}

const turnsOf = async (qs: string[]): Promise<string[]> => (await chat()).evaluate(`(() =>
  [...document.querySelectorAll('article.turn .question-text')].map((e) => e.textContent ?? '').filter((t) => ${JSON.stringify(qs)}.some((q) => t.includes(q))))()`) as Promise<string[]>;

suite('deep8 journey: three quick Asks, a symlinked and a differently-cased private file, broken settings.json, an empty local answer, 5,000 files and a binary', function () {
  this.timeout(300_000);
  const ollama = new EmptyOllama({ ttftMs: 40, perTokenMs: 15 });
  const cloud = new FakeAnthropic({ ttftMs: 40, perTokenMs: 30 });
  let restore: () => Promise<void> = async () => undefined;
  const ws = (): string => session().workspace;

  suiteSetup(async () => {
    const [o, c] = [await ollama.start(), await cloud.start()];
    fs.mkdirSync(path.join(ws(), 'config'), { recursive: true });
    fs.mkdirSync(path.join(ws(), LINK_DIR), { recursive: true });
    // Plain words only in the target: nothing in the text says it is private, only where it lives.
    fs.writeFileSync(path.join(ws(), 'config', '.env.production'), 'DEPLOY_REGION=eu-west-1\nFEATURE_FLAGS=checkout,refunds\n');
    fs.symlinkSync(path.join('..', 'config', '.env.production'), path.join(ws(), LINK_DIR, 'deploy-notes.txt'));
    fs.writeFileSync(path.join(ws(), 'config', 'Secrets.JSON'), '{ "region": "eu-west-1", "flags": ["checkout"] }\n');
    restore = await withSettings({
      'hybrid.local.baseUrl': o.url,
      'hybrid.anthropic.baseUrl': c.url,
      'hybrid.cloud.provider': 'anthropic',
      'hybrid.fallback.cloudToLocal': false,
      'hybrid.routing.escalation': 'auto',
      'hybrid.routing.localBelow': 0,
    });
    await openFile(session().page, 'cart.ts');
  });

  teardown(() => { ollama.empty = false; cloud.setReply({ perTokenMs: 30 }); });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
    for (const p of [LINK_DIR, BULK_DIR, 'config/.env.production', 'config/Secrets.JSON']) fs.rmSync(path.join(ws(), p), { recursive: true, force: true });
  });

  test('three Asks typed and sent as fast as the user can: none vanishes; all three shown once, in order, answered, one ledger record each', async () => {
    await openFile(session().page, 'cart.ts');
    const f = await focusChat();
    await f.locator('select.mode').selectOption('cloud');
    cloud.setReply({ perTokenMs: 120 });
    const before = ledgerRecords().length;
    const t = tag();
    const qs = [`First: what does Cart do? (${t})`, `Second: and its tax? (${t})`, `Third: and refunds? (${t})`];
    const box = f.locator('textarea.input');
    const lost: string[] = [];
    const waits: number[] = [];
    // Whether the page the user typed into is still the one showing the turn (a re-rendered view would not be).
    await f.evaluate('window.__deep8Page = true');
    const samePage: boolean[] = [];
    for (const q of qs) {
      // A user does not wipe a question that is still in the box: it goes first, once Send is back.
      if ((await box.inputValue()).trim()) {
        await f.locator('button.send').waitFor({ state: 'visible', timeout: 30_000 });
        await box.press('Enter');
      }
      await box.fill(q);
      await box.press('Enter');
      // The defect this guards: the box emptied and no turn came (the host turned the question away unseen).
      const sent = Date.now();
      let seen = false;
      while (!seen && Date.now() - sent < 10_000) {
        seen = (await turnsOf([q])).length > 0 || (await box.inputValue()).includes(q);
        if (!seen) await session().page.waitForTimeout(100);
      }
      waits.push(Date.now() - sent);
      samePage.push(await (await chat()).evaluate('window.__deep8Page === true') as boolean);
      if (!seen) lost.push(q);
    }
    if ((await box.inputValue()).trim()) {
      await f.locator('button.send').waitFor({ state: 'visible', timeout: 30_000 });
      await box.press('Enter');
    }
    await until(async () => (await Promise.all(qs.map(async (q) => (await turnText(q)).length > 0 && !(await turnSpinning(q))))).every(Boolean), 'all three turns to end', 60_000);
    await session().page.waitForTimeout(1_500);
    const shown = await turnsOf(qs);
    const texts = await Promise.all(qs.map((q) => turnText(q)));
    process.stdout.write(`      lost: ${JSON.stringify(lost)}; ms until each question was a turn or back in the box: ${JSON.stringify(waits)}; same page: ${JSON.stringify(samePage)}\n      shown: ${JSON.stringify(shown)}\n      turns: ${JSON.stringify(texts.map((x) => x.slice(0, 160)))}\n`);
    await shotOfTurn(qs[0]!, 'three-quick-asks');
    assert.deepEqual(lost, [], 'a question sent from the box vanished: neither a turn nor back in the box');
    assert.deepEqual(shown.map((s) => qs.findIndex((q) => s.includes(q))), [0, 1, 2], 'the questions are not shown once each, in order');
    for (const x of texts) assert.match(x, /\[fake-anthropic\]/, 'a question was not answered');
    const added = ledgerRecords().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.route, r.status, r.outcome]))}\n`);
    assert.deepEqual(added.map((r) => r.status), ['ok', 'ok', 'ok'], 'one ok record for each question');
  });

  test('a private .env file opened through a symlink with a harmless name: Ask (cloud) is refused, nothing sent', async () => {
    await openFile(session().page, `${LINK_DIR}/deploy-notes.txt`);
    await focusChat();
    const n = cloud.requests.length;
    const q = `Summarise these deploy notes (${tag()})`;
    await send('cloud', q);
    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the refusal', 20_000);
    const text = await turnText(q);
    process.stdout.write(`      symlink refusal: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'symlink-private-refused');
    assert.match(text, /Not sent/);
    assert.match(text, /deploy-notes\.txt|\.env\.production/, 'the card names the file');
    assert.equal(cloud.requests.length, n, 'the linked private file reached the cloud');
  });

  test('a secrets file whose name differs from the rule only in case (Secrets.JSON): Ask (cloud) is refused', async () => {
    await openFile(session().page, 'config/Secrets.JSON');
    await focusChat();
    const n = cloud.requests.length;
    const q = `Explain these flags (${tag()})`;
    await send('cloud', q);
    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the refusal', 20_000);
    const text = await turnText(q);
    process.stdout.write(`      case refusal: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.match(text, /Not sent/);
    assert.match(text, /Secrets\.JSON/);
    assert.equal(cloud.requests.length, n, 'the secrets file reached the cloud');
  });

  test('settings.json left as invalid JSON and the window reloaded: the extension keeps its settings and still answers', async () => {
    const file = path.join(session().userDataDir, 'User', 'settings.json');
    const good = fs.readFileSync(file, 'utf8');
    try {
      // A half-typed edit: a key without its value and no closing brace.
      fs.writeFileSync(file, `${good.trimEnd().replace(/\}\s*$/, '')},\n  "hybrid.budget.dailyUsd": ,\n  "editor.fontSize": 1`);
      await reloadWorkbench(session().page);
      await openFile(session().page, 'cart.ts');
      await focusChat();
      const n = ollama.requests.length;
      const q = `Private: what does Cart.total return? (${tag()})`;
      await send('private', q);
      await until(async () => !(await turnSpinning(q)) && (await turnText(q)).length > 0, 'the private answer', 30_000);
      const text = await turnText(q);
      process.stdout.write(`      after broken settings.json: ${JSON.stringify(text.slice(0, 400))}\n`);
      await screenshot(session(), 'deep-broken-settings-json');
      assert.match(text, /\[fake-ollama\]/, 'the local model from settings.json answered');
      assert.ok(ollama.requests.length > n, 'the configured Ollama got the request');
      assert.equal(await statusItem(session().page, /offline|not running/i).count(), 0, 'the status bar says offline');
    } finally {
      fs.writeFileSync(file, good);
      await reloadWorkbench(session().page);
    }
  });

  test('Ask (auto) and the local model returns an empty answer: the turn says so and does not end blank', async () => {
    await openFile(session().page, 'cart.ts');
    await focusChat();
    ollama.empty = true;
    const before = ledgerRecords().length;
    const q = `Rename the variable in total to something clearer (${tag()})`;
    await send('auto', q);
    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the turn to end', 45_000);
    await session().page.waitForTimeout(1_000);
    const text = await turnText(q);
    process.stdout.write(`      empty local answer: ${JSON.stringify(text.slice(0, 700))}\n`);
    await shotOfTurn(q, 'empty-local-answer');
    const said = /empty|no answer|nothing|no text/i.test(text);
    const escalated = /\[fake-anthropic\]/.test(text);
    assert.ok(said || escalated, 'a blank turn: neither an answer from the cloud nor a word about the empty local answer');
    const added = ledgerRecords().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.route, r.status, r.outcome]))}\n`);
    assert.ok(added.length >= 1, 'the empty answer left no record');
  });

  test('5,000 files and a binary file opened anyway: Review says it is not text (or ends), nothing reaches the cloud, the workbench answers', async () => {
    const page = session().page;
    const bulk = path.join(ws(), BULK_DIR);
    fs.mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < 5_000; i++) fs.writeFileSync(path.join(bulk, `m${i}.ts`), `export const v${i} = ${i};\n`);
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    fs.writeFileSync(path.join(ws(), BINARY), bytes);
    const n = cloud.requests.length;
    await openFile(page, BINARY);
    const anyway = page.getByText(/Open Anyway/).first();
    if (await anyway.isVisible({ timeout: 5_000 }).catch(() => false)) await anyway.click();
    await page.waitForTimeout(1_500);
    const began = Date.now();
    await runCommand(page, 'Hybrid: Review Selection (private)');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Hybrid:/ }).last();
    const reviewQ = 'firmware.ts';
    await until(async () => (await toast.isVisible().catch(() => false)) || ((await turnText(reviewQ)).length > 0 && !(await turnSpinning(reviewQ))), 'a notice or an ended review', 45_000);
    const took = Date.now() - began;
    const said = (await toast.isVisible().catch(() => false)) ? await toast.innerText() : await turnText(reviewQ);
    process.stdout.write(`      binary review in ${took} ms: ${JSON.stringify(said.slice(0, 500))}\n`);
    await screenshot(session(), 'deep-binary-review-5000');
    assert.match(said, /binary|not text|not open as text/i, 'the user is not told the file is binary');
    assert.equal(cloud.requests.length, n, 'a private review reached the cloud');
    await page.keyboard.press('Escape');
    await openFile(page, 'cart.ts');
    await focusChat();
    const q = `How does Cart relate to money.ts? (${tag()})`;
    const asked = Date.now();
    await send('cloud', q);
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the answer with 5,000 files around', 60_000);
    process.stdout.write(`      Ask (cloud) among 5,000 files answered in ${Date.now() - asked} ms\n`);
  });
});
