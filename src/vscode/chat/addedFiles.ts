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

/** `skipped`: one "path (why — what to do)" line per file left out. */
export interface AddedFiles { items: ContextItem[]; skipped: string[] }

/** Reads workspace-relative `paths` from the first workspace folder that has them; says why each other one was left out. */
export async function readAddedFiles(paths: readonly string[]): Promise<AddedFiles> {
  const items: ContextItem[] = [];
  const skipped: string[] = [];
  for (const rel of paths) {
    const found = isWorkspaceRelative(rel) ? await findInWorkspace(rel) : undefined;
    if (!found) { skipped.push(`${rel} (not found in the workspace)`); continue; }
    // Judged by size before opening: a 50 MB log would otherwise be read whole into memory only to be refused.
    if (found.size > MAX_ADDED_CHARS * 4) { skipped.push(`${rel} (${tooLarge(found.size)})`); continue; }
    const doc = await vscode.workspace.openTextDocument(found.uri).then((d) => d, () => undefined);
    const text = doc?.getText() ?? '';
    if (!doc || text.includes('\u0000')) { skipped.push(`${rel} (binary, not text)`); continue; }
    if (!text.trim()) { skipped.push(`${rel} (empty)`); continue; }
    if (text.length > MAX_ADDED_CHARS) { skipped.push(`${rel} (${tooLarge(text.length)})`); continue; }
    items.push({ source: 'file', path: contextPath(doc.uri), language: doc.languageId, text, ...lineSpan(text, 1) });
  }
  return { items, skipped };
}

function tooLarge(size: number): string {
  const shown = size >= 1_000_000 ? `${(size / 1_000_000).toFixed(1)} MB` : `${Math.round(size / 1000)} KB`;
  return `${shown}, over the ${MAX_ADDED_CHARS.toLocaleString('en-US')}-character limit — select the part you need and ask about the selection`;
}

async function findInWorkspace(rel: string): Promise<{ uri: vscode.Uri; size: number } | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, rel);
    try {
      const st = await vscode.workspace.fs.stat(uri);
      if (st.type & vscode.FileType.File) return { uri, size: st.size };
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
