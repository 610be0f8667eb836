// ESLint's no-restricted-imports keeps the layers apart (issue #16 item 9): run here so the unit tier — and so CI —
// fails when a file crosses a layer. The synthetic files prove the rules bite; the last test lints the real src/.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

async function errorsFor(code: string, file: string): Promise<string[]> {
  const [res] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: path.join(ROOT, file) });
  return res.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

suite('lint: layer imports', function () {
  this.timeout(120_000);

  test('vscode is refused in src/core', async () => {
    const errs = await errorsFor("import * as vscode from 'vscode';\nexport const x = vscode;\n", 'src/core/route/probe.ts');
    assert.equal(errs.length, 1);
    assert.match(errs[0], /no-restricted-imports.*src\/core is pure/);
  });

  test('node-only modules and vscode are refused in src/webview', async () => {
    for (const mod of ['node:fs', 'fs', 'path', 'child_process', 'node:path', 'vscode']) {
      const errs = await errorsFor(`import * as m from '${mod}';\nexport const x = m;\n`, 'src/webview/chat/probe.ts');
      assert.equal(errs.length, 1, `${mod} was allowed in src/webview`);
    }
  });

  test('the same imports stay allowed where they belong', async () => {
    assert.deepEqual(await errorsFor("import * as vscode from 'vscode';\nexport const x = vscode;\n", 'src/vscode/probe.ts'), []);
    assert.deepEqual(await errorsFor("import * as fs from 'node:fs';\nexport const x = fs;\n", 'src/core/spend/probe.ts'), []);
    assert.deepEqual(await errorsFor("import type { TurnMode } from '../../shared/protocol/chat';\nexport type X = TurnMode;\n", 'src/webview/chat/probe.ts'), []);
  });

  test('src/ as it stands passes', async () => {
    const results = await new ESLint({ cwd: ROOT }).lintFiles(['src/**/*.ts']);
    const errs = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`));
    assert.deepEqual(errs, []);
    assert.ok(results.length > 50, `only ${results.length} files linted`);
  });
});
