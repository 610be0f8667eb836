// What the in-host mocha run writes to the file named by HYBRID_TEST_RESULTS, and how runners print it.
// Written inside the extension host (test/integration/index.ts), read by the runner outside it.

export const RESULTS_ENV = 'HYBRID_TEST_RESULTS';

export interface TestOutcome {
  /** Full title: "suite › test". */
  title: string;
  file?: string;
  state: 'passed' | 'failed';
  durationMs: number;
  /** First line(s) of the error, for failures. */
  message?: string;
  stack?: string;
}

export interface SuiteResults {
  total: number;
  passes: number;
  failures: TestOutcome[];
  tests: TestOutcome[];
  vscodeVersion?: string;
  startedAt: string;
  finishedAt: string;
}

export function isSuiteResults(value: unknown): value is SuiteResults {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.total === 'number' && typeof v.passes === 'number' && Array.isArray(v.failures) && Array.isArray(v.tests);
}

/** One line per test, failures with their message indented below. */
export function formatOutcomes(tests: readonly TestOutcome[], indent = '  '): string {
  return tests.map((t) => {
    const head = `${indent}${t.state === 'passed' ? '✓' : '✗'} ${t.title} (${t.durationMs} ms)`;
    if (t.state === 'passed') return head;
    const msg = (t.message ?? '').split('\n').map((l) => `${indent}    ${l}`).join('\n');
    return `${head}\n${msg}`;
  }).join('\n');
}

/** The closing line every tier prints; scripts/test.js parses exactly this shape. */
export function countsLine(tier: string, passed: number, failed: number): string {
  return `${tier}: ${passed} passed, ${failed} failed`;
}
