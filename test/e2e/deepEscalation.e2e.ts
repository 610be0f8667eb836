// Deep session, Ask (auto) escalation in the real workbench: a local model that guesses (its token
// log-probabilities are low) answers an automatic question in the "local first" band; with hybrid.routing.escalation "auto" the same turn
// goes on to the cloud, says why (the local confidence) and shows both answers; the spend panel then counts one
// more local answer, one more escalation with its cost, and the cloud request — and Ask (private) never escalates.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { FakeAnthropic } from '../fakes/anthropic';
import { FakeOllama } from '../fakes/ollama';
import type { LedgerRecord } from '../../src/core/request';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, frameWith, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

function ledger(): LedgerRecord[] {
  const dir = ledgerDir(session().userDataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerRecord));
}

interface Escalations { escalations: number; localAnswers: number; cost: string }

async function panelText(): Promise<{ frame: Frame; text: string }> {
  const frame = await frameWith('section[aria-label="Totals"]');
  return { frame, text: await frame.evaluate('document.body.innerText') as string };
}

function escalationsIn(text: string): Escalations {
  const m = /(\d+) of (\d+) local answers went on to the cloud \([^)]*\) · cost (\S+)/.exec(text);
  return m ? { escalations: Number(m[1]), localAnswers: Number(m[2]), cost: m[3]! } : { escalations: 0, localAnswers: 0, cost: '$0.00' };
}

suite('deep session: Ask (auto) escalates a guessing local answer to the cloud; the spend panel shows it', function () {
  this.timeout(240_000);
  let ollama: FakeOllama;
  let cloud: FakeAnthropic;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    ollama = new FakeOllama({ ttftMs: 60, perTokenMs: 15 });
    ollama.logprobs = 'unsure';
    cloud = new FakeAnthropic({ ttftMs: 60, perTokenMs: 15 });
    const [l, c] = [await ollama.start(), await cloud.start()];
    restore = await withSettings({
      'hybrid.local.baseUrl': l.url,
      'hybrid.anthropic.baseUrl': c.url,
      'hybrid.cloud.provider': 'anthropic',
      'hybrid.routing.escalation': 'auto',
      // Every automatic question in the "local first, cloud when unsure" band (below localBelow the user chose local).
      'hybrid.routing.localBelow': 0,
    });
  });

  suiteTeardown(async () => {
    await restore();
    await ollama.close();
    await cloud.close();
  });

  test('an unsure local answer goes on to the cloud in the same turn; the spend panel counts the escalation and its cost', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    await runCommand(page, 'Hybrid: Show Spend');
    const before = escalationsIn((await panelText()).text);
    const ledgerBefore = ledger().length;
    await focusChat();
    const q = `Rename this variable to something clearer (${tag()})`;
    await send('auto', q);
    await until(async () => /\[fake-anthropic\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the escalated cloud answer', 45_000);
    const text = await turnText(q);
    process.stdout.write(`      escalated turn: ${JSON.stringify(text.slice(0, 700))}\n`);
    assert.match(text, /\[fake-ollama\]/, 'the local answer stays above');
    assert.match(text, /Escalated to the cloud: confidence 0\.\d\d \(cloud below 0\.\d\d\)/, 'says it escalated and why');
    assert.match(text, /Cloud · claude/, 'the cloud answer is labelled with its model');
    assert.ok(text.indexOf('[fake-ollama]') < text.indexOf('[fake-anthropic]'), 'the cloud answer comes below the local one');
    const block = (await chat()).locator('article.turn').filter({ hasText: q }).last().locator('.escalated-answer');
    assert.match(await block.locator('.route-reasons').innerText(), /^Why: /, 'the cloud answer\'s reasons are a labelled Why line');
    assert.match(await block.locator('.md').innerText(), /^\[fake-anthropic\]/, 'the cloud answer starts on its own, not inside the reasons');
    assert.equal(cloud.requests.filter((r) => r.path === '/v1/messages').length, 1, 'one cloud request');
    await shotOfTurn(q, 'escalated-auto');

    const added = ledger().slice(ledgerBefore);
    const local = added.find((r) => r.route === 'local');
    const up = added.find((r) => r.route === 'cloud');
    assert.ok(local && up, `a local and a cloud record: ${JSON.stringify(added.map((r) => [r.route, r.status]))}`);
    assert.equal(up.escalatedFrom, local.id, 'the cloud record names the local answer it escalated');

    await runCommand(page, 'Hybrid: Show Spend');
    await until(async () => escalationsIn((await panelText()).text).escalations === before.escalations + 1, 'the spend panel to count the escalation', 20_000);
    const { text: panel } = await panelText();
    const after = escalationsIn(panel);
    process.stdout.write(`      spend panel: escalations ${before.escalations}/${before.localAnswers} ${before.cost} → ${after.escalations}/${after.localAnswers} ${after.cost}\n`);
    assert.equal(after.localAnswers, before.localAnswers + 1, 'one more local answer to an automatic question');
    assert.notEqual(after.cost, before.cost, 'the escalation\'s cloud cost is added');
    assert.match(panel, /Recent requests/i);
    await screenshot(session(), 'deep-spend-after-escalation');

    // Ask (private) with the same guessing model: never leaves the machine, whatever its confidence.
    await focusChat();
    const p = `Rename this variable to something clearer, privately (${tag()})`;
    const cloudBefore = cloud.requests.length;
    await send('private', p);
    await until(async () => /\[fake-ollama\]/.test(await turnText(p)) && !(await turnSpinning(p)), 'the private answer', 30_000);
    await page.waitForTimeout(1_500);
    const priv = await turnText(p);
    assert.doesNotMatch(priv, /Escalated to the cloud|\[fake-anthropic\]/, priv.slice(0, 400));
    assert.equal(cloud.requests.length, cloudBefore, 'Ask (private) reached the cloud');
  });
});
