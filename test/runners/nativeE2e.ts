// Native-Chat e2e tier: our .vsix in code-server 4.139.1 (VS Code 1.139.1 on Node 24) with headless Chromium.
//   npx tsx test/runners/nativeE2e.ts        (npm run test:e2e:native)
// `@hybrid` answers with its route badge and cost; a question about a CONFIDENTIAL file stays local; the built-in
// Agent with "Hybrid Cloud" reads `.env` through its own tool and the cloud fake receives no piece of its values;
// the requests appear in the spend panel; screenshots of the Chat view in both themes go to screenshots/.
// Prints one line per check and `native-e2e: N passed, M failed`; exits 1 on any failure.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, updateUserSettings } from './codeServerHost';
import { stopAll } from './processes';
import { countsLine } from './results';
import { ensureVsix } from './vsix';
import { openFile, waitForWorkbench } from '../e2e/workbenchPage';
import { badgeIcon, lastResponse, newChat, openChat, openSpendFromPalette, pickModel, send } from '../e2e/native/chatPage';
import { CONFIDENTIAL_FILE, startNativeSession, type NativeSession } from '../e2e/native/session';
import { deepChecks } from '../e2e/native/deepChecks';

const log = (line: string): void => { process.stderr.write(`[native-e2e] ${line}\n`); };
const shotsDir = path.join(REPO_ROOT, 'screenshots');

function cloudBodies(s: NativeSession): string[] {
  return [...s.fakes.anthropic!.fake.requests, ...s.fakes.openai!.fake.requests].map((r) => JSON.stringify(r.body));
}

async function shot(s: NativeSession, name: string): Promise<string> {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await s.page.screenshot({ path: file });
  log(`screenshot: ${file}`);
  return file;
}

type Check = [name: string, run: (s: NativeSession) => Promise<void>];

const checks: Check[] = [
  ['extension active on VS Code 1.139.1 with @hybrid and the model provider registered', async (s) => {
    const logs = path.join(s.userDataDir, 'logs');
    const deadline = Date.now() + 60_000;
    let line = '';
    while (Date.now() < deadline && !line) {
      const files = fs.readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('Hybrid.log'));
      line = files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('\n').split('\n').find((l) => l.includes('native chat:')) ?? '';
      if (!line) await s.page.waitForTimeout(500);
    }
    assert.match(line, /@hybrid registered, model picker registered \(VS Code 1\.139\.1\)/);
  }],

  ['@hybrid answers in the Chat view with the route badge, reasons and the cost line', async (s) => {
    await openChat(s.page);
    await pickModel(s.page, 'Hybrid Auto');
    const before = s.fakes.ollama!.fake.requests.filter((r) => r.path === '/api/chat').length;
    await send(s.page, '@hybrid What does this project do?');
    const text = await lastResponse(s.page, /Cost:/);
    assert.match(text, /Local|Cloud/, text);
    assert.match(text, /Cost:\s*\$[\d.]+/, text);
    assert.match(text, /(local|cloud):/i, 'the route reasons are shown');
    assert.ok(s.fakes.ollama!.fake.requests.filter((r) => r.path === '/api/chat').length + cloudBodies(s).length > before, 'a model was asked');
    await s.page.waitForTimeout(500);
    await shot(s, 'native-chat-dark');
  }],

  ['a complex question about a CONFIDENTIAL file stays local', async (s) => {
    await newChat(s.page);
    await pickModel(s.page, 'Hybrid Auto');
    const cloudBefore = cloudBodies(s).length;
    // The file is open with its text selected: what a user asks about (the Chat view may also attach it itself).
    await openFile(s.page, path.join(s.workspace, CONFIDENTIAL_FILE));
    await s.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await s.page.keyboard.press('Control+A');
    await send(s.page, '@hybrid Explain the architecture of this pricing module and the design trade-offs across modules');
    const text = await lastResponse(s.page, /Cost:|Not sent/);
    assert.match(text, /Local · |Local\n/, text);
    assert.equal(await badgeIcon(s.page), 'lock', 'the route badge draws the lock codicon, not an emoji box');
    await shot(s, 'native-badge-lock');
    assert.match(text, /CONFIDENTIAL|proprietary|private|marker/i, 'the reason names the marker');
    assert.ok(!/^Ask the cloud\b/m.test(text), 'no "Ask the cloud" button for a CONFIDENTIAL answer');
    assert.equal(cloudBodies(s).length, cloudBefore, 'nothing went to the cloud fake');
  }],

  ['built-in Agent with "Hybrid Cloud" reads .env through its tool; the cloud fake receives no piece of its values', async (s) => {
    // No open editor: the Chat view would attach it (the CONFIDENTIAL file of the last check) to the agent's request.
    await s.page.keyboard.press('F1');
    await s.page.locator('.quick-input-box input').fill('>View: Close All Editors');
    await s.page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Close All Editors' }).first().waitFor({ timeout: 15_000 });
    await s.page.keyboard.press('Enter');
    await newChat(s.page);
    await pickModel(s.page, 'Hybrid Cloud');
    const envPath = path.join(s.workspace, '.env');
    const script = JSON.stringify({ filePath: envPath, startLine: 1, endLine: 20 });
    await send(s.page, `Check the project environment file for problems. [[tool:read_file|copilot_readFile ${script}]]`);
    const text = await lastResponse(s.page, /not sent|Nothing was sent|error|failed/i, 120_000);
    const bodies = cloudBodies(s);
    const offered = s.fakes.anthropic!.fake.requests.flatMap((r) => ((r.body as { tools?: { name: string }[] }).tools ?? []).map((t) => t.name));
    assert.ok(bodies.length > 0, 'the agent\'s first step reached the cloud fake');
    assert.ok(offered.includes('read_file') || offered.includes('copilot_readFile'), `the agent's tools were passed through: ${[...new Set(offered)].join(', ')}`);
    for (const secret of s.envSecrets) {
      for (const piece of [secret, secret.slice(0, 12), secret.slice(-12)]) {
        assert.ok(!bodies.some((b) => b.includes(piece)), 'a piece of a .env value reached the cloud fake');
      }
    }
    assert.match(text, /not sent|Nothing was sent/i, `the chat says why: ${text.slice(0, 300)}`);
    assert.match(text, /\.env/);
    await shot(s, 'native-agent-env-dark');
  }],

  ['the requests appear in the spend panel', async (s) => {
    const frame = await openSpendFromPalette(s.page);
    let text = '';
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !/Recent requests/i.test(text)) {
      text = await frame.evaluate('document.body.innerText') as string;
      await s.page.waitForTimeout(250);
    }
    assert.match(text, /Recent requests/i, text.slice(0, 300));
    assert.match(text, /claude-sonnet-4-6|cloud/i, 'the agent\'s cloud request is listed');
    assert.match(text, /qwen2\.5-coder|local/i, 'the @hybrid local answers are listed');
  }],

  ...deepChecks(shot),

  ['Chat view in the light theme', async (s) => {
    updateUserSettings(s.userDataDir, { 'workbench.colorTheme': 'Default Light Modern' });
    await s.page.reload({ timeout: 120_000 });
    await waitForWorkbench(s.page);
    await s.page.locator('.monaco-workbench.vs').waitFor({ state: 'attached', timeout: 30_000 });
    await openChat(s.page);
    await pickModel(s.page, 'Hybrid Auto');
    await send(s.page, '@hybrid /cloud How do I sort a list of orders by total?');
    const text = await lastResponse(s.page, /Cost:/);
    assert.match(text, /Cloud · /, text);
    assert.equal(await badgeIcon(s.page), 'cloud');
    assert.match(text, /Cost:\s*\$/);
    await s.page.waitForTimeout(500);
    await shot(s, 'native-chat-light');
  }],
];

async function main(): Promise<number> {
  const vsix = process.env.HYBRID_VSIX ? path.resolve(process.env.HYBRID_VSIX) : await ensureVsix(log);
  const s = await startNativeSession(vsix, log);
  let passed = 0, failed = 0;
  try {
    // HYBRID_NATIVE_CHECKS=<word>[,<word>…]: only the checks whose names contain one (a focused run).
    const only = process.env.HYBRID_NATIVE_CHECKS?.split(',').filter(Boolean);
    for (const [name, run] of checks.filter(([n]) => !only?.length || only.some((w) => n.includes(w)))) {
      const t0 = Date.now();
      try {
        await run(s);
        passed++;
        process.stdout.write(`  ✓ ${name} (${Date.now() - t0} ms)\n`);
      } catch (err) {
        failed++;
        process.stdout.write(`  ✗ ${name}\n      ${(err instanceof Error ? err.message : String(err)).split('\n').slice(0, 6).join('\n      ')}\n`);
        await s.page.screenshot({ path: path.join(s.tempDir, `failure-${failed}.png`) }).catch(() => undefined);
        log(`failure screenshot: ${path.join(s.tempDir, `failure-${failed}.png`)}`);
      }
    }
  } finally {
    await s.close();
  }
  process.stdout.write(`${countsLine('native-e2e', passed, failed)}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(async (code) => { await stopAll(); process.exit(code); }, async (err: unknown) => {
  process.stdout.write(`✗ native e2e could not run: ${err instanceof Error ? err.stack ?? err.message : String(err)}\nnative-e2e: 0 passed, 1 failed\n`);
  await stopAll();
  process.exit(1);
});
