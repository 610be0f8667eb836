// The extension-tests entry VS Code calls inside the extension host (the `run()` contract shared by code-server
// and @vscode/test-electron). test/runners/bundleInHostTests.ts bundles this file with every *.test.ts of the
// suite into one CommonJS file and hands `runSuite` a loader per test file, so mocha's tdd globals exist
// before any test file body runs. Results go to the JSON file named by HYBRID_TEST_RESULTS.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULTS_ENV, type SuiteResults, type TestOutcome } from '../runners/results';

export interface TestFileLoader {
  file: string;
  load: () => void;
}

export function runSuite(files: readonly TestFileLoader[]): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  const startedAt = new Date().toISOString();
  for (const f of files) {
    // Tests register under the file that is loading, so failures name their file.
    mocha.suite.emit('pre-require', globalThis, f.file, mocha);
    f.load();
  }
  const tests: TestOutcome[] = [];
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const results: SuiteResults = {
        total: tests.length,
        passes: tests.filter((t) => t.state === 'passed').length,
        failures: tests.filter((t) => t.state === 'failed'),
        tests,
        vscodeVersion: vscode.version,
        startedAt,
        finishedAt: new Date().toISOString(),
      };
      try {
        writeResults(results);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push(outcome(test, 'passed')));
    runner.on('fail', (test, err: unknown) => tests.push(outcome(test, 'failed', err)));
  });
}

function outcome(test: Mocha.Runnable, state: TestOutcome['state'], err?: unknown): TestOutcome {
  const e = err instanceof Error ? err : err === undefined ? undefined : new Error(String(err));
  return {
    title: test.titlePath().join(' › '),
    file: test.file,
    state,
    durationMs: test.duration ?? 0,
    message: e ? e.message : undefined,
    stack: e?.stack,
  };
}

function writeResults(results: SuiteResults): void {
  const target = process.env[RESULTS_ENV];
  if (!target) throw new Error(`${RESULTS_ENV} is not set: the runner cannot see these results`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so the runner never reads half a file.
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${target}.tmp`, target);
}
