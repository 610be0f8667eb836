// Inline completion in the real extension host from an OpenAI-compatible private tier (vLLM / SGLang shape):
// /v1/completions with the model family's FIM template, the suggestion accepted into the document, the ledger
// billed from the server's usage.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeOpenAI } from '../fakes/openai';
import type { HybridApi } from '../../src/extension';
import { activateExtension, waitFor, withSettings } from './helpers';

class PlainFakeVllm extends FakeOpenAI {
  answer = '';
  override answerFor(): string {
    return this.answer;
  }
}

suite('inline completion from vLLM / SGLang (openai-compatible)', () => {
  let fake: PlainFakeVllm;
  let close: () => Promise<void>;
  let restore: () => Promise<void>;

  suiteSetup(async () => { await activateExtension(); });

  setup(async () => {
    fake = new PlainFakeVllm({ ttftMs: 0, perTokenMs: 0 });
    const started = await fake.start();
    close = started.close;
    restore = await withSettings({
      'local.provider': 'openai-compatible',
      'local.baseUrl': `${started.url}/v1`,
      'local.completionModel': 'Qwen/Qwen2.5-Coder-1.5B',
      'completion.enabled': true,
      'completion.debounceMs': 50,
    });
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore();
    await close();
  });

  test('a suggestion from /v1/completions is shown and accepted; the suffix rides in the template', async () => {
    fake.answer = " 'hello from vLLM';";
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const greeting =\nexport const shout = greeting.toUpperCase();\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    const req = await waitFor(() => fake.requests.find((r) => r.path === '/v1/completions'), 10_000, 'a /v1/completions request');
    const body = req.body as { model: string; prompt: string; suffix?: unknown; stop: string[] };
    assert.equal(body.model, 'Qwen/Qwen2.5-Coder-1.5B');
    assert.equal(body.suffix, undefined);
    assert.ok(body.prompt.startsWith('<|fim_prefix|>') && body.prompt.includes('const greeting =<|fim_suffix|>'), body.prompt.slice(0, 120));
    assert.ok(body.prompt.includes('greeting.toUpperCase()'), 'the code after the cursor is in the prompt');
    await waitFor(async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      if (editor.document.lineAt(0).text === "const greeting = 'hello from vLLM';") return true;
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      return false;
    }, 10_000, 'the accepted suggestion in the document', 200);
    const { api } = await activateExtension<HybridApi>();
    const shown = await waitFor(() => api.test!.records().find((r) => r.origin === 'inline' && r.outcome === 'shown' && r.provider === 'openai-compatible'),
      5000, 'a shown completion record from the openai-compatible tier');
    assert.equal(shown.route, 'local');
    assert.equal(shown.tokens.source, 'provider');
  });
});
