// The VS Code side of inline completion: an InlineCompletionItemProvider for every language that hands the
// cursor's surroundings to the core engine, wires VS Code's cancellation to a real AbortController, tags each
// item with an acceptance command, and turns health changes into one notice per outage plus a status state.

import * as vscode from 'vscode';
import { CompletionEngine, type CompletionHealth, type EngineOptions } from '../../core/completion';
import type { Logger } from '../../core/ports';
import type { FimProvider, FixAction } from '../../core/providers/types';
import type { LedgerRecord } from '../../core/request';
import type { HybridSettings } from '../../core/settings';
import { SnippetSource, isSensitiveDocument, prefixSuffix } from './context';

export const ACCEPTED_COMMAND = 'hybrid.completion.accepted';
export const TOGGLE_COMMAND = 'hybrid.toggleCompletion';

export interface CompletionNotice {
  /** One sentence naming the cause and the fix, e.g. "… run `ollama pull qwen2.5-coder:1.5b`". */
  message: string;
  fix?: FixAction;
  /** The command to run, e.g. `ollama pull qwen2.5-coder:1.5b`. */
  fixDetail?: string;
}

export interface CompletionStatus {
  enabled: boolean;
  health: CompletionHealth;
}

export interface InlineCompletionDeps {
  /** The local FIM provider, read per request so a settings change (base URL) takes effect at once. */
  provider: () => FimProvider;
  settings: () => HybridSettings;
  record: (r: LedgerRecord) => void;
  logger: Logger;
  /** Shows a non-modal notice; called once when the local model becomes unusable, not per keystroke. */
  notify: (notice: CompletionNotice) => void;
  /** Status bar state. Without it, the feature shows its own status bar item (click = toggle). */
  onStatus?: (status: CompletionStatus) => void;
  /** Fires when `hybrid.*` settings changed (e.g. ConfigService.onDidChange). */
  onDidChangeSettings?: vscode.Event<unknown>;
  engineOptions?: Partial<EngineOptions>;
}

export interface InlineCompletionHandle extends vscode.Disposable {
  readonly engine: CompletionEngine;
}

export function registerInlineCompletion(deps: InlineCompletionDeps): InlineCompletionHandle {
  const disposables: vscode.Disposable[] = [];
  const current = (): FimProvider => {
    const p = deps.provider();
    // Inline completion is local-only whatever else is configured: a cloud provider here is a wiring bug.
    if ((p as { location?: string }).location === 'cloud') throw new Error('inline completion must use the local provider');
    return p;
  };
  const provider: FimProvider = { get id() { return current().id; }, complete: (body, signal) => current().complete(body, signal) };

  let status: CompletionStatus = { enabled: deps.settings()['completion.enabled'], health: { state: 'ready', model: deps.settings()['local.completionModel'] } };
  const item = deps.onStatus ? undefined : vscode.window.createStatusBarItem('hybrid.completion', vscode.StatusBarAlignment.Right, 99);
  if (item) disposables.push(item);
  const publish = (patch: Partial<CompletionStatus>): void => {
    status = { ...status, ...patch };
    if (deps.onStatus) deps.onStatus(status);
    else if (item) renderItem(item, status);
  };

  const engine = new CompletionEngine({
    provider,
    settings: deps.settings,
    record: deps.record,
    logger: deps.logger,
    options: deps.engineOptions,
    onHealth: (health) => {
      publish({ health });
      if (health.state === 'ready') {
        deps.logger.info(`completion: local model ${health.model} is answering again`);
        return;
      }
      const f = health.failure;
      deps.logger.warn(`completion: local model unavailable (${health.state})`);
      deps.notify({
        message: `Inline completion paused: ${f?.message ?? 'the local model is not answering.'} It resumes by itself once the model answers.`,
        ...(f?.fix ? { fix: f.fix } : {}),
        ...(f?.fixDetail ? { fixDetail: f.fixDetail } : {}),
      });
    },
  });
  disposables.push({ dispose: () => engine.dispose() });

  const snippets = new SnippetSource();
  disposables.push(snippets);

  const inline: vscode.InlineCompletionItemProvider = {
    async provideInlineCompletionItems(document, position, context, token) {
      const s = deps.settings();
      if (!s['completion.enabled'] || s['completion.disabledLanguages'].includes(document.languageId)) return undefined;
      if (isSensitiveDocument(document)) return undefined;
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      if (token.isCancellationRequested) controller.abort();
      try {
        const { prefix, suffix } = prefixSuffix(document, position);
        const result = await engine.provide({
          docUri: document.uri.toString(), languageId: document.languageId, prefix, suffix,
          position: { line: position.line, character: position.character },
          snippets: () => snippets.collect(document),
          force: context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke,
        }, controller.signal);
        if (!result || token.isCancellationRequested) return undefined;
        const entry = new vscode.InlineCompletionItem(result.text, new vscode.Range(position, position), {
          title: 'Accept completion', command: ACCEPTED_COMMAND, arguments: [result.id],
        });
        return [entry];
      } catch (err) {
        deps.logger.warn('completion: provider failed', err);
        return undefined;
      } finally {
        sub.dispose();
      }
    },
  };

  disposables.push(
    vscode.languages.registerInlineCompletionItemProvider({ pattern: '**' }, inline),
    vscode.commands.registerCommand(ACCEPTED_COMMAND, (id: unknown) => {
      if (typeof id === 'string') engine.onAccepted(id);
    }),
    vscode.commands.registerCommand(TOGGLE_COMMAND, async () => {
      const next = !deps.settings()['completion.enabled'];
      await vscode.workspace.getConfiguration('hybrid').update('completion.enabled', next, vscode.ConfigurationTarget.Global);
      publish({ enabled: next });
      void vscode.window.setStatusBarMessage(`Hybrid inline completion ${next ? 'on' : 'off'}`, 2000);
    }),
  );

  let lastKey = settingsKey(deps.settings());
  const onSettings = (): void => {
    const s = deps.settings();
    publish({ enabled: s['completion.enabled'] });
    const key = settingsKey(s);
    if (key !== lastKey) {
      lastKey = key;
      engine.clearCache();
      engine.retryNow();
    }
  };
  disposables.push(deps.onDidChangeSettings
    ? deps.onDidChangeSettings(onSettings)
    : vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('hybrid')) onSettings(); }));
  publish({});

  return {
    engine,
    dispose: () => { for (const d of disposables.splice(0).reverse()) d.dispose(); },
  };
}

/** Settings that change what the model would answer, or where it is. */
function settingsKey(s: HybridSettings): string {
  return JSON.stringify([s['local.baseUrl'], s['local.completionModel'], s['completion.prefixTokens'], s['completion.suffixTokens'], s['completion.maxLines']]);
}

function renderItem(item: vscode.StatusBarItem, s: CompletionStatus): void {
  item.command = TOGGLE_COMMAND;
  item.name = 'Hybrid inline completion';
  if (!s.enabled) {
    item.text = '$(circle-slash) Autocomplete';
    item.tooltip = 'Hybrid inline completion is off — click to turn it on';
    item.backgroundColor = undefined;
  } else if (s.health.state !== 'ready') {
    item.text = '$(warning) Autocomplete';
    item.tooltip = `Local completion model unavailable: ${s.health.failure?.message ?? s.health.state}\nClick to turn inline completion off`;
    // The main Hybrid item already shows the outage in warning colours; one coloured item is enough.
    item.backgroundColor = undefined;
  } else {
    item.text = '$(sparkle) Autocomplete';
    item.tooltip = `Hybrid inline completion on (${s.health.model || 'local model'}, never sent to the cloud) — click to turn it off`;
    item.backgroundColor = undefined;
  }
  item.show();
}
