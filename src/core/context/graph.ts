// The reference graph, after Aider's repo map: an edge runs from a file that uses a name to each file defining it
// (and back, weaker: callers explain a file too). Personalised PageRank from the question's best lexical files
// walks it. Hubs — the files everything uses (shared types, request/response, context) — have their incoming
// weight damped by their in-degree, so global centrality does not outvote the question.

import type { RepoIndex } from './repoIndex';

export interface RefGraph {
  paths: string[];
  out: Array<Map<number, number>>;
  outWeight: Float64Array;
  indegree: Uint32Array;
  /** Name → how many files use it: how central a definition is. */
  usedBy: Map<string, number>;
}

const DAMPING = 0.7;
const ITERATIONS = 20;
const BACK_WEIGHT = 0.5;
const cache = new WeakMap<RepoIndex, { revision: number; graph: RefGraph }>();

export function refGraph(index: RepoIndex): RefGraph {
  const hit = cache.get(index);
  if (hit && hit.revision === index.revision) return hit.graph;
  const graph = build(index);
  cache.set(index, { revision: index.revision, graph });
  return graph;
}

function build(index: RepoIndex): RefGraph {
  const paths = [...index.files.keys()].sort();
  const n = paths.length;
  const definers = new Map<string, number[]>();
  paths.forEach((p, i) => {
    for (const d of index.files.get(p)!.defs) {
      const list = definers.get(d.name);
      if (!list) definers.set(d.name, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const raw: Array<Map<number, number>> = paths.map(() => new Map());
  const usedBy = new Map<string, number>();
  paths.forEach((p, i) => {
    for (const [name, count] of Object.entries(index.files.get(p)!.refs)) {
      usedBy.set(name, (usedBy.get(name) ?? 0) + 1);
      const targets = definers.get(name);
      if (!targets || targets.length > 20) continue; // `run`, `get`: defined everywhere, links nothing
      const w = Math.sqrt(count) / targets.length;
      for (const t of targets) if (t !== i) raw[i].set(t, (raw[i].get(t) ?? 0) + w);
    }
  });
  const indegree = new Uint32Array(n);
  for (const m of raw) for (const t of m.keys()) indegree[t]++;
  const out: Array<Map<number, number>> = paths.map(() => new Map());
  raw.forEach((m, i) => {
    for (const [t, w] of m) {
      out[i].set(t, (out[i].get(t) ?? 0) + w / Math.log2(2 + indegree[t]));
      out[t].set(i, (out[t].get(i) ?? 0) + (BACK_WEIGHT * w) / Math.log2(2 + indegree[t]));
    }
  });
  const outWeight = Float64Array.from(out.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  return { paths, out, outWeight, indegree, usedBy };
}

/** Personalised PageRank from `seeds` (file number → weight). Returns a score per file. */
export function personalisedRank(g: RefGraph, seeds: Map<number, number>): Float64Array {
  const n = g.paths.length;
  const personal = new Float64Array(n);
  let total = 0;
  for (const [i, w] of seeds) { personal[i] += w; total += w; }
  if (total === 0) return new Float64Array(n);
  for (let i = 0; i < n; i++) personal[i] /= total;
  let rank = Float64Array.from(personal);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const r = rank[i];
      if (r === 0) continue;
      if (g.outWeight[i] === 0) { dangling += r; continue; }
      const scale = (DAMPING * r) / g.outWeight[i];
      for (const [t, w] of g.out[i]) next[t] += scale * w;
    }
    const restart = 1 - DAMPING + DAMPING * dangling;
    for (let i = 0; i < n; i++) next[i] += restart * personal[i];
    rank = next;
  }
  return rank;
}

/** The seeds' graph neighbours of `file` (who uses it, whom it uses), for the explanation. */
export function neighbours(g: RefGraph, file: number, among: Set<number>): string[] {
  return [...g.out[file].keys()].filter((t) => among.has(t) && t !== file).map((t) => g.paths[t]);
}
