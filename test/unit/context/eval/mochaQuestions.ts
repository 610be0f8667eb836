// Mocha 12.0.3 (node_modules/mocha/lib, JavaScript): a tuning-only code base, added so parameters are chosen on
// more than 46 questions. Labelled by reading the sources before any ranker ran; paths relative to lib/.
import type { EvalQuestion } from './types';

export const MOCHA_QUESTIONS: EvalQuestion[] = [
  { q: 'How does a test that exceeds its time limit fail?', relevant: ['runnable.js'] },
  { q: 'How are hooks like beforeEach run before each test in nested suites?', relevant: ['runner.js', 'hook.js', 'suite.js'] },
  { q: 'How are uncaught exceptions during a run attributed to the current test?', relevant: ['runner.js'] },
  { q: 'How does the spec reporter print nested suite titles with indentation?', relevant: ['reporters/spec.js', 'reporters/base.js'] },
  { q: 'How is the difference between expected and actual values shown for a failed assertion?', relevant: ['reporters/base.js'] },
  { q: 'How does the TAP reporter format its output?', relevant: ['reporters/tap.js'] },
  { q: 'How is a JUnit-style XML report written?', relevant: ['reporters/xunit.js'] },
  { q: 'How do describe and it register suites and tests?', relevant: ['interfaces/bdd.js', 'interfaces/common.js'] },
  { q: 'How does the exclusive only modifier limit which tests run?', relevant: ['interfaces/common.js', 'suite.js', 'runner.js'] },
  { q: 'How are test files found from globs, directories and extensions?', relevant: ['cli/lookup-files.js', 'cli/collect-files.cjs'] },
  { q: 'How are command line arguments parsed and merged with configuration files?', relevant: ['cli/options.cjs', 'cli/config.cjs'] },
  { q: 'How are errors given a code property so that they can be identified?', relevant: ['errors.js', 'error-constants.js'] },
  { q: 'How are test results sent from worker processes back to the main process?', relevant: ['nodejs/serializer.js', 'nodejs/worker.cjs', 'nodejs/parallel-buffered-runner.cjs'] },
  { q: 'How are root hook plugins and global setup fixtures loaded?', relevant: ['plugin-loader.js'] },
  { q: 'How does the run count passes, failures and its duration?', relevant: ['stats-collector.js'] },
  { q: 'How does a retried test get cloned and run again?', relevant: ['runner.js', 'test.js'] },
  { q: 'How are required modules unloaded between watch runs?', relevant: ['nodejs/file-unloader.js', 'cli/watch-run.cjs'] },
  { q: 'How does the browser reporter render results as HTML?', relevant: ['reporters/html.js'] },
  { q: 'How does the progress bar reporter update its line?', relevant: ['reporters/progress.js'] },
  { q: 'How are global variable leaks detected after a test?', relevant: ['runner.js'] },
  { q: 'How does the QUnit-style interface define suites?', relevant: ['interfaces/qunit.js'] },
  { q: 'How are timeout and skip exposed to the function of a running test?', relevant: ['context.js', 'runnable.js'] },
  { q: 'What happens when a test calls its done callback twice?', relevant: ['runnable.js', 'errors.js'] },
  { q: 'How are special characters escaped when the grep pattern is a plain string?', relevant: ['utils/regexp.js'] },
  { q: 'How does parallel mode distribute files across a pool of workers?', relevant: ['nodejs/parallel-buffered-runner.cjs', 'nodejs/buffered-worker-pool.cjs'] },
  { q: 'How are ES modules and CommonJS test files both loaded?', relevant: ['nodejs/esm-utils.cjs'] },
];
