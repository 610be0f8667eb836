import * as vscode from 'vscode';
import type { AskInput } from '../../core/pipeline/ask';
import type { AskEvent, AskMode } from '../../core/pipeline/events';
import { parseReviewFindings } from '../../core/pipeline/reviewFindings';
import type { Origin } from '../../core/request';
import type { ChatViewProvider } from '../chat/ChatViewProvider';
import type { Services } from '../services';
import { editorContext } from './editorContext';

const ORIGIN: Record<AskMode, Origin> = { auto: 'askAuto', private: 'askPrivate', cloud: 'askCloud' };
const PLACEHOLDER: Record<AskMode, string> = {
  auto: 'Ask anything — routed to the local model or the cloud, with the reason shown',
  private: 'Ask the local model — nothing leaves this machine',
  cloud: 'Ask the cloud model — secrets and personal data are redacted first',
};

export const REVIEW_SOURCE = 'Hybrid review';

/** The palette/context-menu commands that ask something; their answers stream into the chat view. */
export class AskCommands implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('hybrid-review');

  constructor(private readonly services: Services, private readonly chat: ChatViewProvider) {}

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
    const input: AskInput = { origin: ORIGIN[mode], kind: 'ask', question: q.trim(), context: editorContext(vscode.window.activeTextEditor) };
    await this.run(q.trim(), mode, input);
  }

  async explain(question?: string): Promise<void> {
    const q = question ?? await vscode.window.showInputBox({
      title: 'Hybrid: Explain Route', placeHolder: 'The question you would ask (nothing is sent)', ignoreFocusOut: true,
    });
    if (q === undefined) return;
    const input: AskInput = {
      origin: 'explainRoute', kind: 'ask', question: q.trim() || 'Explain this code.',
      context: editorContext(vscode.window.activeTextEditor), dryRun: true,
    };
    await this.run(q.trim() || '(no question: route of the selection)', 'explain', input);
  }

  async review(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Hybrid: open a file (and optionally select code) to review it privately.');
      return;
    }
    const context = editorContext(editor);
    if (!context.length) {
      void vscode.window.showInformationMessage('Hybrid: nothing to review — the file is empty.');
      return;
    }
    const input: AskInput = { origin: 'review', kind: 'review', question: 'Review this code.', context };
    const uri = editor.document.uri;
    const range = { startLine: context[0].startLine ?? 1, endLine: context[0].endLine ?? editor.document.lineCount };
    let answer = '';
    let ok = false;
    await this.run(`Review ${context[0].path}:${range.startLine}-${range.endLine}`, 'review', input, (e) => {
      if (e.type === 'delta') answer += e.text;
      if (e.type === 'done') ok = e.status === 'ok';
    });
    if (!ok || !this.services.settings['review.diagnostics']) return;
    const doc = editor.document;
    const findings = parseReviewFindings(answer, range);
    this.diagnostics.set(uri, findings.map((f) => {
      const start = Math.min(f.line - 1, doc.lineCount - 1);
      const end = Math.min(f.endLine - 1, doc.lineCount - 1);
      const d = new vscode.Diagnostic(new vscode.Range(start, 0, end, doc.lineAt(end).text.length), f.message,
        f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
      d.source = REVIEW_SOURCE;
      return d;
    }));
  }

  /** Runs the last palette request again; `onLocal` forces the private tier ("Retry on local"). */
  async rerun(onLocal: boolean): Promise<void> {
    const last = this.last;
    if (!last) return;
    const input: AskInput = onLocal && last.input.origin !== 'review'
      ? { ...last.input, origin: 'askPrivate', dryRun: false }
      : last.input;
    await this.run(last.title, onLocal && last.mode !== 'review' ? 'private' : last.mode, input, last.tap);
  }

  private last: { title: string; mode: AskMode | 'review' | 'explain'; input: AskInput; tap?: (e: AskEvent) => void } | undefined;

  private async run(title: string, mode: AskMode | 'review' | 'explain', input: AskInput, tap?: (e: AskEvent) => void): Promise<void> {
    this.last = { title, mode, input, tap };
    const abort = new AbortController();
    const services = this.services;
    async function* events(): AsyncGenerator<AskEvent, void, void> {
      for await (const e of services.ask(input, abort.signal)) {
        tap?.(e);
        yield e;
      }
    }
    await this.chat.runExternal(title, mode, events(), abort);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
