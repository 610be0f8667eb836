import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { scopeAiignore } from '../core/privacy/patternScope';

const MAX_BYTES = 256 * 1024;
/** Nested `.aiignore` files read at most (the search runs in VS Code's search process, not on this thread). */
const MAX_NESTED = 500;
/**
 * A workspace-wide file search is not for the start-up path: the nested files are looked for this long after
 * activation, or at once when a cloud-bound request needs the rules sooner (it awaits `ready`).
 */
const NESTED_AFTER_MS = 2_000;

/** The workspace's `.aiignore` text as last read, and a promise that the first read is done. */
export interface AiignoreSource {
  text(): string | undefined;
  /** Resolves once the files have been read; cloud-bound requests wait for it. */
  readonly ready: Promise<void>;
  /** Puts in force any `.aiignore` in a folder above these files that neither the watcher nor the search reported yet. */
  coverAncestors?(files: vscode.Uri[]): Promise<void>;
}

/** Reads the workspace's `.aiignore` files (gitignore syntax; nested ones scoped to their folder) now and whenever they change. */
export class AiignoreWatch implements AiignoreSource, vscode.Disposable {
  private current: string | undefined;
  /** Each folder's root file, read at once. */
  private readonly roots: Promise<void>;
  /** Every file, nested ones included: the last full read, started on demand, by the timer or by a change. */
  private full: Promise<void> | undefined;
  private readonly timer: ReturnType<typeof setTimeout>;
  /** Reads may overlap (a change during the first read): only the newest one's text is kept. */
  private generation = 0;
  /** Files the watcher reported created or changed since activation (and not deleted since), or a check found. */
  private readonly reported = new Set<string>();
  /** The nested files the last full read found. */
  private known = new Set<string>();
  private readonly subs: vscode.Disposable[];

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.aiignore');
    const load = (): void => { this.full = this.load(true); };
    // The watcher names the file: it is read even if the workspace search has not indexed it yet.
    const seen = (uri: vscode.Uri): void => { this.reported.add(uri.toString()); load(); };
    const gone = (uri: vscode.Uri): void => { this.reported.delete(uri.toString()); load(); };
    this.subs = [watcher, watcher.onDidChange(seen), watcher.onDidCreate(seen), watcher.onDidDelete(gone),
      vscode.workspace.onDidChangeWorkspaceFolders(load)];
    this.roots = this.load(false);
    this.timer = setTimeout(() => void this.ready, NESTED_AFTER_MS);
  }

  /** Resolves once every `.aiignore` has been read (starting the nested search now if it has not started). */
  get ready(): Promise<void> {
    return (this.full ??= this.roots.then(() => this.load(true)));
  }

  text(): string | undefined {
    return this.current;
  }

  private async load(nestedToo: boolean): Promise<void> {
    const generation = ++this.generation;
    const parts: string[] = [];
    const roots = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.aiignore');
      roots.add(uri.toString());
      const text = await this.read(uri, folder.name);
      if (text !== undefined) parts.push(text);
    }
    // A `.aiignore` in a subfolder speaks for that folder, as a nested .gitignore does.
    const nested = new Map<string, vscode.Uri>();
    if (nestedToo) {
      try {
        for (const u of await vscode.workspace.findFiles('**/.aiignore', '{**/node_modules/**,**/.git/**}', MAX_NESTED)) nested.set(u.toString(), u);
      } catch { /* no search here */ }
      for (const key of this.reported) if (!nested.has(key) && !/\/(?:node_modules|\.git)\//.test(key)) nested.set(key, vscode.Uri.parse(key));
      this.known = new Set(nested.keys());
    }
    for (const uri of [...nested.values()].filter((u) => !roots.has(u.toString())).sort((a, b) => a.path.localeCompare(b.path))) {
      const dir = vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'), false);
      const text = await this.read(uri, dir);
      if (text !== undefined) parts.push(scopeAiignore(dir, text));
    }
    if (generation === this.generation) this.current = parts.length ? parts.join('\n') : undefined;
  }

  /**
   * A watcher can miss a new file (inotify limits, network drives) and the search index lags behind it, so before a
   * file is judged, each folder between it and its workspace folder is checked for an `.aiignore` (a stat per folder).
   */
  async coverAncestors(files: vscode.Uri[]): Promise<void> {
    let found = false;
    for (const file of files) {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (!folder || /\/(?:node_modules|\.git)\//.test(file.path)) continue;
      for (let dir = vscode.Uri.joinPath(file, '..'); dir.path.length > folder.uri.path.length; dir = vscode.Uri.joinPath(dir, '..')) {
        const key = vscode.Uri.joinPath(dir, '.aiignore').toString();
        if (this.reported.has(key) || this.known.has(key)) continue;
        const st = await vscode.workspace.fs.stat(vscode.Uri.parse(key)).then((s) => s, () => undefined);
        if (st && st.type & vscode.FileType.File) { this.reported.add(key); found = true; }
      }
    }
    if (found) await (this.full = this.load(true));
  }

  private async read(uri: vscode.Uri, where: string): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_BYTES) this.logger.warn(`.aiignore in ${where} is over 256 KB; only the first 256 KB is used`);
      return new TextDecoder().decode(bytes.subarray(0, MAX_BYTES));
    } catch { return undefined; /* no .aiignore here */ }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subs.forEach((d) => d.dispose());
  }
}
