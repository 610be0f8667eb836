import * as vscode from 'vscode';
import type { LedgerRecord } from '../core/request';
import type { HybridSettings } from '../core/settings';
import type { OtlpSpend } from '../core/team/otlpExport';
import { Disposable } from './disposable';

/**
 * Sends each ledger record as GenAI metrics to the collector in `hybrid.telemetry.otlpEndpoint` — only while that
 * setting is set (off by default). The SDK is loaded on first use, never on activation.
 */
export class OtlpSpendExport extends Disposable {
  private current: { endpoint: string; userId: string; otel: Promise<OtlpSpend> } | undefined;

  constructor(
    private readonly settings: () => HybridSettings,
    onDidRecord: vscode.Event<LedgerRecord>,
    onDidChangeSettings: vscode.Event<HybridSettings>,
    private readonly version: string,
    private readonly warn: (message: string) => void,
  ) {
    super();
    this.register(onDidRecord((r) => void this.exporter()?.then((o) => o.record(r), () => undefined)));
    this.register(onDidChangeSettings(() => void this.exporter()));
    this.register({ dispose: () => void this.stop() });
  }

  /** Sends what is pending now (tests; the periodic reader sends every minute otherwise). */
  async flush(): Promise<void> {
    await (await this.exporter())?.flush();
  }

  private exporter(): Promise<OtlpSpend> | undefined {
    const s = this.settings();
    const endpoint = s['telemetry.otlpEndpoint'];
    const userId = s['telemetry.userId'];
    if (this.current && (this.current.endpoint !== endpoint || this.current.userId !== userId)) void this.stop();
    if (!endpoint) return undefined;
    if (!this.current) {
      const otel = import('../core/team/otlpExport').then((m) => m.createOtlpSpend({ endpoint, userId: userId || undefined, serviceVersion: this.version, log: (msg) => this.warn(msg) }));
      otel.catch((err: unknown) => this.warn(`OpenTelemetry export is off: ${err instanceof Error ? err.message : String(err)}`));
      this.current = { endpoint, userId, otel };
    }
    return this.current.otel;
  }

  private async stop(): Promise<void> {
    const c = this.current;
    this.current = undefined;
    await c?.otel.then((o) => o.shutdown(), () => undefined);
  }
}
