// A user-in-trouble rig: the real pipeline as the extension binds it (createAskDeps), providers built the way
// providerRegistry builds them from settings (time-outs included), the official SDKs against the loopback fakes.
// One run returns what the user would see (errors, notices), the ledger, the busy span and the elapsed time.
import { createAskDeps } from '../../../src/core/pipeline/deps';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { createAnthropicProvider, createOllamaProvider, createOpenAIProvider } from '../../../src/core/providers';
import type { ChatProvider } from '../../../src/core/wire/types';
import type { HealthState, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { startAll, type AllFakes } from '../../fakes';

/** Short time-outs so a fault shows within a test's patience; the assertions bound time by these. */
export const SHORT = { 'timeouts.localFirstByteMs': 600, 'timeouts.cloudFirstByteMs': 600, 'timeouts.idleMs': 500 } as const;

export interface FaultOutcome {
  events: AskEvent[];
  records: LedgerRecord[];
  errors: Extract<AskEvent, { type: 'error' }>[];
  notices: string[];
  /** Everything shown to the user apart from the answer text. */
  shown: string;
  ms: number;
  /** The last event: the run ended (the generator returned) and this is what the UI settled on. */
  last: AskEvent | undefined;
}

export interface FaultRunOptions {
  settings?: Partial<HybridSettings>;
  /** Overrides the settings-built providers' base URLs (a closed port, a .invalid host, https to an http port). */
  localUrl?: string;
  cloudUrl?: string;
  cloud?: 'anthropic' | 'openai';
  /** undefined = no key stored. */
  key?: string | null;
  health?: HealthState;
  maxRetries?: number;
  signal?: AbortSignal;
  /** Where records go besides the outcome's list (a real Ledger); awaited like the extension awaits it. */
  record?(r: LedgerRecord): Promise<void>;
}

/** Record ids unique across runs, as the extension's are (a repeated id counts once in the ledger). */
let ids = 0;

export class FaultRig {
  private constructor(readonly fakes: AllFakes) {}

  static async start(): Promise<FaultRig> {
    return new FaultRig(await startAll({ reply: { ttftMs: 0, perTokenMs: 0 } }));
  }

  get ollama() { return this.fakes.ollama!.fake; }
  get anthropic() { return this.fakes.anthropic!.fake; }
  get openai() { return this.fakes.openai!.fake; }

  close(): Promise<void> { return this.fakes.close(); }

  reset(): void {
    for (const f of [this.ollama, this.anthropic, this.openai]) {
      f.reset();
      f.setFault(undefined);
      f.setReply({ text: 'canned answer', ttftMs: 0, perTokenMs: 0 });
    }
  }

  settings(o: FaultRunOptions = {}): HybridSettings {
    const cloud = o.cloud ?? 'anthropic';
    return {
      ...DEFAULT_SETTINGS, ...SHORT, 'local.baseUrl': o.localUrl ?? this.fakes.ollama!.url,
      'anthropic.baseUrl': cloud === 'anthropic' && o.cloudUrl ? o.cloudUrl : this.fakes.anthropic!.url,
      'openai.baseUrl': cloud === 'openai' && o.cloudUrl ? o.cloudUrl : this.fakes.urls.openai!,
      'cloud.provider': cloud, 'cloud.model': cloud === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-4.1',
      'fallback.cloudToLocal': false, ...o.settings,
    };
  }

  async run(input: Partial<AskInput>, o: FaultRunOptions = {}): Promise<FaultOutcome> {
    const s = this.settings(o);
    const timeouts = { firstByteTimeoutMs: s['timeouts.cloudFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'], maxRetries: o.maxRetries ?? 2 };
    const localCommon = { baseUrl: s['local.baseUrl'], firstByteTimeoutMs: s['timeouts.localFirstByteMs'], idleTimeoutMs: s['timeouts.idleMs'] };
    // As providerRegistry builds the private tier: Ollama, or an OpenAI-compatible server (vLLM, LM Studio).
    const local = s['local.provider'] === 'openai-compatible'
      ? createOpenAIProvider({ ...localCommon, location: 'local', apiKey: 'local' })
      : createOllamaProvider({ ...localCommon, numCtx: s['local.numCtx'] });
    const key = o.key === undefined ? 'loopback-fake-key' : o.key;
    const cloud = async (): Promise<ChatProvider | undefined> => {
      if (key === null) return undefined;
      return s['cloud.provider'] === 'anthropic'
        ? createAnthropicProvider({ ...timeouts, apiKey: key, baseUrl: s['anthropic.baseUrl'] })
        : createOpenAIProvider({ ...timeouts, apiKey: key, baseUrl: s['openai.baseUrl'], location: 'cloud' });
    };
    const records: LedgerRecord[] = [];
    const deps = createAskDeps({
      settings: s, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
      local: () => local, cloud, countTokens: async (t) => Math.ceil(t.length / 4),
      budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
      health: () => o.health ?? { local: 'ready', cloud: key === null ? 'noKey' : 'ready' },
      record: async (r) => { records.push(r); await o.record?.(r); }, confirm: async () => true, newId: () => `f-${++ids}`,
    });
    const full: AskInput = { origin: 'askPrivate', kind: 'ask', question: 'What does this function do?', context: [], ...input };
    const events: AskEvent[] = [];
    const started = Date.now();
    for await (const e of runAsk(deps, full, o.signal ?? new AbortController().signal)) events.push(e);
    const ms = Date.now() - started;
    const errors = events.filter((e): e is Extract<AskEvent, { type: 'error' }> => e.type === 'error');
    const notices = events.flatMap((e) => (e.type === 'notice' ? [e.text] : []));
    const shown = [...errors.map((e) => e.message), ...notices].join('\n');
    return { events, records, errors, notices, shown, ms, last: events[events.length - 1] };
  }
}
