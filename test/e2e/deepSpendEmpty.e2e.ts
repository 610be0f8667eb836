// Deep session, the spend panel from nothing: a profile with no ledger yet (the e2e profile's seeded ledger is set
// aside for this file and put back after) shows the empty state with its next steps and disabled exports; the first
// question, asked with the panel open beside the chat, turns it into the figures without reopening it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Frame } from 'playwright-core';
import { ledgerDir } from './seedSpend';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { focusChat, frameWith, reloadWorkbench, send, tag, turnSpinning, turnText, until } from './deepHelpers';

const panelText = (f: Frame): Promise<string> => f.evaluate('document.body.innerText') as Promise<string>;

suite('deep session: the spend panel before the first request, and as it lands', function () {
  this.timeout(180_000);
  const dir = (): string => ledgerDir(session().userDataDir);
  const aside = (): string => `${dir()}.deep-aside`;

  suiteSetup(async () => {
    fs.rmSync(aside(), { recursive: true, force: true });
    if (fs.existsSync(dir())) fs.renameSync(dir(), aside());
    await reloadWorkbench(session().page);
  });

  suiteTeardown(async () => {
    fs.rmSync(dir(), { recursive: true, force: true });
    if (fs.existsSync(aside())) fs.renameSync(aside(), dir());
    await reloadWorkbench(session().page);
  });

  test('no ledger: the empty state says what will show and what to do; exports are off; then the first answer fills it live', async () => {
    const page = session().page;
    await runCommand(page, 'Hybrid: Show Spend');
    const panel = await frameWith('.panel-body');
    await until(async () => /No requests yet/.test(await panelText(panel)), 'the empty state', 20_000);
    const empty = await panelText(panel);
    assert.match(empty, /Run "Hybrid: Ask"/);
    assert.match(empty, /never stored/);
    assert.equal(await panel.locator('button[data-export="csv"]').isDisabled(), true, 'Export CSV with nothing to export');
    assert.doesNotMatch(empty, /NaN|undefined|Infinity/);
    const shot = await screenshot(session(), 'deep-spend-empty');
    process.stdout.write(`      screenshot: ${shot}\n`);

    await openFile(page, 'cart.ts');
    await runCommand(page, 'Hybrid: Show Spend');
    await focusChat();
    const q = `What does subtotal add up? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the first answer', 30_000);
    const live = await frameWith('.panel-body');
    await until(async () => /1 requests? · 1 local · 0 cloud/.test(await panelText(live)), 'the panel to show the first request without reopening', 15_000);
    const after = await panelText(live);
    assert.doesNotMatch(after, /No requests yet/);
    assert.match(after, /Recent requests/);
    assert.equal(await live.locator('button[data-export="csv"]').isDisabled(), false, 'Export CSV once there is a request');
    const shot2 = await screenshot(session(), 'deep-spend-first-request');
    process.stdout.write(`      screenshot: ${shot2}\n`);
  });
});
