// Integration tier, offline: every test/integration/**/*.test.ts runs inside the real extension host of
// code-server 4.96.4 (VS Code 1.96.4) with the extension loaded from this repo in development mode.
//   npx tsx test/runners/codeServer.ts          (after `npm run build`; `npm run test:integration` does both)
//   HYBRID_TEST_FILES=ask,webviews npx tsx test/runners/codeServer.ts   (only those files)
// Prints one line per test and `integration: N passed, M failed`; exits 1 on any failure or time-out.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTestFiles } from './bundleInHostTests';
import { REPO_ROOT } from './codeServerHost';
import { printRun, runInHostTests } from './inHostTests';
import { stopAll } from './processes';
import { countsLine } from './results';

/** `HYBRID_TEST_FILES=ask,spend` runs only the files whose names contain one of the words (a quick local loop). */
function selectFiles(files: string[]): string[] {
  const words = (process.env.HYBRID_TEST_FILES ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  return words.length === 0 ? files : files.filter((f) => words.some((w) => path.basename(f).includes(w)));
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const run = await runInHostTests({
    label: 'integration',
    extensionDir: REPO_ROOT,
    testFiles: selectFiles(findTestFiles(path.join(REPO_ROOT, 'test', 'integration'))),
    bundleFile: path.join(REPO_ROOT, 'out', 'integration', 'index.js'),
    workspaceTemplate: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
  });
  const { passed, failed } = printRun(run);
  process.stdout.write(`  (${Math.round((Date.now() - started) / 1000)} s in the extension host run)\n`);
  // Keep the temp folder (workspace, logs, results) only when it explains a failure.
  if (failed === 0) fs.rmSync(run.tempDir, { recursive: true, force: true });
  else process.stdout.write(`  kept for inspection: ${run.tempDir}\n`);
  process.stdout.write(`${countsLine('integration', passed, failed)}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  async (err: unknown) => {
    process.stderr.write(`integration runner: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    await stopAll();
    process.stdout.write(`${countsLine('integration', 0, 1)}\n`);
    process.exitCode = 1;
  },
);
