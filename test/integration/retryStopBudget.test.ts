// Issue #16 items 4, 5 and 7 in the real extension host against the loopback fakes: Retry repeats exactly that
// turn (a review after an explain reruns the review and replaces its diagnostics); two palette commands in quick
// succession never stream at once and Stop reaches the running one; a budget counts the spend another window
// appended to the shared ledger.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { Ledger } from '../../src/core/spend';
import type { TurnView } from '../../src/shared/protocol/chat';
import { record } from '../unit/spend/fixtures/records';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings } from './helpers';

suite('retry, stop and budgets across windows', function () {
  this.timeout(90_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;

  suiteSetup(async () => {
    bench = await openWithFakes({ waitForLocal: true });
    ({ fakes, api } = bench);
  });

  suiteTeardown(async () => { await bench?.close(); });

  setup(() => {
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
    fakes.ollama!.fake.setReply({ marker: '[fake-ollama]', text: undefined, ttftMs: 0, perTokenMs: 0 });
  });

  const turns = () => api.test!.chatTurns() as TurnView[];
  const chatCalls = (f: { requests: { path: string }[] }) => f.requests.filter((r) => /\/api\/chat|\/api\/generate|\/v1\/messages/.test(r.path));
  /** What the chat webview posts, through the same validation and handler. */
  const fromWebview = (m: unknown) => (api.chatView as unknown as { onMessage(m: unknown): void }).onMessage(m);

  async function openWith(text: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'typescript' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
    return editor;
  }

  test('Retry on a Review turn reruns that review (not the Explain that ran last) and replaces its diagnostics', async () => {
    fakes.ollama!.fake.setReply({ marker: '', text: '- L2: warning: the loop never ends when n is negative.\n\nSummary: one issue.' });
    const editor = await openWith('function count(n: number) {\n  while (n !== 0) n--;\n  return n;\n}\n');
    await vscode.commands.executeCommand('hybrid.reviewSelection');
    const review = turns().at(-1)!;
    assert.equal(review.mode, 'review');
    const reviewDiags = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Hybrid review');
    await waitFor(() => reviewDiags().length === 1, 5000, 'first review diagnostics');
    await vscode.commands.executeCommand('hybrid.explainRoute', 'Why would this go local?');
    assert.equal(turns().at(-1)!.mode, 'explain');

    fakes.ollama!.fake.reset();
    fakes.ollama!.fake.setReply({ marker: '', text: '- L3: error: always returns 0.\n\nSummary: one issue.' });
    const before = turns().length;
    fromWebview({ type: 'fix', action: 'retry', turnId: review.id });
    const rerun = await waitFor(() => { const t = turns(); return t.length > before && t.at(-1)!.status !== 'streaming' ? t.at(-1) : undefined; }, 15_000, 'the rerun turn');
    assert.equal(rerun.mode, 'review', 'Retry reran the last command instead of that turn');
    assert.equal(rerun.question, review.question);
    assert.equal(chatCalls(fakes.ollama!.fake).length, 1, 'the review reached the local model again');
    assert.equal(chatCalls(fakes.anthropic!.fake).length, 0);
    const diags = await waitFor(() => { const d = reviewDiags(); return d.length === 1 && /always returns 0/.test(d[0].message) ? d : undefined; }, 5000, 'replaced diagnostics');
    assert.equal(diags[0].range.start.line, 2);
  });

  test('two palette commands in quick succession: the first is stopped, one stream at a time; Stop reaches the running one', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    fakes.ollama!.fake.setReply({ text: long, ttftMs: 0, perTokenMs: 20 });
    await openWith('let total = 0;\n');
    const before = turns().length;
    const first = vscode.commands.executeCommand('hybrid.askPrivate', 'First question?');
    const second = vscode.commands.executeCommand('hybrid.askPrivate', 'Second question?');
    // Stop while the second streams: it must reach the second (the one running), not the first.
    await waitFor(() => { const t = turns().slice(before); return t.length === 2 && t[1].status === 'streaming' && t[1].text.length > 0; }, 15_000, 'the second answer streaming');
    assert.notEqual(turns().slice(before)[0].status, 'streaming', 'two answers were streaming at once');
    fromWebview({ type: 'stop' });
    await Promise.all([first, second]);
    const [a, b] = turns().slice(before);
    assert.equal(a.question, 'First question?');
    assert.equal(a.status, 'cancelled');
    assert.equal(b.status, 'cancelled', 'Stop did not reach the running answer');
    assert.equal(api.chatView!.isBusy, false);
    // Each stopped stream was closed: the fake saw its client go before the answer finished.
    for (let i = 0; i < chatCalls(fakes.ollama!.fake).length; i++) await fakes.ollama!.fake.waitForClientClose(i, 5000);
  });

  test("a budget counts what another window appended to the shared ledger (no cloud request once it is spent)", async () => {
    const undo = await withSettings({ 'budget.dailyUsd': 1, 'budget.onExceeded': 'block' });
    try {
      // Another VS Code window: its own ledger handle on the same folder, appending a $2 cloud request now.
      const other = await Ledger.open(path.join(api.test!.storagePaths().globalStorage, 'ledger'));
      await other.append(record(`other-window-${Date.now().toString(36)}`, { time: new Date().toISOString(), costUsd: 2 }));
      await other.close();
      await openWith('type Id = string;\n');
      await vscode.commands.executeCommand('hybrid.askCloud', 'How should we version this public API across three clients?');
      assert.equal(chatCalls(fakes.anthropic!.fake).length, 0, 'the budget did not count the other window\'s spend');
      const last = turns().at(-1)!;
      assert.match(JSON.stringify(last), /over budget/);
    } finally {
      await undo();
    }
  });
});
