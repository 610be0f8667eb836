// The escalation note and the "Ask the cloud" action in the chat view of the demo workbench: an automatic
// question answered locally shows its confidence with the action; clicking it asks the cloud fake in a new turn.

import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';

function chatFrame(): FrameLocator {
  return session().page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

suite('chat view: escalation note and "Ask the cloud"', () => {
  suiteSetup(async () => {
    await openFile(session().page, 'cart.ts');
    await runCommand(session().page, 'Hybrid Assistant: Focus on Chat View');
    await chatFrame().locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
  });

  test('a local answer shows its confidence and the action; the action asks the cloud', async () => {
    const chat = chatFrame();
    // The note of this very turn (found by its question), not the n-th note of a thread other tests also wrote to.
    const question = `Rename this variable to something clearer. (${Date.now().toString(36)})`;
    const note = chat.locator('article.turn').filter({ hasText: question }).last().locator('.escalation');
    await chat.locator('select.mode').selectOption('auto');
    await chat.locator('textarea.input').fill(question);
    await chat.locator('button.send').click();
    await until(async () => (await note.count()) > 0, 'the escalation note');
    assert.match(await note.innerText(), /confidence \d\.\d\d \(cloud below \d\.\d\d\)/i);
    const action = note.locator('button[data-ask-cloud]');
    await action.waitFor({ state: 'visible', timeout: 15_000 });
    const shot = await screenshot(session(), 'chat-escalation-note');
    assert.ok(shot.endsWith('.png'));
    const answers = async () => ((await chat.locator('main.thread').innerText()).match(/\[fake-anthropic\]/g) ?? []).length;
    const cloudBefore = await answers();
    await action.click();
    await until(async () => (await answers()) > cloudBefore, 'the cloud answer after "Ask the cloud"');
    await screenshot(session(), 'chat-escalation-cloud-answer');
  });
});
