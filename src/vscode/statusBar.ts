import * as vscode from 'vscode';
import { statusText, type StatusState } from '../core/presentation/statusText';
import { Disposable } from './disposable';

/** The one status bar item. All wording comes from the pure `statusText`; this class only assigns fields. */
export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('hybrid.status', vscode.StatusBarAlignment.Right, 100));
  private state: StatusState = { local: 'unknown', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, demo: process.env.HYBRID_DEMO === '1' };

  constructor() {
    super();
    this.item.name = 'Hybrid Assistant';
    this.render();
    this.item.show();
  }

  update(patch: Partial<StatusState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  get current(): StatusState {
    return this.state;
  }

  private render(): void {
    const view = statusText(this.state);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = { command: view.command.id, title: view.command.title, ...(view.command.args ? { arguments: view.command.args } : {}) };
    this.item.accessibilityInformation = { label: `Hybrid Assistant: ${view.text.replace(/\$\([^)]*\)\s*/g, '')}` };
    this.item.backgroundColor = view.error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
