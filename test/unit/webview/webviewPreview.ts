// Visual check of the two webviews outside VS Code: loads dist/webview-chat.js and dist/webview-spend.js in
// headless Chromium under the same CSP the extension uses, with a fake acquireVsCodeApi and VS Code theme
// variables (dark, light, high contrast), drives them with sample host messages and writes screenshots.
//   cd /work/main && node esbuild.js && npx tsx test/unit/webview/webviewPreview.ts [outDir]
// Fails (exit 1) on a CSP violation, a page error, or a webview that never posts `ready`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { ToChat } from '../../../src/shared/protocol/chat';
import type { ToSpend } from '../../../src/shared/protocol/spend';
import { sampleCloudEvents, sampleSpend, sampleStatus, sampleTurns } from './sampleData';
import { themeCss, THEMES } from './themes';

const root = path.resolve(__dirname, '..', '..', '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'screenshots'));
type Theme = keyof typeof THEMES;

/** The page's globals as the callbacks below use them (this file compiles without the DOM lib). */
interface PageGlobals {
  postMessage(message: unknown, targetOrigin: string): void;
  __posted: { type: string }[];
  __violations: string[];
  document: { querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null };
}

function page(bundle: 'chat' | 'spend', theme: Theme, initial?: unknown): string {
  const nonce = 'cHJldmlldy1ub25jZQ';
  const file = (p: string) => pathToFileURL(path.join(root, p)).toString();
  const csp = `default-src 'none'; style-src file: 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src file: data:; font-src file:`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${themeCss(theme)}</style>
<link rel="stylesheet" nonce="${nonce}" href="${file('media/common.css')}">
<link rel="stylesheet" nonce="${nonce}" href="${file(`media/${bundle}.css`)}">
<script nonce="${nonce}">
  window.__posted = []; window.__violations = []; window.__state = undefined;
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
</script></head>
<body class="vscode-${theme === 'hc' ? 'high-contrast' : theme}"><div id="app"${initial === undefined ? '' : ` data-initial="${JSON.stringify(initial).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`}></div>
<script nonce="${nonce}" src="${file(`dist/webview-${bundle}.js`)}"></script></body></html>`;
}

async function send(p: Page, messages: (ToChat | ToSpend)[]): Promise<void> {
  for (const m of messages) await p.evaluate((msg) => (globalThis as unknown as PageGlobals).postMessage(msg, '*'), m as unknown);
}

async function open(p: Page, bundle: 'chat' | 'spend', theme: Theme, tmp: string, initial?: unknown): Promise<void> {
  const file = path.join(tmp, `${bundle}-${theme}.html`);
  fs.writeFileSync(file, page(bundle, theme, initial));
  await p.goto(pathToFileURL(file).toString());
  await p.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'ready'), null, { timeout: 5000 });
}

async function check(p: Page, name: string, problems: string[]): Promise<void> {
  const v = await p.evaluate(() => (globalThis as unknown as PageGlobals).__violations);
  for (const x of v) problems.push(`${name}: CSP violation ${x}`);
  // Every control a mouse can use is reachable by Tab and has a name a screen reader can say.
  const unreachable = await p.evaluate(`[...document.querySelectorAll('button, select, textarea, summary, [data-href], [data-setting]')]
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => el.tabIndex < 0 || !((el.getAttribute('aria-label') || el.textContent || '').trim()))
    .map((el) => el.outerHTML.slice(0, 120))`) as string[];
  for (const x of unreachable) problems.push(`${name}: a control without Tab access or a name: ${x}`);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-preview-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--allow-file-access-from-files'],
  });
  const problems: string[] = [];
  const shots: string[] = [];
  try {
    for (const theme of ['dark', 'light', 'hc'] as Theme[]) {
      // Chat: empty state (sidebar-sized). Before the host's snapshot the page shows no intro (the thread may not be empty).
      const chat = await browser.newPage({ viewport: { width: 380, height: 760 } });
      chat.on('pageerror', (e) => problems.push(`chat-${theme}: ${e.message}`));
      await open(chat, 'chat', theme, tmp, { type: 'snapshot', turns: sampleTurns(), busy: false, status: sampleStatus });
      if (await chat.locator('section.empty').count() || !(await chat.locator('article.turn').count())) problems.push(`chat-${theme}: the HTML's thread is not the first paint`);
      await open(chat, 'chat', theme, tmp);
      if (await chat.locator('section.empty').count()) problems.push(`chat-${theme}: the intro shows before the host said the thread is empty`);
      await send(chat, [{ type: 'snapshot', turns: [], busy: false, status: sampleStatus }]);
      await chat.waitForTimeout(100);
      shots.push(path.join(outDir, `chat-empty-${theme}.png`));
      await chat.screenshot({ path: shots[shots.length - 1] });

      // Chat: two error cards from the snapshot, then a streamed cloud answer, then a local answer mid-stream.
      await send(chat, [{ type: 'snapshot', turns: sampleTurns(), busy: false, status: { ...sampleStatus, localHealth: 'ready', cloudKeySet: true } }]);
      const q = 'How should the response cache fit in the pipeline?';
      await send(chat, [{ type: 'turnStart', turn: { id: 't-ok', question: q, mode: 'auto', text: '', notices: [], status: 'streaming' } }]);
      await send(chat, sampleCloudEvents().map((event) => ({ type: 'event', turnId: 't-ok', event } as ToChat)));
      await send(chat, [{ type: 'turnEnd', turnId: 't-ok', status: 'ok' }]);
      await send(chat, [
        { type: 'turnStart', turn: { id: 't-live', question: 'what does line 42 do?', mode: 'private', text: '', notices: [], status: 'streaming' } },
        { type: 'event', turnId: 't-live', event: { type: 'route', route: 'local', origin: 'askPrivate', model: 'qwen2.5-coder:7b', provider: 'ollama',
          reasons: ['Ask (private) always runs locally'], context: [{ path: 'src/app.ts', startLine: 40, endLine: 44, trimmed: false }], redactions: {}, estimatedCostUsd: null } },
        { type: 'event', turnId: 't-live', event: { type: 'delta', text: 'Line 42 retries the request with **exponential backoff**:\n\n```ts\nawait sleep(2 ** attempt' } },
      ]);
      await chat.waitForTimeout(150);
      const stopVisible = await chat.isVisible('button.stop');
      if (!stopVisible) problems.push(`chat-${theme}: Stop button not visible while streaming`);
      const scriptTags = await chat.locator('.md script, .md img').count();
      if (scriptTags) problems.push(`chat-${theme}: model HTML became elements`);
      await chat.evaluate(() => { const t = (globalThis as unknown as PageGlobals).document.querySelector('.thread')!; t.scrollTop = 0; });
      shots.push(path.join(outDir, `chat-thread-top-${theme}.png`));
      await chat.screenshot({ path: shots[shots.length - 1] });
      await chat.locator('.turn[data-turn="t-ok"] .md').evaluate((el) => el.scrollIntoView());
      shots.push(path.join(outDir, `chat-thread-answer-${theme}.png`));
      await chat.screenshot({ path: shots[shots.length - 1] });
      await chat.evaluate(() => { const t = (globalThis as unknown as PageGlobals).document.querySelector('.thread')!; t.scrollTop = t.scrollHeight; });
      shots.push(path.join(outDir, `chat-thread-${theme}.png`));
      await chat.screenshot({ path: shots[shots.length - 1] });
      // The buttons post validated messages: click Copy on the code block and a fix button.
      await chat.click('.turn[data-turn="t-ok"] button[data-action="copy"]');
      await chat.click('.turn[data-turn="t-err1"] button[data-fix="setApiKey"]');
      const posted = await chat.evaluate(() => (globalThis as unknown as PageGlobals).__posted.map((m) => m.type));
      if (!posted.includes('copy') || !posted.includes('fix')) problems.push(`chat-${theme}: buttons did not post (${posted.join(',')})`);
      if (theme === 'dark') {
        // The narrowest sidebar a user is likely to have.
        await chat.setViewportSize({ width: 240, height: 760 });
        await chat.evaluate(() => { const t = (globalThis as unknown as PageGlobals).document.querySelector('.thread')!; t.scrollTop = 0; });
        shots.push(path.join(outDir, `chat-narrow-${theme}.png`));
        await chat.screenshot({ path: shots[shots.length - 1] });
      }
      await check(chat, `chat-${theme}`, problems);
      await chat.close();

      // Spend: full panel and empty state.
      const spend = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      spend.on('pageerror', (e) => problems.push(`spend-${theme}: ${e.message}`));
      await open(spend, 'spend', theme, tmp);
      await send(spend, [{ type: 'snapshot', snapshot: sampleSpend() }]);
      await spend.waitForTimeout(100);
      shots.push(path.join(outDir, `spend-${theme}.png`));
      await spend.screenshot({ path: shots[shots.length - 1], fullPage: true });
      if (theme === 'dark') {
        await spend.click('button[data-metric="requests"]');
        shots.push(path.join(outDir, `spend-requests-${theme}.png`));
        await spend.locator('section[aria-label="Last 30 days"]').screenshot({ path: shots[shots.length - 1] });
        // Requests but no spend (all local, no cost per hour): a sentence, not an axis over nothing.
        const free = sampleSpend();
        free.days = free.days.map((d) => ({ ...d, cloudUsd: 0, localUsd: 0 }));
        await send(spend, [{ type: 'snapshot', snapshot: free }]);
        await spend.click('button[data-metric="spend"]');
        shots.push(path.join(outDir, `spend-nospend-${theme}.png`));
        await spend.locator('section[aria-label="Last 30 days"]').screenshot({ path: shots[shots.length - 1] });
        const tiny = sampleSpend();
        tiny.days = tiny.days.map((d, i) => ({ ...d, cloudUsd: i % 3 ? 0 : 0.00004 * i, localUsd: 0 }));
        await send(spend, [{ type: 'snapshot', snapshot: tiny }]);
        shots.push(path.join(outDir, `spend-tiny-${theme}.png`));
        await spend.locator('section[aria-label="Last 30 days"]').screenshot({ path: shots[shots.length - 1] });
        await spend.setViewportSize({ width: 480, height: 900 });
        await send(spend, [{ type: 'snapshot', snapshot: sampleSpend() }]);
        await spend.waitForTimeout(150);
        shots.push(path.join(outDir, `spend-narrow-${theme}.png`));
        await spend.screenshot({ path: shots[shots.length - 1], fullPage: true });
        await send(spend, [{ type: 'failed', message: "EACCES: permission denied, open '/home/me/.config/Code/User/globalStorage/hybrid/ledger/2026-11.jsonl'" }]);
        await spend.waitForTimeout(100);
        shots.push(path.join(outDir, `spend-failed-${theme}.png`));
        await spend.screenshot({ path: shots[shots.length - 1] });
        await spend.click('button[data-retry]');
        if (!(await spend.evaluate(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'retry')))) problems.push(`spend-${theme}: Try again did not post retry`);
        await send(spend, [{ type: 'snapshot', snapshot: sampleSpend(undefined, true) }]);
        await spend.waitForTimeout(100);
        shots.push(path.join(outDir, `spend-empty-${theme}.png`));
        await spend.screenshot({ path: shots[shots.length - 1], fullPage: true });
      }
      await check(spend, `spend-${theme}`, problems);
      await spend.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const s of shots) console.log(path.relative(root, s));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}

void main();
