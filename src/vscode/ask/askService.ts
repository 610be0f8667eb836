// Runs one Ask / Review / Explain through the pipeline for every surface (commands, our chat view, `@hybrid`, the
// model picker): adds codebase context, marks every item with its file's privacy, binds the ports and runs runAsk.
import * as vscode from 'vscode';
import { runAsk, type AskInput } from '../../core/pipeline/ask';
import { createAskDeps } from '../../core/pipeline/deps';
import type { AskEvent } from '../../core/pipeline/events';
import { LogprobSupport } from '../../core/confidence';
import { embedderFor, SemanticRouting } from '../../core/providers/embed';
import { LocalPressure } from '../../core/team/overflow';
import type { HealthState } from '../../core/request';
import type { LocalFailure } from '../../core/presentation/localFailure';
import { boundedCount, type TokenCounter } from '../../core/tokens';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import type { LocalHealthReport } from '../health';
import { Keyed } from '../keyed';
import type { WorkspacePrivacy } from '../privacy/workspacePrivacy';
import type { ProviderRegistry } from '../providerRegistry';
import type { SpendStore } from '../spendStore';

/** Adds context before the pipeline classifies the request (the repo map for architecture questions). */
export type ContextHook = (input: AskInput) => Promise<AskInput>;

export interface AskServiceParts {
  config: ConfigService;
  providers: ProviderRegistry;
  privacy: WorkspacePrivacy;
  spend: SpendStore;
  localHealth: () => LocalHealthReport;
  /** Looks again at a known local outage before routing (core LocalHealthMonitor.freshen). */
  freshenLocal?: () => Promise<void>;
  addContext?: ContextHook;
  confirm(message: string): Promise<boolean>;
}

export class AskService extends Disposable {
  private readonly pressure = new LocalPressure();
  /** What each local server + model showed about log-probabilities, for the life of the extension host. */
  private readonly logprobs = new LogprobSupport();
  private readonly semanticP = new Keyed<SemanticRouting>();
  private inFlight = 0;
  private readonly busyChanged = this.register(new vscode.EventEmitter<boolean>());
  /** Fires true when a request starts and false when the last one ends (status bar spinner). */
  readonly onDidChangeBusy = this.busyChanged.event;
  private readonly localFailed = this.register(new vscode.EventEmitter<LocalFailure>());
  /** A request routed to the private tier failed: its cause and fix, for the status bar. */
  readonly onDidFailLocally = this.localFailed.event;

  constructor(private readonly parts: AskServiceParts) {
    super();
    // Time to first token of the private tier's answers (not completions), for the overflow rule.
    this.register(parts.spend.onDidRecord((r) => { if (r.route === 'local' && r.kind !== 'completion' && r.status === 'ok') this.pressure.add(r.ttftMs); }));
  }

  health(): HealthState {
    return { local: this.parts.localHealth().state, cloud: this.parts.providers.cloudKeySet ? 'ready' : 'noKey' };
  }

  async *ask(input: AskInput, signal: AbortSignal): AsyncGenerator<AskEvent, void, void> {
    const { config, providers, privacy, spend } = this.parts;
    await privacy.ready;
    if (this.parts.addContext) input = await this.parts.addContext(input);
    // Every item, whoever built it, inherits its whole file's privacy before the classifier sees it.
    input = { ...input, context: await privacy.documents.mark(input.context) };
    // So does every file an agent's tool read, in this request's steps and in the history it carries.
    const [steps, history] = await Promise.all([privacy.documents.markTurns(input.steps), privacy.documents.markTurns(input.history)]);
    input = { ...input, ...(steps ? { steps } : {}), ...(history ? { history } : {}) };
    await this.parts.freshenLocal?.();
    const cloud = await providers.cloud(); // the request's one key read; also refreshes cloudKeySet for the router
    await spend.refresh(); // budgets count every window's spend, never an empty model before the first load
    const s = config.settings;
    const tokens = providers.tokens();
    const viaGateway = s['gateway.baseUrl'] && s['gateway.privateModel'];
    const deps = createAskDeps({
      // A private gateway group answers in place of the local chat model: one pipeline, another private tier.
      settings: viaGateway ? { ...s, 'local.chatModel': s['gateway.privateModel'] } : s,
      pathPolicy: privacy.pathPolicy(), workspaceRoots: privacy.roots(), priceTable: spend.priceTable(),
      local: () => providers.privateTier(), cloud: async () => cloud,
      countTokens: (text, model) => countOrEstimate(tokens, text, model ?? s['cloud.model']),
      budget: () => spend.budget(), health: () => this.health(),
      record: (r) => spend.record(r), pending: (r) => spend.pending(r), confirm: this.parts.confirm, newId: newRequestId,
      expectedOutput: (route, kind) => spend.expectedOutput(route, kind),
      localPressure: () => this.pressure.saturated(s['fallback.overflowTtftMs']),
      logprobs: this.logprobs,
      semantic: await this.semanticP.get(JSON.stringify([s['routing.embeddingModel'], s['local.provider'], s['local.baseUrl'], s['privacy.trustedHosts']]),
        () => new SemanticRouting(embedderFor(s))).router(),
    });
    if (this.inFlight++ === 0) this.busyChanged.fire(true);
    try {
      let route: string | undefined;
      for await (const e of runAsk(deps, input, signal)) {
        if (e.type === 'route') route = e.route;
        if (e.type === 'error' && e.failure && route === 'local') this.localFailed.fire({ code: e.failure.code, message: e.failure.message, ...(e.failure.fix ? { fix: e.failure.fix } : {}) });
        yield e;
      }
    } finally {
      if (--this.inFlight === 0) this.busyChanged.fire(false);
    }
  }
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** How long a pre-flight count may wait for the tokenizer worker before the chars/4 estimate stands in. */
const COUNT_WAIT_MS = 300;

/**
 * Exact count when the tokenizer is ready; while its worker is still loading (the first request after start-up),
 * the estimate answers at once so the request is not held up, and the load carries on in the background.
 */
export function countOrEstimate(tokens: TokenCounter, text: string, model: string): Promise<number> {
  const exact = boundedCount((t) => tokens.count(t, model), text);
  if (tokens.isLoaded()) return exact;
  exact.catch(() => undefined);
  return Promise.race([exact, new Promise<number>((r) => setTimeout(() => r(tokens.estimate(text)), COUNT_WAIT_MS))]);
}
