import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { scopeAiignore } from '../core/privacy/patternScope';

const MAX_BYTES = 256 * 1024;
/** Nested `.aiignore` files read at most (the search runs in VS Code's search process, not on this thread). */
const MAX_NESTED = 500;

/** The workspace's `.aiignore` text as last read, and a promise that the first read is done. */
export interface AiignoreSource {
  text(): string | undefined;
  /** Resolves once the files have been read; cloud-bound requests wait for it. */
  readonly ready: Promise<void>;
}

/** Reads the workspace's `.aiignore` files (gitignore syntax; nested ones scoped to their folder) now and whenever they change. */
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
    const roots = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.aiignore');
      roots.add(uri.toString());
      const text = await this.read(uri, folder.name);
      if (text !== undefined) parts.push(text);
    }
    // A `.aiignore` in a subfolder speaks for that folder, as a nested .gitignore does.
    let nested: vscode.Uri[] = [];
    try { nested = await vscode.workspace.findFiles('**/.aiignore', '{**/node_modules/**,**/.git/**}', MAX_NESTED); } catch { /* no search here */ }
    for (const uri of nested.filter((u) => !roots.has(u.toString())).sort((a, b) => a.path.localeCompare(b.path))) {
      const dir = vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'), false);
      const text = await this.read(uri, dir);
      if (text !== undefined) parts.push(scopeAiignore(dir, text));
    }
    this.current = parts.length ? parts.join('\n') : undefined;
  }

  private async read(uri: vscode.Uri, where: string): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_BYTES) this.logger.warn(`.aiignore in ${where} is over 256 KB; only the first 256 KB is used`);
      return new TextDecoder().decode(bytes.subarray(0, MAX_BYTES));
    } catch { return undefined; /* no .aiignore here */ }
  }

  dispose(): void {
    this.subs.forEach((d) => d.dispose());
  }
}
