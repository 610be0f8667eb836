// The VS Code side of inline completion: an InlineCompletionItemProvider for every language that hands the
// cursor's surroundings (and the definitions they use from other files) to the core engine, wires VS Code's
// cancellation to a real AbortController, tags each item with an acceptance command, follows what became of each
// suggestion, and reports outcomes to the one local-health state machine.

import * as vscode from 'vscode';
import { CompletionEngine, type EngineOptions } from '../../core/completion';
import { AcceptanceTracker } from '../../core/completion/acceptance';
import type { Logger } from '../../core/ports';
import type { FimProvider } from '../../core/wire/types';
import type { LedgerRecord } from '../../core/request';
import type { LocalHealthMonitor, LocalHealthReport } from '../../core/route/localHealth';
import type { HybridSettings } from '../../core/settings';
import type { Snippet } from '../../core/completion';
import { SnippetSource, isSensitiveDocument, prefixSuffix } from './context';

export const ACCEPTED_COMMAND = 'hybrid.completion.accepted';
export const TOGGLE_COMMAND = 'hybrid.toggleCompletion';

export interface CompletionStatus {
  enabled: boolean;
  /** The completion model while it is being loaded into memory. */
  loading?: string;
  /** The completion model would not load: which, and the cause and the fix. */
  loadFailed?: { model: string; message: string } | undefined;
  health: LocalHealthReport;
}

export interface InlineCompletionDeps {
  /** The local FIM provider; read once and again after each settings change (never per keystroke). */
  provider: () => FimProvider;
  settings: () => HybridSettings;
  record: (r: LedgerRecord) => void;
  logger: Logger;
  /** The shared local-health state machine: completion outcomes feed it; its notice is the one users see. */
  health: LocalHealthMonitor;
  /** The privacy rules on an open document: a private one is never a snippet of another file's prompt. */
  isPrivateDocument: (doc: vscode.TextDocument) => boolean;
  /** Definitions used near the cursor from other files (repo index); called only when a request is sent. */
  definitions?: (doc: vscode.TextDocument, pos: vscode.Position) => Snippet[];
  /** A fact the user should know once (e.g. numCtx larger than the model's window). */
  inform?: (message: string) => void;
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
  const fresh = (): FimProvider => {
    const p = deps.provider();
    // Inline completion is local-only whatever else is configured: a cloud provider here is a wiring bug.
    if ((p as { location?: string }).location === 'cloud') throw new Error('inline completion must use the local provider');
    return p;
  };
  let fim = fresh();
  const provider: FimProvider = {
    get id() { return fim.id; },
    complete: (body, signal, send) => fim.complete(body, signal, send),
    residency: (model, signal) => fim.residency?.(model, signal) ?? Promise.resolve(undefined),
    warm: (model, ms, signal) => fim.warm?.(model, ms, signal) ?? Promise.resolve(undefined),
  };

  let status: CompletionStatus = { enabled: deps.settings()['completion.enabled'], health: deps.health.current };
  const item = deps.onStatus ? undefined : vscode.window.createStatusBarItem('hybrid.completion', vscode.StatusBarAlignment.Right, 99);
  if (item) disposables.push(item);
  const publish = (patch: Partial<CompletionStatus>): void => {
    status = { ...status, ...patch, health: deps.health.current };
    if (deps.onStatus) deps.onStatus(status);
    else if (item) renderItem(item, status);
  };

  const engine = new CompletionEngine({
    provider, settings: deps.settings, record: deps.record, logger: deps.logger, options: deps.engineOptions,
    health: deps.health,
    onLoading: (model) => publish({ loading: model }),
    onLoadFailed: (model, failure) => {
      // Said once per failure, not at every retry: the status bar keeps showing it meanwhile.
      if (failure && !status.loadFailed) deps.inform?.(failure.message);
      publish({ loadFailed: failure ? { model, message: failure.message } : undefined });
    },
    onNote: (note) => deps.inform?.(note),
  });
  disposables.push({ dispose: () => engine.dispose() });

  const tracker = new AcceptanceTracker((s, outcome) => engine.onSuggestionEnded(s.id, outcome, s.languageId, s.latencyMs));
  const snippets = new SnippetSource(deps.isPrivateDocument);
  disposables.push(snippets, { dispose: () => tracker.end() });

  const inline: vscode.InlineCompletionItemProvider = {
    async provideInlineCompletionItems(document, position, context, token) {
      const startedAt = performance.now();
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
          ...(deps.definitions ? { definitions: () => deps.definitions!(document, position) } : {}),
          force: context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke,
        }, controller.signal);
        if (!result || token.isCancellationRequested) return undefined;
        tracker.shown({
          id: result.id, docUri: document.uri.toString(), offset: document.offsetAt(position), text: result.text,
          languageId: document.languageId, latencyMs: performance.now() - startedAt,
        });
        return [new vscode.InlineCompletionItem(result.text, new vscode.Range(position, position), {
          title: 'Accept completion', command: ACCEPTED_COMMAND, arguments: [result.id],
        })];
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
      if (typeof id === 'string') tracker.accepted(id);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const c = e.contentChanges[0]!;
      // Several changes at once (multi-cursor, a formatter) never continue a suggestion.
      if (e.contentChanges.length > 1) tracker.edit(e.document.uri.toString(), -1, 0, '');
      else tracker.edit(e.document.uri.toString(), c.rangeOffset, c.rangeLength, c.text);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const sel = e.selections[0];
      if (sel) tracker.moved(e.textEditor.document.uri.toString(), e.textEditor.document.offsetAt(sel.active));
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
    fim = fresh();
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
  return JSON.stringify([s['local.baseUrl'], s['gateway.baseUrl'], s['local.completionModel'], s['local.numCtx'], s['completion.prefixTokens'], s['completion.suffixTokens'], s['completion.maxLines']]);
}

function renderItem(item: vscode.StatusBarItem, s: CompletionStatus): void {
  item.command = TOGGLE_COMMAND;
  item.name = 'Hybrid inline completion';
  item.backgroundColor = undefined;
  if (!s.enabled) {
    item.text = '$(circle-slash) Autocomplete';
    item.tooltip = 'Hybrid inline completion is off — click to turn it on';
  } else if (s.loading) {
    item.text = `$(sync~spin) loading ${s.loading}…`;
    item.tooltip = `Ollama is loading ${s.loading} into memory; suggestions follow once it is loaded`;
  } else if (s.loadFailed) {
    item.text = '$(warning) Autocomplete';
    item.tooltip = `${s.loadFailed.model} could not be loaded: ${s.loadFailed.message}`;
  } else if (s.health.state !== 'ready' && s.health.state !== 'unknown') {
    item.text = '$(warning) Autocomplete';
    item.tooltip = `Local completion model unavailable: ${s.health.message}\nClick to turn inline completion off`;
  } else {
    item.text = '$(sparkle) Autocomplete';
    item.tooltip = 'Hybrid inline completion on (local model, never sent to the cloud) — click to turn it off';
  }
  item.show();
}
