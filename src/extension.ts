// Composition root: builds the services, registers commands, views and providers, and gives every disposable an
// owner. Nothing heavy runs here — providers, tiktoken and the ledger are created on first use or after activation.
import * as vscode from 'vscode';
import { ApiKeys } from './vscode/apiKeys';
import { contextPath } from './vscode/ask/editorContext';
import { AskCommands } from './vscode/ask/askCommands';
import { threadStore } from './vscode/chat/threadFile';
import { ChatViewProvider } from './vscode/chat/ChatViewProvider';
import { registerInlineCompletion } from './vscode/completion';
import { completionDefinitions } from './vscode/completion/definitions';
import { judgeFile } from './core/privacy/filePrivacy';
import { DEFAULT_ENGINE_OPTIONS } from './core/completion';
import { completionSettings } from './core/team/gatewayCompletion';
import { ConfigService, warnSettingsProblems } from './vscode/config';
import { LocalHealth } from './vscode/health';
import { HybridChatHost } from './vscode/hybridChatHost';
import { createLogger } from './vscode/logger';
import { AskService } from './vscode/ask/askService';
import { ProviderRegistry } from './vscode/providerRegistry';
import { WorkspacePrivacy } from './vscode/privacy/workspacePrivacy';
import { SpendPanel } from './vscode/spend/SpendPanel';
import { SpendStore } from './vscode/spendStore';
import { OtlpSpendExport } from './vscode/otlpSpend';
import { StatusBar } from './vscode/statusBar';
import { bindStatusBar, notifyLocalProblem, probeLocal } from './vscode/wiring';
import { watchDeprecatedModels } from './vscode/modelWarnings';
import { AiignoreWatch } from './vscode/aiignore';
import { registerTestApi, type TestApi } from './vscode/testApi';
import { createCodebaseContext } from './vscode/context/wire';
import { useDocumentPrivacy } from './vscode/privacy/documentPrivacy';
import { registerNativeChat } from './vscode/native';
import type { NativeSupport } from './vscode/native/features';

/** What activate() returns. `test` is present only when HYBRID_TEST=1 (the integration tiers read state through it). */
export interface HybridApi {
  activationMs: number;
  test?: TestApi;
  chatView?: ChatViewProvider;
  /** Which of VS Code's own Chat surfaces (`@hybrid`, the model picker) this editor has and we registered. */
  nativeChat?: NativeSupport;
}

export function activate(context: vscode.ExtensionContext): HybridApi {
  const t0 = performance.now();
  const api: HybridApi = { activationMs: 0 };
  const { logger, channel } = createLogger();
  const subs = context.subscriptions;
  subs.push(channel);
  try {
    // Built in dependency order and handed in through constructors: nothing is assigned from outside afterwards.
    const warn = (m: string) => { logger.warn(m); void vscode.window.showWarningMessage(`Hybrid: ${m}`); };
    const config = new ConfigService((problems) => warnSettingsProblems(problems, (m) => logger.warn(m)));
    const keys = new ApiKeys(context.secrets);
    const spend = new SpendStore(context.globalStorageUri.fsPath, context.globalState, () => config.settings, logger, warn);
    const aiignore = new AiignoreWatch(logger);
    const privacy = new WorkspacePrivacy(config, aiignore);
    useDocumentPrivacy(privacy.documents);
    const providers = new ProviderRegistry(context.extensionPath, config, keys, logger);
    const health: LocalHealth = new LocalHealth(() => probeLocal(config, providers), logger, (r) => notifyLocalProblem(r, () => health));
    const codebase = createCodebaseContext(context, { config, providers, privacy, logger });
    const confirm = async (m: string) => (await vscode.window.showWarningMessage(m, { modal: true }, 'Send')) === 'Send';
    const asker = new AskService({ config, providers, privacy, spend, localHealth: () => health.current, freshenLocal: () => health.monitor.freshen(), addContext: codebase.addContext, confirm });
    const chatHost = new HybridChatHost({ asker, documents: privacy.documents, keys, config, health, showLogs: () => channel.show() });
    const threadDir = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
    const chatView = new ChatViewProvider(context.extensionUri, chatHost, threadStore(threadDir, context.workspaceState, 'hybrid.chatThread', (m) => logger.warn(m)));
    const ask = new AskCommands(asker, privacy.documents, config, chatView);
    const statusBar = new StatusBar();
    const otlp = new OtlpSpendExport(() => config.settings, spend.onDidRecord, config.onDidChange,
      String((context.extension as { packageJSON?: { version?: unknown } } | undefined)?.packageJSON?.version ?? ''), (m) => logger.warn(m));
    subs.push(config, keys, spend, aiignore, providers, health, codebase.index, asker, chatHost, chatView, ask, statusBar, otlp);
    closeLedger = () => spend.close();

    subs.push(
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewType, chatView),
      vscode.window.registerWebviewPanelSerializer(SpendPanel.viewType, {
        deserializeWebviewPanel: async (panel) => { SpendPanel.revive(panel, context.extensionUri, spend); },
      }),
      ...ask.register(),
      registerInlineCompletion({
        provider: () => providers.fim(), settings: () => completionSettings(config.settings), record: (r) => void spend.record(r), logger,
        health: health.monitor, onDidChangeSettings: config.onDidChange,
        // The one whole-file judge, cached by document version (never a full scan per keystroke).
        isPrivateDocument: (doc) => privacy.documents.judge(doc, contextPath(doc.uri)).private,
        definitions: completionDefinitions({
          index: codebase.index, isPrivatePath: (p) => privacy.pathPolicy().isPrivate(p).private,
          // The same whole-file judge as every other context (path rules are applied by isPrivatePath).
          isPrivateContent: (text) => judgeFile(undefined, text, { pathPolicy: privacy.pathPolicy(), markers: config.settings['privacy.markers'] }).private,
          contentRulesKey: () => JSON.stringify(config.settings['privacy.markers']),
          maxTokens: () => DEFAULT_ENGINE_OPTIONS.definitionTokens, logger,
        }),
        inform: (m) => void vscode.window.showInformationMessage(`Hybrid: ${m}`),
        // One status bar item: completion's on/off and model loading join the main item; outages show there too.
        onStatus: (st) => statusBar.update({ completionEnabled: st.enabled, completionLoading: st.loading, completionLoadFailed: st.loadFailed }),
      }),
      vscode.commands.registerCommand('hybrid.setApiKey', () => keys.promptAndStore()),
      vscode.commands.registerCommand('hybrid.clearApiKey', () => keys.promptAndClear()),
      vscode.commands.registerCommand('hybrid.showSpend', () => { SpendPanel.createOrShow(context.extensionUri, spend); }),
      vscode.commands.registerCommand('hybrid.newChat', () => chatView.newChat()),
      vscode.commands.registerCommand('hybrid.checkLocal', async () => {
        providers.local().clearModelCache?.();
        await health.recheck();
        // All well is a passing confirmation (as a saved key is); a problem stays until read.
        if (health.current.state === 'ready') vscode.window.setStatusBarMessage(`$(check) Hybrid: ${health.current.message}`, 5000);
        // Still down: the same notice as the outage's, with its fix as a button (Pull in Terminal, Check Again).
        else notifyLocalProblem(health.current, () => health);
      }),
      vscode.commands.registerCommand('hybrid.showLogs', () => channel.show()),
      ...bindStatusBar(statusBar, { spend, providers, asker, config, health }),
      config.onDidChange(() => void health.recheck(false)),
      watchDeprecatedModels(() => config.settings, config.onDidChange, (m) => logger.warn(m)),
    );
    const native = registerNativeChat({ asker, config, spend, providers, memory: context.workspaceState }, context.extensionUri, logger);
    subs.push(...native.disposables);
    api.nativeChat = native.support;
    if (process.env.HYBRID_TEST === '1') {
      api.test = registerTestApi(context, { statusBar, spend, providers, health, chatView, otlp });
      api.chatView = chatView;
    }
    // Off the activation path: first health check and the ledger load.
    health.start();
    setTimeout(() => void spend.load(), 0);
  } catch (err) {
    logger.error(err instanceof Error ? err : String(err));
    void vscode.window.showErrorMessage(`Hybrid Assistant failed to start: ${err instanceof Error ? err.message : String(err)}`, 'Show Logs')
      .then((pick) => pick && channel.show());
  }
  api.activationMs = performance.now() - t0;
  logger.info(`activated in ${api.activationMs.toFixed(1)} ms`);
  return api;
}

let closeLedger: (() => Promise<void>) | undefined;

/** Flushes pending ledger appends before the host goes away (VS Code waits for the returned promise). */
export function deactivate(): Promise<void> | undefined {
  return closeLedger?.();
}
