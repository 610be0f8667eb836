// The model tiers the extension talks to, built on first use and rebuilt when their settings change: the local
// server (chat and FIM), the cloud (or a team gateway), a gateway's private group, and the token counter.
// Nothing heavy happens in the constructor: SDK clients and tiktoken are created on first use.
import * as path from 'node:path';
import { checkLocalEndpoint } from '../core';
import type { Logger } from '../core/ports';
import {
  createAnthropicProvider, createOllamaProvider, createOpenAIProvider,
  type ChatProvider, type FimProvider, type OllamaProvider,
} from '../core/providers';
import { cloudForRequest } from '../core/providers/requestKey';
import type { GatewayBudget } from '../core/team/gateway';
import { gatewayCompletionGroup } from '../core/team/gatewayCompletion';
import { createGatewayGroupProvider, type GatewayGroupProvider } from '../core/providers/gatewayGroup';
import { CHAT_PROOF_MS, createGatewayInfo, type GatewayInfo } from '../core/team/gatewayInfo';
import type { HybridSettings } from '../core/settings';
import { cloudModelSetting } from '../core/modelAdvice';
import { createTokenCounter, type TokenCounter } from '../core/tokens';
import type { ApiKeys } from './apiKeys';
import type { ConfigService } from './config';
import { Disposable } from './disposable';
import { Keyed } from './keyed';

type LocalProvider = ChatProvider & Partial<FimProvider> & Partial<Pick<OllamaProvider, 'health' | 'clearModelCache' | 'dispose'>>;

export class ProviderRegistry extends Disposable {
  private readonly localP = new Keyed<LocalProvider>();
  private readonly gatewayPrivateP = new Keyed<GatewayGroupProvider>();
  private readonly gatewayFimP = new Keyed<GatewayGroupProvider>();
  private readonly gatewayInfoP = new Keyed<GatewayInfo>();
  private tokenCounter: TokenCounter | undefined;
  private keySet = false;

  constructor(
    private readonly extensionPath: string,
    private readonly config: ConfigService,
    private readonly keys: ApiKeys,
    private readonly logger: Logger,
  ) {
    super();
    this.register({ dispose: () => this.tokenCounter?.dispose() });
    this.register(this.localP);
    this.register(this.gatewayPrivateP);
    this.register(this.gatewayFimP);
  }

  private get settings(): HybridSettings {
    return this.config.settings;
  }

  /** Whether the last cloud() found an API key (the router's "cloud: noKey"). */
  get cloudKeySet(): boolean {
    return this.keySet;
  }

  /** The private tier: Ollama or an OpenAI-compatible server, refused by the provider unless it is local. */
  local(): LocalProvider {
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

  /**
   * The FIM provider for inline completion: the private tier's own — Ollama's /api/generate, or /v1/completions on
   * an OpenAI-compatible server (vLLM, SGLang, llama.cpp, LM Studio) with the model family's FIM template.
   */
  fim(): FimProvider {
    const group = gatewayCompletionGroup(this.settings);
    const p = group ? this.gatewayGroup(this.gatewayFimP, group) : this.local();
    if (!p.complete) throw new Error(`the private tier (${p.id}) offers no fill-in-the-middle`);
    return p as FimProvider;
  }

  /**
   * The cloud tier for one request, or undefined when no API key is available; the key is read once here and
   * the provider holds that value (building one is cheap: the SDK client is made per stream). Bodies must come
   * sealed from the egress gate.
   */
  async cloud(): Promise<ChatProvider | undefined> {
    const s = this.settings;
    const timeouts = { firstByteTimeoutMs: s['timeouts.cloudFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'], logger: this.logger,
      modelSetting: (model: string) => cloudModelSetting(s, model) };
    const { keySet, provider } = s['gateway.baseUrl']
      // Team mode: the gateway holds the provider keys and budgets; the user holds a virtual key.
      ? await cloudForRequest(this.keys, 'gateway', (apiKey, keyFromEnv) => ({
        ...createOpenAIProvider({ ...timeouts, apiKey, ...(keyFromEnv ? { keyFromEnv } : {}), baseUrl: s['gateway.baseUrl'], location: 'cloud', name: 'The LiteLLM gateway', keyName: 'LiteLLM gateway', anthropicModels: true,
          onAnswerHeaders: (h) => this.budgetInfo(s['gateway.baseUrl'])?.noteAnswer(h) }), id: 'litellm',
      }))
      : await cloudForRequest(this.keys, s['cloud.provider'], (apiKey, keyFromEnv) => s['cloud.provider'] === 'anthropic'
        ? createAnthropicProvider({ ...timeouts, apiKey, ...(keyFromEnv ? { keyFromEnv } : {}), baseUrl: s['anthropic.baseUrl'] })
        : createOpenAIProvider({ ...timeouts, apiKey, ...(keyFromEnv ? { keyFromEnv } : {}), baseUrl: s['openai.baseUrl'], location: 'cloud' }));
    this.keySet = keySet;
    return provider;
  }

  /**
   * The private tier for Ask and Review: a gateway model group the admin declared private (judged against the
   * gateway's own /model/info on every request), else the local server.
   */
  privateTier(): ChatProvider {
    const s = this.settings;
    const group = s['gateway.privateModel'];
    if (!s['gateway.baseUrl'] || !group) return this.local();
    // Questions are human-paced: their proof is re-read after 30 s, which bounds how long a moved deployment gets
    // private questions even from a gateway release that omits x-litellm-model-api-base on streams (litellm#7249).
    return this.gatewayGroup(this.gatewayPrivateP, group, CHAT_PROOF_MS);
  }

  /** A gateway model group as a private tier (core/providers/gatewayGroup.ts), rebuilt when its settings change. */
  private gatewayGroup(cache: Keyed<GatewayGroupProvider>, group: string, proofMs?: number): GatewayGroupProvider {
    const s = this.settings;
    const key = JSON.stringify([s['gateway.baseUrl'], group, s['gateway.privateModels'], s['privacy.trustedHosts'],
      s['timeouts.localFirstByteMs'], s['timeouts.idleMs']]);
    const apiKey = (): Promise<string | undefined> => this.keys.get('gateway');
    return cache.get(key, () => createGatewayGroupProvider({
      baseUrl: s['gateway.baseUrl'], group, declaredPrivate: s['gateway.privateModels'], trustedHosts: s['privacy.trustedHosts'],
      // Its own copy of /model/info: a changed declaration asks the gateway afresh.
      info: createGatewayInfo({ baseUrl: s['gateway.baseUrl'], apiKey, ...(proofMs !== undefined ? { ttlMs: proofMs } : {}) }), apiKey,
      firstByteTimeoutMs: s['timeouts.localFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'], logger: this.logger,
      onAnswerHeaders: (h) => this.budgetInfo(s['gateway.baseUrl'])?.noteAnswer(h),
    }));
  }

  /** The key's and team's budget as the gateway enforces it (status bar tooltip, spend panel); kept a minute. */
  async gatewayBudget(): Promise<GatewayBudget | undefined> {
    return this.budgetInfo(this.settings['gateway.baseUrl'])?.budget();
  }

  /** One budget reader per gateway: /key/info, or the answers' x-litellm-key-spend when the key may not read it. */
  private budgetInfo(url: string): GatewayInfo | undefined {
    if (!url) return undefined;
    return this.gatewayInfoP.get(url, () => createGatewayInfo({ baseUrl: url, apiKey: () => this.keys.get('gateway'), ttlMs: 60_000 }));
  }

  tokens(): TokenCounter {
    this.tokenCounter ??= createTokenCounter({ assetsDir: path.join(this.extensionPath, 'dist') });
    return this.tokenCounter;
  }
}
