// Deep session, round 7 (cloud side): a 429 whose Retry-After is already past or absurdly far off; an Ask (auto)
// escalation whose cloud leg fails after the local answer is shown; the stored API key cleared while an answer
// streams (the environment's key then used, and named); a 100k-character cloud answer in the chat view.

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { anthropicErrorBody, FakeAnthropic } from '../fakes/anthropic';
import type { Exchange } from '../fakes/base';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, ledgerRecords, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

/** Anthropic that accepts only `key` when it is set (any key otherwise). */
class KeyedAnthropic extends FakeAnthropic {
  key = '';
  /** A proxy in front that drops max_tokens: the answer runs as long as the model likes. */
  ignoreMaxTokens = false;
  readonly keysSeen: string[] = [];
  protected override async handle(ex: Exchange): Promise<void> {
    if (this.ignoreMaxTokens && ex.record.body && typeof ex.record.body === 'object') delete (ex.record.body as { max_tokens?: number }).max_tokens;
    const k = String(ex.req.headers['x-api-key'] ?? '');
    this.keysSeen.push(k);
    if (this.key && k !== this.key) {
      ex.res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_e2e' });
      ex.res.end(JSON.stringify(anthropicErrorBody(401)));
      return;
    }
    return super.handle(ex);
  }
}

async function pickProvider(page: Page, command: string): Promise<void> {
  await runCommand(page, command);
  const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Anthropic' }).first();
  await pick.waitFor({ state: 'visible', timeout: 15_000 });
  await pick.click();
}

const messagesPosts = (c: FakeAnthropic, from: number) => c.requests.slice(from).filter((r) => r.path === '/v1/messages');

suite('deep7: Retry-After past and absurd, a failed escalation, a key cleared mid-answer, a 100k-character answer', function () {
  this.timeout(300_000);
  const ollama = new FakeOllama({ ttftMs: 60, perTokenMs: 15 });
  const cloud = new KeyedAnthropic({ ttftMs: 60, perTokenMs: 15 });
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    const [o, c] = [await ollama.start(), await cloud.start()];
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

  teardown(() => { cloud.setFault(undefined); cloud.setReply({ perTokenMs: 15, text: undefined }); cloud.ignoreMaxTokens = false; ollama.logprobs = 'confident'; });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), cloud.close()]);
  });

  test('a 429 whose Retry-After date is already past: retried at once, answered, billed once; the wait notice names no 0 s', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    const n = cloud.requests.length;
    cloud.setFault({ kind: 'status', status: 429, retryAfter: new Date(Date.now() - 3_600_000).toUTCString(), once: true });
    const q = `Explain cart totals (${tag()})`;
    const began = Date.now();
    await send('cloud', q);
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the answer after the 429', 30_000);
    const took = Date.now() - began;
    const text = await turnText(q);
    const posts = messagesPosts(cloud, n);
    const gap = posts.length === 2 ? posts[1]!.receivedAt - posts[0]!.receivedAt : -1;
    process.stdout.write(`      past Retry-After: answered in ${took} ms, retried ${Math.round(gap)} ms after the 429; ${JSON.stringify(text.slice(0, 400))}\n`);
    assert.equal(posts.length, 2, 'one 429, one retry');
    assert.ok(gap >= 0 && gap < 10_000, `a wait already over took ${gap} ms at the server`);
    assert.doesNotMatch(text, /in 0 s|in -\d|NaN/, 'a nonsense wait in the turn');
    const added = ledgerRecords().slice(before);
    assert.deepEqual(added.map((r) => r.status), ['ok'], JSON.stringify(added.map((r) => [r.status, r.outcome])));
  });

  for (const [label, retryAfter] of [['absurd future (30 years)', String(30 * 365 * 86_400)], ['negative', '-30']] as const) {
    test(`a 429 with a Retry-After ${label}: one request, the turn ends now and names a wait a person can read`, async () => {
      await focusChat();
      const n = cloud.requests.length;
      cloud.setFault({ kind: 'status', status: 429, retryAfter });
      const q = `Explain cart discounts, ${label} (${tag()})`;
      const began = Date.now();
      await send('cloud', q);
      await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), 'the turn to end', 60_000);
      const took = Date.now() - began;
      const text = await turnText(q);
      process.stdout.write(`      Retry-After ${retryAfter}: ended in ${took} ms after ${messagesPosts(cloud, n).length} requests; ${JSON.stringify(text.slice(0, 500))}\n`);
      await shotOfTurn(q, `429-${retryAfter.startsWith('-') ? 'negative' : 'absurd'}`);
      assert.match(text, /rate-limit|429/i, 'names the rate limit');
      assert.doesNotMatch(text, /\d{4,} h\b|\d{6,} min|in -|in 0 s|NaN|Infinity/, 'a wait nobody can read');
      if (!retryAfter.startsWith('-')) {
        assert.equal(messagesPosts(cloud, n).length, 1, 'a 30-year wait is not retried');
        assert.ok(took < 15_000, `the turn waited ${took} ms`);
      } else {
        assert.ok(messagesPosts(cloud, n).length <= 3, 'retries are bounded');
      }
    });
  }

  test('Ask (auto) escalates, then the cloud fails: the local answer stays, the turn says the cloud leg failed and why', async () => {
    await focusChat();
    ollama.logprobs = 'unsure';
    cloud.setFault({ kind: 'status', status: 500 });
    const before = ledgerRecords().length;
    const q = `Rename this variable to something clearer (${tag()})`;
    await send('auto', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the turn to end', 60_000);
    // (A poll can land between the local leg's end and the cloud leg's start; CI once read the turn there. The cloud
    // leg's outcome must follow within the SDK's retries, and the turn must end without a spinner.)
    await until(async () => /Anthropic/.test(await turnText(q)) && !(await turnSpinning(q)), 'the cloud leg\'s failure on the turn', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      escalation failed: ${JSON.stringify(text.slice(0, 900))}\n`);
    await shotOfTurn(q, 'escalation-cloud-failed');
    assert.match(text, /\[fake-ollama\]/, 'the local answer stays');
    assert.match(text, /Anthropic/, 'names the cloud that failed');
    assert.match(text, /500|server error|failed/i, 'says the cloud leg failed');
    assert.equal(await turnSpinning(q), false);
    const added = ledgerRecords().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.route, r.status, r.outcome, r.costUsd]))}\n`);
    assert.ok(added.some((r) => r.route === 'local' && r.status === 'ok'), 'the local answer is recorded');
    assert.ok(!added.some((r) => r.route === 'cloud' && r.status === 'ok'), 'a failed cloud leg recorded as ok');
    await statusItem(session().page, /answering/).waitFor({ state: 'hidden', timeout: 10_000 });
  });

  test('the stored key cleared while an answer streams: that answer ends whole; the next request uses the environment key and the card says so', async () => {
    const page = session().page;
    const stored = `sk-ant-e2e-${randomBytes(12).toString('hex')}`;
    await pickProvider(page, 'Hybrid: Set API Key');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /Anthropic/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.quick-input-box input').fill(stored);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    cloud.key = stored;
    try {
      await focusChat();
      cloud.setReply({ perTokenMs: 150, text: Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ') });
      const q1 = `Walk me through cart totals (${tag()})`;
      await send('cloud', q1);
      await until(async () => /\bw2\b/.test(await turnText(q1)), 'the first words', 20_000);
      await pickProvider(page, 'Hybrid: Clear API Key');
      const note = page.locator('.notification-toast').filter({ hasText: /ANTHROPIC_API_KEY/ }).first();
      await note.waitFor({ state: 'visible', timeout: 10_000 });
      await until(async () => /\bw29\b/.test(await turnText(q1)) && !(await turnSpinning(q1)), 'the streaming answer to end', 30_000);
      assert.doesNotMatch(await turnText(q1), /rejected|Set API Key/, 'the in-flight answer failed');
      cloud.setReply({ perTokenMs: 15, text: undefined });
      const seen = cloud.keysSeen.length;
      const q2 = `And the tax? (${tag()})`;
      await send('cloud', q2);
      await until(async () => (await turnText(q2)).length > 0 && !(await turnSpinning(q2)), 'the next turn', 30_000);
      const t2 = await turnText(q2);
      process.stdout.write(`      after clearing: ${JSON.stringify(t2.slice(0, 500))}\n`);
      await shotOfTurn(q2, 'key-cleared-env-used');
      assert.ok(cloud.keysSeen.slice(seen).every((k) => k !== stored), 'the cleared key was sent again');
      assert.match(t2, /rejected the API key/);
      assert.match(t2, /ANTHROPIC_API_KEY/, 'the card does not say the rejected key came from the environment');
    } finally {
      cloud.key = '';
      await page.keyboard.press('Escape');
    }
  });

  test('an answer cut at max_tokens says so under the words that came', async () => {
    await focusChat();
    cloud.setReply({ perTokenMs: 0, text: Array.from({ length: 3_000 }, (_, i) => `t${i}`).join(' ') });
    const q = `List every cart method in detail (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)) && /\bt1\d\d\b/.test(await turnText(q)), 'the cut answer', 60_000);
    await session().page.waitForTimeout(800);
    const text = await turnText(q);
    process.stdout.write(`      cut answer ends: ${JSON.stringify(text.slice(-400))}\n`);
    await shotOfTurn(q, 'answer-cut-at-limit');
    assert.doesNotMatch(text, /\bt2999\b/, 'the fake honours max_tokens');
    assert.match(text, /length limit and is cut off here/, 'the cut is not said');
  });

  test('a cloud answer of 100k+ characters (a proxy dropped max_tokens): the view stays responsive, ends scrolled to its end, recorded once', async () => {
    await focusChat();
    cloud.ignoreMaxTokens = true;
    const words = Array.from({ length: 14_000 }, (_, i) => (i % 40 === 39 ? `end${i}\n\n` : `word${i}`));
    const text = words.join(' ');
    assert.ok(text.length > 100_000);
    cloud.setReply({ perTokenMs: 0, text });
    const before = ledgerRecords().length;
    const q = `Dump everything about the cart (${tag()})`;
    await send('cloud', q);
    const f = await chat();
    let worst = 0;
    let polls = 0;
    await until(async () => {
      const t0 = Date.now();
      await f.evaluate('document.body.childElementCount');
      worst = Math.max(worst, Date.now() - t0);
      polls++;
      return /end13999/.test(await turnText(q)) && !(await turnSpinning(q));
    }, 'the whole long answer', 120_000);
    const atEnd = await f.evaluate(`(() => { const t = document.querySelector('main.thread'); return t.scrollHeight - t.scrollTop - t.clientHeight; })()`) as number;
    process.stdout.write(`      100k answer: ${text.length} chars, worst frame round trip ${worst} ms over ${polls} polls, ${atEnd} px from the end\n`);
    await screenshot(session(), 'deep-100k-answer');
    assert.ok(worst < 3_000, `the chat view froze for ${worst} ms`);
    assert.ok(atEnd < 80, `the view did not follow the answer to its end (${atEnd} px left)`);
    await session().page.waitForTimeout(1_500);
    const added = ledgerRecords().slice(before);
    assert.equal(added.length, 1, JSON.stringify(added.map((r) => [r.route, r.status])));
    assert.equal(added[0]!.status, 'ok');
    assert.ok(added[0]!.tokens.output > 10_000, `output tokens ${added[0]!.tokens.output}`);
  });
});
