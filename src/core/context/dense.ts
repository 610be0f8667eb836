// The semantic stage, when the local tier has an embedding model: each indexed file is embedded from what it says
// it is (path, heading comment, defined names and signatures) and the vectors are kept on this machine, next to the
// index; the question is embedded at ask time and cosine similarity joins the fusion in rank.ts as one more leg.
// Nothing here talks to the network: an Embedder is given (ollamaEmbedder.ts speaks to the local server only).

import type { IndexedFile, RepoIndex } from './repoIndex';

export interface Embedder {
  /** The model's name: vectors of another model are never compared with this one's. */
  readonly model: string;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

const MAX_TEXT = 1200;
const BATCH = 32;
export const VECTORS_VERSION = 1;

/** What a file is embedded as: its path, what it says it is, and the names it defines. */
export function embeddingText(path: string, file: Pick<IndexedFile, 'head' | 'defs' | 'names'>): string {
  const parts = [path, file.head ?? '', file.defs.slice(0, 30).map((d) => d.signature).join('\n'), (file.names ?? []).slice(0, 40).join(' ')];
  return parts.filter(Boolean).join('\n').slice(0, MAX_TEXT);
}

interface StoredVectors { version: number; model: string; files: Record<string, { stamp: string; v: number[] }> }

/** Vectors per file, keyed by the file's change stamp: a changed file is embedded again, an unchanged one never. */
export class VectorStore {
  readonly vectors = new Map<string, { stamp: string; v: Float32Array }>();
  constructor(readonly model: string) {}

  toJSON(): StoredVectors {
    const files: StoredVectors['files'] = {};
    for (const [p, e] of this.vectors) files[p] = { stamp: e.stamp, v: [...e.v].map((x) => Math.round(x * 1e5) / 1e5) };
    return { version: VECTORS_VERSION, model: this.model, files };
  }

  /** Another model's vectors, another version or garbage: an empty store (re-embedded, never misread). */
  static fromJSON(data: unknown, model: string): VectorStore {
    const store = new VectorStore(model);
    const d = data as Partial<StoredVectors> | null;
    if (!d || d.version !== VECTORS_VERSION || d.model !== model || !d.files || typeof d.files !== 'object') return store;
    for (const [p, e] of Object.entries(d.files)) {
      if (e && typeof e.stamp === 'string' && Array.isArray(e.v)) store.vectors.set(p, { stamp: e.stamp, v: Float32Array.from(e.v) });
    }
    return store;
  }
}

export interface VectorUpdate { embedded: number; removed: number; pending: number }

/**
 * Embeds new and changed files in batches until `deadline` (epoch ms): a large workspace is embedded over several
 * questions rather than holding one up. Files no longer indexed (deleted, now private) lose their vectors.
 */
export async function updateVectors(index: RepoIndex, store: VectorStore, embedder: Embedder, deadline = Infinity, signal?: AbortSignal): Promise<VectorUpdate> {
  let removed = 0;
  for (const p of [...store.vectors.keys()]) if (!index.files.has(p)) { store.vectors.delete(p); removed++; }
  const todo = [...index.files].filter(([p, f]) => store.vectors.get(p)?.stamp !== f.stamp).sort((a, b) => a[0].localeCompare(b[0]));
  let embedded = 0;
  for (let i = 0; i < todo.length && Date.now() < deadline && !signal?.aborted; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const vectors = await embedder.embed(batch.map(([p, f]) => embeddingText(p, f)), signal);
    if (vectors.length !== batch.length) throw new Error(`embedding model returned ${vectors.length} vectors for ${batch.length} texts`);
    batch.forEach(([p, f], k) => store.vectors.set(p, { stamp: f.stamp, v: normalise(vectors[k]) }));
    embedded += batch.length;
  }
  return { embedded, removed, pending: todo.length - embedded };
}

/** Cosine similarity of the question to every embedded file. */
export async function denseScores(store: VectorStore, embedder: Embedder, question: string, signal?: AbortSignal): Promise<Map<string, number>> {
  const [q] = await embedder.embed([question], signal);
  const qv = normalise(q ?? []);
  const out = new Map<string, number>();
  for (const [p, { v }] of store.vectors) {
    if (v.length !== qv.length) continue;
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i] * qv[i];
    out.set(p, dot);
  }
  return out;
}

function normalise(v: number[] | Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Float32Array.from(v, (x) => x * s);
}
