// Deep session, cloud streams that go quiet, in the real workbench against cloud fakes this process owns, with the
// local fallback off (the user sees the cloud's own failure, not a local answer): Anthropic sends its headers and
// message_start, then nothing; Anthropic sends only `ping` events (alive, no answer); OpenAI (switched to in the
// middle of the thread) sends a few words, then only `: keep-alive` comments, as OpenRouter and proxies do. Each
// time the turn must end near the configured time-out with the cause and the fix, the spinner must stop, and the
// ledger must hold one record labelled as the failure it was.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LedgerRecord } from '../../src/core/request';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOpenAI } from '../fakes/openai';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { openFile } from './workbenchPage';
import { chat, focusChat, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const FIRST_BYTE_MS = 3_000;
const IDLE_MS = 4_000;
// What "near the time-out" allows on a loaded 2-core machine: the page is polled every 200 ms and the workbench
// may be slow to paint, but a stream that never ends is the failure this is about.
const SLACK_MS = 9_000;

function ledger(): LedgerRecord[] {
  const dir = ledgerDir(session().userDataDir);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerRecord));
}

/** Sends `q` to the cloud and measures how long the turn spins; fails (with the thread) past `limitMs`. */
async function askAndTime(q: string, limitMs: number): Promise<{ ms: number; text: string }> {
  await send('cloud', q);
  await until(async () => (await turnText(q)).length > 0, 'the turn to appear', 15_000);
  const began = Date.now();
  await until(async () => !(await turnSpinning(q)), 'the quiet stream to end', limitMs);
  return { ms: Date.now() - began, text: await turnText(q) };
}

suite('deep session: cloud streams that go quiet (no words, keep-alives only) end at the time-out and say so', function () {
  this.timeout(240_000);
  const anthropic = new FakeAnthropic({ ttftMs: 50, perTokenMs: 30 });
  const openai = new FakeOpenAI({ ttftMs: 50, perTokenMs: 30 });
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    const a = await anthropic.start();
    const o = await openai.start();
    restore = await withSettings({
      'hybrid.anthropic.baseUrl': a.url,
      'hybrid.openai.baseUrl': `${o.url}/v1`,
      'hybrid.cloud.provider': 'anthropic',
      'hybrid.timeouts.cloudFirstByteMs': FIRST_BYTE_MS,
      'hybrid.timeouts.idleMs': IDLE_MS,
      'hybrid.fallback.cloudToLocal': false,
    });
    await openFile(session().page, 'cart.ts');
  });

  suiteTeardown(async () => {
    anthropic.setFault(undefined);
    openai.setFault(undefined);
    await restore();
    await Promise.all([anthropic.close(), openai.close()]);
  });

  test('Anthropic sends its headers and message_start, then nothing: a time-out that says no answer came, and the fix', async () => {
    await focusChat();
    const before = ledger().length;
    anthropic.setFault({ kind: 'stallAfterHeaders', afterTokens: 0, once: true });
    const q = `How should Cart round tax per line? (${tag()})`;
    const { ms, text } = await askAndTime(q, FIRST_BYTE_MS + IDLE_MS + SLACK_MS + 30_000);
    process.stdout.write(`      headers then silence, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 600))}\n`);
    await shotOfTurn(q, 'stall-headers-only');
    assert.ok(ms <= Math.max(FIRST_BYTE_MS, IDLE_MS) + SLACK_MS, `the turn spun for ${ms} ms (time-outs ${FIRST_BYTE_MS} / ${IDLE_MS} ms)`);
    assert.match(text, /Anthropic/, 'the message names the provider');
    assert.doesNotMatch(text, /in the middle of the answer|answer is incomplete/, 'no words came, yet the message speaks of an incomplete answer');
    assert.match(text, /hybrid\.timeouts\.cloudFirstByteMs/, 'the fix names the setting for a slow first answer');
    assert.match(text, /Retry/, 'a Retry way out is offered');
    const added = ledger().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.route, r.status, r.outcome, r.costUsd]))}\n`);
    assert.equal(added.length, 1, 'one record for the question');
    assert.equal(added[0].status, 'failed');
    assert.equal(added[0].outcome, 'timeout', 'the record says it timed out');
  });

  test('Anthropic sends only ping events (alive, no answer): the turn ends at the first-answer time-out, not never', async () => {
    await focusChat();
    const before = ledger().length;
    const n = anthropic.requests.length;
    anthropic.setFault({ kind: 'heartbeat', afterTokens: 0, ms: 1_000, once: true });
    const q = `Which invariants should Cart's discount rules keep? (${tag()})`;
    const { ms, text } = await askAndTime(q, FIRST_BYTE_MS + SLACK_MS + 30_000);
    process.stdout.write(`      pings only, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 600))}\n`);
    await shotOfTurn(q, 'stall-pings-only');
    assert.ok(ms <= FIRST_BYTE_MS + SLACK_MS, `the turn spun for ${ms} ms with a ${FIRST_BYTE_MS} ms first-answer time-out`);
    assert.match(text, /Anthropic/);
    assert.match(text, /hybrid\.timeouts\.cloudFirstByteMs/);
    assert.doesNotMatch(text, /\[fake-anthropic\]/);
    const req = anthropic.requests.slice(n).find((r) => r.path === '/v1/messages');
    assert.ok(req?.clientClosed, 'the connection was closed, not left open sending pings');
    const added = ledger().slice(before);
    assert.equal(added.length, 1, 'one record for the question');
    assert.equal(added[0].status, 'failed');
    assert.equal(added[0].outcome, 'timeout');
  });

  test('OpenAI (switched to mid-thread) sends a few words, then only keep-alive comments: the words stay, the turn ends at the idle time-out', async () => {
    const back = await withSettings({ 'hybrid.cloud.provider': 'openai' });
    try {
      await openFile(session().page, 'cart.ts');
      await focusChat();
      const before = ledger().length;
      openai.setFault({ kind: 'heartbeat', afterTokens: 3, ms: 1_000, once: true });
      const q = `Walk through Cart's refund path (${tag()})`;
      await send('cloud', q);
      await until(async () => /\[fake-openai\]/.test(await turnText(q)), 'the first words', 20_000);
      const began = Date.now();
      await until(async () => !(await turnSpinning(q)), 'the keep-alive stream to end', IDLE_MS + SLACK_MS + 30_000);
      const ms = Date.now() - began;
      const text = await turnText(q);
      process.stdout.write(`      keep-alives after 3 words, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 600))}\n`);
      await shotOfTurn(q, 'stall-keepalive-openai');
      assert.ok(ms <= IDLE_MS + SLACK_MS, `the turn spun for ${ms} ms after its words stopped (idle time-out ${IDLE_MS} ms)`);
      assert.match(text, /\[fake-openai\]/, 'the words so far stay');
      assert.match(text, /OpenAI stopped sending in the middle of the answer \(nothing for 4 s\)/);
      assert.match(text, /hybrid\.timeouts\.idleMs/);
      const added = ledger().slice(before);
      process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.provider, r.model, r.status, r.outcome, r.costUsd]))}\n`);
      assert.equal(added.length, 1, 'one record for the question');
      assert.equal(added[0].provider, 'openai');
      assert.equal(added[0].status, 'failed');
      assert.equal(added[0].outcome, 'stalled', 'the record says the stream stalled');
      assert.ok(await chat());
    } finally {
      await back();
    }
  });
});
