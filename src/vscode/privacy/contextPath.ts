import * as fs from 'node:fs';
import * as vscode from 'vscode';

/**
 * The path the privacy rules judge: symlinks resolved, so `notes.txt → ../.env` is judged as `.env`.
 * Workspace-relative when the real file is inside the workspace, absolute otherwise.
 */
export function contextPath(uri: vscode.Uri): string {
  let target = uri;
  if (uri.scheme === 'file') {
    try { target = vscode.Uri.file(fs.realpathSync(uri.fsPath)); } catch { /* unsaved or gone: judge the given path */ }
  }
  return vscode.workspace.asRelativePath(target, false) || target.path;
}
