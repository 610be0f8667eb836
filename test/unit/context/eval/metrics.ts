// Scoring for the retrieval evaluation: recall@k and MRR per question, the two baselines the issue names (BM25
// over file contents, path-token match) and a paired bootstrap of the gain over BM25.
import { identifierWords } from '../../../../src/core/context/terms';
import type { EvalQuestion } from './types';

export type Ranker = (question: string) => string[];

export interface PerQuestion { r5: number; r10: number; rr: number; top: string[] }

export function score(q: EvalQuestion, ranked: string[]): PerQuestion {
  const hits = (k: number) => q.relevant.filter((r) => ranked.slice(0, k).includes(r)).length / q.relevant.length;
  const first = ranked.findIndex((p) => q.relevant.includes(p));
  return { r5: hits(5), r10: hits(10), rr: first < 0 ? 0 : 1 / (first + 1), top: ranked.slice(0, 10) };
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'for', 'how', 'is', 'are', 'does', 'do', 'what', 'which',
  'where', 'when', 'why', 'it', 'its', 'be', 'by', 'on', 'with', 'from', 'as', 'at', 'this', 'that', 'there', 'their', 'they']);

/** The baseline the issue measured: plain BM25 (k1 1.2, b 0.75) over each file's words, camel/snake split. */
export function bm25Baseline(files: Map<string, string>): Ranker {
  const paths = [...files.keys()].sort();
  const tf = paths.map((p) => {
    const m = new Map<string, number>();
    for (const w of identifierWords(files.get(p)!)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  const len = tf.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const avg = mean(len) || 1;
  const df = new Map<string, number>();
  for (const m of tf) for (const w of m.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return (question) => {
    const terms = [...new Set(identifierWords(question).filter((w) => !STOP.has(w)))];
    const s = paths.map((_, i) => terms.reduce((acc, t) => {
      const f = tf[i].get(t);
      if (!f) return acc;
      const d = df.get(t)!;
      const idf = Math.log(1 + (paths.length - d + 0.5) / (d + 0.5));
      return acc + (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * len[i]) / avg));
    }, 0));
    return paths.map((p, i) => ({ p, s: s[i] })).sort((a, b) => b.s - a.s || a.p.localeCompare(b.p)).map((x) => x.p);
  };
}

/** Path-token match: how many question words the path holds (what "the question names the file" scores). */
export function pathBaseline(paths: string[]): Ranker {
  const words = paths.map((p) => new Set(identifierWords(p)));
  return (question) => {
    const terms = new Set(identifierWords(question).filter((w) => !STOP.has(w)));
    return paths.map((p, i) => ({ p, s: [...terms].filter((t) => words[i].has(t)).length }))
      .sort((a, b) => b.s - a.s || a.p.localeCompare(b.p)).map((x) => x.p);
  };
}

/** Paired bootstrap (seeded, 4,000 resamples) of the mean difference a − b: the 95 % interval. */
export function pairedBootstrap(a: number[], b: number[], resamples = 4000): { gain: number; lo: number; hi: number } {
  let seed = 0x9e3779b9;
  const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const d = a.map((x, i) => x - b[i]);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[Math.floor(rand() * d.length)];
    means.push(s / d.length);
  }
  means.sort((x, y) => x - y);
  return { gain: mean(d), lo: means[Math.floor(resamples * 0.025)], hi: means[Math.floor(resamples * 0.975)] };
}
