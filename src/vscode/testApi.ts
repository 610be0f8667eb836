import * as path from 'node:path';
import * as vscode from 'vscode';
import { statusText } from '../core/presentation/statusText';
import type { LedgerRecord } from '../core/request';
import type { ChatViewProvider } from './chat/ChatViewProvider';
import type { LocalHealth } from './health';
import type { OtlpSpendExport } from './otlpSpend';
import type { ProviderRegistry } from './providerRegistry';
import type { SpendStore } from './spendStore';
import type { StatusBar } from './statusBar';

/** Read-only views of internal state for the integration tiers (only built when HYBRID_TEST=1). */
export interface TestApi {
  statusText(): string;
  statusTooltip(): string;
  records(): readonly LedgerRecord[];
  exportCsv(): Promise<string>;
  localHealth(): string;
  /** What the health state tells the user (the cause and the fix). */
  localHealthMessage(): string;
  recheckLocal(): Promise<void>;
  chatTurns(): unknown[];
  /** Folders whose files must never contain a key or prompt text: global storage (ledger) and the logs. */
  storagePaths(): { globalStorage: string; logs: string };
  /** Sends pending OpenTelemetry metrics now. */
  flushTelemetry(): Promise<void>;
}

export function registerTestApi(
  context: vscode.ExtensionContext,
  parts: { statusBar: StatusBar; spend: SpendStore; providers: ProviderRegistry; health: LocalHealth; chatView: ChatViewProvider; otlp: OtlpSpendExport },
): TestApi {
  context.subscriptions.push(vscode.commands.registerCommand('hybrid.debug.tokenizerSelfTest', async () => {
    const tokens = parts.providers.tokens();
    const count = await tokens.count('Hybrid Assistant counts tokens with tiktoken.', 'gpt-4o');
    return { loadedFrom: path.join(context.extensionPath, 'dist', 'tiktoken_bg.wasm'), count, loaded: tokens.isLoaded() };
  }));
  return {
    statusText: () => statusText(parts.statusBar.current).text,
    statusTooltip: () => statusText(parts.statusBar.current).tooltip,
    records: () => parts.spend.records(),
    exportCsv: () => parts.spend.exportCsv(),
    localHealth: () => parts.health.current.state,
    localHealthMessage: () => parts.health.current.message,
    recheckLocal: () => parts.health.recheck(),
    chatTurns: () => [...parts.chatView.turns],
    flushTelemetry: () => parts.otlp.flush(),
    storagePaths: () => ({ globalStorage: context.globalStorageUri.fsPath, logs: path.dirname(context.logUri.fsPath) }),
  };
}
