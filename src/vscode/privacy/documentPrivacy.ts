// The VS Code side of "a file's privacy covers every part of it" (core/classify/filePrivacy.ts): every context
// item is marked with its whole file's verdict before the request is classified. An open document is judged by
// its current text (unsaved edits included) and cached by version; a file that is not open is read from disk and
// cached by mtime and size. Nothing here decides a route: the classifier, router and gate read the mark.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createPathPolicy, DEFAULT_PRIVATE_GLOBS } from '../../core/privacy/paths';
import { FilePrivacyCache, judgeFile, markToolResults, withFilePrivacy, type FilePrivacy, type FileRules } from '../../core/privacy/filePrivacy';
import type { ChatTurn, ContextItem } from '../../core/request';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { contextPath } from './contextPath';

export interface KeyedRules extends FileRules {
  /** Changes whenever the rules change (globs, .aiignore, markers), so old verdicts are not reused. */
  key: string;
}

/** Paths that name no file: synthetic context (the repo map) and unsaved buffers. */
const NOT_A_FILE: ReadonlySet<string> = new Set(['untitled', 'repo map']);

export class DocumentPrivacy {
  private readonly cache = new FilePrivacyCache();

  /** `beforeJudging`: makes sure the rules cover a file's folders (a nested `.aiignore` no watcher reported yet). */
  constructor(private readonly rules: () => KeyedRules, private readonly beforeJudging?: (files: vscode.Uri[]) => Promise<void>) {}

  /** The verdict for an open document; `path` is the path the rules judge (symlinks resolved). */
  judge(doc: vscode.TextDocument, judgedPath: string | undefined): FilePrivacy {
    const r = this.rules();
    // The path is part of the key: one document may be judged by its link's path and by its target's.
    const judged = doc.isUntitled ? undefined : judgedPath;
    return this.cache.judge(`doc:${doc.uri.toString()}@${doc.version}:${judged ?? ''}`, r.key, judged, () => doc.getText(), r);
  }

  /**
   * Marks every item with its file's verdict: items already marked stay marked; the others are looked up by
   * path among the open documents, then on disk. A path that names a file that cannot be read is judged by its
   * path alone (the item's own text is still scanned by the classifier).
   */
  async mark(items: ContextItem[]): Promise<ContextItem[]> {
    return Promise.all(items.map(async (item) => {
      if (item.privateFile || !item.path || NOT_A_FILE.has(item.path)) return item;
      return withFilePrivacy(item, await this.judgePath(item.path));
    }));
  }

  /** Marks every tool result of an agent loop with the verdict on the file its call read (markToolResults). */
  markTurns(turns: ChatTurn[] | undefined): Promise<ChatTurn[] | undefined> {
    return markToolResults(turns, (p) => this.judgePath(p));
  }

  private async judgePath(p: string): Promise<FilePrivacy> {
    await this.beforeJudging?.(candidates(p));
    const r = this.rules();
    for (const uri of candidates(p)) {
      // A tool or an attachment may name a symlink (`docs/roadmap.md → ../private/roadmap.md`): the file it leads
      // to is judged too, and the stricter verdict wins, as for the editor's own context.
      const resolved = contextPath(uri);
      const paths = resolved === p ? [p] : [resolved, p];
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath);
      if (open) return strictest(paths.map((judged) => this.judge(open, judged)));
      const st = await fs.promises.stat(uri.fsPath).catch(() => undefined);
      if (!st?.isFile()) continue;
      let text: string;
      try { text = await fs.promises.readFile(uri.fsPath, 'utf8'); } catch { continue; }
      return strictest(paths.map((judged) => this.cache.judge(`disk:${uri.fsPath}@${st.mtimeMs}:${st.size}:${judged}`, r.key, judged, () => text, r)));
    }
    return judgeFile(p, '', r);
  }
}

/** The first private verdict, else the first (both judged the same text). */
function strictest(verdicts: FilePrivacy[]): FilePrivacy {
  return verdicts.find((v) => v.private) ?? verdicts[0]!;
}

/** Where a context path may live: absolute as given, else under each workspace folder. */
function candidates(p: string): vscode.Uri[] {
  if (path.isAbsolute(p)) return [vscode.Uri.file(p)];
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => vscode.Uri.joinPath(f.uri, p));
}

// The judge editorContext uses when its caller passes none: the extension installs its own (with the user's
// globs, .aiignore and markers) on activation; before that, the built-in deny-list and default markers.
let fallback: DocumentPrivacy | undefined;
let installed: DocumentPrivacy | undefined;

export function useDocumentPrivacy(judge: DocumentPrivacy | undefined): void {
  installed = judge;
}

export function currentDocumentPrivacy(): DocumentPrivacy {
  if (installed) return installed;
  if (!fallback) {
    const rules: KeyedRules = {
      pathPolicy: createPathPolicy({ privateGlobs: [] }), markers: DEFAULT_SETTINGS['privacy.markers'],
      key: `defaults:${DEFAULT_PRIVATE_GLOBS.length}`,
    };
    fallback = new DocumentPrivacy(() => rules);
  }
  return fallback;
}
