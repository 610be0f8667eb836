// Debian's Chromium driven by playwright-core (`npx playwright install` has no route on this kind of machine).
// The flags are the ones that behave headless here; see real-vscode-testing.md.

import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { onStop } from './processes';

export const CHROMIUM_PATH = process.env.HYBRID_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export interface OpenBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<OpenBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run: node scripts/ensureTestHost.js`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
  // Playwright itself kills the browser if this process dies; close() is the orderly path.
  const close = onStop(async () => {
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  });
  return { browser, close };
}
