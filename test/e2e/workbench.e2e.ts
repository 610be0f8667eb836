// The packaged extension in the real workbench, reached exactly as a newcomer does: `npm start -- --demo-servers`.

import * as assert from 'node:assert/strict';
import { session } from './session';
import { hybridStatusItem, openFile } from './workbenchPage';

suite('workbench (npm start -- --demo-servers)', () => {
  test('serves the sample workspace on loopback', async () => {
    const s = session();
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\//);
    await openFile(s.page, 'cart.ts');
    assert.equal(await s.page.locator('.tabs-container .tab.active[aria-label*="cart.ts"]').count(), 1);
  });

  test('the extension activates and its status bar item shows the local model ready', async () => {
    const item = hybridStatusItem(session().page);
    await item.first().waitFor({ state: 'visible', timeout: 60_000 });
    // The demo's fake Ollama answers /api/tags, so the health check reports ready.
    await assertEventually(async () => /local ready/i.test(await item.first().innerText()), 30_000, 'status bar "local ready"');
  });

  test('the status bar tooltip says the answers are canned (demo mode)', async () => {
    const page = session().page;
    await hybridStatusItem(page).first().hover();
    const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await hover.innerText();
    await page.mouse.move(5, 5);
    assert.match(text, /demo|canned/i, `the tooltip does not mention the demo: ${JSON.stringify(text)}`);
  });
});

async function assertEventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
