// Runs inside the extension host with the extension loaded from its *installed* copy (the unpacked .vsix in a
// code-server extensions folder), so it proves what ships, not what the source tree happens to contain.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from '../../integration/helpers';

interface TokenizerSelfTest {
  loadedFrom: string;
  count: number;
}

suite('packaged extension (installed from the .vsix)', () => {
  test('is loaded from the installed copy', async () => {
    const { ext } = await activateExtension();
    assert.match(ext.extensionPath, /[\\/]extensions[\\/]hybrid-assistant\.hybrid-assistant-\d+\.\d+\.\d+$/);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'extension.js')));
  });

  test('ships the bundle and the tokenizer WASM, and no sources', async () => {
    const { ext } = await activateExtension();
    const wasm = path.join(ext.extensionPath, 'dist', 'tiktoken_bg.wasm');
    assert.ok(fs.existsSync(wasm), 'dist/tiktoken_bg.wasm is not in the .vsix');
    const wasmApi = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    assert.ok(wasmApi.validate(fs.readFileSync(wasm)), 'the packaged WASM does not validate');
    for (const dir of ['src', 'test', 'node_modules']) {
      assert.equal(fs.existsSync(path.join(ext.extensionPath, dir)), false, `${dir}/ was packaged`);
    }
  });

  test('tiktoken counts tokens with the WASM from the installed extension', async () => {
    const { ext } = await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('hybrid.debug.tokenizerSelfTest'),
      'hybrid.debug.tokenizerSelfTest is not registered (the extension registers it when HYBRID_TEST=1)');
    const result = await vscode.commands.executeCommand<TokenizerSelfTest>('hybrid.debug.tokenizerSelfTest');
    assert.ok(result && typeof result.loadedFrom === 'string', 'the self-test returned no result');
    assert.ok(path.resolve(result.loadedFrom).startsWith(ext.extensionPath + path.sep),
      `WASM loaded from ${result.loadedFrom}, not from ${ext.extensionPath}`);
    assert.ok(Number.isInteger(result.count) && result.count > 0, `token count ${result.count}`);
  });
});
