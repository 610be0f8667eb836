// What the chat view needs from the rest of the extension. The lead's wiring implements it; the view never
// talks to providers, settings or the ledger directly.

import type * as vscode from 'vscode';
import type { AskEvent, AskMode } from '../../core/pipeline/events';
import type { FixAction } from '../../core/wire/types';
import type { ChatTurn } from '../../core/request';
import type { AskEventView, ChatStatus } from '../../shared/protocol/chat';

export type { ChatStatus } from '../../shared/protocol/chat';

export interface ChatHost {
  /**
   * Runs one question through the pipeline; ends with `done` or `error`, and ends early when `signal` aborts.
   * `turn` names the chat turn; a Retry names the turn it repeats, whose context is reused.
   */
  submit(question: string, mode: AskMode, history: ChatTurn[], signal: AbortSignal, excludePaths?: string[],
    turn?: { id: string; retryOf?: string }, files?: string[]): AsyncIterable<AskEvent>;
  /** The workspace files the user picks to add to the next question (workspace-relative). */
  pickFiles?(): Promise<string[]>;
  /** What a question sent now would carry from the editor, in words. */
  editorContextLabel?(): string;
  onDidChangeEditorContext?(listener: () => void): vscode.Disposable;
  /** "Ask the cloud" on a local answer: the question (never the answer) to the cloud, linked in the ledger. */
  escalate?(question: string, history: ChatTurn[], from: { id: string; band?: 'low' | 'middle' | 'high'; offered?: boolean }, signal: AbortSignal): AsyncIterable<AskEvent>;
  /**
   * setApiKey, openSettings, showLogs, …; retry/retryLocal arrive here only for a turn that can no longer be rerun.
   * True when the fix was applied and the same question may now go through (a key was saved).
   */
  runFix(action: FixAction, detail?: string): Promise<boolean | void>;
  /** Rejects with a readable message when there is no editor to insert into. */
  insertAtCursor(code: string): Promise<void>;
  getStatus(): Promise<ChatStatus>;
  onDidChangeStatus(listener: (status: ChatStatus) => void): vscode.Disposable;
}

// Compile-time proof that what the pipeline emits is what the webview protocol declares.
export const askEventFitsProtocol: (e: AskEvent) => AskEventView = (e) => e;
