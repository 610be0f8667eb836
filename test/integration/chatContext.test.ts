// Issue #26 in the real extension host: a chat-box question carries the editor's context by the commands' rule
// (no selection → the file), and files added with the picker or `#file:` pass the same privacy rules as any
// other context: a private path or a private marker never reaches the cloud fake.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import type { ChatViewProvider } from '../../src/vscode/chat/ChatViewProvider';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { activateExtension, waitFor, workspaceRoot } from './helpers';

const rand = () => Math.random().toString(36).slice(2, 10);
// Canaries generated at run time: finding one in a request body proves that file's content was sent.
const openCanary = `cartTotal_${rand()}`;
const addedCanary = `moneySum_${rand()}`;
const envCanary = `FLAG_${rand()}`;
const markedCanary = `pricingCore_${rand()}`;

const FILES: Record<string, string> = {
  'chatctx/cart.ts': `export function ${openCanary}(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n`,
  'chatctx/money.ts': `export const ${addedCanary} = (a: number, b: number): number => a + b;\n`,
  'chatctx/.env.local': `FEATURE=${envCanary}\n`,
  'chatctx/pricing.ts': `// CONFIDENTIAL\nexport function ${markedCanary}(): number { return 42; }\n`,
};

suite('chat box context (issue #26)', function () {
  this.timeout(120_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let view: ChatViewProvider;
  let deliver: (m: unknown) => void;

  suiteSetup(async () => {
    const root = workspaceRoot();
    for (const [rel, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, rel), Buffer.from(text));
    bench = await openWithFakes({ waitForLocal: true });
    fakes = bench.fakes;
    view = (await activateExtension<HybridApi & { chatView?: ChatViewProvider }>()).api.chatView!;
    // The entry point every webview message takes (after the isFromChat guard).
    deliver = (m) => (view as unknown as { onMessage(m: unknown): void }).onMessage(m);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'chatctx/cart.ts'));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 0, 0, 0) });
  });

  suiteTeardown(async () => {
    await bench?.close();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'chatctx'), { recursive: true });
  });

  const bodies = (f: 'ollama' | 'anthropic') => fakes[f]!.fake.requests.filter((r) => r.method === 'POST').map((r) => JSON.stringify(r.body)).join('\n');

  async function ask(question: string, mode: 'private' | 'cloud', files?: string[]) {
    await view.newChat();
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
    deliver({ type: 'ask', question, mode, ...(files ? { files } : {}) });
    return waitFor(() => (view.turns.length === 1 && view.turns[0].status !== 'streaming' ? view.turns[0] : undefined), 60_000, 'the answer');
  }

  test('no selection: the question carries the open file, as the commands do', async () => {
    const turn = await ask('What does this do?', 'private');
    assert.equal(turn.status, 'ok', JSON.stringify(turn.error));
    assert.deepEqual(turn.route!.context.map((c) => c.path), ['chatctx/cart.ts']);
    assert.match(bodies('ollama'), new RegExp(openCanary));
  });

  test('a picked file and a #file: mention are attached after the editor context', async () => {
    const turn = await ask('#file:chatctx/money.ts How do these fit together?', 'cloud', ['chatctx/money.ts']);
    assert.equal(turn.status, 'ok', JSON.stringify(turn.error));
    assert.deepEqual(turn.route!.context.map((c) => c.path), ['chatctx/cart.ts', 'chatctx/money.ts'], 'one copy of the file');
    const sent = bodies('anthropic');
    assert.match(sent, new RegExp(openCanary));
    assert.match(sent, new RegExp(addedCanary));
  });

  test('an added file on a private path is refused for the cloud; nothing is sent', async () => {
    const turn = await ask('Which flags are set?', 'cloud', ['chatctx/.env.local']);
    assert.equal(turn.route?.route, 'refuse');
    assert.match(turn.error?.message ?? '', /\.env\.local/);
    assert.equal(fakes.anthropic!.fake.requests.length, 0);
  });

  test('an added file with a private marker never reaches the cloud', async () => {
    const turn = await ask('#file:chatctx/pricing.ts Is this right?', 'cloud');
    assert.equal(turn.route?.route, 'refuse');
    assert.ok(!bodies('anthropic').includes(markedCanary));
  });

  test('a path outside the workspace is not read; the turn says what was left out', async () => {
    const turn = await ask('What is in here?', 'private', ['../../../../etc/hostname', 'chatctx/missing.ts']);
    assert.equal(turn.status, 'ok', JSON.stringify(turn.error));
    assert.deepEqual(turn.route!.context.map((c) => c.path), ['chatctx/cart.ts']);
    assert.match(turn.notices.join(' '), /Not attached .*chatctx\/missing\.ts/);
  });
});
