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
export async function canEmbed(embedder: Embedder): Promise<boolean> {
  try {
    const [v] = await embedder.embed(['probe']);
    return Array.isArray(v) && v.length > 0 && v.every((x) => Number.isFinite(x));
  } catch {
    return false;
  }
}

/** The semantic router for these settings, or undefined when no embedding model is set or the server cannot embed. */
export async function semanticRouterFor(s: HybridSettings, fetchImpl?: typeof fetch): Promise<SemanticRouter | undefined> {
  const model = s['routing.embeddingModel'];
  if (!model) return undefined;
  const endpoint: EmbedEndpoint = { baseUrl: s['local.baseUrl'], model, trustedHosts: s['privacy.trustedHosts'], ...(fetchImpl ? { fetch: fetchImpl } : {}) };
  const embedder = s['local.provider'] === 'openai-compatible' ? openAiCompatibleEmbedder(endpoint) : ollamaEmbedder(endpoint);
  return (await canEmbed(embedder)) ? new SemanticRouter(embedder) : undefined;
}
