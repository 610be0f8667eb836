// The blind sets' first runs, again: each tuned blind set scored by the rules of the commit that added it (before it
// was tuned on), and the questions no rule read at all then — the pool round 14's quiet-product rule was measured on
// (docs/routing.md, round 14). Each commit's src/ is extracted with `git archive` under the temp directory.
//   npx tsx scripts/routingFirstRuns.ts
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBlindSet } from '../test/fixtures/routing-blind/load';
import { quietAboutProduct } from '../src/core/task/quietProduct';
import { proseOf } from '../src/core/task/questionShape';
import { fixTypos } from '../src/core/task/typos';

// The commit that added each tuned set (its message says it was committed before the set's first run).
const FIRST_RUNS: [string, string][] = [['87b4173', '12'], ['3c76186', '12c'], ['c148414', '12e'], ['f1ff8c3', '12g'], ['86b5c19', '12h'],
  ['6a66de9', '12i'], ['271b19b', '12j'], ['957a36c', '12m'], ['bd337f5', '12n'], ['82ea17d', '12p'], ['e2e091d', '12q'], ['94e607a', '12r'], ['5a9504d', '12s']];

const repo = path.resolve(__dirname, '..');
const pool = { high: 0, low: 0, quietHigh: 0, quietLow: 0 };
for (const [commit, set] of FIRST_RUNS) {
  const dir = path.join(os.tmpdir(), `routing-first-run-${commit}`);
  if (!fs.existsSync(path.join(dir, 'src'))) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${repo}" archive ${commit} src | tar -x -C "${dir}"`]);
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { classify } = require(path.join(dir, 'src/core/task/classify')) as typeof import('../src/core/task/classify');
  const cases = loadBlindSet(`blind-2026-${set}.json`);
  let right = 0, quiet = 0, quietHigh = 0;
  for (const c of cases) {
    const labels = classify(c.request);
    if ((labels.complexity >= 0.5 ? 'high' : 'low') === c.expected) right++;
    if (labels.signals.length !== 1 || labels.signals[0] !== 'no strong signal') continue;
    quiet++;
    pool[c.expected]++;
    if (c.expected === 'high') quietHigh++;
    if (c.request.context.length === 0 && quietAboutProduct(fixTypos(proseOf(c.request.question)))) pool[c.expected === 'high' ? 'quietHigh' : 'quietLow']++;
  }
  console.log(`${set.padEnd(4)} at ${commit}: first run ${((100 * right) / cases.length).toFixed(1)} % (${right}/${cases.length}); no rule fired on ${quiet} (${quietHigh} frontier-worthy)`);
}
console.log(`pool: ${pool.high + pool.low} questions no rule read, ${pool.high} frontier-worthy; the quiet-product rule matches ${pool.quietHigh} of them and ${pool.quietLow} of the ${pool.low} simple ones`);
