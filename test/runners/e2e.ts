// E2E tier: the packaged extension in the real workbench.
//   npx tsx test/runners/e2e.ts [--update-screenshot]
// 1. builds the .vsix when missing or stale (`npm run package`);
// 2. runs `scripts/start.js --demo-servers` (the `npm start -- --demo-servers` path) with a temp profile, port and
//    copy of sample/: it installs the .vsix, starts the loopback fakes and points the profile's settings at them;
// 3. drives the workbench with Playwright (headless Debian Chromium): test/e2e/*.e2e.ts, screenshots → screenshots/;
// 4. sends Ctrl-C (SIGINT) to start.js and checks that code-server and the fakes are gone;
// 5. runs test/e2e/packaged/*.test.ts inside the extension host with the extension loaded from its installed
//    copy (proves tiktoken's WASM loads from what the .vsix ships).
// Prints one line per test and `e2e: N passed, M failed`; exits 1 on any failure.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { Page } from 'playwright-core';
import { setSession, type E2ESession, type PackageJson } from '../e2e/session';
import { waitForWorkbench } from '../e2e/workbenchPage';
import { findTestFiles } from './bundleInHostTests';
import { launchChromium } from './chromium';
import { copyDir, freePort, QUIET_SETTINGS, REAL_CREDENTIAL_VARS, REPO_ROOT, tail, updateUserSettings } from './codeServerHost';
import { seedSpendLedger, TCO_SETTINGS } from '../e2e/seedSpend';
import { printRun, runInHostTests } from './inHostTests';
import { killTree, onStop, stopAll, trackGroup } from './processes';
import { countsLine, formatOutcomes, type TestOutcome } from './results';
import { ensureVsix } from './vsix';

const START_TIMEOUT_MS = 4 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

interface Tally { passed: number; failed: number }

async function main(): Promise<number> {
  const tally: Tally = { passed: 0, failed: 0 };
  const log = (line: string): void => { process.stderr.write(`[e2e] ${line}\n`); };
  const vsix = process.env.HYBRID_VSIX ? path.resolve(process.env.HYBRID_VSIX) : await ensureVsix(log);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-e2e-'));
  const profileDir = path.join(tempDir, 'profile');
  const workspace = copyDir(path.join(REPO_ROOT, 'sample'), path.join(tempDir, 'sample'));
  fs.rmSync(path.join(workspace, 'config', '.env.local'), { force: true });
  const port = await freePort();
  const startLog = path.join(tempDir, 'npm-start.log');

  // The spend panel's "Is local worth it?" needs a month of local answers and the local cost settings.
  seedSpendLedger(path.join(profileDir, 'user-data'));
  updateUserSettings(path.join(profileDir, 'user-data'), { ...QUIET_SETTINGS, ...TCO_SETTINGS });
  log(`npm start -- --demo-servers (profile ${profileDir}, port ${port}, log ${startLog})`);
  const start = spawnStart(['--demo-servers', '--port', String(port), '--profile', profileDir, '--folder', workspace, '--vsix', vsix], startLog);
  const url = await waitForUrl(start, startLog);
  log(`workbench ${url}`);

  const browser = await launchChromium();
  const page = await browser.browser.newPage({ viewport: { width: 1366, height: 860 } });
  page.on('pageerror', (e) => fs.appendFileSync(path.join(tempDir, 'browser.log'), `[pageerror] ${e.message}\n`));
  await page.goto(url, { timeout: 120_000 });
  await waitForWorkbench(page);

  const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
  const s: E2ESession = {
    page, url, profileDir, workspace, packageJson,
    userDataDir: path.join(profileDir, 'user-data'),
    screenshotsDir: path.join(REPO_ROOT, 'screenshots'),
  };
  setSession(s);
  // HYBRID_E2E_FILES=<word>[,<word>…]: only the scenario files whose names contain one (a focused run on a loaded machine).
  const only = process.env.HYBRID_E2E_FILES?.split(',').filter(Boolean);
  const files = findTestFiles(path.join(REPO_ROOT, 'test', 'e2e'), '.e2e.ts').filter((f) => !only?.length || only.some((w) => path.basename(f).includes(w)));
  add(tally, await runMocha(files, (title, error) => keepFailure(page, tempDir, title, error)));
  setSession(undefined);
  await browser.close();

  if (process.argv.includes('--update-screenshot')) {
    const shot = path.join(s.screenshotsDir, 'workbench-dark.png');
    if (fs.existsSync(shot)) { fs.copyFileSync(shot, path.join(REPO_ROOT, 'media', 'screenshot.png')); log('media/screenshot.png updated'); }
  }

  add(tally, await checkCtrlC(start, port, s.userDataDir, startLog));

  const installed = readInstalledDir(profileDir);
  process.stdout.write('packaged extension, inside the extension host:\n');
  const run = await runInHostTests({
    label: 'e2e-packaged',
    extensionDir: installed,
    testFiles: findTestFiles(path.join(REPO_ROOT, 'test', 'e2e', 'packaged')),
    bundleFile: path.join(REPO_ROOT, 'out', 'e2e-packaged', 'index.js'),
    workspaceTemplate: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
  });
  const packaged = printRun(run);
  add(tally, packaged);
  if (packaged.failed === 0) fs.rmSync(run.tempDir, { recursive: true, force: true });

  if (tally.failed > 0) process.stdout.write(`  logs kept in ${tempDir} (failures.log names each test's failure-*.png; npm-start.log, profile/code-server.log)\n`);
  else fs.rmSync(tempDir, { recursive: true, force: true });
  process.stdout.write(`${countsLine('e2e', tally.passed, tally.failed)}\n`);
  return tally.failed > 0 ? 1 : 0;
}

function add(t: Tally, more: Tally): void {
  t.passed += more.passed;
  t.failed += more.failed;
}

function spawnStart(args: string[], logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.js'), ...args], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', out], detached: true,
    env: withoutCredentials(process.env),
  });
  fs.closeSync(out);
  trackGroup(child);
  onStop(() => killTree(child));
  child.stdout?.on('data', (d: Buffer) => fs.appendFileSync(logFile, d));
  return child;
}

/** The demo generates its own keys; the user's real ones never reach a test run. */
function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of REAL_CREDENTIAL_VARS) delete copy[name];
  return copy;
}

async function waitForUrl(child: ChildProcess, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile, 40)}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /open: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited (${code}) before printing a URL:\n${tail(logFile, 40)}`)); });
  });
}

/**
 * Loads the *.e2e.ts files (through tsx's require hook) and runs them; prints spec output. A failed test's evidence
 * is kept in a root afterEach hook, which mocha awaits before the next test starts: a 'fail' listener would race
 * the next test (a reload there left a blank page in the picture).
 */
function runMocha(files: string[], onFailure: (title: string, error: string) => Promise<void>): Promise<Tally> {
  const mocha = new Mocha({
    ui: 'tdd', timeout: 90_000, reporter: 'spec', color: false,
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const t = this.currentTest;
        if (t?.state === 'failed') await onFailure(t.fullTitle(), String((t as { err?: Error }).err?.message ?? ''));
      },
    },
  });
  // run() require()s the files: tsx's CJS hook (this process runs under tsx) compiles them.
  for (const f of files) mocha.addFile(f);
  const tally: Tally = { passed: 0, failed: 0 };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(tally));
    runner.on('pass', () => { tally.passed++; });
    runner.on('fail', () => { tally.failed++; });
  });
}

let failureShots = 0;
/** Saves what the page showed when a test failed, named after the test, and logs which file belongs to which test. */
async function keepFailure(page: Page, dir: string, title: string, error: string): Promise<void> {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  const file = path.join(dir, `failure-${++failureShots}-${slug}.png`);
  // A failure inside a webview iframe still shows on the page; fullPage is not needed for a fixed-size workbench.
  const shot = await page.screenshot({ path: file, timeout: 15_000 }).then(() => file, (e: Error) => `no screenshot (${e.message})`);
  fs.appendFileSync(path.join(dir, 'failures.log'), `${title}
  error: ${error.split('\n')[0]}
  page: ${page.url()}
  screenshot: ${shot}

`);
}

/** Ctrl-C on `npm start` must stop code-server and the fakes; counted as one test. */
async function checkCtrlC(start: ChildProcess, port: number, userDataDir: string, startLog: string): Promise<Tally> {
  const title = 'npm start: Ctrl-C stops code-server and the fakes';
  const began = Date.now();
  // A scenario may leave settings.json as a user can (comments, a value typed half-way): the check still runs.
  let settings: Record<string, unknown> = {};
  try { settings = JSON.parse(fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>; } catch { /* ports unknown */ }
  const fakePorts = ['hybrid.local.baseUrl', 'hybrid.anthropic.baseUrl', 'hybrid.openai.baseUrl']
    .map((k) => Number(URL.canParse(String(settings[k])) ? new URL(String(settings[k])).port : 0)).filter((p) => p > 0);
  let problem: string | undefined;
  if (start.exitCode === null) start.kill('SIGINT');
  const exited = await Promise.race([
    new Promise<boolean>((r) => { if (start.exitCode !== null) r(true); else start.once('exit', () => r(true)); }),
    new Promise<boolean>((r) => setTimeout(() => r(false), STOP_TIMEOUT_MS)),
  ]);
  if (!exited) problem = `start.js still running ${STOP_TIMEOUT_MS / 1000} s after SIGINT`;
  else {
    const open = [];
    for (const p of [port, ...fakePorts]) if (await isListening(p)) open.push(p);
    if (open.length > 0) problem = `still listening after Ctrl-C: ${open.join(', ')} (log ${startLog})`;
  }
  await killTree(start);
  const outcome: TestOutcome = { title, state: problem ? 'failed' : 'passed', durationMs: Date.now() - began, message: problem };
  process.stdout.write(`${formatOutcomes([outcome])}\n`);
  return problem ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
    sock.setTimeout(2_000, () => { sock.destroy(); resolve(false); });
  });
}

function readInstalledDir(profileDir: string): string {
  const record = path.join(profileDir, 'installed-dir.json');
  if (!fs.existsSync(record)) throw new Error(`npm start did not record the installed extension (${record})`);
  return (JSON.parse(fs.readFileSync(record, 'utf8')) as { dir: string }).dir;
}

main().then(
  (code) => { process.exitCode = code; },
  async (err: unknown) => {
    process.stderr.write(`e2e runner: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    await stopAll();
    process.stdout.write(`${countsLine('e2e', 0, 1)}\n`);
    // Whatever the failure left open (a bundler service, a browser) must not keep the host lock held.
    process.exit(1);
  },
);
