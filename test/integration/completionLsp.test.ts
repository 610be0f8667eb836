// The language-server source of completion definitions (src/vscode/completion/lspDefinitions.ts) in the real
// extension host: code-server's built-in TypeScript language features resolve a global function declared in
// another file (no import, so the repo index cannot find it) and its signature line reaches the FIM prompt the
// fake Ollama receives; the same lookup into a file with a privacy marker, or under a deny-listed path
// (secrets/), contributes nothing — nor do those files when they are open in other editors (snippets).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeOllama } from '../fakes/ollama';
import type { RecordedRequest } from '../fakes/base';
import { activateExtension, waitFor, withSettings, workspaceRoot } from './helpers';

const rand = (): string => Math.random().toString(36).slice(2, 10);
// Generated at run time: a name the fake model could never have seen, and canaries that must not leak.
const publicFn = `lspPriceOf_${rand()}`;
const markedFn = `lspLedgerInternal_${rand()}`;
const deniedFn = `lspVaultKey_${rand()}`;
const DIR = 'lspdefs';

const FILES: Record<string, string> = {
  // A tsconfig puts every file in one project, so the TS server resolves globals across files.
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2020', strict: true, noEmit: true }, include: ['**/*.ts'] }),
  // Script files (no import/export): their functions are globals of the project.
  'pricing.ts': `function ${publicFn}(sku: string, quantity: number): number {\n  return quantity * sku.length;\n}\n`,
  'ledger.ts': `// CONFIDENTIAL — ledger internals\nfunction ${markedFn}(amountCents: number): number {\n  return amountCents;\n}\n`,
  'secrets/vault.ts': `function ${deniedFn}(vaultName: string): number {\n  return vaultName.length;\n}\n`,
  // The lookup takes the last four names before the cursor on its line: these three (and `total`).
  'use.ts': `const subtotal = 1;\nconst total = ${markedFn}(3) + ${deniedFn}('k') + ${publicFn}('k', 2) + `,
};

class PlainFakeOllama extends FakeOllama {
  answer = 'subtotal;';
  override answerFor(): string {
    return this.answer;
  }
}

const prompts = (fake: FakeOllama): string[] => fake.requests
  .filter((r: RecordedRequest) => r.path === '/api/generate')
  .map((r) => String((r.body as { prompt?: unknown }).prompt ?? ''));

/** The definition provider's answer at `name`'s first use in `doc`: the file it points to, if any. */
async function definitionOf(doc: vscode.TextDocument, name: string): Promise<string | undefined> {
  const at = doc.positionAt(doc.getText().indexOf(name) + 1);
  const locs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, at);
  const first = locs?.[0];
  if (!first) return undefined;
  return vscode.workspace.asRelativePath('targetUri' in first ? first.targetUri : first.uri, false);
}

suite('inline completion: definitions from the language server', function () {
  this.timeout(180_000);
  let fake: PlainFakeOllama;
  let close: () => Promise<void>;
  let restore: () => Promise<void>;

  suiteSetup(async () => {
    await activateExtension();
    const root = workspaceRoot();
    for (const [rel, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, DIR, rel), Buffer.from(text));
    fake = new PlainFakeOllama({ ttftMs: 0, perTokenMs: 0 });
    const started = await fake.start();
    close = started.close;
    restore = await withSettings({
      'local.baseUrl': started.url, 'local.completionModel': 'qwen2.5-coder:1.5b', 'completion.enabled': true, 'completion.debounceMs': 50,
    });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore?.();
    await close?.();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), DIR), { recursive: true });
  });

  test('a definition the TypeScript server finds in another file reaches the FIM prompt; private files add nothing', async () => {
    const ts = vscode.extensions.getExtension('vscode.typescript-language-features');
    assert.ok(ts, 'the built-in TypeScript language features are installed in the test host');
    // The private files are also open beside it: what is visible in other editors feeds the prompt too (snippets).
    for (const [file, column] of [['ledger.ts', vscode.ViewColumn.Two], ['secrets/vault.ts', vscode.ViewColumn.Three]] as const) {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceRoot(), DIR, file), { viewColumn: column, preview: false });
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), DIR, 'use.ts'));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    // The TS server needs a moment to load the project; it must see all three files before the check means anything.
    for (const [name, file] of [[publicFn, 'pricing.ts'], [markedFn, 'ledger.ts'], [deniedFn, 'secrets/vault.ts']] as const) {
      await waitFor(async () => (await definitionOf(doc, name)) === `${DIR}/${file}`, 90_000, `the TS server's definition of ${name} in ${file}`, 500);
    }

    // The first request starts the lookups in the background (the keystroke path never waits for them); the ones
    // after it carry what was found. Each round types a character, so the prompt is new (no cache hit).
    const end = (): vscode.Position => doc.lineAt(doc.lineCount - 1).range.end;
    const withDefinition = await waitFor<string>(async () => {
      editor.selection = new vscode.Selection(end(), end());
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      await new Promise((r) => setTimeout(r, 300));
      const hit = prompts(fake).find((p) => p.includes(`function ${publicFn}(sku: string, quantity: number): number {`));
      if (!hit) await vscode.commands.executeCommand('type', { text: '0' });
      return hit;
    }, 30_000, `a FIM prompt with the definition of ${publicFn}`, 100).catch((err: Error) => {
      throw new Error(`${err.message}; the last prompt was:\n${prompts(fake).at(-1) ?? '(none)'}`);
    });
    assert.match(withDefinition, new RegExp(`${DIR}/pricing\\.ts`), 'the definition is labelled with its file');
    assert.match(withDefinition, /\('k', 2\) \+ 0*$/, 'the prompt still ends with the code at the cursor');

    // The three lookups started together, from the same request, against a project the server had loaded (checked
    // above); a moment more and one more request, so the private ones have surely been judged by then.
    await new Promise((r) => setTimeout(r, 1000));
    // Typing ends the suggestion on screen (its "dismissed" record lands now), and the model has nothing more to
    // offer: no suggestion outlives this test to be dismissed in the next suite's count of records.
    fake.answer = '';
    await vscode.commands.executeCommand('type', { text: '0' });
    const before = prompts(fake).length;
    editor.selection = new vscode.Selection(end(), end());
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => prompts(fake).length > before, 10_000, 'one more /api/generate request');
    for (const p of prompts(fake)) {
      assert.ok(!p.includes(`function ${markedFn}`) && !p.includes('amountCents'), 'a file with a privacy marker reached the prompt');
      assert.ok(!p.includes(`function ${deniedFn}`) && !p.includes('vaultName'), 'a file under a deny-listed path reached the prompt');
      assert.ok(!p.includes('ledger.ts') && !p.includes('secrets/vault.ts'), 'a private file was named in the prompt');
    }
    assert.ok(prompts(fake).at(-1)!.includes(`function ${publicFn}(`), 'the last prompt still has the public definition');
  });

  test('a file made private after it fed the prompt (a path rule added) feeds it no more, as definition or snippet', async () => {
    // pricing.ts visible beside the edited file: a snippet of the prompt, and the definition remembered above.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceRoot(), DIR, 'pricing.ts'), { viewColumn: vscode.ViewColumn.Two, preview: false });
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), DIR, 'use.ts'));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const end = (): vscode.Position => doc.lineAt(doc.lineCount - 1).range.end;
    const request = async (): Promise<string> => {
      const before = prompts(fake).length;
      await vscode.commands.executeCommand('type', { text: '0' });
      editor.selection = new vscode.Selection(end(), end());
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      await waitFor(() => prompts(fake).length > before, 10_000, 'one more /api/generate request');
      return prompts(fake).at(-1)!;
    };
    const open = await request();
    assert.ok(open.includes('quantity * sku.length'), 'the visible public file is a snippet of the prompt');
    assert.ok(open.includes(`function ${publicFn}(`), 'its definition is in the prompt');
    const undo = await withSettings({ 'privacy.privateGlobs': [`${DIR}/pricing.ts`] });
    try {
      const closed = await request();
      assert.ok(!closed.includes('quantity * sku.length'), 'the file made private is still a snippet');
      assert.ok(!closed.includes(`function ${publicFn}(`), 'the definition remembered from the file made private is still used');
      assert.ok(!closed.includes('pricing.ts'), 'the file made private is still named in the prompt');
    } finally {
      await undo();
    }
  });
});
