// VS Code face of the one local-health state machine (core/route/localHealth.ts): an event for the status bar and
// the chat view, and disposal with the extension. All decisions live in the core.
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { LocalHealthMonitor, type LocalHealthReport } from '../core/route/localHealth';
import { Disposable } from './disposable';

export type { LocalHealthReport } from '../core/route/localHealth';

export class LocalHealth extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<LocalHealthReport>());
  readonly onDidChange = this.changed.event;
  /** The state machine itself: request paths (inline completion) report their outcomes to it. */
  readonly monitor: LocalHealthMonitor;

  constructor(probe: () => Promise<LocalHealthReport>, logger: Logger, notify: (report: LocalHealthReport) => void) {
    super();
    this.monitor = new LocalHealthMonitor({ probe, logger, notify, onChange: (r) => this.changed.fire(r) });
    this.register(this.monitor);
  }

  get current(): LocalHealthReport {
    return this.monitor.current;
  }

  start(delayMs?: number): void {
    this.monitor.start(delayMs);
  }

  /** A request needed the local model and failed, or the user asked to check: look again now. */
  recheck(userAsked = true): Promise<void> {
    return this.monitor.recheck(userAsked);
  }
}
