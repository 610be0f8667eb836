import * as vscode from 'vscode';
import type { AskInput } from '../../core/pipeline/ask';
import type { AskEvent, AskMode } from '../../core/pipeline/events';
import { parseReviewFindings } from '../../core/pipeline/reviewFindings';
import { retryOf, type TurnReplay } from '../../core/pipeline/turnReplay';
import type { Origin } from '../../core/request';
import type { ChatViewProvider } from '../chat/ChatViewProvider';
import type { ConfigService } from '../config';
import type { DocumentPrivacy } from '../privacy/documentPrivacy';
import type { AskService } from './askService';
import { editorContext } from './editorContext';
import { lineRange } from '../../shared/lineRange';

const ORIGIN: Record<AskMode, Origin> = { auto: 'askAuto', private: 'askPrivate', cloud: 'askCloud' };
const PLACEHOLDER: Record<AskMode, string> = {
  auto: 'Ask anything — routed to the local model or the cloud, with the reason shown',
  private: 'Ask the local model — nothing leaves this machine',
  cloud: 'Ask the cloud model — secrets and personal data are redacted first',
};

export const REVIEW_SOURCE = 'Hybrid review';

interface ReviewTarget { uri: vscode.Uri; range: { startLine: number; endLine: number } }
/** What a palette turn needs to run again; a review also knows where its diagnostics go. */
interface PaletteTurn extends TurnReplay { review?: ReviewTarget }

/** The palette/context-menu commands that ask something; their answers stream into the chat view. */
export class AskCommands implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('hybrid-review');

  constructor(
    private readonly asker: AskService,
    private readonly documents: DocumentPrivacy,
    private readonly config: ConfigService,
    private readonly chat: Pick<ChatViewProvider, 'runExternal'>,
  ) {}

  register(): vscode.Disposable[] {
    return [
      this.diagnostics,
      vscode.commands.registerCommand('hybrid.ask', (q?: string) => this.ask('auto', q)),
      vscode.commands.registerCommand('hybrid.askPrivate', (q?: string) => this.ask('private', q)),
      vscode.commands.registerCommand('hybrid.askCloud', (q?: string) => this.ask('cloud', q)),
      vscode.commands.registerCommand('hybrid.reviewSelection', () => this.review()),
      vscode.commands.registerCommand('hybrid.explainRoute', (q?: string) => this.explain(q)),
    ];
  }

  /** `question` may be passed by other commands and tests; otherwise the user is asked. */
  async ask(mode: AskMode, question?: string): Promise<void> {
    const q = question ?? await vscode.window.showInputBox({ title: `Hybrid: Ask${mode === 'auto' ? '' : ` (${mode})`}`, placeHolder: PLACEHOLDER[mode], ignoreFocusOut: true });
    if (!q?.trim()) return;
    const input: AskInput = { origin: ORIGIN[mode], kind: 'ask', question: q.trim(), context: editorContext(vscode.window.activeTextEditor, this.documents) };
    await this.run({ title: q.trim(), mode, input });
  }

  async explain(question?: string): Promise<void> {
    const q = question ?? await vscode.window.showInputBox({
      title: 'Hybrid: Explain Route', placeHolder: 'The question you would ask (nothing is sent)', ignoreFocusOut: true,
    });
    if (q === undefined) return;
    const input: AskInput = {
      origin: 'explainRoute', kind: 'ask', question: q.trim() || 'Explain this code.',
      context: editorContext(vscode.window.activeTextEditor, this.documents), dryRun: true,
    };
    await this.run({ title: q.trim() || '(no question: route of the selection)', mode: 'explain', input });
  }

  async review(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(noTextEditorMessage());
      return;
    }
    const context = editorContext(editor, this.documents);
    if (!context.length) {
      void vscode.window.showInformationMessage('Hybrid: nothing to review — the file is empty.');
      return;
    }
    const input: AskInput = { origin: 'review', kind: 'review', question: 'Review this code.', context };
    const range = { startLine: context[0].startLine ?? 1, endLine: context[0].endLine ?? editor.document.lineCount };
    const target: ReviewTarget = { uri: editor.document.uri, range };
    // A long file is reviewed as far as it shows on screen; a one-line bundle's "1–1" would read as all of it.
    const part = context[0].source === 'visible' ? ' (visible part)' : '';
    await this.run({ title: `Review ${context[0].path}:${lineRange(range.startLine, range.endLine)}${part}`, mode: 'review', input, review: target });
  }

  /** Turns the review's answer into diagnostics on the reviewed file, replacing what an earlier run of it set. */
  private async showFindings(target: ReviewTarget, answer: string): Promise<void> {
    if (!this.config.settings['review.diagnostics']) return;
    const doc = await vscode.workspace.openTextDocument(target.uri);
    const findings = parseReviewFindings(answer, target.range);
    this.diagnostics.set(target.uri, findings.map((f) => {
      const start = Math.min(f.line - 1, doc.lineCount - 1);
      const end = Math.min(f.endLine - 1, doc.lineCount - 1);
      const d = new vscode.Diagnostic(new vscode.Range(start, 0, end, doc.lineAt(end).text.length), f.message,
        f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
      d.source = REVIEW_SOURCE;
      return d;
    }));
  }

  /**
   * Runs a palette turn into the chat view. Its Retry reruns that turn — with its own kind, origin, question and
   * context, never the command that ran last; `onLocal` forces the private tier ("Retry on local"). A rerun review
   * replaces that review's diagnostics.
   */
  private async run(turn: PaletteTurn): Promise<void> {
    const abort = new AbortController();
    const asker = this.asker;
    let answer = '';
    let ok = false;
    async function* events(): AsyncGenerator<AskEvent, void, void> {
      for await (const e of asker.ask(turn.input, abort.signal)) {
        if (e.type === 'delta') answer += e.text;
        if (e.type === 'done') ok = e.status === 'ok';
        yield e;
      }
    }
    await this.chat.runExternal(turn.title, turn.mode, events(), abort, (onLocal) => this.run({ ...retryOf(turn, onLocal), review: turn.review }));
    if (ok && turn.review) await this.showFindings(turn.review, answer);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}

/**
 * Why a review has nothing to read. An image or binary file in the active tab is no text editor: "open a file" would
 * tell a user who has one open to do what they did.
 */
function noTextEditorMessage(): string {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input && typeof input === 'object' && 'uri' in input ? (input as { uri: unknown }).uri : undefined;
  if (uri instanceof vscode.Uri) {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return `Hybrid: ${name} is not open as text (a binary file or an image), so there is nothing to review — open a source file, optionally select code, and run Review Selection (private) again.`;
  }
  return 'Hybrid: open a file (and optionally select code) to review it privately.';
}
