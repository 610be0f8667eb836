// The semantic router (the pattern of LiteLLM's auto-router and RouteLLM): the question is embedded by the
// local embedding model only, compared with a labelled set of example questions shipped with the extension, and
// the vote of its nearest examples moves the rule score when the rules are unsure. Without an embedding model
// the rule score stands alone.

import type { Labels } from '../request';
import { ROUTE_EXAMPLES, type RouteExample } from './routeExamples';

/** Embeds texts on the local tier. Implementations must refuse any endpoint that is not local. */
export interface Embedder {
  /** A name for the reason text, e.g. "nomic-embed-text on Ollama". */
  readonly name: string;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

export interface SemanticOptions {
  /** Nearest examples that vote. */
  k?: number;
  /** How far the vote may move the score, either way. */
  weight?: number;
  /** The vote is asked only when the rule score lies within this distance of the threshold. */
  band?: number;
  /** A vote slower than this is dropped and the rule score stands: routing must not wait on a loading model. */
  timeoutMs?: number;
  examples?: readonly RouteExample[];
}

export interface SemanticVote {
  /** Share of the similarity-weighted vote that says "needs the cloud model", 0..1. */
  high: number;
  nearest: { text: string; label: 'high' | 'low'; similarity: number }[];
}

export class SemanticRouter {
  private readonly k: number;
  private readonly weight: number;
  private readonly band: number;
  private readonly timeoutMs: number;
  private readonly examples: readonly RouteExample[];
  private vectors?: Promise<number[][]>;

  constructor(private readonly embedder: Embedder, opts: SemanticOptions = {}) {
    this.k = opts.k ?? 7;
    this.weight = opts.weight ?? 0.25;
    this.band = opts.band ?? 0.2;
    this.timeoutMs = opts.timeoutMs ?? 2000;
    this.examples = opts.examples ?? ROUTE_EXAMPLES;
  }

  /** The example set is embedded once per router; a failure is not cached, so a later question retries. */
  private exampleVectors(signal?: AbortSignal): Promise<number[][]> {
    if (!this.vectors) {
      this.vectors = this.embedder.embed(this.examples.map((e) => e.q), signal).then(unitRows);
      this.vectors.catch(() => { this.vectors = undefined; });
    }
    return this.vectors;
  }

  async vote(question: string, signal?: AbortSignal): Promise<SemanticVote> {
    const [examples, [q]] = await Promise.all([this.exampleVectors(signal), this.embedder.embed([question], signal).then(unitRows)]);
    const scored = examples.map((v, i) => ({ i, similarity: dot(v, q) })).sort((a, b) => b.similarity - a.similarity).slice(0, this.k);
    let high = 0;
    let total = 0;
    for (const s of scored) {
      const w = Math.max(0, s.similarity);
      total += w;
      if (this.examples[s.i].label === 'high') high += w;
    }
    return {
      high: total > 0 ? high / total : 0.5,
      nearest: scored.map((s) => ({ text: this.examples[s.i].q, label: this.examples[s.i].label, similarity: Math.round(s.similarity * 1000) / 1000 })),
    };
  }

  /**
   * The labels with the vote folded in: only when the rules are unsure (score within `band` of the threshold)
   * and never for a hint (#cloud/#local, scores 0 and 1). Any failure of the embedder leaves the labels as they were.
   */
  async refine(question: string, labels: Labels, threshold: number, signal?: AbortSignal): Promise<Labels> {
    if (Math.abs(labels.complexity - threshold) > this.band || labels.complexity <= 0 || labels.complexity >= 1) return labels;
    let vote: SemanticVote;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      vote = await Promise.race([
        this.vote(question, signal),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('embedding timed out')), this.timeoutMs); }),
      ]);
    } catch {
      return labels;
    } finally {
      clearTimeout(timer);
    }
    const delta = this.weight * (2 * vote.high - 1);
    const complexity = Math.round(Math.min(1, Math.max(0, labels.complexity + delta)) * 100) / 100;
    const side = vote.high >= 0.5 ? 'needed the cloud model' : 'the local model handles';
    const signal_ = `similar to questions ${side} (${Math.round(Math.max(vote.high, 1 - vote.high) * 100)} % of ${vote.nearest.length} nearest, ${this.embedder.name})`;
    const signals = (complexity >= threshold) === (delta >= 0) ? [signal_, ...labels.signals] : [...labels.signals, signal_];
    return { ...labels, complexity, signals };
  }
}

function unitRows(rows: number[][]): number[][] {
  return rows.map((r) => {
    const n = Math.sqrt(r.reduce((s, x) => s + x * x, 0)) || 1;
    return r.map((x) => x / n);
  });
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
  return s;
}
