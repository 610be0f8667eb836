import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

const MAX_BYTES = 256 * 1024;

/** Reads the workspace's `.aiignore` files (gitignore syntax) now and whenever they change. */
export function watchAiignore(onText: (text: string | undefined) => void, logger: Logger): { disposable: vscode.Disposable; ready: Promise<void> } {
  const load = async (): Promise<void> => {
    const parts: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.aiignore');
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength > MAX_BYTES) { logger.warn(`.aiignore in ${folder.name} is over 256 KB; only the first 256 KB is used`); }
        parts.push(new TextDecoder().decode(bytes.subarray(0, MAX_BYTES)));
      } catch { /* no .aiignore here */ }
    }
    onText(parts.length ? parts.join('\n') : undefined);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.aiignore');
  const subs = [watcher, watcher.onDidChange(load), watcher.onDidCreate(load), watcher.onDidDelete(load),
    vscode.workspace.onDidChangeWorkspaceFolders(load)];
  return { disposable: vscode.Disposable.from(...subs), ready: load() };
}
