// Inline completion in the real extension host against the fake Ollama started in-process: a suggestion is
// requested from the local model, shown, accepted into the document; and a cancelled suggestion really closes
// its HTTP request at the server (un-aborted requests are what make local completion queue up and lag).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeOllama } from '../fakes/ollama';
import type { RecordedRequest } from '../fakes/base';
import type { HybridApi } from '../../src/extension';
import { activateExtension, waitFor, withSettings } from './helpers';

const generateRequests = (fake: FakeOllama): RecordedRequest[] => fake.requests.filter((r) => r.path === '/api/generate');

class PlainFakeOllama extends FakeOllama {
  /** The model's answer without the fake's marker, so it can be a real continuation of the line. */
  answer = '';
  override answerFor(): string {
    return this.answer;
  }
}

async function openEditor(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content });
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

suite('inline completion', () => {
  let fake: PlainFakeOllama;
  let close: () => Promise<void>;
  let restore: () => Promise<void>;

  suiteSetup(async () => {
    await activateExtension();
  });

  setup(async () => {
    fake = new PlainFakeOllama({ ttftMs: 0, perTokenMs: 0 });
    const started = await fake.start();
    close = started.close;
    restore = await withSettings({
      'local.baseUrl': started.url,
      'local.completionModel': 'qwen2.5-coder:1.5b',
      'completion.enabled': true,
      'completion.debounceMs': 50,
    });
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore();
    await close();
  });

  test('a suggestion from the local model is shown and accepted into the document', async () => {
    fake.answer = " 'hello from the local model';";
    const editor = await openEditor('export function greet(): string {\n  return greeting;\n}\nconst greeting =');
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => generateRequests(fake).length > 0, 10_000, 'a /api/generate request');
    const body = generateRequests(fake)[0]!.body as { model?: string; prompt?: string; suffix?: string };
    assert.equal(body.model, 'qwen2.5-coder:1.5b');
    assert.ok(body.prompt?.endsWith('const greeting ='), 'the prefix ends at the cursor');
    // The ghost text cannot be read through the API; committing it is how a user sees it land.
    await waitFor(async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      if (editor.document.getText().endsWith("const greeting = 'hello from the local model';")) return true;
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      return false;
    }, 10_000, 'the accepted suggestion in the document', 200);
    assert.equal(editor.document.lineAt(editor.document.lineCount - 1).text, "const greeting = 'hello from the local model';");
    // The ledger has the request, local, with Ollama's own token counts and what it would have cost on the cloud.
    const { api } = await activateExtension<HybridApi>();
    const shown = await waitFor(() => api.test!.records().find((r) => r.origin === 'inline' && r.outcome === 'shown'), 5000, 'a shown completion record');
    assert.equal(shown.route, 'local');
    assert.equal(shown.tokens.source, 'provider');
    assert.ok(typeof shown.cloudEquivalentUsd === 'number' && shown.cloudEquivalentUsd > 0, `cloud equivalent: ${shown.cloudEquivalentUsd}`);
    await waitFor(() => api.test!.records().some((r) => r.id === `${shown.id}:accepted`), 5000, 'the acceptance record');
  });

  test('a cancelled suggestion closes its request at the server', async () => {
    fake.answer = ' 42;';
    fake.setReply({ ttftMs: 20_000 }); // the model "thinks" far longer than the user waits
    const editor = await openEditor('const answer =');
    // Not awaited: the trigger command resolves only when the provider has answered.
    void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => generateRequests(fake).length > 0, 10_000, 'a /api/generate request');
    const first = generateRequests(fake)[0]!;
    assert.equal(first.clientClosed, false);
    // Typing something the pending suggestion cannot match cancels it.
    await vscode.commands.executeCommand('type', { text: ' x' });
    await vscode.commands.executeCommand('cursorHome');
    await fake.waitForClientClose(first.index, 5_000);
    assert.equal(first.clientClosed, true);
    assert.ok(editor.document.getText().startsWith('const answer ='));
  });

  test('the toggle command turns completion off and on; acceptance tracking is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    assert.ok(all.has('hybrid.completion.accepted'));
    const enabled = (): boolean | undefined => vscode.workspace.getConfiguration('hybrid').get<boolean>('completion.enabled');
    assert.equal(enabled(), true);
    await vscode.commands.executeCommand('hybrid.toggleCompletion');
    await waitFor(() => enabled() === false, 5_000, 'completion off');
    await vscode.commands.executeCommand('hybrid.toggleCompletion');
    await waitFor(() => enabled() === true, 5_000, 'completion on');
  });
});
