import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { OutageNotice } from '../core/presentation/outageNotice';
import type { HealthState } from '../core/request';
import { Disposable } from './disposable';

export interface LocalHealthReport {
  state: HealthState['local'];
  message: string;
  /** e.g. `ollama pull qwen2.5-coder:1.5b` when a model is missing. */
  fixCommand?: string;
}

const RECHECK_WHEN_DOWN_MS = 15_000;
/** First re-check after an outage begins; doubles up to RECHECK_WHEN_DOWN_MS, so a server started just after
 * VS Code (a login item, a test harness) is noticed in seconds, and a long outage costs one probe per 15 s. */
const FIRST_RECHECK_WHEN_DOWN_MS = 1_000;
const RECHECK_WHEN_UP_MS = 120_000;

/**
 * Knows whether the local model can answer. Checks once shortly after activation (never on the activation path),
 * then polls slowly while up and faster while down, so it recovers on its own. Shows one notice per outage, and only once the user asked for something local.
 */
export class LocalHealth extends Disposable {
  private report: LocalHealthReport = { state: 'unknown', message: 'Checking the local model…' };
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private downDelayMs = FIRST_RECHECK_WHEN_DOWN_MS;
  private readonly notice = new OutageNotice();
  private readonly changed = this.register(new vscode.EventEmitter<LocalHealthReport>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly probe: () => Promise<LocalHealthReport>,
    private readonly logger: Logger,
    private readonly notify: (report: LocalHealthReport) => void,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  get current(): LocalHealthReport {
    return this.report;
  }

  /** First check a moment after activation finished. */
  start(delayMs = 500): void {
    this.schedule(delayMs);
  }

  /**
   * A request just failed to reach the local model, or the user asked to check: look again now rather than at the
   * next poll. `userAsked` false is the background poll, which never raises the notice on its own.
   */
  recheck(userAsked = true): Promise<void> {
    // A probe already running may be for the old settings (e.g. hybrid.local.baseUrl just changed): run once more
    // after it rather than reporting its stale answer until the next poll.
    if (this.inFlight) {
      this.queued ??= this.inFlight.then(() => { this.queued = undefined; return this.recheck(userAsked); });
      return this.queued;
    }
    this.inFlight = this.run(userAsked).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.isDisposed) return;
    this.timer = setTimeout(() => void this.recheck(false), ms);
  }

  private async run(userAsked: boolean): Promise<void> {
    let next: LocalHealthReport;
    try {
      next = await this.probe();
    } catch (err) {
      next = { state: 'offline', message: `Could not check the local model: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (this.isDisposed) return;
    const prev = this.report;
    this.report = next;
    if (prev.state !== next.state || prev.message !== next.message) {
      this.logger.info(`local health: ${next.state} — ${next.message}`);
      this.changed.fire(next);
    }
    if (this.notice.onReport(next.state, userAsked)) this.notify(next);
    if (next.state === 'ready') {
      this.downDelayMs = FIRST_RECHECK_WHEN_DOWN_MS;
      this.schedule(RECHECK_WHEN_UP_MS);
    } else {
      this.schedule(this.downDelayMs);
      this.downDelayMs = Math.min(this.downDelayMs * 2, RECHECK_WHEN_DOWN_MS);
    }
  }
}
