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
