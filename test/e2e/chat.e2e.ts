// Ask from the chat view in the demo workbench: the question travels extension → fake server → back into the
// webview (nested iframes: iframe.webview → iframe#active-frame), for the local and the cloud route.

import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { session } from './session';
import { openFile, runCommand } from './workbenchPage';


function chatFrame(): FrameLocator {
  return session().page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

/** Sends a question and returns the thread text after it, once a fake's answer arrived. */
async function ask(mode: 'private' | 'cloud', question: string): Promise<string> {
  const chat = chatFrame();
  const thread = chat.locator('main.thread');
  const answers = async (): Promise<number> => (await thread.innerText()).match(/\[fake-[a-z]+\]/g)?.length ?? 0;
  const before = await answers();
  await chat.locator('select.mode').selectOption(mode);
  await chat.locator('textarea.input').fill(question);
  await chat.locator('button.send').click();
  const deadline = Date.now() + 60_000;
  while ((await answers()) <= before) {
    if (Date.now() > deadline) {
      assert.fail(`no canned answer for the ${mode} question; the thread shows: ${JSON.stringify((await thread.innerText()).slice(-600))}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const text = await thread.innerText();
  return text.slice(text.lastIndexOf(question));
}

suite('chat view (demo)', () => {
  suiteSetup(async () => {
    await openFile(session().page, 'cart.ts');
    await runCommand(session().page, 'Hybrid Assistant: Focus on Chat View');
    await chatFrame().locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
  });

  test('says the answers are canned test responses', async () => {
    const banner = chatFrame().locator('.demo-banner');
    await banner.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await banner.innerText(), /canned/i);
  });

  test('Ask (private) is answered by the local fake', async () => {
    const answer = await ask('private', 'What does applyCoupon accept?');
    assert.match(answer, /\[fake-ollama\]/);
    assert.doesNotMatch(answer, /\[fake-(anthropic|openai)\]/);
  });

  test('Ask (cloud) is answered by the cloud fake', async () => {
    const answer = await ask('cloud', 'How would you restructure Cart to support multiple currencies?');
    // hybrid.cloud.provider defaults to anthropic.
    assert.match(answer, /\[fake-anthropic\]/);
  });
});
