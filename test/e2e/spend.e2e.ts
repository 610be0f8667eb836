// The spend panel in the demo workbench: opened from the command palette after the chat tests made requests
// against the fakes, it shows the recorded requests; screenshots in light and dark.

import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { session } from './session';
import { runCommand, screenshot, setTheme, type ThemeKind } from './workbenchPage';

/** The webview frame whose document is the spend panel (webview content lives in nested iframes). */
async function spendFrame(timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of session().page.frames()) {
      const title = await (frame.evaluate('document.querySelector("h1")?.textContent ?? ""') as Promise<string>).catch(() => '');
      if (title.includes('Spend')) return frame;
    }
    if (Date.now() > deadline) assert.fail('the spend panel did not render');
    await new Promise((r) => setTimeout(r, 250));
  }
}

suite('spend panel (demo)', () => {
  for (const kind of ['dark', 'light'] as ThemeKind[]) {
    test(`opens from the palette and lists the requests (${kind})`, async () => {
      await setTheme(session(), kind);
      await runCommand(session().page, 'Hybrid: Show Spend');
      const frame = await spendFrame();
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await frame.evaluate('document.body.innerText') as string;
        if (/Recent requests/i.test(text)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.match(text, /Recent requests/i, `the panel shows no requests: ${text.slice(0, 400)}`);
      assert.match(text, /local/i);
      await session().page.waitForTimeout(800);
      const file = await screenshot(session(), `workbench-spend-${kind}`);
      process.stdout.write(`      screenshot: ${file}\n`);
    });
  }
});
