// One code-server 4.139.1 (VS Code 1.139.1, Node 24) session for the native-Chat e2e: a fresh workspace with the
// fixture files written before the workbench starts (Quick Open and the agent's tools then see them at once), the
// loopback fakes in this process (so the test can read exactly what the cloud fake received), our .vsix installed
// with --install-extension, "chat.allowAnonymousAccess" on, and headless Chromium on the workbench.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startAll, type AllFakes } from '../../fakes';
import { launchChromium, type OpenBrowser } from '../../runners/chromium';
import { installVsix, NATIVE_HOST, QUIET_SETTINGS, startCodeServer, updateUserSettings, type CodeServer } from '../../runners/codeServerHost';
import { waitForWorkbench } from '../workbenchPage';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

export interface NativeSession {
  page: Page;
  server: CodeServer;
  browser: OpenBrowser;
  fakes: AllFakes;
  workspace: string;
  userDataDir: string;
  tempDir: string;
  /** The secret values written into the workspace's .env (drawn at run time). */
  envSecrets: string[];
  close(): Promise<void>;
}

export const CONFIDENTIAL_FILE = 'src/pricing.ts';

function writeFixtures(workspace: string): string[] {
  const rng = new Rng(Number.parseInt(randomBytes(3).toString('hex'), 16));
  const aws = GENERATORS['aws-access-key-id'](rng, 0).value;
  const ghp = GENERATORS['github-pat'](rng, 0).value;
  const dbPass = `pw${randomBytes(10).toString('hex')}`;
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Orders service\n\nA small service that prices and ships orders.\n');
  fs.writeFileSync(path.join(workspace, 'src', 'orders.ts'), 'export function total(items: { price: number }[]): number {\n  return items.reduce((s, i) => s + i.price, 0);\n}\n');
  fs.writeFileSync(path.join(workspace, CONFIDENTIAL_FILE),
    '// CONFIDENTIAL: negotiated margins, do not share outside the company.\nexport const MARGIN = 0.42;\nexport function price(cost: number): number {\n  return cost * (1 + MARGIN);\n}\n');
  fs.writeFileSync(path.join(workspace, '.env'), `AWS_ACCESS_KEY_ID=${aws}\nGITHUB_TOKEN=${ghp}\nDATABASE_URL=postgres://orders:${dbPass}@db.internal:5432/orders\n`);
  return [aws, ghp, dbPass];
}

export async function startNativeSession(vsix: string, log: (line: string) => void): Promise<NativeSession> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-native-'));
  const workspace = path.join(tempDir, 'orders');
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  const envSecrets = writeFixtures(workspace);
  const fakes = await startAll({ reply: { ttftMs: 0, perTokenMs: 5 } });
  updateUserSettings(userDataDir, {
    ...QUIET_SETTINGS,
    // Signed-out use of third-party models in the built-in Agent (VS Code 1.122+); see README "VS Code's own Chat".
    'chat.allowAnonymousAccess': true,
    'workbench.colorTheme': 'Default Dark Modern',
    'hybrid.local.baseUrl': fakes.urls.ollama,
    'hybrid.anthropic.baseUrl': fakes.urls.anthropic,
    'hybrid.cloud.provider': 'anthropic',
    'hybrid.cloud.model': 'claude-sonnet-4-6',
    'hybrid.completion.enabled': false,
  });
  log(`installing ${path.basename(vsix)} into code-server ${NATIVE_HOST.version}`);
  await installVsix(vsix, extensionsDir, userDataDir, NATIVE_HOST);
  const server = await startCodeServer({
    userDataDir, extensionsDir, folder: workspace, logFile: path.join(tempDir, 'code-server.log'), binary: NATIVE_HOST,
    // A throw-away key: the cloud fake accepts any, and no real credential reaches this server.
    env: { ANTHROPIC_API_KEY: `sk-ant-test-${randomBytes(12).toString('hex')}`, HYBRID_TEST: '1' },
    readyTimeoutMs: 120_000,
  });
  log(`workbench ${server.url} (log ${server.logFile})`);
  const browser = await launchChromium();
  const page = await browser.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => fs.appendFileSync(path.join(tempDir, 'browser.log'), `[pageerror] ${e.message}\n`));
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000 });
  await waitForWorkbench(page);
  return {
    page, server, browser, fakes, workspace, userDataDir, tempDir, envSecrets,
    close: async () => {
      await browser.close();
      await server.stop();
      await fakes.close();
    },
  };
}
