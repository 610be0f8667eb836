// Deep session, round 6: things that change while a request is in flight, in the real workbench against fakes this
// process owns. Stop, then the very next question at once (no words of the stopped stream may land in the new
// turn); Ollama's connection reset while a completion streams (the next completion works, no reload); the cloud key
// rotated with "Set API Key" while an answer streams (that answer finishes, the next request carries the new key);
// a 5 MB minified one-line file with inline completion on (bounded prompts, here and in the next file typed in).

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { anthropicErrorBody, FakeAnthropic } from '../fakes/anthropic';
import type { Exchange } from '../fakes/base';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { focusChat, ledgerRecords, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, typeUntilGhost, until, withSettings } from './deepHelpers';

const SCRATCH = 'src/deep_midflight.ts';
const MINIFIED = 'dist/vendor.min.js';
const MINIFIED_BYTES = 5 * 1024 * 1024;

/** Anthropic that accepts only the key it was last told of: a rotated key revokes the old one. */
class RotatingAnthropic extends FakeAnthropic {
  key = '';
  readonly keysSeen: string[] = [];
  protected override async handle(ex: Exchange): Promise<void> {
    const k = String(ex.req.headers['x-api-key'] ?? '');
    this.keysSeen.push(k);
    if (k !== this.key) {
      ex.res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_e2e' });
      ex.res.end(JSON.stringify(anthropicErrorBody(401)));
      return;
    }
    return super.handle(ex);
  }
}

async function setKey(page: Page, key: string): Promise<void> {
  await runCommand(page, 'Hybrid: Set API Key');
  const title = page.locator('.quick-input-widget .quick-input-title');
  await page.locator('.quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
  // "Set the API key for…" is the provider pick; the key box comes after it.
  const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Anthropic' }).first();
  if (/for…|for\.\.\./.test(await title.innerText().catch(() => '')) || await pick.isVisible().catch(() => false)) {
    await pick.click();
    await title.filter({ hasText: /Anthropic/ }).waitFor({ state: 'visible', timeout: 10_000 });
  }
  await page.locator('.quick-input-box input').fill(key);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

const promptChars = (body: unknown): number => JSON.stringify(body ?? '').length;

suite('deep session: Stop then ask at once, a reset mid-completion, a key rotated mid-answer, a 5 MB minified line', function () {
  this.timeout(300_000);
  const ollama = new FakeOllama({ ttftMs: 60, perTokenMs: 25 });
  const cloud = new RotatingAnthropic({ ttftMs: 60, perTokenMs: 20 });
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    const o = await ollama.start();
    const c = await cloud.start();
    const ws = session().workspace;
    fs.writeFileSync(path.join(ws, SCRATCH), 'export function sum(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n');
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

  teardown(() => { ollama.setFault(undefined); ollama.setReply({ perTokenMs: 25, text: undefined }); cloud.setReply({ perTokenMs: 20, text: undefined }); });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
    for (const f of [SCRATCH, MINIFIED]) fs.rmSync(path.join(session().workspace, f), { force: true });
  });

  test('Stop, then the next question at once: no words of the stopped stream land in the new turn', async () => {
    const f = await focusChat();
    const alpha = Array.from({ length: 40 }, (_, i) => `alpha${i}`).join(' ');
    const bravo = Array.from({ length: 12 }, (_, i) => `bravo${i}`).join(' ');
    ollama.setReply({ perTokenMs: 250, text: alpha });
    const q1 = `Tell me everything about sum (${tag()})`;
    await send('private', q1);
    await until(async () => /alpha2\b/.test(await turnText(q1)), 'the first words of the long answer', 20_000);
    await f.locator('button.stop').click();
    // The very next question, the stopped stream's socket perhaps not yet closed at the server.
    ollama.setReply({ perTokenMs: 30, text: bravo });
    const q2 = `Now just name sum's parameter (${tag()})`;
    await send('private', q2);
    await until(async () => /bravo11\b/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'the second answer', 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const t1 = await turnText(q1);
    const t2 = await turnText(q2);
    process.stdout.write(`      stopped: ${JSON.stringify(t1.slice(0, 300))}\n      next: ${JSON.stringify(t2.slice(0, 300))}\n`);
    await shotOfTurn(q1, 'stop-then-ask');
    assert.match(t1, /Stopped/, 'the first turn says it was stopped');
    assert.doesNotMatch(t1, /bravo/, 'the second answer leaked into the stopped turn');
    assert.doesNotMatch(t2, /alpha/, 'the stopped stream leaked into the new turn');
    const words1 = (t1.match(/alpha\d+/g) ?? []).length;
    assert.ok(words1 < 40, `the stopped turn kept growing (${words1} words)`);
    assert.equal(await turnSpinning(q1), false);
  });

  test('Ollama resets the connection while a completion streams: no error toast, the next completion works without a reload', async () => {
    const page = session().page;
    await openFile(page, SCRATCH);
    assert.ok((await typeUntilGhost(page, 'const warm =', 15_000)) >= 0, 'a completion before the reset');
    ollama.setReply({ perTokenMs: 120 });
    ollama.setFault({ kind: 'reset', afterTokens: 2, once: true, paths: ['/api/generate'] });
    const n = ollama.requests.length;
    await typeUntilGhost(page, 'const during =', 4_000);
    assert.ok(ollama.requests.slice(n).some((r) => r.path === '/api/generate'), 'the completion reached the fake');
    ollama.setReply({ perTokenMs: 25 });
    let after = -1;
    for (let i = 0; i < 3 && after < 0; i++) after = await typeUntilGhost(page, `const after${i} =`, 10_000);
    process.stdout.write(`      ghost text after the reset: ${after} ms\n`);
    await screenshot(session(), 'deep-completion-after-reset');
    assert.ok(after >= 0, 'completion came back without a reload');
    assert.equal(await statusItem(page, /offline|refused|unreachable|not running/i).count(), 0, 'the status bar still shows an outage');
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    assert.ok(!toasts.some((t) => /Hybrid|Ollama/.test(t) && /reset|error|failed/i.test(t)), `a toast for one failed completion: ${JSON.stringify(toasts)}`);
  });

  test('Ollama drops the connection right after taking the question (private chat): not "not running"; the next question answers', async () => {
    await focusChat();
    const n = ollama.requests.length;
    ollama.setFault({ kind: 'reset', afterTokens: 0, once: true, paths: ['/api/chat'] });
    const q = `Is sum safe for an empty array? (${tag()})`;
    await send('private', q);

    await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the reset turn to end', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      Ollama reset after taking the question: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.ok(ollama.requests.slice(n).some((r) => r.path === '/api/chat' && !r.finished), 'the question reached Ollama and was dropped');
    await shotOfTurn(q, 'ollama-reset-before-answer');
    assert.match(text, /Ollama/);
    assert.doesNotMatch(text, /not running/, 'Ollama took the connection: it was running');
    assert.match(text, /connection/i, 'names the connection');
    assert.match(text, /Retry/, 'a way out');
    const q2 = `Then what does sum return for [1]? (${tag()})`;
    await send('private', q2);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q2)) && !(await turnSpinning(q2)), 'the next private answer', 30_000);
    assert.equal(await statusItem(session().page, /offline|not running/i).count(), 0, 'the status bar says Ollama is down');
  });

  test('the key rotated with "Set API Key" while an answer streams: that answer ends whole, the next request uses the new key', async () => {
    const page = session().page;
    cloud.key = `sk-ant-e2e-${randomBytes(12).toString('hex')}`;
    await setKey(page, cloud.key);
    await openFile(page, SCRATCH);
    await focusChat();
    const before = ledgerRecords().length;
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    cloud.setReply({ perTokenMs: 200, text: words });
    const q1 = `Explain sum's edge cases (${tag()})`;
    await send('cloud', q1);
    await until(async () => /\bw2\b/.test(await turnText(q1)), 'the first words', 20_000);
    const next = `sk-ant-e2e-${randomBytes(12).toString('hex')}`;
    await setKey(page, next);
    cloud.key = next;
    await until(async () => /\bw29\b/.test(await turnText(q1)) && !(await turnSpinning(q1)), 'the first answer to end', 30_000);
    const t1 = await turnText(q1);
    assert.doesNotMatch(t1, /Set API Key|rejected/, `the in-flight answer failed: ${t1.slice(0, 300)}`);
    cloud.setReply({ perTokenMs: 20, text: undefined });
    const seen = cloud.keysSeen.length;
    const q2 = `And its complexity? (${tag()})`;
    await send('cloud', q2);
    await until(async () => !(await turnSpinning(q2)) && (await turnText(q2)).length > 0, 'the second answer', 30_000);
    const t2 = await turnText(q2);
    process.stdout.write(`      after rotation: ${JSON.stringify(t2.slice(0, 300))}\n`);
    await shotOfTurn(q2, 'key-rotated');
    assert.match(t2, /\[fake-anthropic\]/, 'the next question failed after the key was rotated');
    assert.ok(cloud.keysSeen.slice(seen).every((k) => k === next), 'a request after the rotation carried the old key');
    const added = ledgerRecords().slice(before);
    assert.deepEqual(added.map((r) => r.status), ['ok', 'ok'], JSON.stringify(added.map((r) => [r.status, r.outcome])));
  });

  test('a 5 MB minified one-line file with completion on: prompts stay bounded there and in the next file typed in', async () => {
    const page = session().page;
    const file = path.join(session().workspace, MINIFIED);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const unit = 'var a=function(n){return n*2},b=[1,2,3].map(a);';
    fs.writeFileSync(file, unit.repeat(Math.ceil(MINIFIED_BYTES / unit.length)));
    await openFile(page, MINIFIED);
    const n = ollama.requests.length;
    const began = Date.now();
    const shown = await typeUntilGhost(page, 'var z=', 15_000, false);
    const generated = ollama.requests.slice(n).filter((r) => r.path === '/api/generate');
    const sizes = generated.map((r) => promptChars(r.body));
    process.stdout.write(`      minified: ghost ${shown} ms, ${generated.length} completion requests, body sizes ${JSON.stringify(sizes)}; ${Date.now() - began} ms\n`);
    await screenshot(session(), 'deep-minified-completion');
    assert.ok(sizes.every((s) => s < 64 * 1024), `a completion prompt of ${Math.max(...sizes)} chars from a 5 MB line`);

    // The edit in the minified file is now a "recent edit": the next file's completion must not carry that line.
    await openFile(page, SCRATCH);
    const m = ollama.requests.length;
    const next = await typeUntilGhost(page, 'const later =', 15_000);
    const sizes2 = ollama.requests.slice(m).filter((r) => r.path === '/api/generate').map((r) => promptChars(r.body));
    process.stdout.write(`      next file: ghost ${next} ms, body sizes ${JSON.stringify(sizes2)}\n`);
    assert.ok(next >= 0, 'completion in the next file');
    assert.ok(sizes2.every((s) => s < 64 * 1024), `a completion prompt of ${Math.max(...sizes2)} chars carried the minified line`);
    await focusChat();
    const q = `What does sum return for []? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'a chat answer after the minified file', 30_000);
  });
});
