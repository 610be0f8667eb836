// Files the user adds to a chat question (the picker or `#file:path`). They become ordinary context items, so the
// pipeline judges them like the editor's context: a private path or a private marker keeps them off the cloud.

import * as vscode from 'vscode';
import { lineSpan } from '../../core/context/lineSpan';
import { isWorkspaceRelative } from '../../core/context/fileMentions';
import type { ContextItem } from '../../core/request';
import { contextPath } from '../ask/editorContext';

/** Larger files are left out with a notice rather than cut (a cut file reads as if it ended there). */
const MAX_ADDED_CHARS = 200_000;
const PICKER_LIMIT = 5_000;

export interface AddedFiles { items: ContextItem[]; skipped: string[] }

/** Reads workspace-relative `paths` from the first workspace folder that has them; skips what cannot be read. */
export async function readAddedFiles(paths: readonly string[]): Promise<AddedFiles> {
  const items: ContextItem[] = [];
  const skipped: string[] = [];
  for (const rel of paths) {
    const uri = isWorkspaceRelative(rel) ? await findInWorkspace(rel) : undefined;
    const doc = uri ? await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined) : undefined;
    const text = doc?.getText() ?? '';
    if (!doc || !text.trim() || text.length > MAX_ADDED_CHARS || text.includes('\u0000')) { skipped.push(rel); continue; }
    items.push({ source: 'file', path: contextPath(doc.uri), language: doc.languageId, text, ...lineSpan(text, 1) });
  }
  return { items, skipped };
}

async function findInWorkspace(rel: string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, rel);
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
    } catch { /* not in this folder */ }
  }
  return undefined;
}

/** A multi-select list of the workspace's files (the workbench's own excludes apply). */
export async function pickWorkspaceFiles(): Promise<string[]> {
  // files.exclude applies by default; dependency and build folders would crowd out the user's own files.
  const uris = await vscode.workspace.findFiles('**/*', '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}', PICKER_LIMIT);
  const items = uris.map((u) => vscode.workspace.asRelativePath(u, false)).sort().map((label) => ({ label }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true, title: 'Hybrid: add files to the question', placeHolder: 'Files on private paths never go to the cloud',
  });
  return (picked ?? []).map((p) => p.label);
}
