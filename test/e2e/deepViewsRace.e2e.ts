// Deep session, round 7 (workbench side): the chat view closed mid-answer and reopened while it still streams;
// a file made private in .aiignore while a cloud answer about it streams; the chat model pulled while the window
// runs (missing, then there); a chat answer and a cold completion racing for the one status bar item.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropic } from '../fakes/anthropic';
import { DEFAULT_OLLAMA_MODELS, FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, ledgerRecords, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, typeUntilGhost, until, withSettings } from './deepHelpers';

const FILE = 'src/deep7_rates.ts';
const CANARY = 'quarterlyRebateFloor7';
const CHAT_MODEL = 'qwen2.5-coder:7b';
const RACE = 'src/deep7_race.ts';
const COMPLETION_MODEL = 'qwen2.5-coder:1.5b';

const barText = async (): Promise<string> =>
  (await session().page.locator('#workbench\\.parts\\.statusbar .statusbar-item').allInnerTexts()).join(' | ');

suite('deep7: chat closed mid-answer, a file made private mid-answer, a model pulled while running, two requests and one status bar', function () {
  this.timeout(300_000);
  const ollama = new FakeOllama({ ttftMs: 60, perTokenMs: 20 });
  const cloud = new FakeAnthropic({ ttftMs: 60, perTokenMs: 20 });
  let restore: () => Promise<void> = async () => undefined;
  const ws = (): string => session().workspace;

  suiteSetup(async () => {
    fs.writeFileSync(path.join(ws(), FILE), `export const ${CANARY} = 0.035;\n\nexport function rebate(total: number): number {\n  return Math.max(${CANARY}, total * 0.01);\n}\n`);
    const [o, c] = [await ollama.start(), await cloud.start()];
    restore = await withSettings({
      'hybrid.local.baseUrl': o.url,
      'hybrid.anthropic.baseUrl': c.url,
      'hybrid.cloud.provider': 'anthropic',
      'hybrid.fallback.cloudToLocal': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
    });
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
  });

  teardown(() => {
    ollama.setReply({ perTokenMs: 20, text: undefined });
    cloud.setReply({ perTokenMs: 20, text: undefined });
    ollama.setModels(DEFAULT_OLLAMA_MODELS);
    ollama.setCold(0, []);
  });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
    for (const p of [FILE, '.aiignore']) fs.rmSync(path.join(ws(), p), { force: true });
  });

  test('the chat view closed mid-answer and reopened while it streams: every word once, one turn, recorded once', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    await focusChat();
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    cloud.setReply({ perTokenMs: 200, text: words.join(' ') });
    const before = ledgerRecords().length;
    const q = `Walk me through the cart (${tag()})`;
    await send('cloud', q);
    await until(async () => /\bw2\b/.test(await turnText(q)), 'the first words', 20_000);
    await runCommand(page, 'View: Show Explorer');
    await page.waitForTimeout(2_500);
    await focusChat();
    const reopened = await turnText(q);
    process.stdout.write(`      reopened mid-stream: ${JSON.stringify(reopened.slice(0, 200))}\n`);
    await until(async () => /\bw39\b/.test(await turnText(q)) && !(await turnSpinning(q)), 'the answer to end after reopening', 30_000);
    await page.waitForTimeout(800);
    const text = await turnText(q);
    const count = await (await chat()).locator('article.turn').filter({ hasText: q }).count();
    await shotOfTurn(q, 'chat-reopened-mid-answer');
    assert.equal(count, 1, 'the turn shows twice');
    for (const w of words) assert.equal((text.match(new RegExp(`\\b${w}\\b`, 'g')) ?? []).length, 1, `${w} is not shown exactly once: ${text.slice(0, 400)}`);
    assert.doesNotMatch(text, /Stopped|interrupted/i, 'closing the view stopped the answer');
    const added = ledgerRecords().slice(before);
    assert.deepEqual(added.map((r) => r.status), ['ok'], JSON.stringify(added.map((r) => [r.status, r.outcome])));
    const req = cloud.requests.filter((r) => r.path === '/v1/messages').at(-1)!;
    assert.ok(req.finished && !req.clientClosed, 'closing the view aborted the request at the server');
    assert.equal(await (await chat()).locator('button.send').isEnabled(), true, 'Send is still disabled');
  });

  test('.aiignore gains the file while a cloud answer about it streams: the follow-up is not sent, nothing of the file reaches the cloud', async () => {
    const page = session().page;
    await openFile(page, FILE);
    await focusChat();
    cloud.setReply({ perTokenMs: 150, text: Array.from({ length: 30 }, (_, i) => `r${i}`).join(' ') });
    const q1 = `What does rebate do? (${tag()})`;
    await send('cloud', q1);
    await until(async () => /\br2\b/.test(await turnText(q1)), 'the first words', 20_000);
    fs.writeFileSync(path.join(ws(), '.aiignore'), `# rebate terms are confidential\n${FILE}\n`);
    await until(async () => /\br29\b/.test(await turnText(q1)) && !(await turnSpinning(q1)), 'the first answer to end', 30_000);
    cloud.setReply({ perTokenMs: 20, text: undefined });
    await page.waitForTimeout(1_500);
    const n = cloud.requests.length;
    const q2 = `And when is the floor used? (${tag()})`;
    await send('cloud', q2);
    await until(async () => (await turnText(q2)).length > 0 && !(await turnSpinning(q2)), 'the follow-up to end', 30_000);
    const t2 = await turnText(q2);
    process.stdout.write(`      follow-up after .aiignore: ${JSON.stringify(t2.slice(0, 500))}\n`);
    await shotOfTurn(q2, 'aiignore-mid-answer');
    const sent = cloud.requests.slice(n).map((r) => JSON.stringify(r.body)).join('\n');
    assert.ok(!sent.includes(CANARY), 'the now-private file reached the cloud');
    assert.match(t2, /Not sent/, 'the follow-up says it was not sent');
    assert.match(t2, /deep7_rates\.ts/, 'names the file');
    assert.match(t2, /\.aiignore/, 'names the rule');
    const q3 = `Summarise it privately (${tag()})`;
    await send('auto', q3);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q3)) && !(await turnSpinning(q3)), 'a local answer', 30_000);
    assert.equal(cloud.requests.slice(n).length, 0, 'Ask (auto) on the private file reached the cloud');
    fs.rmSync(path.join(ws(), '.aiignore'), { force: true });
  });

  test('the chat model pulled while the window runs: "model missing" with the pull command, then it answers and the status bar recovers by itself', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    await focusChat();
    ollama.setModels(DEFAULT_OLLAMA_MODELS.filter((m) => m.name !== CHAT_MODEL));
    const q1 = `What is in the cart? (${tag()})`;
    await send('private', q1);
    await until(async () => (await turnText(q1)).length > 0 && !(await turnSpinning(q1)), 'the failed turn', 30_000);
    const t1 = await turnText(q1);
    process.stdout.write(`      missing model: ${JSON.stringify(t1.slice(0, 400))}\n`);
    assert.match(t1, new RegExp(`ollama pull ${CHAT_MODEL.replace(/\./g, '\\.')}`), 'the card names the pull command');
    await statusItem(page, /model missing/).waitFor({ state: 'visible', timeout: 15_000 });
    // `ollama pull` finished in a terminal: nothing in VS Code was told.
    ollama.setModels(DEFAULT_OLLAMA_MODELS);
    const q2 = `What is in the cart now? (${tag()})`;
    await send('private', q2);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'the answer after the pull', 30_000);
    const settled = await until(async () => !/model missing|offline|not running/.test(await barText()), 'the status bar to drop "model missing"', 15_000).catch(() => -1);
    const bar = await barText();
    process.stdout.write(`      status bar after the pull and an answer: ${JSON.stringify(bar)} (${settled} ms)\n`);
    await screenshot(session(), 'deep-model-pulled');
    assert.ok(settled >= 0, `the status bar still says the model is missing after it answered: ${bar}`);
  });

  test('a chat answer and a cold completion at once: each is said while it runs, and neither is left behind when both end', async () => {
    const page = session().page;
    fs.writeFileSync(path.join(ws(), RACE), 'export function double(n: number): number {\n  return n * 2;\n}\n');
    await openFile(page, RACE);
    await focusChat();
    ollama.setReply({ perTokenMs: 250, text: Array.from({ length: 30 }, (_, i) => `c${i}`).join(' ') });
    ollama.setCold(5_000, [COMPLETION_MODEL]);
    const seen = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = (await barText().catch(() => '')).split(' | ').filter((x) => /local|loading|answering/.test(x)).join(' | ');
        if (t) seen.add(t.trim());
        await page.waitForTimeout(150);
      }
    })();
    const q = `Explain double (${tag()})`;
    await send('private', q);
    await until(async () => /\bc2\b/.test(await turnText(q)), 'the first words', 20_000);
    const ghostMs = await typeUntilGhost(page, 'const twice =', 20_000);
    await until(async () => /\bc29\b/.test(await turnText(q)) && !(await turnSpinning(q)), 'the chat answer to end', 30_000);
    const settled = await until(async () => !/answering|loading/.test(await barText()), 'the status bar to settle', 10_000).catch(() => -1);
    sampling = false;
    await sampler;
    const bar = await barText();
    process.stdout.write(`      status texts seen: ${JSON.stringify([...seen])}; ghost ${ghostMs} ms; settled ${settled} ms: ${JSON.stringify(bar)}\n`);
    await screenshot(session(), 'deep-race-settled');
    fs.rmSync(path.join(ws(), RACE), { force: true });
    assert.ok([...seen].some((t) => /answering/.test(t)), 'the chat answer was never said in the status bar');
    assert.ok([...seen].some((t) => /loading qwen2\.5-coder:1\.5b/.test(t)), 'the completion model load was never said');
    assert.ok(ghostMs >= 0, 'no ghost text after the load');
    assert.ok(settled >= 0, `the status bar was left saying ${bar}`);
    assert.match(bar, /local/);
  });
});
