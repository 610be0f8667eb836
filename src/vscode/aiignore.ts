import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

const MAX_BYTES = 256 * 1024;

/** The workspace's `.aiignore` text as last read, and a promise that the first read is done. */
export interface AiignoreSource {
  text(): string | undefined;
  /** Resolves once the files have been read; cloud-bound requests wait for it. */
  readonly ready: Promise<void>;
}

/** Reads the workspace's `.aiignore` files (gitignore syntax) now and whenever they change. */
export class AiignoreWatch implements AiignoreSource, vscode.Disposable {
  private current: string | undefined;
  readonly ready: Promise<void>;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.aiignore');
    const load = () => this.load();
    this.subs = [watcher, watcher.onDidChange(load), watcher.onDidCreate(load), watcher.onDidDelete(load),
      vscode.workspace.onDidChangeWorkspaceFolders(load)];
    this.ready = this.load();
  }

  text(): string | undefined {
    return this.current;
  }

  private async load(): Promise<void> {
    const parts: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.aiignore');
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength > MAX_BYTES) { this.logger.warn(`.aiignore in ${folder.name} is over 256 KB; only the first 256 KB is used`); }
        parts.push(new TextDecoder().decode(bytes.subarray(0, MAX_BYTES)));
      } catch { /* no .aiignore here */ }
    }
    this.current = parts.length ? parts.join('\n') : undefined;
  }

  dispose(): void {
    this.subs.forEach((d) => d.dispose());
  }
}
