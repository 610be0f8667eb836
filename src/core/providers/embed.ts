// Local embedding for the semantic router: Ollama's /api/embed through the official client, or /v1/embeddings
// on an OpenAI-compatible private tier through the official SDK. The question is embedded only here, so both
// refuse any endpoint that is not local (loopback or a trusted host), before a byte is sent.

import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { checkLocalEndpoint, type HostLookup } from '../route/locality';
import type { HybridSettings } from '../settings';
import { SemanticRouter, type Embedder } from '../task/semantic';
import { openAISdkBase } from './baseUrls';

export interface EmbedEndpoint {
  baseUrl: string;
  model: string;
  trustedHosts: string[];
  fetch?: typeof fetch;
  lookup?: HostLookup;
}

export class NotLocalEmbeddingError extends Error {}

async function ensureLocal(e: EmbedEndpoint): Promise<void> {
  if (!(await checkLocalEndpoint(e.baseUrl, e.trustedHosts, e.lookup))) {
    throw new NotLocalEmbeddingError(`${e.baseUrl} is not a local endpoint: the question is never embedded anywhere else.`);
  }
}

export function ollamaEmbedder(e: EmbedEndpoint): Embedder {
  const client = new Ollama({ host: e.baseUrl, ...(e.fetch ? { fetch: e.fetch } : {}) });
  return {
    name: `${e.model} on Ollama`,
    async embed(texts) {
      await ensureLocal(e);
      const r = await client.embed({ model: e.model, input: texts });
      if (r.embeddings.length !== texts.length) throw new Error(`Ollama returned ${r.embeddings.length} embeddings for ${texts.length} texts`);
      return r.embeddings;
    },
  };
}

export function openAiCompatibleEmbedder(e: EmbedEndpoint): Embedder {
  const client = new OpenAI({
    apiKey: 'not-needed', organization: null, project: null, baseURL: openAISdkBase(e.baseUrl), maxRetries: 0,
    logLevel: 'off', ...(e.fetch ? { fetch: e.fetch } : {}),
  });
  return {
    name: `${e.model} on the private server`,
    async embed(texts, signal) {
      await ensureLocal(e);
      const r = await client.embeddings.create({ model: e.model, input: texts, encoding_format: 'float' }, { signal });
      return [...r.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}

/**
 * Whether the endpoint can embed with this model: one short probe. Used once at start-up (and after a settings
 * change) so a server without an embedding model costs nothing per question.
 */
export async function canEmbed(embedder: Embedder, timeoutMs = 5000): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const [v] = await Promise.race([
      embedder.embed(['probe'], abort.signal),
      new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new Error('probe timed out')))),
    ]);
    return Array.isArray(v) && v.length > 0 && v.every((x) => Number.isFinite(x));
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The embedder these settings name, or undefined when no embedding model is set. */
export function embedderFor(s: HybridSettings, fetchImpl?: typeof fetch): Embedder | undefined {
  const model = s['routing.embeddingModel'];
  if (!model) return undefined;
  const endpoint: EmbedEndpoint = { baseUrl: s['local.baseUrl'], model, trustedHosts: s['privacy.trustedHosts'], ...(fetchImpl ? { fetch: fetchImpl } : {}) };
  return s['local.provider'] === 'openai-compatible' ? openAiCompatibleEmbedder(endpoint) : ollamaEmbedder(endpoint);
}

/**
 * The semantic router for one set of settings, probed on first use. A failed probe (server not started yet, model
 * not pulled) is tried again after `retryMs`, so starting Ollama later is enough; a working router is kept.
 */
export class SemanticRouting {
  private pending?: Promise<SemanticRouter | undefined>;
  private failedAt?: number;

  constructor(private readonly embedder: Embedder | undefined, private readonly now: () => number = Date.now,
    private readonly retryMs = 60_000) {}

  router(): Promise<SemanticRouter | undefined> {
    if (!this.embedder) return Promise.resolve(undefined);
    if (this.pending && (this.failedAt === undefined || this.now() - this.failedAt < this.retryMs)) return this.pending;
    const embedder = this.embedder;
    this.failedAt = undefined;
    this.pending = canEmbed(embedder).then((ok) => {
      if (ok) return new SemanticRouter(embedder);
      this.failedAt = this.now();
      return undefined;
    });
    return this.pending;
  }
}
