import * as vscode from 'vscode';
import type { Snippet } from '../../core/completion';

/** Files whose contents must never feed a completion (after Continue's `isSecurityConcern`). */
const SENSITIVE_FILE = /(?:^|[\\/])(?:\.env(?:\.[^\\/]*)?|[^\\/]*\.(?:env|pem|key|p12|pfx|crt|cer|jks|keystore))$/i;

export function isSensitiveDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && SENSITIVE_FILE.test(doc.uri.fsPath);
}

// The prefix/suffix handed to the engine start and end on line numbers rounded to a block of lines, so they stay
// byte-identical while the user types within a block — which the engine's typed-ahead and reuse checks rely on.
const BLOCK = 100;
const PREFIX_LINES = 300;
const SUFFIX_LINES = 100;

export function prefixSuffix(doc: vscode.TextDocument, pos: vscode.Position): { prefix: string; suffix: string } {
  const startLine = Math.max(0, Math.floor((pos.line - PREFIX_LINES) / BLOCK) * BLOCK);
  const endLine = Math.min(doc.lineCount - 1, Math.ceil((pos.line + SUFFIX_LINES) / BLOCK) * BLOCK);
  const end = doc.lineAt(endLine).range.end;
  return {
    prefix: doc.getText(new vscode.Range(new vscode.Position(startLine, 0), pos)),
    suffix: doc.getText(new vscode.Range(pos, end)),
  };
}

const SNIPPET_LINES = 40;
const MAX_SNIPPETS = 3;

/** Recently edited places in other files, then what is visible in other editors — as plain data for the core. */
export class SnippetSource implements vscode.Disposable {
  private readonly edits: Array<{ uri: string; line: number }> = [];
  private readonly sub: vscode.Disposable;

  /**
   * `isPrivate`: the privacy rules (paths, .aiignore, markers) — a private file feeds no prompt, not even the local
   * one. It is the shared judge, cached by document version and rules, so a rule added later applies at once.
   */
  constructor(private readonly isPrivate: (doc: vscode.TextDocument) => boolean) {
    this.sub = vscode.workspace.onDidChangeTextDocument((e) => {
      const change = e.contentChanges[0];
      if (!change || e.document.uri.scheme !== 'file' || isSensitiveDocument(e.document)) return;
      const uri = e.document.uri.toString();
      const i = this.edits.findIndex((x) => x.uri === uri);
      if (i >= 0) this.edits.splice(i, 1);
      this.edits.unshift({ uri, line: change.range.start.line });
      this.edits.length = Math.min(this.edits.length, 10);
    });
  }

  collect(current: vscode.TextDocument): Snippet[] {
    const out: Snippet[] = [];
    const seen = new Set<string>([current.uri.toString()]);
    const docs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const e of this.edits) {
      if (out.length >= MAX_SNIPPETS) break;
      const doc = docs.get(e.uri);
      if (!doc || seen.has(e.uri) || this.isPrivate(doc)) continue;
      seen.add(e.uri);
      out.push(around(doc, e.line));
    }
    for (const editor of vscode.window.visibleTextEditors) {
      if (out.length >= MAX_SNIPPETS) break;
      const doc = editor.document;
      const uri = doc.uri.toString();
      if (seen.has(uri) || isSensitiveDocument(doc) || doc.uri.scheme === 'output' || this.isPrivate(doc)) continue;
      seen.add(uri);
      const visible = editor.visibleRanges[0];
      out.push(around(doc, visible ? visible.start.line + SNIPPET_LINES / 2 : 0));
    }
    return out;
  }

  dispose(): void {
    this.sub.dispose();
  }
}

function around(doc: vscode.TextDocument, line: number): Snippet {
  const start = Math.max(0, line - SNIPPET_LINES / 2);
  const end = Math.min(doc.lineCount - 1, start + SNIPPET_LINES);
  return { path: vscode.workspace.asRelativePath(doc.uri), text: doc.getText(new vscode.Range(start, 0, end, doc.lineAt(end).text.length)) };
}
