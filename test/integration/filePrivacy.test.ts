// Issue #21 item 0 in the real extension host: code selected below a `// CONFIDENTIAL` header (the header itself not
// selected) is private because its file is. Ask (cloud) refuses with "Retry on local", Ask (auto) with an
// architecture question answers locally, and the chat view does the same — the cloud fake receives no byte of the
// selected code. The benign twin (the same file without the header) goes to the cloud, and an unsaved edit that
// adds or removes the header counts at once. Item 4: an SSN glued into the file name never reaches the cloud.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import type { ChatViewProvider } from '../../src/vscode/chat/ChatViewProvider';
import type { TurnView } from '../../src/shared/protocol/chat';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings, workspaceRoot } from './helpers';

const rand = (): string => Math.random().toString(36).slice(2, 10);
const ARCHITECTURE = 'How should we restructure this settlement module into separate services? Compare event sourcing against a batch design, with the trade-offs for consistency, failure recovery and scaling.';

/** A header, a blank line, then code whose names are canaries generated for this run. */
function source(header: string, canary: string): string {
  return `${header}\n\nexport function ${canary}(ledger: { amount: number; closed: boolean }[]): number {\n` +
    '  const open = ledger.filter((e) => !e.closed);\n  return open.reduce((a, e) => a + e.amount, 0);\n}\n';
}

suite('a file\'s privacy covers every part of it (issue #21 item 0)', function () {
  this.timeout(120_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi & { chatView?: ChatViewProvider };
  const dir = `fileprivacy-${rand()}`;

  suiteSetup(async () => {
    bench = await openWithFakes({ settings: { 'context.codebase': 'off' }, waitForLocal: true });
    fakes = bench.fakes;
    api = bench.api as HybridApi & { chatView?: ChatViewProvider };
  });

  suiteTeardown(async () => {
    await bench?.close();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), dir), { recursive: true }).then(undefined, () => undefined);
  });

  setup(() => {
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
  });

  const cloudCalls = () => fakes.anthropic!.fake.requests.filter((r) => r.path.endsWith('/v1/messages'));
  const localChats = () => fakes.ollama!.fake.requests.filter((r) => r.path === '/api/chat');

  /** Writes the file, opens it and selects from line 3 to the end: everything but the header. */
  async function openBelowHeader(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), dir, name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const last = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(2, 0, last, editor.document.lineAt(last).text.length);
    assert.doesNotMatch(editor.document.getText(editor.selection), /CONFIDENTIAL/);
    return editor;
  }

  test('Ask (cloud): refused with "Retry on local", nothing sent, a $0 refusal in the ledger', async () => {
    const canary = `settleLedger_${rand()}`;
    await openBelowHeader('settle-cloud.ts', source('// CONFIDENTIAL', canary));
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
    assert.equal(cloudCalls().length, 0, 'the selection of a marked file reached the cloud');
    const rec = api.test!.records().slice(before)[0];
    assert.equal(rec?.route, 'refuse');
    assert.equal(rec?.costUsd, 0);
    const turn = api.test!.chatTurns().at(-1) as TurnView;
    assert.match(turn.error?.message ?? '', /settle-cloud\.ts is a private file: it carries a "CONFIDENTIAL" marker \(line 1\)/);
    assert.ok(turn.error?.fixes.includes('retryLocal'), JSON.stringify(turn.error));
  });

  test('Ask (auto) with an architecture question answers locally, with the selection', async () => {
    const canary = `settleLedger_${rand()}`;
    await openBelowHeader('settle-auto.ts', source('/* Proprietary and Confidential. Acme Corp. */', canary));
    await vscode.commands.executeCommand('hybrid.ask', ARCHITECTURE);
    assert.equal(cloudCalls().length, 0, 'Ask (auto) sent a private file\'s selection to the cloud');
    assert.equal(localChats().length, 1);
    assert.ok(JSON.stringify(localChats()[0].body).includes(canary), 'the local model got the selection');
    const turn = api.test!.chatTurns().at(-1) as TurnView;
    assert.match(turn.route?.reasons[0] ?? '', /^local: .*settle-auto\.ts is a private file/);
  });

  test('the chat view: Ask (auto) and Ask (cloud) with the selection send no byte of it to the cloud', async () => {
    const canary = `settleLedger_${rand()}`;
    await openBelowHeader('settle-chat.ts', source('// INTERNAL USE ONLY', canary));
    const view = api.chatView!;
    await view.newChat();
    const deliver = (m: unknown) => (view as unknown as { onMessage(m: unknown): void }).onMessage(m);
    deliver({ type: 'ask', question: ARCHITECTURE, mode: 'auto' });
    await waitFor(() => view.turns.length === 1 && view.turns[0].status !== 'streaming', 60_000, 'the auto answer');
    deliver({ type: 'ask', question: `${ARCHITECTURE} (cloud)`, mode: 'cloud' });
    await waitFor(() => view.turns.length === 2 && view.turns[1].status !== 'streaming', 60_000, 'the cloud refusal');
    assert.equal(view.turns[0].status, 'ok', JSON.stringify(view.turns[0].error));
    assert.equal(view.turns[0].route?.route, 'local');
    assert.equal(view.turns[1].route?.route, 'refuse');
    assert.ok(view.turns[1].error?.fixes.includes('retryLocal'));
    assert.ok(!JSON.stringify(fakes.anthropic!.fake.requests).includes(canary), 'the cloud fake received the selected code');
    assert.equal(cloudCalls().length, 0);
  });

  test('benign twin: the same code without the header goes to the cloud (the header is the only reason)', async () => {
    const canary = `settleLedger_${rand()}`;
    await openBelowHeader('settle-public.ts', source('// Settlement helpers, see docs/settle.md', canary));
    await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
    assert.equal(cloudCalls().length, 1);
    assert.ok(JSON.stringify(cloudCalls()[0].body).includes(canary));
  });

  test('an unsaved edit counts: adding the header makes the file private, removing it makes it public again', async () => {
    const canary = `settleLedger_${rand()}`;
    const editor = await openBelowHeader('settle-edit.ts', source('// draft', canary));
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 8), '// CONFIDENTIAL'));
    editor.selection = new vscode.Selection(2, 0, editor.document.lineCount - 1, 1);
    await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
    assert.equal(cloudCalls().length, 0, 'an unsaved marker was ignored');
    await editor.edit((b) => b.replace(editor.document.lineAt(0).range, '// draft'));
    editor.selection = new vscode.Selection(2, 0, editor.document.lineCount - 1, 1);
    await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
    assert.equal(cloudCalls().length, 1, 'the verdict of the old version was reused');
    assert.ok(JSON.stringify(cloudCalls()[0].body).includes(canary));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a path rule set by the user covers the file the selection comes from', async () => {
    const undo = await withSettings({ 'privacy.privateGlobs': [`${dir}/vendor/**`] });
    try {
      const canary = `settleLedger_${rand()}`;
      await openBelowHeader('vendor/settle.ts', source('// plain header', canary));
      await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
      assert.equal(cloudCalls().length, 0);
    } finally {
      await undo();
    }
  });

  test('a .aiignore in a subfolder covers files below it (as a nested .gitignore does), and only those', async () => {
    const ignoreFile = vscode.Uri.joinPath(workspaceRoot(), dir, 'billing', '.aiignore');
    await vscode.workspace.fs.writeFile(ignoreFile, Buffer.from('# the billing team\'s rules\nsettle.ts\n'));
    try {
      // The watcher reloads the rules; the next request waits for them. Retry until the new rule is in force.
      await waitFor(async () => {
        fakes.anthropic!.fake.reset();
        await openBelowHeader('billing/deep/settle.ts', source('// plain header', `settleLedger_${rand()}`));
        await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
        return cloudCalls().length === 0;
      }, 15_000, 'billing/.aiignore in force', 500);
      // The same name outside that folder is not covered by it.
      fakes.anthropic!.fake.reset();
      await openBelowHeader('elsewhere/settle.ts', source('// plain header', `settleLedger_${rand()}`));
      await vscode.commands.executeCommand('hybrid.askCloud', ARCHITECTURE);
      assert.equal(cloudCalls().length, 1, 'a file outside the .aiignore\'s folder was refused');
    } finally {
      await vscode.workspace.fs.delete(ignoreFile).then(undefined, () => undefined);
    }
  });

  test('item 4: an SSN glued into the file name never reaches the cloud; Ask (auto) stays local', async () => {
    const ssn = `${String(100 + Math.floor(Math.random() * 500))}-${String(10 + Math.floor(Math.random() * 89))}-${String(1000 + Math.floor(Math.random() * 8999))}`;
    await openBelowHeader(`customers_${ssn}.ts`, source('// customer export helpers', `exportRows_${rand()}`));
    await vscode.commands.executeCommand('hybrid.askCloud', 'What does this function return?');
    // Redact mode (the default): sent, with the label redacted where it appears.
    assert.equal(cloudCalls().length, 1);
    const wire = JSON.stringify(cloudCalls());
    assert.ok(!wire.includes(ssn), 'the SSN in the file name reached the cloud');
    assert.match(wire, /customers_\[REDACTED:us-ssn\]/);
    fakes.anthropic!.fake.reset();
    await vscode.commands.executeCommand('hybrid.ask', ARCHITECTURE);
    assert.equal(cloudCalls().length, 0, 'Ask (auto) sent a path holding an SSN to the cloud');
  });
});
