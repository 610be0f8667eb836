// Definitions for the completion prompt from the repo index (the one the repo map uses): files that are private by
// path, .aiignore or marker are not in the index and are asked about again here, so they contribute nothing.
// The keystroke path only reads the index in memory; building or refreshing it happens in the background, at most
// once a minute, and a request meanwhile goes without definitions.

import * as vscode from 'vscode';
import { definitionSnippets, type DefinitionSource } from '../../core/completion/definitions';
import type { Snippet } from '../../core/completion';
import type { RepoIndex } from '../../core/context';
import type { Logger } from '../../core/ports';
import { LspDefinitions } from './lspDefinitions';

export interface IndexAccess {
  /** Builds (first time) or refreshes the index with today's privacy rules. */
  refresh(): Promise<RepoIndex | undefined>;
  isPrivate(relPath: string): boolean;
}

const REFRESH_MS = 60_000;
/** The top of the file where its imports are. */
const HEAD_LINES = 200;
const AROUND_LINES = 80;

export class CompletionDefinitions {
  private index: RepoIndex | undefined;
  private mentions: Map<string, number> | undefined;
  private refreshedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly access: IndexAccess, private readonly maxTokens: () => number, private readonly logger: Logger) {}

  collect(doc: vscode.TextDocument, pos: vscode.Position): Snippet[] {
    this.maybeRefresh();
    const index = this.index;
    if (!index || doc.uri.scheme !== 'file') return [];
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    const text = (from: number, to: number): string => doc.getText(new vscode.Range(Math.max(0, from), 0, Math.min(doc.lineCount - 1, to), 0));
    const src: DefinitionSource = {
      defsIn: (p) => index.files.get(p)?.defs,
      popularity: (name) => this.popularity(index, name),
    };
    const before = doc.getText(new vscode.Range(new vscode.Position(Math.max(0, pos.line - AROUND_LINES), 0), pos));
    const after = doc.getText(new vscode.Range(pos, new vscode.Position(Math.min(doc.lineCount - 1, pos.line + 20), 0)));
    return definitionSnippets(
      { path: rel, languageId: doc.languageId, head: text(0, Math.min(HEAD_LINES, pos.line)), prefix: before, suffix: after },
      src, { maxTokens: this.maxTokens(), isPrivate: (p) => this.access.isPrivate(p) },
    );
  }

  private popularity(index: RepoIndex, name: string): number {
    if (!this.mentions) {
      this.mentions = new Map();
      for (const f of index.files.values()) for (const n of Object.keys(f.refs)) this.mentions.set(n, (this.mentions.get(n) ?? 0) + 1);
    }
    return this.mentions.get(name) ?? 0;
  }

  private maybeRefresh(): void {
    const now = Date.now();
    if (this.refreshing || now - this.refreshedAt < REFRESH_MS) return;
    this.refreshedAt = now;
    this.refreshing = this.access.refresh()
      .then((index) => { this.index = index; this.mentions = undefined; })
      .catch((err: unknown) => this.logger.warn(`completion: no definitions (index unavailable: ${err instanceof Error ? err.message : String(err)})`))
      .finally(() => { this.refreshing = undefined; });
  }
}

export interface DefinitionWiring {
  index: { current(rules: { isPrivate(p: string): boolean; isPrivateContent(text: string): boolean; contentRulesKey: string }): Promise<RepoIndex | undefined> };
  isPrivatePath(relPath: string): boolean;
  /** The one whole-file judge on a file's text (core/privacy/filePrivacy.ts judgeFile: markers, look-alikes, size). */
  isPrivateContent(text: string): boolean;
  /** Changes when the content rules do (the index re-judges its files then). */
  contentRulesKey(): string;
  maxTokens(): number;
  logger: Logger;
}

/** The `definitions` port of inline completion over the shared repo index, with the same privacy rules as the map. */
export function completionDefinitions(w: DefinitionWiring): (doc: vscode.TextDocument, pos: vscode.Position) => Snippet[] {
  const defs = new CompletionDefinitions({
    refresh: () => w.index.current({ isPrivate: w.isPrivatePath, isPrivateContent: w.isPrivateContent, contentRulesKey: w.contentRulesKey() }),
    isPrivate: w.isPrivatePath,
  }, w.maxTokens, w.logger);
  const lsp = new LspDefinitions({ isPrivate: w.isPrivatePath, isPrivateContent: w.isPrivateContent, contentRulesKey: w.contentRulesKey });
  // The language server's answer for what is typed at the cursor first, then the index's ranked imports.
  return (doc, pos) => {
    const fromLsp = lsp.collect(doc, pos);
    const fromIndex = defs.collect(doc, pos);
    const seen = new Set(fromLsp.map((s) => s.text));
    return [...fromLsp, ...fromIndex.map((s) => ({ ...s, text: s.text.split('\n').filter((l) => !seen.has(l)).join('\n') })).filter((s) => s.text)];
  };
}
