// Deep session, cloud side (promise 4 and the spend panel), in the real workbench against a fake Anthropic this
// process owns that accepts one key only: a bad key is named with its fix, the user fixes it from the card and
// re-asks; a 429 with Retry-After is waited out and billed once, the open spend panel updating live; a model with
// no price says so in the answer and the panel; a file under hybrid.privacy.privateGlobs open in the editor is
// refused for the cloud with a card that names it.

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { anthropicErrorBody, FakeAnthropic } from '../fakes/anthropic';
import type { Exchange } from '../fakes/base';
import { session } from './session';
import { openFile, runCommand } from './workbenchPage';
import { chat, focusChat, frameWith, ledgerRecords, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';
import { screenshot } from './workbenchPage';

/** Anthropic that knows one key: any other gets the real 401 body, as api.anthropic.com answers a wrong key. */
class KeyedAnthropic extends FakeAnthropic {
  goodKey = `sk-ant-e2e-${randomBytes(12).toString('hex')}`;
  protected override async handle(ex: Exchange): Promise<void> {
    if (ex.req.headers['x-api-key'] !== this.goodKey) {
      ex.res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_e2e' });
      ex.res.end(JSON.stringify(anthropicErrorBody(401)));
      return;
    }
    return super.handle(ex);
  }
}

const spend = (): Promise<Frame> => frameWith('section[aria-label="Totals"]');
async function split(f: Frame): Promise<{ total: number; cloud: number }> {
  const text = await f.evaluate('document.body.innerText') as string;
  const m = /(\d+) requests · (\d+) local · (\d+) cloud/.exec(text);
  return m ? { total: Number(m[1]), cloud: Number(m[3]) } : { total: -1, cloud: -1 };
}

suite('deep session: a bad key fixed, a 429 waited out and billed once, an unpriced model, a private glob', function () {
  this.timeout(240_000);
  let fake: KeyedAnthropic;
  let restore: () => Promise<void> = async () => undefined;
  const PRIVATE_DIR = 'deals';

  suiteSetup(async () => {
    fake = new KeyedAnthropic({ ttftMs: 60, perTokenMs: 20 });
    const s = await fake.start();
    fs.mkdirSync(path.join(session().workspace, PRIVATE_DIR), { recursive: true });
    fs.writeFileSync(path.join(session().workspace, PRIVATE_DIR, 'acme_terms.md'), '# Acme renewal\n\nDiscount ceiling: 18 %. Walk-away price: 42k.\n');
    restore = await withSettings({
      'hybrid.anthropic.baseUrl': s.url,
      'hybrid.privacy.privateGlobs': [`${PRIVATE_DIR}/**`],
    });
  });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
    fs.rmSync(path.join(session().workspace, PRIVATE_DIR), { recursive: true, force: true });
  });

  test('a wrong key: the card names the cause and "Set API Key"; the user sets it from the card and re-asks', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    const f = await focusChat();
    const q = `How would you restructure Cart for multiple currencies? (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)), 'the 401 to end the turn', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      wrong key card: ${JSON.stringify(text.slice(0, 400))}\n`);
    assert.match(text, /key/i, 'the card names the key as the cause');
    assert.match(text, /Set API Key/, 'the card names the fix');
    assert.doesNotMatch(text, /\[fake-anthropic\]/);
    assert.doesNotMatch(text, new RegExp(fake.goodKey));
    await shotOfTurn(q, 'bad-key-card');

    const card = f.locator('article.turn').last().locator('.error-card');
    await card.locator('button[data-fix="setApiKey"]').click();
    const input = page.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The card knows the provider (Anthropic); a provider pick first would also be acceptable.
    const title = await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
    if (!/API key/.test(title)) {
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Anthropic' }).first().click();
      await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /API key/ }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    await input.fill(fake.goodKey);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    // The key was fixed from this turn's card to get its answer: the turn asks again by itself, no retyping.
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q)), 'the turn to ask again with the fixed key', 30_000);
    // As with Retry: the failed attempt stays above as what happened, the new turn under it has the answer.
    assert.equal(await f.locator('article.turn').filter({ hasText: q }).count(), 2, 'one re-ask, not more');
    const after = await turnText(q);
    assert.doesNotMatch(after, /invalid x-api-key|Set API Key/, 'the answered turn still shows the old error');
  });

  test('a 429 with Retry-After is waited out, said while waiting, and billed once — the open spend panel updates live', async () => {
    const page = session().page;
    await runCommand(page, 'Hybrid: Show Spend');
    const panel = await spend();
    await until(async () => (await split(panel)).total >= 0, 'the spend panel split');
    const before = await split(panel);
    const ledgerBefore = ledgerRecords().length;
    await focusChat();
    fake.setFault({ kind: 'status', status: 429, retryAfter: 2, once: true });
    const q = `Compare event sourcing with a batch design for Cart (${tag()})`;
    await send('cloud', q);
    let sawWait = false;
    await until(async () => {
      const t = await turnText(q);
      if (/busy|rate|trying again|retry/i.test(t) && !/\[fake-anthropic\]/.test(t)) sawWait = true;
      return /\[fake-anthropic\]/.test(t) && !(await turnSpinning(q));
    }, 'the answer after the 429', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      after 429: saw a waiting notice: ${sawWait}; turn: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.equal(fake.requests.filter((r) => r.path === '/v1/messages').slice(-2).length, 2, 'the fake saw the 429 and the retry');
    assert.ok(sawWait, 'the wait was said while it lasted');
    assert.match(text, /was busy \(HTTP 429 rate limit\) — Hybrid waited 2 s, as it asked, and tried again/, 'the notice says the wait is over');
    assert.doesNotMatch(text, /trying again/, 'a finished answer still says it is waiting');
    await until(async () => (await split(await spend())).cloud === before.cloud + 1, 'the spend panel to count the request without reopening', 15_000);
    await page.waitForTimeout(2_000);
    const after = await split(await spend());
    assert.equal(after.cloud, before.cloud + 1, 'billed once, not once per attempt');
    const added = ledgerRecords().slice(ledgerBefore);
    assert.equal(added.length, 1, `one ledger record for the question (${JSON.stringify(added.map((r) => [r.route, r.status]))})`);
    assert.equal(added[0].status, 'ok');
    assert.ok((added[0].costUsd ?? 0) > 0, 'priced');
    const shot = await screenshot(session(), 'deep-spend-after-429');
    process.stdout.write(`      screenshot: ${shot}\n`);
  });

  // hybrid.fallback.cloudToLocal is on by default: the local model answers, and the notice must name the real cause.
  test('the connection drops in the middle of a cloud answer: the local model answers, the notice says what broke', async () => {
    await focusChat();
    fake.setReply({ perTokenMs: 150 });
    fake.setFault({ kind: 'reset', afterTokens: 3, once: true });
    try {
      const q = `Sketch a multi-currency Cart API (${tag()})`;
      await send('cloud', q);
      await until(async () => !(await turnSpinning(q)), 'the turn to end', 30_000);
      const text = await turnText(q);
      process.stdout.write(`      cloud reset mid-answer: ${JSON.stringify(text.slice(-420))}\n`);
      assert.match(text, /\[fake-ollama\]/, 'the local model answered');
      assert.match(text, /lost in the middle of the answer/, 'the notice names what broke');
      assert.match(text, /answering with the local model instead/);
      assert.doesNotMatch(text, /Cannot reach|\.\)/, 'no "cannot reach" for a server that was reached; no ".)"');
      await shotOfTurn(q, 'cloud-reset-fallback');
    } finally {
      fake.setReply({ perTokenMs: 20 });
    }
  });

  test('a private glob file open in the editor: Ask (cloud) is refused with a card naming the file and the way out', async () => {
    const page = session().page;
    await openFile(page, `${PRIVATE_DIR}/acme_terms.md`);
    const n = fake.requests.length;
    await focusChat();
    const q = `Summarise these terms for the customer (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)), 'the refusal', 20_000);
    const text = await turnText(q);
    process.stdout.write(`      private glob refusal: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.match(text, /Not sent/);
    assert.match(text, /acme_terms\.md|deals\//, 'the card names the file');
    assert.match(text, /Retry on local/);
    assert.equal(fake.requests.length, n, 'nothing reached the cloud');
    await shotOfTurn(q, 'private-glob-refusal');
  });

  test('a model with no known price: the answer and the spend panel say "unknown", never $0', async () => {
    const back = await withSettings({ 'hybrid.cloud.model': 'claude-e2e-unpriced-1' });
    try {
      const page = session().page;
      await openFile(page, 'cart.ts');
      await focusChat();
      const q = `Which design patterns fit Cart best, and why? (${tag()})`;
      await send('cloud', q);
      await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the unpriced answer', 30_000);
      const text = await turnText(q);
      process.stdout.write(`      unpriced answer: ${JSON.stringify(text.slice(-300))}\n`);
      assert.doesNotMatch(text.split('\n').filter((l) => /in \/ .* out/.test(l)).join('\n'), /\$0(\.00)?\b/, 'an unpriced answer shows $0');
      assert.match(text, /unknown|no price|not priced|unpriced/i);
      await shotOfTurn(q, 'unpriced-answer');
      await runCommand(page, 'Hybrid: Show Spend');
      const panel = await spend();
      await until(async () => /claude-e2e-unpriced-1/.test(await panel.evaluate('document.body.innerText') as string), 'the unpriced model in the panel', 15_000);
      const body = await panel.evaluate('document.body.innerText') as string;
      assert.match(body, /unknown price|unpriced|unknown/);
      await panel.evaluate(`document.querySelector('section[aria-label="By model"]')?.scrollIntoView({ block: 'start' })`);
      const shot = await screenshot(session(), 'deep-spend-unpriced');
      process.stdout.write(`      screenshot: ${shot}\n`);
      assert.ok(await chat());
    } finally {
      await back();
    }
  });
});
