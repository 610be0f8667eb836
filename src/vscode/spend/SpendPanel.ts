// "Hybrid Assistant: Spend": a singleton editor panel. Ready handshake → full snapshot; every change of the
// source pushes a fresh snapshot (coalesced). Exports go through the host's save dialog, never the webview.

import * as vscode from 'vscode';
import { isFromSpend, type ExportFormat, type FromSpend, type ToSpend } from '../../shared/protocol/spend';
import { webviewHtml, webviewOptions } from '../webviewHtml';
import type { SpendSource } from './spendSource';

export class SpendPanel implements vscode.Disposable {
  static readonly viewType = 'hybrid.spendPanel';
  static readonly title = 'Hybrid Assistant: Spend';
  private static current: SpendPanel | undefined;

  private ready = false;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private sourceListener: vscode.Disposable | undefined;
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private rejected = 0;
  private disposed = false;

  /** Fires each time a freshly loaded page has received its snapshot (tests wait on it). */
  readonly onDidBecomeReady = this.readyEmitter.event;

  static get currentPanel(): SpendPanel | undefined {
    return SpendPanel.current;
  }

  static createOrShow(extensionUri: vscode.Uri, source: SpendSource): SpendPanel {
    const existing = SpendPanel.current;
    if (existing) {
      existing.setSource(source);
      existing.panel.reveal(existing.panel.viewColumn);
      return existing;
    }
    // VS Code restores a panel from the last session lazily (when its tab is first shown): a tab that was never
    // shown has no panel yet. Close it, so the user gets one spend panel, not two.
    void closeUnrevivedTabs();
    const panel = vscode.window.createWebviewPanel(SpendPanel.viewType, SpendPanel.title, vscode.ViewColumn.Active, {
      ...webviewOptions(extensionUri),
      retainContextWhenHidden: false,
    });
    SpendPanel.current = new SpendPanel(panel, extensionUri, source);
    return SpendPanel.current;
  }

  /** For `registerWebviewPanelSerializer`: re-attaches a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, source: SpendSource): SpendPanel {
    SpendPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    SpendPanel.current = new SpendPanel(panel, extensionUri, source);
    return SpendPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri,
    private source: SpendSource) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'hybrid.svg');
    this.render();
    this.setSource(source);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.disposables);
    panel.onDidChangeViewState(() => {
      // Not retained when hidden: the page reloads when shown again and asks for a snapshot with `ready`.
      if (!panel.visible) this.ready = false;
    }, null, this.disposables);
    this.disposables.push(this.readyEmitter);
  }

  get html(): string { return this.panel.webview.html; }
  get isReady(): boolean { return this.ready; }
  get rejectedMessages(): number { return this.rejected; }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SpendPanel.current === this) SpendPanel.current = undefined;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.sourceListener?.dispose();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private setSource(source: SpendSource): void {
    this.sourceListener?.dispose();
    this.source = source;
    this.sourceListener = source.onDidChange(() => this.schedulePush());
    this.schedulePush();
  }

  private render(): void {
    this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, 'spend', SpendPanel.title);
  }

  /** Several requests finishing together produce one snapshot. */
  private schedulePush(): void {
    if (this.pushTimer || this.disposed) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.pushSnapshot();
    }, 150);
  }

  private post(message: ToSpend): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  private pushSnapshot(): void {
    if (!this.ready) return;
    try {
      this.post({ type: 'snapshot', snapshot: this.source.snapshot() });
    } catch (err) {
      // Said in the panel, where the figures should be (with Try again), not in a notification.
      this.post({ type: 'failed', message: errorText(err) });
    }
  }

  private onMessage(raw: unknown): void {
    if (!isFromSpend(raw)) { this.rejected++; return; }
    void this.handle(raw);
  }

  private async handle(m: FromSpend): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.pushSnapshot();
        this.readyEmitter.fire();
        return;
      case 'retry':
        this.pushSnapshot();
        return;
      case 'export':
        this.post({ type: 'reply', id: m.id, ...(await this.export(m.format)) });
        return;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', m.setting);
        return;
    }
  }

  private async export(format: ExportFormat): Promise<{ ok: boolean; message?: string; error?: string }> {
    try {
      const text = await (format === 'csv' ? this.source.exportCsv() : this.source.exportJson());
      const name = `hybrid-spend-${new Date().toISOString().slice(0, 10)}.${format}`;
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = await vscode.window.showSaveDialog({
        defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
        filters: format === 'csv' ? { 'CSV': ['csv'] } : { 'JSON': ['json'] },
        saveLabel: 'Export',
        title: `Export spend as ${format.toUpperCase()}`,
      });
      if (!uri) return { ok: false, error: 'Export cancelled.' };
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return { ok: true, message: `Saved ${vscode.workspace.asRelativePath(uri)}` };
    } catch (err) {
      return { ok: false, error: `Export failed: ${errorText(err)}` };
    }
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

async function closeUnrevivedTabs(): Promise<void> {
  const stale = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(SpendPanel.viewType));
  if (stale.length) await vscode.window.tabGroups.close(stale).then(undefined, () => undefined);
}
