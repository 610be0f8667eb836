// Definitions from the language server (VS Code's definition provider) for the identifiers typed just before the
// cursor, when one is installed: the lookup runs in the background and the next request uses what it found, so
// the keystroke path never waits for it. A definition in a private file (path rules, .aiignore, a marker in the
// file) or outside the workspace is remembered as "nothing" and never reaches the prompt. What is remembered is
// judged again when it is used: against today's path rules, and looked up afresh once its file or the content
// rules changed (a marker added to the file, a new marker setting), so a file made private stops at once.

import * as vscode from 'vscode';
import type { Snippet } from '../../core/completion';

const MAX_NAMES = 4;
const MAX_CACHE = 500;
const IDENT = /[A-Za-z_$][\w$]*/g;
const KEYWORDS = new Set(['const', 'let', 'var', 'return', 'function', 'class', 'new', 'if', 'else', 'for', 'while', 'await', 'async', 'import', 'export', 'from', 'this', 'true', 'false', 'null', 'undefined', 'def', 'self', 'type', 'interface']);

export interface LspPrivacy {
  isPrivate(relPath: string): boolean;
  isPrivateContent(text: string): boolean;
  /** Changes when the content rules do (markers): every remembered answer is looked up again then. */
  contentRulesKey(): string;
}

/** A definition found, with the version of its file it was read from. */
interface Found { snippet: Snippet; target: vscode.TextDocument; version: number }

export class LspDefinitions {
  private readonly known = new Map<string, Found | null>();
  private readonly pending = new Set<string>();
  private rulesKey: string | undefined;

  constructor(private readonly privacy: LspPrivacy) {}

  collect(doc: vscode.TextDocument, pos: vscode.Position): Snippet[] {
    const rulesKey = this.privacy.contentRulesKey();
    if (rulesKey !== this.rulesKey) { this.known.clear(); this.rulesKey = rulesKey; }
    const line = doc.lineAt(pos.line).text.slice(0, pos.character);
    const names = [...line.matchAll(IDENT)].filter((m) => !KEYWORDS.has(m[0]) && m[0].length > 1).slice(-MAX_NAMES).reverse();
    const out: Snippet[] = [];
    for (const m of names) {
      const key = `${doc.languageId}:${m[0]}`;
      let hit = this.known.get(key);
      // Its file changed since (a marker may have been added), or a path rule now covers it: look again.
      if (hit && (hit.target.version !== hit.version || this.privacy.isPrivate(hit.snippet.path))) { this.known.delete(key); hit = undefined; }
      if (hit) out.push(hit.snippet);
      else if (hit === undefined && !this.pending.has(key)) void this.lookup(key, doc, new vscode.Position(pos.line, m.index));
    }
    return out;
  }

  private async lookup(key: string, doc: vscode.TextDocument, at: vscode.Position): Promise<void> {
    this.pending.add(key);
    let found: Found | null = null;
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
          found = { snippet: { path: rel, text: target.lineAt(loc.line).text.trim().slice(0, 160) }, target, version: target.version };
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
