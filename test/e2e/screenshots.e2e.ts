// What a user sees, in the dark and the light default theme, saved to screenshots/ (git-ignored) to look at.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { session } from './session';
import { hybridStatusItem, openFile, runCommand, screenshot, setTheme, settleActivation, type ThemeKind } from './workbenchPage';

suite('screenshots', () => {
  for (const kind of ['dark', 'light'] as ThemeKind[]) {
    test(`workbench in the ${kind} theme`, async () => {
      const s = session();
      await setTheme(s, kind);
      await openFile(s.page, 'cart.ts');
      // The chat view, so the picture shows the product and not only the editor.
      await runCommand(s.page, 'Hybrid Assistant: Focus on Chat View');
      await s.page.locator('iframe.webview').first().waitFor({ state: 'visible', timeout: 30_000 });
      // The chat view must have rendered (after the theme reload too), and finished its set-up check.
      const chat = s.page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await chat.locator('textarea.input').waitFor({ state: 'visible', timeout: 30_000 });
      await chat.getByText('Checking your set-up').waitFor({ state: 'hidden', timeout: 15_000 });
      await hybridStatusItem(s.page).first().waitFor({ state: 'visible', timeout: 30_000 });
      await settleActivation(s.page);
      await s.page.waitForTimeout(1_000);
      const file = await screenshot(s, `workbench-${kind}`);
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      // Width/height from the IHDR chunk: the whole viewport, not an empty crop.
      assert.equal(png.readUInt32BE(16), s.page.viewportSize()?.width);
      assert.ok(png.length > 20_000, `${file} is suspiciously small (${png.length} bytes)`);
    });
  }
});
