// Runs mocha test files inside the real extension host of code-server 4.96.4: bundle the tests, start a fresh
// code-server, open the workbench in headless Chromium with extensionDevelopmentPath/extensionTestsPath in the
// URL payload, and wait for the results file the suite writes (test/integration/index.ts). Used by the
// integration tier (the extension from the repo) and by the e2e tier (the extension as installed from the .vsix).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleInHostTests } from './bundleInHostTests';
import { launchChromium } from './chromium';
import { copyDir, QUIET_SETTINGS, sleep, startCodeServer, tail, updateUserSettings } from './codeServerHost';
import { formatOutcomes, isSuiteResults, RESULTS_ENV, type SuiteResults } from './results';

export interface InHostRunOptions {
  /** Names the temp folder and log lines, e.g. "integration". */
  label: string;
  /** Absolute folder holding the extension's package.json (the repo, or an installed copy). */
  extensionDir: string;
  testFiles: readonly string[];
  /** Where the bundle goes, e.g. out/integration/index.js. */
  bundleFile: string;
  /** Copied to a temp folder and opened as the workspace. */
  workspaceTemplate: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Whole run, from server start to results (default 6 min). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface InHostRun {
  results?: SuiteResults;
  /** Why the run produced no usable results (time-out, crash, missing file). */
  problem?: string;
  logFile: string;
  tempDir: string;
}

const TIMED_OUT = 'timed out';
const HOST_EXIT = /Extension Host Process exited with code: (-?\d+|null)/;

export async function runInHostTests(opts: InHostRunOptions): Promise<InHostRun> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[${opts.label}] ${line}\n`));
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `hybrid-${opts.label}-`));
  const logFile = path.join(tempDir, 'code-server.log');
  const resultsFile = path.join(tempDir, 'results.json');
  const timeoutMs = opts.timeoutMs ?? 6 * 60_000;
  const deadline = Date.now() + timeoutMs;

  log(`bundling ${opts.testFiles.length} test file(s) → ${path.relative(process.cwd(), opts.bundleFile)}`);
  await bundleInHostTests(opts.testFiles, opts.bundleFile);
  const workspace = copyDir(opts.workspaceTemplate, path.join(tempDir, 'workspace'));
  const userDataDir = path.join(tempDir, 'user-data');
  updateUserSettings(userDataDir, { ...QUIET_SETTINGS, ...(opts.settings ?? {}) });

  const server = await startCodeServer({
    userDataDir,
    extensionsDir: path.join(tempDir, 'extensions'),
    logFile,
    env: { HYBRID_TEST: '1', [RESULTS_ENV]: resultsFile, ...(opts.env ?? {}) },
  });
  log(`code-server ${server.url} (log ${logFile})`);
  const browser = await launchChromium().catch(async (err: unknown) => { await server.stop(); throw err; });
  try {
    const page = await browser.browser.newPage();
    const browserLog = fs.createWriteStream(path.join(tempDir, 'browser.log'));
    // The page keeps talking until the browser closes, after this log has ended: a late line is dropped, never a
    // write-after-end that would crash the runner (it did, once, on a loaded machine).
    browserLog.on('error', () => undefined);
    const note = (line: string): void => { if (!browserLog.writableEnded) browserLog.write(line); };
    page.on('console', (m) => note(`[console.${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => note(`[pageerror] ${e.message}\n`));

    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${encodeURI(opts.extensionDir)}`],
      ['extensionTestsPath', `vscode-remote://${authority}${encodeURI(opts.bundleFile)}`],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 120_000 });

    const problem = await waitForResults(resultsFile, logFile, deadline, () => server.child.exitCode !== null);
    if (problem === TIMED_OUT) return { problem: `timed out after ${timeoutMs / 1000} s waiting for the results file`, logFile, tempDir };
    browserLog.end();
    if (problem) return { problem, logFile, tempDir };
    const parsed: unknown = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (!isSuiteResults(parsed)) return { problem: `malformed results file ${resultsFile}`, logFile, tempDir };
    return { results: parsed, logFile, tempDir };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Resolves undefined once the results file exists, or a reason why it never will. */
async function waitForResults(resultsFile: string, logFile: string, deadline: number, serverGone: () => boolean): Promise<string | undefined> {
  let hostExitSeenAt: number | undefined;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultsFile)) return undefined;
    if (serverGone()) return 'code-server exited before the tests wrote their results';
    if (hostExitSeenAt === undefined) {
      const exit = HOST_EXIT.exec(tail(logFile, 200));
      if (exit) hostExitSeenAt = Date.now();
    } else if (Date.now() - hostExitSeenAt > 5_000) {
      return `the extension host exited without writing results (${HOST_EXIT.exec(tail(logFile, 200))?.[0] ?? 'exit'}); ` +
        'the test bundle probably failed to load — see the log';
    }
    await sleep(250);
  }
  return TIMED_OUT;
}

/**
 * Prints one line per test and, when something went wrong, the reason and the tail of code-server's log.
 * Returns the counts; a run without results counts as one failure (it must never look green).
 */
export function printRun(run: InHostRun, out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): { passed: number; failed: number } {
  if (!run.results) {
    out(`  ✗ ${run.problem ?? 'no results'}`);
    out(`  code-server log (${run.logFile}), last lines:\n${indent(tail(run.logFile, 60))}`);
    return { passed: 0, failed: 1 };
  }
  const r = run.results;
  out(formatOutcomes(r.tests));
  if (r.total === 0) {
    out('  ✗ the suite ran no tests');
    return { passed: 0, failed: 1 };
  }
  if (r.failures.length > 0) out(`  code-server log: ${run.logFile}`);
  return { passed: r.passes, failed: r.failures.length };
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    | ${l}`).join('\n');
}
