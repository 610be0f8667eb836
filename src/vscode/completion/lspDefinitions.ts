// Definitions from the language server (VS Code's definition provider) for the identifiers typed just before the
// cursor, when one is installed: the lookup runs in the background and the next request uses what it found, so
// the keystroke path never waits for it. A definition in a private file (path rules, .aiignore, a marker in the
// file) or outside the workspace is remembered as "nothing" and never reaches the prompt.

import * as vscode from 'vscode';
import type { Snippet } from '../../core/completion';

const MAX_NAMES = 4;
const MAX_CACHE = 500;
const IDENT = /[A-Za-z_$][\w$]*/g;
const KEYWORDS = new Set(['const', 'let', 'var', 'return', 'function', 'class', 'new', 'if', 'else', 'for', 'while', 'await', 'async', 'import', 'export', 'from', 'this', 'true', 'false', 'null', 'undefined', 'def', 'self', 'type', 'interface']);

export interface LspPrivacy {
  isPrivate(relPath: string): boolean;
  isPrivateContent(text: string): boolean;
}

export class LspDefinitions {
  private readonly known = new Map<string, Snippet | null>();
  private readonly pending = new Set<string>();

  constructor(private readonly privacy: LspPrivacy) {}

  collect(doc: vscode.TextDocument, pos: vscode.Position): Snippet[] {
    const line = doc.lineAt(pos.line).text.slice(0, pos.character);
    const names = [...line.matchAll(IDENT)].filter((m) => !KEYWORDS.has(m[0]) && m[0].length > 1).slice(-MAX_NAMES).reverse();
    const out: Snippet[] = [];
    for (const m of names) {
      const key = `${doc.languageId}:${m[0]}`;
      const hit = this.known.get(key);
      if (hit) out.push(hit);
      else if (hit === undefined && !this.pending.has(key)) void this.lookup(key, doc, new vscode.Position(pos.line, m.index));
    }
    return out;
  }

  private async lookup(key: string, doc: vscode.TextDocument, at: vscode.Position): Promise<void> {
    this.pending.add(key);
    let found: Snippet | null = null;
    try {
      const locs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, at);
      const loc = (locs ?? []).map((l) => ('targetUri' in l ? { uri: l.targetUri, line: l.targetRange.start.line } : { uri: l.uri, line: l.range.start.line }))
        // Only files of the workspace: the privacy rules (.aiignore, path globs) are written for it, and the repo
        // map leaves out whatever lies outside it too (a library's .d.ts, a sibling checkout reached by a path).
        .find((l) => l.uri.scheme === 'file' && l.uri.toString() !== doc.uri.toString() && vscode.workspace.getWorkspaceFolder(l.uri) !== undefined);
      if (loc) {
        const rel = vscode.workspace.asRelativePath(loc.uri, false);
        const target = await vscode.workspace.openTextDocument(loc.uri);
        if (!this.privacy.isPrivate(rel) && !this.privacy.isPrivateContent(target.getText())) {
          found = { path: rel, text: target.lineAt(loc.line).text.trim().slice(0, 160) };
        }
      }
    } catch {
      found = null; // no language server, or it failed: the repo index still answers
    } finally {
      this.pending.delete(key);
    }
    if (this.known.size >= MAX_CACHE) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, found);
  }
}
