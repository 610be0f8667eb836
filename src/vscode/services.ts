import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkLocalEndpoint, createPathPolicy, type PathPolicy } from '../core';
import { runAsk, type AskInput } from '../core/pipeline/ask';
import { createAskDeps } from '../core/pipeline/deps';
import type { AskEvent } from '../core/pipeline/events';
import type { Logger } from '../core/ports';
import {
  createAnthropicProvider, createOllamaProvider, createOpenAIProvider,
  type ChatProvider, type FimProvider, type OllamaProvider,
} from '../core/providers';
import { embedderFor, SemanticRouting } from '../core/providers/embed';
import { cloudForRequest } from '../core/providers/requestKey';
import type { HealthState } from '../core/request';
import type { HybridSettings } from '../core/settings';
import type { PriceTable } from '../core/spend';
import { createTokenCounter, type TokenCounter } from '../core/tokens';
import type { ApiKeys } from './apiKeys';
import type { ConfigService } from './config';
import { Disposable } from './disposable';
import type { LocalHealthReport } from './health';
import { DocumentPrivacy } from './privacy/documentPrivacy';
import type { SpendStore } from './spendStore';

/** Caches one value per settings signature, so providers are built on first use and rebuilt only when their settings change. */
class Keyed<T> {
  private key: string | undefined;
  private value: T | undefined;
  get(key: string, make: () => T): T {
    if (this.key !== key || this.value === undefined) { this.value = make(); this.key = key; }
    return this.value;
  }
}

/**
 * Builds and holds the core objects the commands and views use. Nothing heavy happens in the constructor:
 * SDK clients, tiktoken and the ledger are created on first use.
 */
export class Services extends Disposable {
  private readonly localP = new Keyed<ChatProvider & Partial<FimProvider> & Partial<Pick<OllamaProvider, 'health' | 'clearModelCache'>>>();
  private tokenCounter: TokenCounter | undefined;
  private aiignore: string | undefined;
  private pathPolicyCache = new Keyed<PathPolicy>();
  private readonly semanticP = new Keyed<SemanticRouting>();
  localHealth: () => LocalHealthReport = () => ({ state: 'unknown', message: '' });
  private inFlight = 0;
  private readonly busyChanged = this.register(new vscode.EventEmitter<boolean>());
  /** Fires true when a request starts and false when the last one ends (status bar spinner). */
  readonly onDidChangeBusy = this.busyChanged.event;
  cloudKeySet = false;

  constructor(
    private readonly extensionPath: string,
    readonly config: ConfigService,
    readonly keys: ApiKeys,
    readonly spend: SpendStore,
    readonly logger: Logger,
    private readonly confirm: (message: string) => Promise<boolean>,
  ) {
    super();
    this.register({ dispose: () => this.tokenCounter?.dispose() });
  }

  get settings(): HybridSettings {
    return this.config.settings;
  }

  /** The private tier: Ollama or an OpenAI-compatible server, refused by the provider unless it is local. */
  local() {
    const s = this.settings;
    const key = JSON.stringify([s['local.provider'], s['local.baseUrl'], s['local.keepAlive'], s['local.numCtx'],
      s['timeouts.localFirstByteMs'], s['timeouts.idleMs'], s['privacy.trustedHosts']]);
    return this.localP.get(key, () => {
      const common = {
        baseUrl: s['local.baseUrl'], firstByteTimeoutMs: s['timeouts.localFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'],
        logger: this.logger, trustedHosts: s['privacy.trustedHosts'],
        isLocalEndpoint: (url: string) => checkLocalEndpoint(url, s['privacy.trustedHosts']),
      };
      if (s['local.provider'] === 'openai-compatible') return createOpenAIProvider({ ...common, location: 'local', apiKey: () => process.env.HYBRID_LOCAL_API_KEY ?? 'local' });
      return createOllamaProvider({ ...common, keepAlive: s['local.keepAlive'], numCtx: s['local.numCtx'] });
    });
  }

  /** The FIM provider for inline completion: Ollama only (OpenAI-compatible servers have no common FIM API). */
  fim(): FimProvider {
    const p = this.local();
    if (typeof p.complete === 'function') return p as FimProvider;
    return {
      id: p.id,
      // eslint-disable-next-line require-yield
      async *complete() {
        return {
          usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, timing: { ttftMs: null, totalMs: 0 },
          model: '', finish: 'error',
          failure: { code: 'modelMissing', message: 'Inline completion needs Ollama — set hybrid.local.provider to "ollama".', fix: 'openSettings' },
        };
      },
    };
  }

  /**
   * The cloud tier for one request, or undefined when no API key is available; the key is read once here and
   * the provider holds that value (building one is cheap: the SDK client is made per stream). Bodies must come
   * sealed from the egress gate.
   */
  async cloud(): Promise<ChatProvider | undefined> {
    const s = this.settings;
    const which = s['cloud.provider'];
    const { keySet, provider } = await cloudForRequest(this.keys, which, (apiKey) => {
      const common = { firstByteTimeoutMs: s['timeouts.cloudFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'], logger: this.logger, apiKey };
      return which === 'anthropic'
        ? createAnthropicProvider({ ...common, baseUrl: s['anthropic.baseUrl'] })
        : createOpenAIProvider({ ...common, baseUrl: s['openai.baseUrl'], location: 'cloud' });
    });
    this.cloudKeySet = keySet;
    return provider;
  }

  tokens(): TokenCounter {
    this.tokenCounter ??= createTokenCounter({ assetsDir: path.join(this.extensionPath, 'dist') });
    return this.tokenCounter;
  }

  priceTable(): PriceTable {
    return this.spend.priceTable();
  }

  /** Resolves once the workspace's .aiignore has been read; cloud-bound requests wait for it. */
  aiignoreReady: Promise<void> = Promise.resolve();

  setAiignore(text: string | undefined): void {
    this.aiignore = text;
  }

  /** Judges whole files for every context item (a marker anywhere in a file makes all of it private). */
  readonly documents = new DocumentPrivacy(() => {
    const markers = this.settings['privacy.markers'];
    return { pathPolicy: this.pathPolicy(), markers, key: JSON.stringify([this.settings['privacy.privateGlobs'], this.aiignore, markers]) };
  });

  pathPolicy(): PathPolicy {
    const globs = this.settings['privacy.privateGlobs'];
    return this.pathPolicyCache.get(JSON.stringify([globs, this.aiignore]), () => createPathPolicy({ privateGlobs: globs, aiignore: this.aiignore }));
  }

  health(): HealthState {
    const local = this.localHealth().state;
    return { local, cloud: this.cloudKeySet ? 'ready' : 'noKey' };
  }

  /** Adds context before the pipeline classifies the request (the repo map for architecture questions). */
  contextProvider: ((input: AskInput) => Promise<AskInput>) | undefined;

  /** Runs one Ask / Review / Explain through the pipeline. */
  async *ask(input: AskInput, signal: AbortSignal): AsyncGenerator<AskEvent, void, void> {
    await this.aiignoreReady;
    if (this.contextProvider) input = await this.contextProvider(input);
    // Every item, whoever built it, inherits its whole file's privacy before the classifier sees it.
    input = { ...input, context: await this.documents.mark(input.context) };
    const cloud = await this.cloud(); // the request's one key read; also refreshes cloudKeySet for the router
    await this.spend.refresh(); // budgets count every window's spend, never an empty model before the first load
    const s = this.settings;
    const tokens = this.tokens();
    const deps = createAskDeps({
      settings: s, pathPolicy: this.pathPolicy(), priceTable: this.priceTable(),
      local: () => this.local(), cloud: async () => cloud,
      countTokens: (text) => countOrEstimate(tokens, text, s['cloud.model']),
      budget: () => this.spend.budget(), health: () => this.health(),
      record: (r) => this.spend.record(r), confirm: this.confirm, newId: newRequestId,
      expectedOutput: (route, kind) => this.spend.expectedOutput(route, kind),
      semantic: await this.semanticP.get(JSON.stringify([s['routing.embeddingModel'], s['local.provider'], s['local.baseUrl'], s['privacy.trustedHosts']]),
        () => new SemanticRouting(embedderFor(s))).router(),
    });
    if (this.inFlight++ === 0) this.busyChanged.fire(true);
    try {
      yield* runAsk(deps, input, signal);
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
  const exact = tokens.count(text, model);
  if (tokens.isLoaded()) return exact;
  exact.catch(() => undefined);
  return Promise.race([exact, new Promise<number>((r) => setTimeout(() => r(tokens.estimate(text)), COUNT_WAIT_MS))]);
}
