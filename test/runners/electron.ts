// Integration tier on a desktop with network access: the same test/integration/**/*.test.ts, bundled the same
// way, run by @vscode/test-electron inside VS Code 1.96.4 (downloaded from Microsoft's update service, which
// has no route on the offline CI machine — there test/runners/codeServer.ts runs them). On a Linux box without
// a display, wrap it: `xvfb-run -a npx tsx test/runners/electron.ts`.
//   npx tsx test/runners/electron.ts   (after `npm run build`)

import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleInHostTests, findTestFiles } from './bundleInHostTests';
import { copyDir, REPO_ROOT } from './codeServerHost';
import { formatOutcomes, countsLine, isSuiteResults, RESULTS_ENV } from './results';

async function main(): Promise<number> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-electron-'));
  const bundle = await bundleInHostTests(
    findTestFiles(path.join(REPO_ROOT, 'test', 'integration')),
    path.join(REPO_ROOT, 'out', 'integration', 'index.js'),
  );
  const workspace = copyDir(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), path.join(tempDir, 'workspace'));
  const resultsFile = path.join(tempDir, 'results.json');
  const env: Record<string, string> = { HYBRID_TEST: '1', [RESULTS_ENV]: resultsFile };
  try {
    await runTests({
      version: process.env.HYBRID_VSCODE_VERSION ?? '1.96.4',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: bundle,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tempDir, 'user-data'), '--skip-welcome'],
    });
  } catch (err) {
    // A non-zero exit is expected when tests fail; the results file says which.
    if (!fs.existsSync(resultsFile)) throw err;
  }
  if (!fs.existsSync(resultsFile)) throw new Error(`the tests wrote no results to ${resultsFile}`);
  const results: unknown = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (!isSuiteResults(results)) throw new Error(`malformed results in ${resultsFile}`);
  process.stdout.write(`${formatOutcomes(results.tests)}\n`);
  const failed = results.failures.length + (results.total === 0 ? 1 : 0);
  process.stdout.write(`${countsLine('integration', results.passes, failed)}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`electron runner: ${err instanceof Error ? err.message : String(err)}\n`);
    process.stdout.write(`${countsLine('integration', 0, 1)}\n`);
    process.exitCode = 1;
  },
);
