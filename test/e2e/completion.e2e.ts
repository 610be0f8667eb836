// Inline completion in the demo workbench: typing in a file shows ghost text from the local fake, and Tab accepts it.

import * as assert from 'node:assert/strict';
import { session } from './session';
import { openFile } from './workbenchPage';

suite('inline completion (demo)', () => {
  test('typing shows a suggestion from the local fake and Tab accepts it', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('export function totalWithTax(', { delay: 40 });
    const ghost = page.locator('.ghost-text-decoration, .ghost-text-decoration-preview').first();
    await ghost.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await ghost.innerText(), /fake-ollama/);
    await page.keyboard.press('Tab');
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await editor.innerText();
      if (/totalWithTax\(\s*\[fake-ollama\]/.test(text.replace(/\u00a0/g, ' '))) break;
      await page.waitForTimeout(200);
    }
    assert.match(text.replace(/\u00a0/g, ' '), /totalWithTax\(\s*\[fake-ollama\]/, 'the accepted suggestion is in the document');
    // Leave the sample as it was for the screenshots that follow: remove the typed line (code-server may have
    // auto-saved it already, so undo/revert is not enough).
    for (const key of ['End', 'Shift+Home', 'Shift+Home', 'Delete', 'Backspace']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    assert.doesNotMatch(await editor.innerText(), /totalWithTax/, 'the typed line is gone again');
  });
});
