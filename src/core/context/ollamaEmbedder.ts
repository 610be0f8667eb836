// The local embedding model, found by capability: the first model the local Ollama server lists whose /api/show
// capabilities include "embedding" (or the one named). Refused unless the server is on this machine or a trusted
// host: file summaries go to the local tier only, never to the cloud.

import { Ollama } from 'ollama';
import type { Embedder } from './dense';

export interface OllamaEmbedderOptions {
  baseUrl: string;
  /** Use this model if the server has it and it can embed; otherwise the first embedding-capable model. */
  model?: string;
  isLocalEndpoint(url: string): boolean | Promise<boolean>;
  fetch?: typeof fetch;
}

/** undefined when the server is not local, not reachable, or has no embedding model. */
export async function detectOllamaEmbedder(o: OllamaEmbedderOptions): Promise<Embedder | undefined> {
  if (!(await o.isLocalEndpoint(o.baseUrl))) return undefined;
  const client = new Ollama({ host: o.baseUrl, ...(o.fetch ? { fetch: o.fetch } : {}) });
  let names: string[];
  try {
    names = (await client.list()).models.map((m) => m.name);
  } catch {
    return undefined;
  }
  if (o.model) names = [o.model, ...names.filter((n) => n !== o.model)];
  for (const name of names) {
    const caps = await client.show({ model: name }).then((s) => (s as { capabilities?: string[] }).capabilities ?? [], () => [] as string[]);
    if (!caps.includes('embedding')) continue;
    return {
      model: name,
      async embed(texts) {
        const r = await client.embed({ model: name, input: texts, truncate: true });
        return r.embeddings;
      },
    };
  }
  return undefined;
}
