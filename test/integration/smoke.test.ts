// The smallest proof that the tier works: real VS Code 1.96, the extension loaded and active, and every
// command it declares registered. The expected commands come from package.json, so this grows with it.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, declaredCommands, workspaceRoot } from './helpers';

suite('smoke', () => {
  test('runs inside VS Code 1.96 (code-server 4.96.4 offline, or test-electron)', () => {
    assert.match(vscode.version, /^1\.96\./);
  });

  test('the extension is present and activates', async () => {
    const { ext } = await activateExtension();
    assert.equal(ext.id, 'hybrid-assistant.hybrid-assistant');
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { main?: string }).main, './dist/extension.js');
  });

  test('every command in contributes.commands is registered', async () => {
    await activateExtension();
    const declared = declaredCommands();
    assert.ok(declared.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  test('the test workspace is open', async () => {
    const files = await vscode.workspace.findFiles('**/*.ts');
    assert.ok(files.length > 0, `no .ts files found under ${workspaceRoot().fsPath}`);
  });
});
