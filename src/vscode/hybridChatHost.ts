import * as vscode from 'vscode';
import { settingQuery } from '../core/settingQuery';
import { ollamaDown } from '../shared/ollamaDown';
import type { AskEvent, AskMode } from '../core/pipeline/events';
import type { FixAction } from '../core/wire/types';
import { TurnReplays } from '../core/pipeline/turnReplay';
import type { ChatTurn, ContextItem, Origin } from '../core/request';
import { cloudKeyOwner } from '../core/route/tiers';
import { describeEditorContext, editorContext } from './ask/editorContext';
import { fileMentions } from '../core/context/fileMentions';
import { pickWorkspaceFiles, readAddedFiles } from './chat/addedFiles';
import type { ChatHost, ChatStatus } from './chat/chatHost';
import type { ApiKeys } from './apiKeys';
import type { AskService } from './ask/askService';
import type { ConfigService } from './config';
import type { LocalHealth } from './health';
import type { DocumentPrivacy } from './privacy/documentPrivacy';

export interface ChatHostParts {
  asker: AskService;
  documents: DocumentPrivacy;
  keys: ApiKeys;
  config: ConfigService;
  health: LocalHealth;
  showLogs(): void;
}
import { ollamaPullCommand } from '../core/terminal/ollamaPull';

const ORIGIN: Record<AskMode, Origin> = { auto: 'askAuto', private: 'askPrivate', cloud: 'askCloud' };

/** The chat view's window on the rest of the extension. */
export class HybridChatHost implements ChatHost {
  private readonly statusChanged = new vscode.EventEmitter<ChatStatus>();
  /** The context each chat turn was asked with, so a Retry sends what that turn sent, not today's selection. */
  private readonly contexts = new TurnReplays<ContextItem[]>();

  private readonly subs: vscode.Disposable[];

  constructor(private readonly parts: ChatHostParts) {
    // What the chat view's header shows follows the local server, the key and the settings.
    const refresh = () => void this.fireStatus();
    this.subs = [parts.health.onDidChange(refresh), parts.keys.onDidChange(refresh), parts.config.onDidChange(refresh)];
  }

  async *submit(question: string, mode: AskMode, history: ChatTurn[], signal: AbortSignal, excludePaths?: string[],
    turn?: { id: string; retryOf?: string }, files?: string[]): AsyncIterable<AskEvent> {
    // The commands' rule (editorContext): the selection, else the file. Added files (picker, #file:) come after it
    // and pass the same privacy rules in the pipeline as any other context.
    const earlier = turn?.retryOf ? this.contexts.recall(turn.retryOf) : undefined;
    let selected = earlier;
    if (!selected) {
      const fromEditor = editorContext(vscode.window.activeTextEditor, this.parts.documents);
      const wanted = [...new Set([...(files ?? []), ...fileMentions(question)])];
      const added = wanted.length ? await readAddedFiles(wanted) : { items: [], skipped: [] };
      if (added.skipped.length) yield { type: 'notice', text: `Not attached to the question: ${added.skipped.join('; ')}` };
      const whole = new Set(fromEditor.filter((c) => c.source === 'file').map((c) => c.path));
      selected = [...fromEditor, ...added.items.filter((c) => !whole.has(c.path))];
    }
    const context = excludePaths?.length ? selected.filter((c) => !excludePaths.includes(c.path ?? 'untitled')) : selected;
    if (turn) this.contexts.remember(turn.id, context);
    yield* this.parts.asker.ask({ origin: ORIGIN[mode], kind: 'ask', question, context, history, excludePaths }, signal);
  }

  escalate(question: string, history: ChatTurn[], from: { id: string; band?: 'low' | 'middle' | 'high'; offered?: boolean }, signal: AbortSignal): AsyncIterable<AskEvent> {
    // The editor at the time of the click, by the same rule: the earlier turn's context is not kept in the thread.
    const context = editorContext(vscode.window.activeTextEditor, this.parts.documents);
    return this.parts.asker.ask({ origin: 'askAuto', kind: 'ask', question, context, history, escalateFrom: from }, signal);
  }

  pickFiles(): Promise<string[]> {
    return pickWorkspaceFiles();
  }

  editorContextLabel(): string {
    return describeEditorContext(vscode.window.activeTextEditor);
  }

  /** Fires (at most every 150 ms) when what a question would carry from the editor may have changed. */
  onDidChangeEditorContext(listener: () => void): vscode.Disposable {
    let timer: NodeJS.Timeout | undefined;
    const later = () => { clearTimeout(timer); timer = setTimeout(listener, 150); };
    const subs = [
      vscode.window.onDidChangeActiveTextEditor(later),
      vscode.window.onDidChangeTextEditorSelection(later),
      vscode.window.onDidChangeTextEditorVisibleRanges(later),
    ];
    return new vscode.Disposable(() => { clearTimeout(timer); subs.forEach((d) => d.dispose()); });
  }

  async runFix(action: FixAction, detail?: string): Promise<boolean | void> {
    const s = this.parts.config.settings;
    switch (action) {
      case 'setApiKey': return (await this.parts.keys.promptAndStore(cloudKeyOwner(s).id)) !== undefined;
      case 'openSettings': await vscode.commands.executeCommand('workbench.action.openSettings', settingQuery(detail)); break;
      case 'showLogs': this.parts.showLogs(); break;
      case 'startOllama': {
        const pick = await vscode.window.showInformationMessage(
          `Hybrid: ${ollamaDown(s['local.baseUrl']).text} Then retry.`,
          'Check Again');
        if (pick) await this.parts.health.recheck();
        break;
      }
      case 'pullModel': {
        // `detail` comes from the webview: only a valid model name becomes a command (see core/terminal/ollamaPull).
        let cmd: string;
        try {
          cmd = ollamaPullCommand((detail ?? '').replace(/^\s*ollama\s+pull\s+/, '') || s['local.chatModel']);
        } catch (err) {
          void vscode.window.showErrorMessage(`Hybrid: ${(err as Error).message}`);
          break;
        }
        const terminal = vscode.window.createTerminal('Hybrid: ollama pull');
        terminal.show();
        terminal.sendText(cmd, false); // typed, not run: the user presses Enter
        break;
      }
      // The chat view reruns what it can; a palette turn from before a reload is gone with its command's context.
      case 'retry': case 'retryLocal':
        void vscode.window.showInformationMessage('Hybrid: that answer can no longer be retried here — run the command again.');
        break;
    }
  }

  async insertAtCursor(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) throw new Error('Open a file to insert the code into.');
    await editor.edit((b) => b.replace(editor.selection, code));
  }

  async getStatus(): Promise<ChatStatus> {
    const s = this.parts.config.settings;
    const owner = cloudKeyOwner(s);
    return {
      localHealth: this.parts.health.current.state,
      localModel: s['local.chatModel'],
      cloudProvider: owner.id,
      cloudKeySet: (await this.parts.keys.get(owner.id)) !== undefined,
      cloudModel: s['cloud.model'],
      demo: process.env.HYBRID_DEMO === '1',
    };
  }

  onDidChangeStatus(listener: (status: ChatStatus) => void): vscode.Disposable {
    return this.statusChanged.event(listener);
  }

  async fireStatus(): Promise<void> {
    this.statusChanged.fire(await this.getStatus());
  }

  dispose(): void {
    this.statusChanged.dispose();
    this.subs.forEach((d) => d.dispose());
  }
}
