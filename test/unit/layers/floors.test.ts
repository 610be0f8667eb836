// The floors and the no-cycle rule (eslint/floors.mjs, issue #22) bite: an upward import and a cycle written into a
// scratch src/ fail the lint, and the same imports the other way round pass. The real src/ is linted by lint.test.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

/** Writes `files` (paths relative to a scratch src/) and returns the rule ids and messages ESLint reports for each. */
async function lintTree(files: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-floors-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'src', rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', rel), text);
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(Object.keys(files).map((f) => path.join(dir, 'src', f)));
    return Object.fromEntries(results.map((r) => [
      path.relative(path.join(dir, 'src'), r.filePath),
      r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`),
    ]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

suite('lint: floors and cycles', function () {
  this.timeout(120_000);

  test('an upward import (spend → providers) fails; the downward one passes', async () => {
    const up = await lintTree({
      'core/providers/types.ts': 'export type Body = { model: string };\n',
      'core/spend/billing.ts': "import type { Body } from '../providers/types';\nexport type B = Body;\n",
    });
    assert.equal(up['core/spend/billing.ts'].length, 1);
    assert.match(up['core/spend/billing.ts'][0], /hybrid\/floors: '\.\.\/providers\/types' is on floor 3 \(core\/providers\)/);
    const down = await lintTree({
      'core/spend/usage.ts': 'export type Usage = { input: number };\n',
      'core/providers/types.ts': "import type { Usage } from '../spend/usage';\nexport type U = Usage;\n",
    });
    assert.deepEqual(down['core/providers/types.ts'], []);
  });

  test('core never imports the adapters, and a folder on no floor is named', async () => {
    const r = await lintTree({
      'vscode/config.ts': 'export const x = 1;\n',
      'core/route/decide.ts': "import { x } from '../../vscode/config';\nexport const y = x;\n",
      'core/newthing/a.ts': "import { x } from '../../vscode/config';\nexport const z = x;\n",
    });
    assert.match(r['core/route/decide.ts'][0], /is on floor 7 \(vscode\)/);
    assert.match(r['core/newthing/a.ts'][0], /core\/newthing is on no floor/);
  });

  test('a cycle inside one folder fails on both files; a chain does not', async () => {
    const cycle = await lintTree({
      'core/pipeline/ask.ts': "import { b } from './escalation';\nexport const a = () => b;\n",
      'core/pipeline/escalation.ts': "import { a } from './ask';\nexport const b = () => a;\n",
    });
    assert.match(cycle['core/pipeline/ask.ts'][0], /hybrid\/no-cycle: '\.\/escalation' imports back into this file/);
    assert.match(cycle['core/pipeline/escalation.ts'][0], /hybrid\/no-cycle/);
    const chain = await lintTree({
      'core/pipeline/ask.ts': "import { b } from './escalation';\nexport const a = () => b;\n",
      'core/pipeline/escalation.ts': "import { c } from './attempts';\nexport const b = () => c;\n",
      'core/pipeline/attempts.ts': 'export const c = 1;\n',
    });
    assert.deepEqual(Object.values(chain).flat(), []);
  });

  test('a cycle through three files and two floors is found', async () => {
    const r = await lintTree({
      'core/route/decide.ts': "import { p } from '../providers/x';\nexport const d = p;\n",
      'core/providers/x.ts': "import { s } from '../spend/y';\nexport const p = s;\n",
      'core/spend/y.ts': "import { d } from '../route/decide';\nexport const s = d;\n",
    });
    assert.ok(r['core/spend/y.ts'].some((m) => /no-cycle/.test(m)), JSON.stringify(r));
    assert.ok(r['core/route/decide.ts'].some((m) => /floors/.test(m)), 'route → providers is upward too');
  });
});
