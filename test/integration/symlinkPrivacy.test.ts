// A path that names a symlink is judged by the file it leads to as well (the adapter behind every context item and
// every agent tool result, in the real extension host): `docs/roadmap.md → ../private/roadmap.md` is private when
// `private/**` is, whether the file is open or only on disk, while a plain file beside it stays public.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createPathPolicy } from '../../src/core/privacy/paths';
import { DocumentPrivacy } from '../../src/vscode/privacy/documentPrivacy';
import { workspaceRoot } from './helpers';

suite('privacy: a symlink is judged by where it leads', () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const privateDir = `private-${tag}`;
  const docsDir = `docs-${tag}`;
  const root = workspaceRoot().fsPath;
  const judge = new DocumentPrivacy(() => ({
    pathPolicy: createPathPolicy({ privateGlobs: [`${privateDir}/**`] }), markers: ['CONFIDENTIAL'], key: `symlink-${tag}`,
  }));

  suiteSetup(() => {
    fs.mkdirSync(path.join(root, privateDir), { recursive: true });
    fs.mkdirSync(path.join(root, docsDir), { recursive: true });
    // Plain words only: nothing in the text itself says it is private.
    fs.writeFileSync(path.join(root, privateDir, 'roadmap.md'), '# Roadmap\n\nShip the new billing flow in March.\n');
    fs.symlinkSync(path.join('..', privateDir, 'roadmap.md'), path.join(root, docsDir, 'roadmap.md'));
    fs.writeFileSync(path.join(root, docsDir, 'guide.md'), '# Guide\n\nRun the tests before you push.\n');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const d of [privateDir, docsDir]) fs.rmSync(path.join(root, d), { recursive: true, force: true });
  });

  test('a context item and a tool result that name the link by a relative path are private; the plain file is not', async () => {
    const [link, plain] = await judge.mark([
      { source: 'file', text: 'Ship the new billing flow in March.', path: `${docsDir}/roadmap.md` },
      { source: 'file', text: 'Run the tests before you push.', path: `${docsDir}/guide.md` },
    ]);
    assert.equal(link!.privateFile?.kind, 'path', 'the link leads into a private folder');
    assert.equal(plain!.privateFile, undefined);
    const turns = await judge.markTurns([{
      role: 'user', content: '', toolResults: [{ callId: 'c1', content: 'Ship the new billing flow in March.', path: `${docsDir}/roadmap.md` }],
    }]);
    assert.equal(turns![0]!.toolResults![0]!.privateFile?.kind, 'path', 'an agent\'s read of the link is a read of the private file');
  });

  test('the same when the link is open in an editor (its text judged from the document)', async () => {
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(root, docsDir, 'roadmap.md')));
    const [link] = await judge.mark([{ source: 'file', text: 'Ship', path: `${docsDir}/roadmap.md` }]);
    assert.equal(link!.privateFile?.kind, 'path');
  });
});

suite('privacy: a range attached in Chat carries its whole document\'s verdict', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a range of an unsaved buffer whose marker is outside the range is private; the same buffer without it is not', async () => {
    const { referencesAsContext } = await import('../../src/vscode/native/participant');
    const body = 'export function settle(total: number): number {\n  return Math.round(total * 100) / 100;\n}\n';
    for (const [header, expectPrivate] of [['// CONFIDENTIAL', true], ['// settlement helpers', false]] as const) {
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: `${header}\n\n${body}` });
      const range = new vscode.Range(2, 0, 4, 1); // the function only, never the header line
      const [item] = await referencesAsContext([{ id: 'vscode.implicit.selection', value: new vscode.Location(doc.uri, range) } as vscode.ChatPromptReference]);
      assert.ok(item, 'the range became a context item');
      assert.ok(!item.text.includes(header), 'the header is outside the range');
      assert.equal(item.privateFile?.kind, expectPrivate ? 'marker' : undefined, header);
    }
  });
});
