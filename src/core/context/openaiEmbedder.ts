// The local embedding model on an OpenAI-compatible private tier (llama.cpp, LM Studio, vLLM …): such servers have no
// capability field, so detection probes /v1/embeddings with the named model or each listed model whose id says
// "embed". Refused unless the server is on this machine or a trusted host.

import OpenAI from 'openai';
import type { Embedder } from './dense';

export interface OpenAIEmbedderOptions {
  baseUrl: string;
  apiKey: string;
  model?: string;
  isLocalEndpoint(url: string): boolean | Promise<boolean>;
  fetch?: typeof fetch;
}

/** undefined when the server is not local, not reachable, or none of its models embeds. */
export async function detectOpenAICompatibleEmbedder(o: OpenAIEmbedderOptions): Promise<Embedder | undefined> {
  if (!(await o.isLocalEndpoint(o.baseUrl))) return undefined;
  const baseURL = /\/v1\/?$/.test(o.baseUrl) ? o.baseUrl : `${o.baseUrl.replace(/\/$/, '')}/v1`;
  const client = new OpenAI({ baseURL, apiKey: o.apiKey, maxRetries: 0, timeout: 10_000, ...(o.fetch ? { fetch: o.fetch } : {}) });
  let ids: string[];
  try {
    ids = (await client.models.list()).data.map((m) => m.id);
  } catch {
    return undefined;
  }
  const candidates = [...(o.model ? [o.model] : []), ...ids.filter((id) => /embed/i.test(id) && id !== o.model)];
  for (const model of candidates) {
    const ok = await client.embeddings.create({ model, input: ['probe'] }).then((r) => r.data.length === 1, () => false);
    if (!ok) continue;
    return {
      model,
      async embed(texts, signal) {
        const r = await client.embeddings.create({ model, input: texts }, signal ? { signal } : undefined);
        return [...r.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      },
    };
  }
  return undefined;
}
