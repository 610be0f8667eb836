// The semantic stage for the extension: the local embedding model (found by capability on the local Ollama server,
// or by probing an OpenAI-compatible one; re-checked every few minutes) with its vectors persisted next to the index, and — when
// hybrid.context.localRerank is on — a rerank of the top candidates by the local chat model. Both talk to the local
// tier only; when neither exists the repo map is lexical + graph, as without them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { denseScores, updateVectors, VectorStore, type Embedder } from '../../core/context/dense';
import { detectOllamaEmbedder } from '../../core/context/ollamaEmbedder';
import { detectOpenAICompatibleEmbedder } from '../../core/context/openaiEmbedder';
import type { LocalChat } from '../../core/context/rerank';
import type { RepoIndex } from '../../core/context';
import type { Logger } from '../../core/ports';

/** Time a question may spend embedding new files; the rest are embedded on later questions. */
const EMBED_BUDGET_MS = 1500;
const REDETECT_MS = 5 * 60_000;

export interface LocalServer {
  kind: 'ollama' | 'openai-compatible';
  baseUrl: string;
  apiKey?: string;
  isLocalEndpoint(url: string): Promise<boolean>;
}

export interface SemanticSources {
  /** The private tier's server. */
  server(): LocalServer | undefined;
  /** The local chat model for the rerank, or undefined when the rerank is off. */
  rerank(): LocalChat | undefined;
}

export class SemanticStage {
  private embedder: Promise<Embedder | undefined> | undefined;
  private detectedAt = 0;
  private serverKey = '';
  private store: VectorStore | undefined;

  constructor(private readonly sources: SemanticSources, private readonly logger: Logger) {}

  get rerank(): LocalChat | undefined {
    return this.sources.rerank();
  }

  /** Cosine similarity of the question to each file, or undefined without a local embedding model. */
  async dense(index: RepoIndex, question: string, vectorFile: string): Promise<Map<string, number> | undefined> {
    const embedder = await this.detect();
    if (!embedder) return undefined;
    try {
      if (this.store?.model !== embedder.model) this.store = await load(vectorFile, embedder.model);
      const update = await updateVectors(index, this.store, embedder, Date.now() + EMBED_BUDGET_MS);
      if (update.embedded || update.removed) await save(vectorFile, this.store);
      if (update.pending) this.logger.debug(`repo map: ${update.pending} files still to embed with ${embedder.model}`);
      return await denseScores(this.store, embedder, question);
    } catch (err) {
      this.logger.warn(`repo map: local embeddings unavailable (${err instanceof Error ? err.message : String(err)})`);
      this.embedder = undefined; // detect again on the next question
      return undefined;
    }
  }

  private detect(): Promise<Embedder | undefined> {
    const server = this.sources.server();
    if (!server) return Promise.resolve(undefined);
    const key = `${server.kind} ${server.baseUrl}`;
    if (!this.embedder || this.serverKey !== key || Date.now() - this.detectedAt > REDETECT_MS) {
      this.detectedAt = Date.now();
      this.serverKey = key;
      this.embedder = (server.kind === 'ollama' ? detectOllamaEmbedder(server)
        : detectOpenAICompatibleEmbedder({ ...server, apiKey: server.apiKey ?? 'local' })).catch(() => undefined);
    }
    return this.embedder;
  }
}

async function load(file: string, model: string): Promise<VectorStore> {
  try {
    return VectorStore.fromJSON(JSON.parse(await fs.promises.readFile(file, 'utf8')), model);
  } catch {
    return new VectorStore(model);
  }
}

async function save(file: string, store: VectorStore): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(`${file}.tmp`, JSON.stringify(store));
  await fs.promises.rename(`${file}.tmp`, file);
}
