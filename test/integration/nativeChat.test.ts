// VS Code 1.96 has chat participants but not the model-picker API (1.104+): the extension registers `@hybrid`
// and its re-ask command, and leaves the model provider out, without errors. (Both surfaces in a real Chat view:
// the native e2e tier on VS Code 1.139.1.)

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

interface ApiWithNative { nativeChat?: { participant: boolean; modelProvider: boolean } }

suite('native chat on VS Code 1.96 (feature detection)', () => {
  test('the model-picker API is absent here, so the provider is not registered; @hybrid is', async () => {
    const { api } = await activateExtension<ApiWithNative>();
    assert.equal(typeof (vscode.lm as unknown as Record<string, unknown>).registerLanguageModelChatProvider, 'undefined');
    assert.deepEqual(api.nativeChat, { participant: true, modelProvider: false });
  });

  test('the participant\'s button command is registered and validates its arguments', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('hybrid.chat.reask'));
    // Not a mode: ignored (no chat opened, no request made, no throw).
    assert.equal(await vscode.commands.executeCommand('hybrid.chat.reask', 'rm -rf', 'x'), undefined);
  });

  test('no Hybrid model is offered where the API does not exist', async () => {
    const models = await vscode.lm.selectChatModels({ vendor: 'hybrid' });
    assert.equal(models.length, 0);
  });
});
