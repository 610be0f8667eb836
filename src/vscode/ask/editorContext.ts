import * as vscode from 'vscode';
import { lineSpan } from '../../core/context/lineSpan';
import { withFilePrivacy } from '../../core/privacy/filePrivacy';
import type { ContextItem } from '../../core/request';
import { contextPath } from '../privacy/contextPath';
import { currentDocumentPrivacy, type DocumentPrivacy } from '../privacy/documentPrivacy';

/** Largest file we attach whole; bigger files contribute only the visible range. */
const WHOLE_FILE_LIMIT = 200_000;

/**
 * The selection, else the whole file when it is small, else its visible range: the one rule for commands and the
 * chat box — each part marked with its whole file's privacy (a marker above the selection makes the selection private).
 */
export function editorContext(editor: vscode.TextEditor | undefined, privacy: DocumentPrivacy = currentDocumentPrivacy()): ContextItem[] {
  if (!editor) return [];
  const doc = editor.document;
  const path = contextPath(doc.uri);
  const verdict = privacy.judge(doc, path);
  const base = { path: doc.isUntitled ? 'untitled' : path, language: doc.languageId };
  const item = (source: ContextItem['source'], text: string, firstLine: number): ContextItem[] =>
    [withFilePrivacy({ ...base, source, text, ...lineSpan(text, firstLine) }, verdict)];
  const sel = editor.selection;
  if (!sel.isEmpty) return item('selection', doc.getText(sel), sel.start.line + 1);
  const text = doc.getText();
  if (text.length <= WHOLE_FILE_LIMIT && doc.lineCount <= 2000) return text.trim() ? item('file', text, 1) : [];
  const visible = editor.visibleRanges[0];
  if (!visible) return [];
  return item('visible', doc.getText(visible), visible.start.line + 1);
}

export { contextPath } from '../privacy/contextPath';

/** What `editorContext` takes, in words, for the chat box's context line ("src/cart.ts, lines 3–9 (selection)"). */
export function describeEditorContext(editor: vscode.TextEditor | undefined): string {
  if (!editor) return 'none (no text editor is active)';
  const [item] = editorContext(editor);
  if (!item) return `none (${contextPath(editor.document.uri)} is empty)`;
  const what = item.source === 'selection' ? 'the selection' : item.source === 'visible' ? 'the visible part' : 'the whole file';
  return `${item.path}, lines ${item.startLine}–${item.endLine} (${what})`;
}
